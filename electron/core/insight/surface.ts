import type { Paper } from '../schema';
import { forEachWord, joinedAfter, lowered, scanned, wordOf } from './terms';

/**
 * Terms as people wrote them. The model knows stems ("propertie" for "properties", "model" for
 * "models"); a reason names each term in the form the writers of the papers it is about used most
 * ("statistical properties", "diffusion models", "LLMs"), counted in those papers' titles and
 * abstracts only: a reason costs a look at a few texts, whatever the library's size.
 *
 * Which form: the one written most often, compared in lower case (words and what joins them), ties
 * going to the first in code-unit order, so the same texts always give the same name. Which case: a
 * word keeps capitals only where its writers used them consistently, that is where one spelling with
 * capitals ("LLMs", "ImageNet", "Gaussian") outnumbers all its other spellings together, lower case
 * included; otherwise it is shown in lower case. A capital its place explains says nothing: a word
 * capitalised at its first letter only, in a title or at a sentence's start, is not counted, nor is
 * any word of a text written all in capitals.
 */
export class WrittenNames {
  /** Each paper's title and abstract as searched, kept while names are asked of the same papers. */
  private readonly texts = new Map<Paper, Text[]>();

  /** Each of `stems` (as termNames names terms: "statistical propertie") as `papers` write it most. */
  names(stems: readonly string[], papers: readonly Paper[]): string[] {
    const texts = [...new Set(papers)].flatMap((paper) => this.textsOf(paper));
    return stems.map((term) => nameIn(term, texts));
  }

  private textsOf(paper: Paper): Text[] {
    let texts = this.texts.get(paper);
    if (!texts) {
      texts = [
        { text: paper.title, lower: lowered(paper.title), title: true },
        { text: paper.abstract, lower: lowered(paper.abstract), title: false },
      ];
      this.texts.set(paper, texts);
    }
    return texts;
  }
}

/** One form of a term (its words in lower case and what joins them), how often it was written, and in which spellings. */
type Form = {
  count: number;
  words: string[];
  joins: string[];
  /** Per word, how often each spelling was written where its case says something. */
  spellings: Map<string, number>[];
};

/** Where an occurrence stood, the first character of its key: what its capitals may owe to their place. */
const IN_TITLE = 't';
const AT_SENTENCE_START = 's';
const MID_SENTENCE = 'm';
/** In a text written all in capitals, where no capital says anything. */
const SHOUTED = 'u';

/**
 * A title or abstract as searched: lower-cased, as written once a term is found in it, and the
 * occurrences found of each term searched for (a paper close to several on a page is searched once).
 */
type Text = {
  text: string;
  lower: string;
  title: boolean;
  written?: string;
  place?: string;
  found?: Map<string, string[]>;
};

/** The term named by `stems` as written most in `texts`. */
function nameIn(stems: string, texts: readonly Text[]): string {
  const best = mostWritten(stems, texts);
  if (!best) {
    // Two phrases joined ("graph neural" and "neural network") may never be written whole: each word as written.
    const words = stems.split(' ');
    return words.length > 1 ? words.map((word) => nameIn(word, texts)).join(' ') : stems;
  }
  let name = '';
  best.words.forEach((word, j) => {
    name += (j === 0 ? '' : best.joins[j - 1]!) + cased(word, best.spellings[j]!);
  });
  return name;
}

function mostWritten(stems: string, texts: readonly Text[]): Form | undefined {
  const forms = new Map<string, Form>();
  for (const [key, times] of occurrences(stems, texts)) addForm(forms, key, times);
  let best: Form | undefined;
  let bestKey = '';
  for (const [key, form] of forms) {
    if (!best || form.count > best.count || (form.count === best.count && key < bestKey)) {
      best = form;
      bestKey = key;
    }
  }
  return best;
}

/** How often each occurrence of a term was seen in `texts`, by a key: where it stood, then the text as written. */
function occurrences(stems: string, texts: readonly Text[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const text of texts) {
    text.found ??= new Map();
    let found = text.found.get(stems);
    if (!found) {
      found = occurrencesIn(stems, text);
      text.found.set(stems, found);
    }
    for (const key of found) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
}

/** The key of each occurrence of a term in one text, found by searching for its first word's stem. */
function occurrencesIn(stems: string, text: Text): string[] {
  const found: string[] = [];
  const words = stems.split(' ');
  const first = words[0]!;
  const { lower } = text;
  for (let at = lower.indexOf(first); at !== -1; at = lower.indexOf(first, at + first.length)) {
    // The term's words one after the other, each joined to the one before.
    let end = wordOf(lower, at, first);
    for (let j = 1; j < words.length && end !== -1; j++) {
      const next = joinedAfter(lower, end);
      end = next === -1 ? -1 : wordOf(lower, next, words[j]!);
    }
    if (end === -1) continue;
    const written = (text.written ??= writtenAs(text));
    text.place ??= !/\p{Ll}/u.test(written) ? SHOUTED : text.title ? IN_TITLE : '';
    const where = text.place || (startsSentence(written, at) ? AT_SENTENCE_START : MID_SENTENCE);
    found.push(where + written.slice(at, end));
  }
  return found;
}

/** The text as written, where positions in its lower-cased form index it. */
function writtenAs({ text, lower }: Text): string {
  const original = scanned(text);
  // Lower-casing changed the length (a dotted İ): positions no longer match, so the case is not told.
  return original.length === lower.length ? original : lower;
}

/** Add `times` occurrences keyed `key` (see occurrences) to the form they are of. */
function addForm(forms: Map<string, Form>, key: string, times: number): void {
  const where = key[0];
  const text = key.slice(1);
  const spellings: string[] = [];
  const joins: string[] = [];
  let last = 0;
  // The occurrence holds its words and what joined them, nothing else: every word in it is one of the term's.
  forEachWord(text, (start, wordEnd) => {
    if (spellings.length) joins.push(joinOf(text.slice(last, start)));
    spellings.push(text.slice(start, wordEnd));
    last = wordEnd;
  });
  const words = spellings.map((spelling) => spelling.toLowerCase());
  let formKey = words[0] ?? '';
  for (let j = 1; j < words.length; j++) formKey += joins[j - 1]! + words[j]!;
  let form = forms.get(formKey);
  if (!form) {
    form = { count: 0, words, joins, spellings: words.map(() => new Map<string, number>()) };
    forms.set(formKey, form);
  }
  form.count += times;
  spellings.forEach((spelling, j) => {
    if (where === SHOUTED && spelling === spelling.toUpperCase()) return;
    const placed = where === IN_TITLE || (j === 0 && where === AT_SENTENCE_START);
    if (placed && spelling === capitalFirst(words[j]!)) return;
    form.spellings[j]!.set(spelling, (form.spellings[j]!.get(spelling) ?? 0) + times);
  });
}

/** `word` as its writers spelled it where one spelling with capitals outnumbers all others together. */
function cased(word: string, spellings: Map<string, number>): string {
  let total = 0;
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    total += count;
    if (spelling === word) continue;
    if (count > bestCount || (count === bestCount && spelling < best)) [best, bestCount] = [spelling, count];
  }
  return bestCount * 2 > total ? best : word;
}

/** What joins two words of a phrase as written: a hyphen or slash when written without spaces, else a space. */
function joinOf(between: string): string {
  return between === '-' || between === '/' || between === '‐' ? between : ' ';
}

function capitalFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Whether the word at `start` opens its text or a sentence (after ".", "!", "?" or ":", spaces between). */
function startsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i < 0 || '.!?:'.includes(text[i]!);
}
