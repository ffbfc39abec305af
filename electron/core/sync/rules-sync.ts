import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { fsErrorCode } from '../fs-errors';
import { RuleSchema, type Rule } from '../schema';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';
import type { LibraryStore } from '../store/store';
import { deviceDir, devicesDir, DeviceIdSchema } from './device';
import { localSyncDir } from './settings';

/**
 * Keyword rules on every device. A rule is made once and never edited, only removed, so the rules form a
 * set with removals: each device keeps every rule it has seen alive and the id of every rule removed
 * anywhere, and takes the union of what the other devices keep (a removal wins over the rule, for ever).
 * The whole state is small (at most 500 live rules), so each device writes it whole to its own
 * `devices/<id>/rules.json`, never a file another device writes; taking the union of states in any order,
 * any number of times, gives the same rules on every device. A copy is kept in `<data>/sync/rules.json`,
 * so a removal made while the sync folder is away is not forgotten.
 */
const RULES_FORMAT = 1;
const MAX_LIVE = 500;

const RulesStateSchema = z.object({
  format: z.literal(RULES_FORMAT),
  added: z.array(RuleSchema).max(100_000),
  removed: z.array(z.string().min(1).max(64)).max(1_000_000),
});
type RulesState = z.infer<typeof RulesStateSchema>;

export const deviceRulesFile = (syncDir: string, device: string): string =>
  join(deviceDir(syncDir, device), 'rules.json');
const localRulesFile = (dataDir: string): string => join(localSyncDir(dataDir), 'rules.json');

type Read = { state: RulesState } | { missing: true } | { problem: string };

async function readState(file: string): Promise<Read> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return { missing: true };
    return { problem: `${file} cannot be read (${fsErrorCode(error) ?? String(error)})` };
  }
  try {
    const parsed = RulesStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { state: parsed.data };
    const issue = parsed.error.issues[0];
    return { problem: `${file}: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not keyword rules'}` };
  } catch {
    // A file the sync engine is still writing in place: it will be whole at a later sync.
    return { problem: `${file} is not complete JSON yet` };
  }
}

const sameRule = (a: Rule, b: Rule): boolean => a.pattern === b.pattern && a.kind === b.kind;
const byAge = (a: Rule, b: Rule): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The rules the library shows: the live ones oldest first, one per pattern (two devices may add the same). */
export function liveRules(state: RulesState): Rule[] {
  const removed = new Set(state.removed);
  const live: Rule[] = [];
  for (const rule of state.added.filter((r) => !removed.has(r.id)).sort(byAge)) {
    if (live.length < MAX_LIVE && !live.some((kept) => sameRule(kept, rule))) live.push(rule);
  }
  return live;
}

/** Join `other` into the maps: every rule seen alive, every id removed. */
function takeIn(added: Map<string, Rule>, removed: Set<string>, other: RulesState): void {
  for (const rule of other.added) if (!added.has(rule.id)) added.set(rule.id, rule);
  for (const id of other.removed) removed.add(id);
}

export type RulesSyncResult = { changed: boolean; unreadable: string[] };

/**
 * One pass: record the rules added and removed here since the last pass, take in every other device's, give
 * the store the result (one change event when it differs) and write this device's state. `syncDir` is
 * undefined while the sync folder is away: the local state is still kept.
 */
export async function syncRules(options: {
  store: LibraryStore;
  dataDir: string;
  syncDir: string | undefined;
  device: string;
}): Promise<RulesSyncResult> {
  const { store, dataDir, syncDir, device } = options;
  const unreadable: string[] = [];
  // A library opened read-only changes nothing, here or in the sync folder.
  if (store.readOnly !== undefined) return { changed: false, unreadable };
  const local = await readState(localRulesFile(dataDir));
  if ('problem' in local) unreadable.push(local.problem);
  const before: RulesState = 'state' in local ? local.state : { format: RULES_FORMAT, added: [], removed: [] };
  const added = new Map(before.added.map((r) => [r.id, r]));
  const removed = new Set(before.removed);

  // What the person did here since the last pass: a rule alive then and gone now was removed, with any
  // rule of the same words another device added (it would otherwise take the removed one's place).
  const current = new Map(store.rules.map((r) => [r.id, r]));
  for (const rule of liveRules(before)) {
    if (current.has(rule.id)) continue;
    for (const other of added.values()) if (sameRule(other, rule)) removed.add(other.id);
  }
  for (const rule of store.rules) if (!removed.has(rule.id)) added.set(rule.id, rule);

  if (syncDir !== undefined) {
    let devices: string[] = [];
    try {
      devices = await readdir(devicesDir(syncDir));
    } catch (error) {
      if (fsErrorCode(error) !== 'ENOENT') throw error;
    }
    for (const other of devices.sort()) {
      if (other === device || !DeviceIdSchema.safeParse(other).success) continue;
      const read = await readState(deviceRulesFile(syncDir, other));
      if ('state' in read) takeIn(added, removed, read.state);
      else if ('problem' in read) unreadable.push(read.problem);
    }
  }

  for (const id of removed) added.delete(id);
  const state: RulesState = {
    format: RULES_FORMAT,
    added: [...added.values()].sort(byAge),
    removed: [...removed].sort(),
  };
  const live = liveRules(state);
  const changed = !isDeepStrictEqual(live, [...store.rules]);
  if (changed) {
    store.setRules(live);
    store.changed({ command: 'sync.rules', ids: [] });
  }

  const text = `${JSON.stringify(state)}\n`;
  if (!('state' in local) || !isDeepStrictEqual(local.state, state)) {
    await makePrivateFolder(localSyncDir(dataDir));
    await writeFileDurably(localRulesFile(dataDir), text);
  }
  if (syncDir !== undefined) {
    const mine = await readState(deviceRulesFile(syncDir, device));
    if (!('state' in mine) || !isDeepStrictEqual(mine.state, state)) {
      await makePrivateFolder(deviceDir(syncDir, device));
      await writeFileDurably(deviceRulesFile(syncDir, device), text);
    }
  }
  return { changed, unreadable };
}
