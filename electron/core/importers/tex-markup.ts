/**
 * IEEE Xplore writes the math in its titles and abstracts as markup around TeX, and its .bib and .ris files
 * (and the libraries, JabRef's among them, that took them in) keep it: "X- and <tex>$\gamma$</tex>-Ray".
 * Crossref's JATS does the same with <tex-math> inside <inline-formula>. The markup is not text: the TeX
 * inside is read as the math it is, as if the file had written it bare.
 */
const TEX_ELEMENT = /<(tex|tex-math)\b[^<>]*>([\s\S]*?)<\/\1\s*>/gi;
const FORMULA = /<\/?(?:inline-formula|disp-formula)\b[^<>]*>/gi;
const IN_MATH = /^(?:\$|\\\(|\\\[)/;

/** `raw` (a field as its file wrote it) with <tex>…</tex> as the TeX inside, put in $…$ if it was not. */
export function withoutTexMarkup(raw: string): string {
  if (!raw.includes('<')) return raw;
  return raw
    .replace(TEX_ELEMENT, (_, _name: string, inner: string) => {
      const tex = inner.trim();
      return tex === '' || IN_MATH.test(tex) ? tex : `$${tex}$`;
    })
    .replace(FORMULA, '');
}

/**
 * A stored title or abstract (already read as display text when it was imported, the markup left in):
 * "X- and <tex>γ</tex>-Ray" -> "X- and γ-Ray". What is inside is already text or $…$ math, kept as it is.
 */
export function storedWithoutTexMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(TEX_ELEMENT, (_, _name: string, inner: string) => inner.trim()).replace(FORMULA, '');
}
