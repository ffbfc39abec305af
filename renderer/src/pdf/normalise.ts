import type { TextContent } from 'pdfjs-dist/types/src/display/api';

/**
 * The characters pdf.js's text normalisation changes (normalizeUnicode in its src/shared/util.js, 5.6.205):
 * compatibility spaces, the Latin ligatures ("ﬁ" → "fi"), the Hebrew and Arabic presentation forms and ligatures,
 * each run NFKC; "ﬅ" → "ſt". Copied because pdf.js's own is exported by its browser build only, which the reader
 * loads lazily and which cannot be imported where the reader's text is tested (Node).
 */
const NORMALISED =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/u;
const NORMALISED_ALL = new RegExp(NORMALISED.source, 'gu');

/** `str` normalised as pdf.js normalises a text item's. */
export function normaliseText(str: string): string {
  if (!NORMALISED.test(str)) return str;
  return str.replace(NORMALISED_ALL, (_, run: string | undefined, st: string | undefined) =>
    run ? run.normalize('NFKC') : '\u017Ft'.repeat(st!.length),
  );
}

/**
 * A page's text content, read with pdf.js's normalisation off, normalised as pdf.js would: the same text on a
 * left-to-right page, byte for byte (tests/renderer/pdf-normalise.test.ts checks every item of the shared PDFs),
 * but each right-to-left item normalised in logical order. PDF.js normalises a run of glyphs in the order they
 * are drawn and only then reverses a right-to-left one, so an Arabic ligature of two letters came out reversed:
 * "ﳋ" (lam–khah) read "خل" in "الخطوط", which find then missed. Costs a regular expression test per item.
 */
export function normalisedContent(content: TextContent): TextContent {
  let changed = false;
  const items = content.items.map((item) => {
    if (!('str' in item)) return item;
    const str = normaliseText(item.str);
    if (str === item.str) return item;
    changed = true;
    return { ...item, str };
  });
  return changed ? { ...content, items } : content;
}
