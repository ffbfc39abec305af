// What a title or a person's name looks like, to keep junk out of PdfInfo (empty beats wrong).

const FILE_NAME = /\.(pdf|docx?|dvi|tex|ps|eps|rtf|odt|pages|indd|qxd|pptx?|xlsx?|txt|html?)$/i;
const PROGRAM_PREFIX = /^(microsoft (word|powerpoint|excel)|libreoffice|openoffice)\s*-/i;
const PLACEHOLDER =
  /^(untitled|no title|title|document|doc|paper|manuscript|article|draft|slides?|presentation|template|unknown|none|null|undefined)[\s\d_-]*$/i;
const PERL_JUNK = /^(array|hash|scalar)\(0x[0-9a-f]+\)$/i;

/** Whether a metadata Title names the work rather than the file, the program or nothing. */
export function plausibleTitle(title: string): boolean {
  const text = title.trim();
  if (text.length < 3 || text.length > 400) return false;
  if (FILE_NAME.test(text) || PROGRAM_PREFIX.test(text) || PLACEHOLDER.test(text) || PERL_JUNK.test(text)) return false;
  // A path ("C:\work\x", "/home/me/x") or a bare identifier ("paper_v3_final") is a file's name.
  if (/^([a-z]:)?[\\/]/i.test(text) || (!/\s/.test(text) && /[_\\/]/.test(text))) return false;
  return (text.match(/\p{L}/gu) ?? []).length >= 2;
}

const PLACEHOLDER_AUTHOR =
  /^(author|authors|administrator|admin|user|owner|unknown|anonymous|default|guest|staff|windows user|microsoft office user|office|test|none|null|undefined)$/i;

/** Whether one name from a metadata Author field names a person (or group), not a placeholder or junk. */
export function plausibleMetadataAuthor(name: string): boolean {
  const text = name.trim();
  if (text.length < 2 || text.length > 100) return false;
  if (PLACEHOLDER_AUTHOR.test(text) || PERL_JUNK.test(text) || FILE_NAME.test(text) || text.includes('@')) return false;
  return (text.match(/\p{L}/gu) ?? []).length >= 2;
}

// Words that mark an affiliation, an address or the page's furniture, never a person's name.
const NOT_NAME_WORDS = new Set(
  (
    'university universität universite université universidad universidade università college school institute ' +
    'institut instituto department dept laboratory laboratories lab labs corporation corp inc ltd llc gmbh co ' +
    'research center centre faculty academy hospital foundation group company technology technologies sciences ' +
    'science engineering national international abstract introduction keywords email correspondence equal ' +
    'contribution member ieee fellow senior student proceedings conference journal vol volume copyright ' +
    'permission preprint submitted accepted published working papers information systems technical report ' +
    'google deepmind microsoft meta openai nvidia amazon ibm apple facebook intel adobe mozilla baidu alibaba ' +
    'tencent huawei samsung usa uk china germany france japan canada india italy spain australia korea ' +
    'switzerland netherlands sweden israel singapore street road avenue building campus city'
  ).split(' '),
);
const PARTICLES = new Set('van von der den de da di del della du dos das la le bin ibn al y ten ter'.split(' '));
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/** Whether text from below a title reads as one person's name: two to five capitalised words, nothing else. */
export function looksLikePersonName(text: string): boolean {
  if (/[\d@/\\:()[\]{}<>=]/.test(text)) return false;
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 5) return false;
  if (!NAME_WORD.test(words[0]!) || !NAME_WORD.test(words.at(-1)!)) return false;
  for (const word of words) {
    const lower = word.toLowerCase().replace(/[.,]$/, '');
    if (NOT_NAME_WORDS.has(lower)) return false;
    if (!NAME_WORD.test(word) && !PARTICLES.has(lower)) return false;
  }
  // Initials alone ("J. K.") are not a name; a surname needs two letters.
  return /\p{L}{2}/u.test(words.at(-1)!);
}
