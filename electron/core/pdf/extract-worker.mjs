// The PDF.js side of extractPdf (extract.ts), run in a worker thread so a large or hostile PDF never blocks the
// process that owns the library. Plain JavaScript on purpose: it runs as-is under tsx, vitest and Electron's main
// process, none of which compiles a worker's TypeScript. It only reads; every decision is made in the parent.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

// PDF.js reports through the console ("Warning: …", e.g. when it cannot load its optional canvas package while it
// loads). Nothing in this thread has anything to say to a person, so the thread is silenced before PDF.js loads;
// while a PDF is read, `heard` notes the warnings that say the file is damaged (damageHeard).
for (const level of ['log', 'info', 'debug']) console[level] = () => {};
let heard;
console.warn = (message) => heard && typeof message === 'string' && damageHeard(message, heard);

// PDF.js's legacy build bundles core-js, which on Node 20 replaces built-ins that work (Array.prototype.push,
// JSON.parse, JSON.stringify) with its own for this whole thread: its push is about 7 times slower, and PDF.js pushes
// a lot. Only PDF.js runs here, so the natives go back; what core-js adds (Promise.withResolvers, …) stays.
// pdf.worker.mjs, the half of PDF.js that parses, brings its own core-js and would be loaded by the first
// getDocument, so it is loaded now (it sets globalThis.pdfjsWorker, which getDocument then uses in this thread), as
// forText edits it.
const natives = builtInFunctions();
const [{ getDocument, VerbosityLevel }, edited] = await Promise.all([
  import('pdfjs-dist/legacy/build/pdf.mjs'),
  importForText(import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')),
]);
const restored = restoreBuiltIns(natives);

/** The most one stream may inflate to (1 GiB): past it PDF.js falls back to its own decoder. */
const MAX_INFLATED = 1024 ** 3;
/**
 * Set (to 1) by the parent once this thread's read was stopped, before it terminates the thread (pdf-worker.ts's
 * stopWorker): from then on no zlib handle is made, since Node aborts the whole process when a thread is
 * terminated between making one and initialising it ("close before init"). PDF.js reads on with its own inflate.
 */
const stopping = workerData?.stopping instanceof Int32Array ? workerData.stopping : undefined;
const stopped = () => stopping !== undefined && Atomics.load(stopping, 0) === 1;
/** zlib handles made (one per stream inflated here): for tests. */
let inflated = 0;
globalThis.DecompressionStream = wholeDecompressionStream(globalThis.DecompressionStream);

// Predefined CMaps (CJK fonts) are needed to map character codes to text; standard font data is not (it draws
// glyphs), so only this folder is given. A path, not a URL: PDF.js under Node reads it with fs.
const cMapUrl = fileURLToPath(new URL('../../cmaps/', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')));

const METADATA_KEYS = ['Title', 'Author', 'Subject', 'Keywords'];
const MAX_FIELD = 2000;

parentPort.postMessage({ ready: true, restored });
parentPort.on('message', (job) => {
  // For tests: which built-ins differ now from before PDF.js loaded (none, after any number of reads).
  if (job.probe === 'built-ins') {
    parentPort.postMessage({ id: job.id, ok: true, result: { restored, replaced: replacedBuiltIns(natives) } });
    return;
  }
  // For tests: whether this thread's PDF.js is the one forText edited (not when an edit no longer finds its text).
  if (job.probe === 'edited') {
    parentPort.postMessage({ id: job.id, ok: true, result: { edited } });
    return;
  }
  // For tests: how many streams zlib inflated.
  if (job.probe === 'inflated') {
    parentPort.postMessage({ id: job.id, ok: true, result: { inflated } });
    return;
  }
  void read(job).then(
    (result) => parentPort.postMessage({ id: job.id, ok: true, result }),
    (error) => parentPort.postMessage({ id: job.id, ok: false, error: describe(error) }),
  );
});

async function read({ bytes, password, maxPages }) {
  heard = { rebuilt: false, unread: false };
  const task = getDocument({
    data: bytes,
    password,
    cMapUrl,
    cMapPacked: true,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.WARNINGS, // for damageHeard
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > maxPages) return { tooManyPages: doc.numPages };
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const pages = [];
    const unread = [];
    let firstPage;
    for (let number = 1; number <= doc.numPages; number++) {
      heard.unread = false;
      // A page PDF.js cannot find, or whose contents it cannot read (it rejects) or reads only in part (it warns:
      // heard.unread), is named in `damage`; what was read is kept, and the other pages are read all the same.
      const page = await doc.getPage(number).catch(() => undefined);
      // Unnormalised, as the reader asks for them too (it normalises them itself: renderer/src/pdf/normalise.ts).
      const read = await page?.getTextContent({ disableNormalization: true }).then(
        (content) => content.items.filter((item) => typeof item.str === 'string'),
        () => undefined,
      );
      if (read === undefined || heard.unread) unread.push(number);
      const items = read ?? [];
      const text = {
        strs: items.map((item) => item.str),
        eols: Uint8Array.from(items, (item) => (item.hasEOL ? 1 : 0)),
      };
      // Where right-to-left words are, each item's direction and transform, so they are read in order (page-text.ts).
      if (items.some((item) => item.dir === 'rtl')) {
        text.rtl = Uint8Array.from(items, (item) => (item.dir === 'rtl' ? 1 : 0));
        text.transforms = Float64Array.from(items.flatMap((item) => item.transform));
      }
      pages.push(text);
      if (number === 1 && page) firstPage = { view: page.view, items: items.map(placed) };
      page?.cleanup();
    }
    const damage = heard.rebuilt || unread.length > 0 ? { rebuilt: heard.rebuilt, unread } : undefined;
    return { pages, info: infoFields(info), xmp: xmpFields(metadata), firstPage, ...(damage && { damage }) };
  } finally {
    heard = undefined;
    await task.destroy();
  }
}

/**
 * Notes what a warning of PDF.js (5.6.205, pinned) says of damage: the index of the file's objects (xref) was unusable
 * and it rebuilt it by reading the whole file, or it gave up part way through the contents of the page being read
 * (a corrupted stream, say). Its other warnings (a font replaced, …) come from healthy files too, and are not heard.
 */
function damageHeard(message, heard) {
  if (message === 'Warning: Indexing all PDF objects') heard.rebuilt = true;
  else if (message.startsWith('Warning: getTextContent - ignoring errors during')) heard.unread = true;
}

/** Where an item sits on the page and how tall its text is, for finding the title and authors. */
function placed(item) {
  const [a, b, c, d, x, y] = item.transform;
  return {
    str: item.str,
    hasEOL: item.hasEOL,
    x,
    y,
    width: item.width,
    size: Math.hypot(c, d),
    upright: Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0 && d > 0,
    rtl: item.dir === 'rtl',
  };
}

function infoFields(info) {
  const fields = {};
  for (const key of METADATA_KEYS) if (typeof info?.[key] === 'string') fields[key] = info[key].slice(0, MAX_FIELD);
  for (const [key, value] of Object.entries(info?.Custom ?? {}))
    if (typeof value === 'string') fields[`Custom.${key}`] = value.slice(0, MAX_FIELD);
  return fields;
}

function xmpFields(metadata) {
  const fields = {};
  if (!metadata) return fields;
  for (const [key, value] of metadata) {
    const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string') : value;
    if (typeof text === 'string') fields[key] = text.slice(0, MAX_FIELD);
    else if (Array.isArray(text)) fields[key] = text.slice(0, 100).map((v) => v.slice(0, MAX_FIELD));
  }
  return fields;
}

/** PDF.js's exceptions as plain data: its classes do not survive postMessage. */
function describe(error) {
  const name = typeof error?.name === 'string' ? error.name : 'Error';
  const message = typeof error?.message === 'string' ? error.message : String(error);
  return { name, message, code: typeof error?.code === 'number' ? error.code : undefined };
}

/**
 * PDF.js inflates every content stream and embedded font through a DecompressionStream. Node's passes each one
 * through zlib on the thread pool in 16 kB chunks, web stream to stream and back: about 3 times the work of inflating
 * it at once (1.3 against 0.4 ms for 100 kB of page contents). This one is the same web stream, inflated at once with
 * zlib when the whole input is in: the same bytes out, and the same error for a damaged stream, after which PDF.js
 * decodes it with its own, more forgiving, inflate. Other formats (PDF 2.0's brotli) go to Node's, which refuses them.
 */
function wholeDecompressionStream(Native) {
  const decoders = { deflate: inflateSync, 'deflate-raw': inflateRawSync, gzip: gunzipSync };
  return class DecompressionStream {
    constructor(format) {
      // Thrown where PDF.js asks for one: it then decodes the stream itself.
      if (stopped()) throw new Error('This read was stopped');
      const decode = decoders[format];
      if (!decode) {
        inflated++;
        return new Native(format);
      }
      const chunks = [];
      const { readable, writable } = new TransformStream({
        transform(chunk) {
          chunks.push(chunk);
        },
        flush(controller) {
          if (stopped()) throw new Error('This read was stopped');
          inflated++;
          const out = decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), {
            maxOutputLength: MAX_INFLATED,
          });
          controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
        },
      });
      this.readable = readable;
      this.writable = writable;
    }
  };
}

/** Every function-valued property of the global object, of its objects and of their prototypes, as they are now. */
function builtInFunctions() {
  const found = [];
  const holders = new Set([globalThis, Object.getPrototypeOf(Uint8Array), Object.getPrototypeOf(Uint8Array.prototype)]);
  for (const key of Reflect.ownKeys(globalThis)) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, key);
    const value = descriptor && 'value' in descriptor ? descriptor.value : undefined;
    if ((typeof value === 'function' || typeof value === 'object') && value !== null) {
      holders.add(value);
      if (typeof value.prototype === 'object' && value.prototype !== null) holders.add(value.prototype);
    }
  }
  for (const holder of holders) {
    for (const key of Reflect.ownKeys(holder)) {
      const descriptor = Object.getOwnPropertyDescriptor(holder, key);
      if (typeof descriptor?.value === 'function') found.push({ holder, key, descriptor });
    }
  }
  return found;
}

/** Puts back the functions core-js replaced; the names of those it put back (e.g. "push", "stringify"). */
function restoreBuiltIns(natives) {
  const names = [];
  for (const { holder, key, descriptor } of replaced(natives)) {
    Object.defineProperty(holder, key, descriptor);
    names.push(String(key));
  }
  return names;
}

function replacedBuiltIns(natives) {
  return replaced(natives).map(({ key }) => String(key));
}

function replaced(natives) {
  return natives.filter(({ holder, key, descriptor }) => {
    const now = Object.getOwnPropertyDescriptor(holder, key);
    return now !== undefined && now.value !== descriptor.value && now.configurable;
  });
}

/**
 * pdf.worker.mjs's source edited for reading text, or undefined when an edit does not find its text exactly once
 * (each is found once in PDF.js 5.6.205, which package.json pins). What the edits leave out only ever served drawing;
 * tests/core/pdf/text-only.test.ts holds the result to PDF.js as it is, text, line ends, places and sizes.
 * - PDF.js turns every embedded Type 1 or CFF font into an OpenType file for a browser to draw with, and writing it
 *   is much of what loading such a font costs. Text needs none of it: glyph widths, the font matrix, the encodings
 *   and the Unicode mapping are set while the font program is parsed and mapped, which still happens; the file is
 *   not written (`data` stays undefined, as for a font whose file is missing). TrueType fonts are read as ever.
 * - A text item's transform, worked out for every glyph, is the product of the text matrix and the font size, then of
 *   the CTM: the same products and sums on the same numbers, without the two arrays Util.transform makes on the way
 *   and whose garbage is much of the work of reading a page.
 */
function forText(source) {
  const edits = [
    // Type1Font (a Type 1 program, as pdfTeX embeds) compiles the charstrings it parsed into a CFF program, which
    // only the OpenType file would hold.
    ['this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);', 'this.data = undefined;'],
    // Font.convert (Type 1 and CFF fonts) has completed toUnicode and the seac map by the time it writes the OpenType
    // tables: it returns before writing them.
    [
      '    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(',
      '    return undefined;\n    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(',
    ],
    [
      '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));',
      [
        '      const m = textState.textMatrix, c = textState.ctm;',
        '      const a0 = m[0] * tsm[0] + m[2] * tsm[1], a1 = m[1] * tsm[0] + m[3] * tsm[1];',
        '      const a2 = m[0] * tsm[2] + m[2] * tsm[3], a3 = m[1] * tsm[2] + m[3] * tsm[3];',
        '      const a4 = m[0] * tsm[4] + m[2] * tsm[5] + m[4], a5 = m[1] * tsm[4] + m[3] * tsm[5] + m[5];',
        '      return [c[0] * a0 + c[2] * a1, c[1] * a0 + c[3] * a1, c[0] * a2 + c[2] * a3, c[1] * a2 + c[3] * a3,',
        '        c[0] * a4 + c[2] * a5 + c[4], c[1] * a4 + c[3] * a5 + c[5]];',
      ].join('\n'),
    ],
  ];
  let text = source;
  for (const [find, replace] of edits) {
    const at = text.indexOf(find);
    if (at < 0 || text.indexOf(find, at + 1) >= 0) return undefined;
    text = text.slice(0, at) + replace + text.slice(at + find.length);
  }
  return text;
}

/**
 * Loads pdf.worker.mjs as forText edits it, from a data: URL (the file imports nothing, so nothing is left to
 * resolve), and says whether it did: a PDF.js whose text the edits no longer find, a file that cannot be read, or a
 * copy that fails to load, is loaded as it is. Only this thread runs the copy; the reader draws with another build of PDF.js, in the renderer.
 * Stack traces name the copy `<the file's URL>?for-text`, not its whole data: URL (CPU profiles still give that).
 */
async function importForText(url) {
  try {
    const source = forText(readFileSync(new URL(url), 'utf8'));
    if (source !== undefined) {
      const named = `${source}\n//# sourceURL=${url}?for-text\n`;
      await import(`data:text/javascript;base64,${Buffer.from(named).toString('base64')}`);
      return true;
    }
  } catch {
    // The file could not be read as a file here, or the copy did not load: PDF.js is loaded as it is, below.
  }
  await import(url);
  return false;
}
