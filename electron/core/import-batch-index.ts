import { doiKey } from './identifiers';
import { contentKey, keyOf, sameByContent, sameByKey } from './import-by-key';
import type { PaperDraft } from './paper';
import { sameWork } from './same-work';
import { titleKey } from './text';

/**
 * The entries of one file seen so far, by identifier and title, to find the ones that repeat an earlier one:
 * by the rules matchInLibrary applies to the library, except that a PDF does not make two entries of one
 * file one paper (a backup's papers may share one), nor does a key an export would give (it gives distinct
 * ones: two entries of one file with different keys are two records).
 */
export class BatchIndex {
  private readonly byKey = new Map<string, PaperDraft>();

  add(draft: PaperDraft): void {
    for (const key of batchKeys(draft)) if (!this.byKey.has(key)) this.byKey.set(key, draft);
  }

  match(draft: PaperDraft): { kind: 'same' | 'possible'; draft: PaperDraft; title: string } | undefined {
    const keys = batchKeys(draft);
    const byId = keys.filter((key) => /^[adi]:/.test(key)).find((key) => this.byKey.has(key));
    const loose = keys
      .filter((key) => /^[kc]:/.test(key))
      .map((key) => this.byKey.get(key))
      .find((other) => other && (sameByKey(other, draft) || sameByContent(other, draft)));
    const same = byId ? this.byKey.get(byId)! : loose;
    if (same) return { kind: 'same', draft: same, title: same.title };
    const byTitle = keys.find((key) => key.startsWith('t:') && this.byKey.has(key));
    const other = byTitle ? this.byKey.get(byTitle) : undefined;
    if (!other) return undefined;
    return { kind: sameWork(other, draft) ? 'same' : 'possible', draft: other, title: other.title };
  }
}

function batchKeys(draft: PaperDraft): string[] {
  const keys: string[] = [];
  if (draft.id) keys.push(`i:${draft.id}`);
  if (draft.arxivId) keys.push(`a:${draft.arxivId}`);
  if (draft.doi) keys.push(`d:${doiKey(draft.doi)}`);
  const title = titleKey(draft.title);
  if (title) keys.push(`t:${title}`);
  else {
    // A title that identifies nothing: the citation key, or without one the whole content (import-by-key.ts).
    const citationKey = draft.citationKey?.trim().toLowerCase();
    const content = keyOf(draft) ? undefined : contentKey(draft);
    if (citationKey) keys.push(`k:${citationKey}`);
    else if (content !== undefined) keys.push(`c:${content}`);
  }
  return keys;
}
