import type { Mark } from './changes';
import { stampDevice, stampWall } from './hlc';

/**
 * How each side of a note's conflict is named on its marker line: `edited <minute, UTC> on <machine>`, the
 * machine by the name its device had when it saved that version (`by`, carried in the version itself), so the
 * label is a function of the version alone: every device words it the same way, whatever order the versions
 * arrived in and whatever the devices are called now. A device renamed later names its new edits with the new
 * name; the versions it saved before keep the name they were saved under, so an old conflict's text never
 * changes under a rename. A version saved by a Paperqueue that did not record names (or with a name that
 * sanitises to nothing) is named by the start of its device's id, which every device reads the same.
 *
 * The older form, `edited <minute>` alone, is still read (notes merged before names were recorded keep it).
 */
export type SideLabel = { time: string; device?: string };

/** The longest machine name a marker line shows (in characters), cut with an ellipsis past it. */
export const MARKER_NAME_MAX = 40;

/** How many characters of a device id stand for it when its name is not known. */
const SHORT_ID = 6;

/** Controls (newlines and tabs included) and line or paragraph separators: a name is one line. */
const CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
/** Directional overrides and marks, which could make a label read as something else. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Runs of the characters markers are made of (`<<<<<<<`, `=======`, `>>>>>>>`): one character is kept. */
const MARKER_RUNS = /([<=>])[<=>]+/g;

/**
 * A machine name as a marker line may hold it: one line, no directional controls, no run of marker
 * characters, at most MARKER_NAME_MAX characters; undefined when nothing is left. The name is a person's
 * text (or anything a file in the sync folder says): it is shown as text, never as markup.
 */
export function markerName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const clean = name
    .normalize('NFC')
    .replace(CONTROLS, ' ')
    .replace(BIDI, '')
    .replace(MARKER_RUNS, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return undefined;
  const chars = Array.from(clean);
  return chars.length <= MARKER_NAME_MAX
    ? clean
    : `${chars
        .slice(0, MARKER_NAME_MAX - 1)
        .join('')
        .trimEnd()}…`;
}

/** The machine a version is named by: its name when it recorded one, else `device <start of its id>`. */
export const machineOf = (mark: Mark, by: string | undefined): string =>
  markerName(by) ?? `device ${stampDevice(mark.hlc).slice(0, SHORT_ID)}`;

/** `device 7k3m9x`: a version saved without a name, as its marker names it (machineOf). */
const UNNAMED = new RegExp(`^device ([0-9a-z]{${SHORT_ID}})$`);

/**
 * How a marker's machine is shown to a person (the conflict dialog, `paperqueue sync status`): a version saved
 * without a name is named on its marker by the start of its device's id, which says little; when exactly one
 * device of the folder's records (`devices`) has an id starting so, and a name, that name is shown instead, as
 * its device calls itself now. The marker text itself never changes (it reads the same on every device); an
 * unknown or ambiguous start stays as written, and so does every other name.
 */
export function machineNamer(devices: readonly { id: string; name?: string }[]): (device: string) => string {
  const byStart = new Map<string, string | undefined>();
  for (const { id, name } of devices) {
    const start = id.slice(0, SHORT_ID);
    // Two devices with one start (1 in a billion): neither is named by it.
    byStart.set(start, byStart.has(start) ? undefined : markerName(name));
  }
  return (device) => {
    const start = UNNAMED.exec(device)?.[1];
    return (start !== undefined && byStart.get(start)) || device;
  };
}

/** The minute of a mark's stamp, in UTC: `2026-12-05T15:33Z`. */
export const isoMinute = (mark: Mark): string => `${new Date(stampWall(mark.hlc)).toISOString().slice(0, 16)}Z`;

/** The label of a side whose newest version is `mark`, saved by the device that called itself `by`. */
export const sideLabel = (mark: Mark, by: string | undefined): string =>
  `edited ${isoMinute(mark)} on ${machineOf(mark, by)}`;

const LABEL = /^edited (\d{4}-\d\d-\d\dT\d\d:\d\dZ)(?: on (.+))?$/;

/** A marker's label read back: its time, and its machine when it names one; undefined for any other text. */
export function readLabel(label: string): SideLabel | undefined {
  const match = LABEL.exec(label);
  if (!match?.[1]) return undefined;
  return match[2] ? { time: match[1], device: match[2] } : { time: match[1] };
}
