/*
 * Each paper has a pane of its own (PaperDetail): when the cursor moves on (j, k, a status key that goes to the
 * next paper), the next paper's pane takes the place of the one before. A keyboard user whose focus was on one of
 * its controls lost it to the page's top with the pane that held it. The focus now goes to the same control of
 * the next paper's pane ("Reading" to "Reading"), or to that pane itself when it has no such control.
 */

import { focusPane } from './one-column-focus';

/** The control of a pane that had the focus as the pane went: its kind and name, and when. */
type Held = { tag: string; role: string | null; name: string; at: number };

/** How long after a pane went the next one takes its focus: its paper's details are on their way meanwhile. */
const HELD_MS = 3000;

let held: Held | undefined;

/** A control's name, as the pane's controls are told apart: their label, else their text. */
const nameOf = (element: Element): string =>
  element.getAttribute('aria-label') ?? element.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Called as `pane` goes: which of its controls had the focus, if one did (the pane itself counts). */
export function rememberPaneFocus(pane: HTMLElement): void {
  const active = document.activeElement;
  held =
    active && pane.contains(active)
      ? {
          tag: active.tagName,
          role: active.getAttribute('role'),
          name: active === pane ? '' : nameOf(active),
          at: now(),
        }
      : undefined;
}

/** Called once no pane is shown (the paper closed): a pane opened later is no replacement, and takes no focus. */
export function forgetPaneFocus(): void {
  held = undefined;
}

/**
 * Called as `pane` comes: the focus to the control like the one that had it in the pane before, or to `pane`
 * (`focusPane`), if the focus went with that pane a moment ago and is still nowhere. Whether it did.
 */
export function restorePaneFocus(pane: HTMLElement): boolean {
  const was = held;
  held = undefined;
  const active = document.activeElement;
  const lost = !active || active === document.body || !active.isConnected;
  if (!was || now() - was.at > HELD_MS || !lost) return false;
  const like = was.name
    ? [...pane.querySelectorAll<HTMLElement>(was.tag)].find(
        (element) => element.getAttribute('role') === was.role && nameOf(element) === was.name,
      )
    : undefined;
  if (like) like.focus();
  else focusPane(pane);
  return document.activeElement !== document.body;
}

const now = (): number => performance.now();
