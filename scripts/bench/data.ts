import { STATUSES, type Annotation, type Paper, type Status } from '../../electron/core/schema';

/** mulberry32: tiny, fast and seeded, so every run generates the same libraries. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// No "z" in these, so note-only words (which start with "z") never prefix-match the main vocabulary.
const SYLLABLES =
  'ka,to,ri,ne,mo,sa,lu,de,fi,gra,pen,vor,tal,mis,con,ber,lex,dra,qui,nor,sel,tra,mun,pho,cy,gen,ist,ob,ul,ra,te,ve,ion,ar,es,li,op,ur,an,em'.split(
    ',',
  );
const VOCABULARY_SIZE = 30_000;
const NOTE_WORDS = 500;
const SURNAMES = 4_000;
const GIVEN = 300;

/** The i-th distinct word: the first 40 are one syllable, the next 1,600 two, then three, so frequent words are short. */
function wordAt(index: number, prefix = ''): string {
  let rest = index;
  let length = 1;
  let block = SYLLABLES.length;
  while (rest >= block) {
    rest -= block;
    length++;
    block *= SYLLABLES.length;
  }
  let word = '';
  for (let i = 0; i < length; i++) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return prefix + word;
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export type Vocabulary = {
  words: string[];
  noteWords: string[];
  surnames: string[];
  given: string[];
  /** A word index drawn with Zipf (s = 1) frequencies: rank 1 is the most common. */
  zipf: () => number;
  random: () => number;
};

export function makeVocabulary(seed = 42): Vocabulary {
  const random = seededRandom(seed);
  const words = Array.from({ length: VOCABULARY_SIZE }, (_, i) => wordAt(i));
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let r = 0; r < VOCABULARY_SIZE; r++) cumulative[r] = total += 1 / (r + 1);
  const zipf = (): number => {
    const target = random() * total;
    let lo = 0;
    let hi = VOCABULARY_SIZE - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    words,
    noteWords: Array.from({ length: NOTE_WORDS }, (_, i) => wordAt(i + 40, 'z')),
    surnames: Array.from({ length: SURNAMES }, (_, i) => capitalise(wordAt(i + 1640, 'w'))),
    given: Array.from({ length: GIVEN }, (_, i) => capitalise(wordAt(i + 40, 'y'))),
    zipf,
    random,
  };
}

const pick = <T>(vocab: Vocabulary, items: readonly T[]): T => items[Math.floor(vocab.random() * items.length)]!;

/** Sentences of Zipf words until the text reaches `chars` characters. */
export function prose(vocab: Vocabulary, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < chars) {
    let word = vocab.words[vocab.zipf()]!;
    if (sentence === 0) word = capitalise(word);
    sentence++;
    if (sentence > 12 + vocab.random() * 14) {
      word += '.';
      sentence = 0;
    }
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ').replace(/[^.]$/, '$&.');
}

export function authorsFor(vocab: Vocabulary, count = 5): string[] {
  return Array.from({ length: count }, () => `${pick(vocab, vocab.given)} ${pick(vocab, vocab.surnames)}`);
}

// inbox and queued (unread) are the common statuses, as in a real queue.
const STATUS_WEIGHTS: Record<Status, number> = { inbox: 0.4, queued: 0.2, reading: 0.05, read: 0.2, dismissed: 0.15 };

function statusFor(vocab: Vocabulary): Status {
  let r = vocab.random();
  for (const status of STATUSES) {
    r -= STATUS_WEIGHTS[status];
    if (r < 0) return status;
  }
  return 'inbox';
}

function annotationsFor(vocab: Vocabulary, abstract: string, at: string, id: string): Annotation[] {
  return Array.from({ length: 1 + Math.floor(vocab.random() * 3) }, (_, i) => {
    const start = Math.floor(vocab.random() * (abstract.length - 120));
    const end = start + 40 + Math.floor(vocab.random() * 80);
    return {
      id: `${id}-a${i}`,
      target: 'abstract',
      quote: abstract.slice(start, end),
      prefix: abstract.slice(Math.max(0, start - 32), start),
      suffix: abstract.slice(end, end + 32),
      start,
      end,
      color: 'yellow',
      comment: prose(vocab, 80),
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** One valid Paper: title, 5 authors, a ~1,500-char abstract, a note on 10% and annotations on 5% of papers. */
export function makePaper(vocab: Vocabulary, index: number): Paper {
  const id = `bench${index.toString(36).padStart(6, '0')}`;
  const at = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
  const abstract = prose(vocab, 1500);
  const status = statusFor(vocab);
  const title = prose(vocab, 70).replace(/\.$/, '');
  const paper: Paper = {
    id,
    arxivId: `${2401 + (index % 12)}.${String(index).padStart(5, '0')}`,
    title: capitalise(title),
    authors: authorsFor(vocab),
    abstract,
    year: 2015 + (index % 10),
    links: [],
    source: { format: 'bibtex', name: 'bench.bib', importedAt: at },
    status,
    rank: index + 1,
    history:
      status === 'inbox'
        ? [{ status, at }]
        : [
            { status: 'inbox', at },
            { status, at },
          ],
    tags: [],
    note:
      index % 10 === 3 ? `${prose(vocab, 400)} ${pick(vocab, vocab.noteWords)} ${pick(vocab, vocab.noteWords)}.` : '',
    annotations: index % 20 === 7 ? annotationsFor(vocab, abstract, at, id) : [],
    createdAt: at,
    updatedAt: at,
  };
  return paper;
}

const ACCENTS = ["{\\'e}", '{\\"o}', '{\\`a}', '{\\c{c}}', '{\\~n}'];

/** A BibTeX file of `count` @article entries with ~1,500-char abstracts, a fifth with LaTeX accents. */
export function makeBibtex(vocab: Vocabulary, count: number): string {
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    let title = capitalise(prose(vocab, 70).replace(/\.$/, ''));
    if (i % 5 === 0) title += ` M${pick(vocab, ACCENTS)}thode`;
    const authors = authorsFor(vocab)
      .map((name) => (i % 5 === 0 ? name.replace(/^(\S+)/, `$1${pick(vocab, ACCENTS)}`) : name))
      .join(' and ');
    entries.push(
      `@article{bench${i},\n  title = {${title}},\n  author = {${authors}},\n  journal = {Journal of ${capitalise(vocab.words[vocab.zipf()]!)}},\n  year = {${2000 + (i % 25)}},\n  doi = {10.5555/bench.${i}},\n  abstract = {${prose(vocab, 1500)}}\n}\n`,
    );
  }
  return entries.join('\n');
}

/** A word with one letter changed, swapped, dropped or doubled, as people mistype. */
function typo(vocab: Vocabulary, word: string): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(vocab.random() * (word.length - 2));
  const edits = [
    word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    word.slice(0, i) + word.slice(i + 1),
    word.slice(0, i) + word[i] + word.slice(i),
    word.slice(0, i) + 'x' + word.slice(i + 1),
  ];
  return edits[Math.floor(vocab.random() * edits.length)]!;
}

/**
 * 200 queries of the kinds people type: common/mid/rare words, word pairs and triples, prefixes, surnames,
 * note words, and typos of mid-frequency words.
 */
export function searchQueries(vocab: Vocabulary, count: number): string[] {
  const kinds = [
    () => vocab.words[vocab.zipf()]!,
    () => vocab.words[Math.floor(vocab.random() * 200)]!,
    () => vocab.words[2000 + Math.floor(vocab.random() * 20_000)]!,
    () => `${vocab.words[vocab.zipf()]} ${vocab.words[vocab.zipf()]}`,
    () => vocab.words[vocab.zipf()]!.slice(0, 3),
    () => vocab.surnames[Math.floor(vocab.random() * vocab.surnames.length)]!,
    () => vocab.noteWords[Math.floor(vocab.random() * vocab.noteWords.length)]!,
    () => `${vocab.words[vocab.zipf()]} ${vocab.words[vocab.zipf()]} ${vocab.words[vocab.zipf()]}`,
    () => typo(vocab, vocab.words[2000 + Math.floor(vocab.random() * 20_000)]!),
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!());
}
