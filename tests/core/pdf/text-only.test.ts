import { readdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFS, pdfBytes } from './files';

// extract-worker.mjs runs a copy of PDF.js edited for reading text: it does not write the OpenType files it makes of
// embedded fonts (only drawing needs them), and it works out a text item's transform without the arrays in between.
// These tests hold that copy to PDF.js as it is: the same text, line ends, places and sizes.

type Answer = { id: number; ok: boolean; result?: unknown; error?: unknown };
type Placed = { str: string; hasEOL: boolean; x: number; y: number; width: number; size: number };
type Read = { pages: { strs: string[]; eols: Uint8Array }[]; firstPage?: { view: number[]; items: Placed[] } };

let thread: Worker;
let ask: (message: object) => Promise<Answer>;

beforeAll(async () => {
  thread = new Worker(new URL('../../../electron/core/pdf/extract-worker.mjs', import.meta.url), { execArgv: [] });
  const replies = new Map<number, (answer: Answer) => void>();
  let lastId = 0;
  await new Promise<void>((resolve, reject) => {
    thread.on('message', (reply: Answer | { ready: true }) => {
      if ('ready' in reply) resolve();
      else replies.get(reply.id)?.(reply);
    });
    thread.on('error', reject);
  });
  ask = (message) =>
    new Promise((resolve) => {
      const id = ++lastId;
      replies.set(id, resolve);
      thread.postMessage({ ...message, id });
    });
});

afterAll(async () => {
  await thread.terminate();
});

/** What the worker reads, read by PDF.js as it is (its own worker, font files written) in this process. */
async function readAsItIs(bytes: Uint8Array): Promise<Read> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes, isEvalSupported: false, enableXfa: false, verbosity: 0 }).promise;
  try {
    const pages: Read['pages'] = [];
    let firstPage: Read['firstPage'];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      const items = content.items.filter((item) => 'str' in item);
      pages.push({
        strs: items.map((item) => item.str),
        eols: Uint8Array.from(items, (item) => (item.hasEOL ? 1 : 0)),
      });
      if (number === 1) {
        firstPage = {
          view: page.view,
          items: items.map(({ str, hasEOL, transform, width }) => {
            const [, , c, d, x, y] = transform as number[];
            return { str, hasEOL, x: x!, y: y!, width, size: Math.hypot(c!, d!) };
          }),
        };
      }
    }
    return { pages, firstPage };
  } finally {
    await doc.destroy();
  }
}

/** The worker's reading of `bytes` and PDF.js's own, compared page by page; the worker's. */
async function expectAsItIs(bytes: Uint8Array, name: string): Promise<Read | undefined> {
  const answer = await ask({ bytes: bytes.slice(), maxPages: 5000 });
  // Password-protected ones fail here as they would anywhere.
  if (!answer.ok) return undefined;
  const read = answer.result as Read;
  const expected = await readAsItIs(bytes);
  expect(read.pages.length, name).toBe(expected.pages.length);
  read.pages.forEach((page, i) => {
    expect(page.strs, `${name}, page ${i + 1}`).toEqual(expected.pages[i]!.strs);
    expect([...page.eols], `${name}, page ${i + 1}`).toEqual([...expected.pages[i]!.eols]);
  });
  expect(read.firstPage?.view, name).toEqual(expected.firstPage?.view);
  // The worker's items also say whether they are upright or right to left, which PDF.js does not.
  const placed = ({ str, hasEOL, x, y, width, size }: Placed): Placed => ({ str, hasEOL, x, y, width, size });
  expect(read.firstPage?.items.map(placed), name).toEqual(expected.firstPage?.items);
  return read;
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(...parts: (string | Uint8Array)[]): Uint8Array {
  const bytes = parts.map((part) => (typeof part === 'string' ? latin1(part) : part));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** Type 1 encryption (eexec with 55665, charstrings with 4330). */
function encrypt(plain: Uint8Array, key: number): Uint8Array {
  const out = new Uint8Array(plain.length);
  let r = key;
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i]! ^ (r >> 8);
    out[i] = c;
    r = ((c + r) * 52845 + 22719) & 0xffff;
  }
  return out;
}

/**
 * A one-page PDF showing the bytes "ABBA" in an embedded Type 1 font with no /Encoding and no ToUnicode in the PDF:
 * only the font program's own Encoding (65 → /Z, 66 → /Y) says they are "ZYYZ", and PDF.js completes the font's
 * Unicode mapping from it while it converts the font, so a copy that skipped too much would read "ABBA".
 */
function type1Pdf(): Uint8Array {
  const header = latin1(
    '%!PS-AdobeFont-1.0: PQTest 001\n12 dict begin\n/FontName /PQTest def\n/FontType 1 def\n/PaintType 0 def\n' +
      '/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n/FontBBox {0 0 1000 1000} readonly def\n' +
      '/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 65 /Z put\ndup 66 /Y put\nreadonly def\n' +
      'currentdict end\ncurrentfile eexec\n',
  );
  // Each glyph: lenIV's four bytes, then "0 500 hsbw endchar".
  const glyph = encrypt(Uint8Array.of(0, 0, 0, 0, 139, 248, 136, 13, 14), 4330);
  const charString = (name: string) => concat(`/${name} ${glyph.length} RD `, glyph, ' ND\n');
  const program = concat(
    'dup /Private 8 dict dup begin\n/RD{string currentfile exch readstring pop}executeonly def\n',
    '/ND{noaccess def}executeonly def\n/NP{noaccess put}executeonly def\n/lenIV 4 def\n/BlueValues [] def\n',
    '/Subrs 0 array\n2 index /CharStrings 3 dict dup begin\n',
    charString('.notdef'),
    charString('Z'),
    charString('Y'),
    'end\nend\nreadonly put\nnoaccess put\ndup /FontName get exch definefont pop\nmark currentfile closefile\n',
  );
  const eexec = encrypt(concat(Uint8Array.of(0, 0, 0, 0), program), 55665);
  const content = 'BT /F1 12 Tf 72 720 Td (ABBA) Tj ET';
  const chunks: Uint8Array[] = [];
  let length = 0;
  const offsets: number[] = [];
  const add = (...parts: (string | Uint8Array)[]) => {
    const bytes = concat(...parts);
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (...parts: (string | Uint8Array)[]) => {
    offsets.push(length);
    add(`${offsets.length} 0 obj\n`, ...parts, '\nendobj\n');
  };
  add('%PDF-1.4\n');
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
  );
  object(
    '<< /Type /Font /Subtype /Type1 /BaseFont /PQTest /FirstChar 65 /LastChar 66 /Widths [500 500] /FontDescriptor 6 0 R >>',
  );
  object(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  object(
    '<< /Type /FontDescriptor /FontName /PQTest /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 ' +
      '/Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>',
  );
  object(
    `<< /Length ${header.length + eexec.length} /Length1 ${header.length} /Length2 ${eexec.length} /Length3 0 >>\nstream\n`,
    header,
    eexec,
    '\nendstream',
  );
  const xref = length;
  add(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`);
  for (const at of offsets) add(`${String(at).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return concat(...chunks);
}

describe("the PDF worker's copy of PDF.js", () => {
  it('is the edited one (each edit still finds its text in this PDF.js)', async () => {
    expect(await ask({ probe: 'edited' })).toEqual(expect.objectContaining({ ok: true, result: { edited: true } }));
  });

  it("reads text that only an embedded Type 1 font's own encoding gives, as PDF.js does", async () => {
    const read = await expectAsItIs(type1Pdf(), 'the Type 1 PDF');
    expect(read?.pages[0]?.strs).toEqual(['ZYYZ']);
    expect(read?.firstPage?.items[0]).toMatchObject({ x: 72, y: 720, width: 24, size: 12 });
  });

  it('reads every shared PDF exactly as PDF.js does', async () => {
    const names = (await readdir(PDFS)).filter((name) => name.endsWith('.pdf')).sort();
    expect(names).toContain('tracemonkey.pdf');
    let compared = 0;
    for (const name of names) if (await expectAsItIs(await pdfBytes(name), name)) compared++;
    // tracemonkey (Type 1 fonts), TAMReview, the Arabic CID TrueType one, pdfLaTeX's and the rest.
    expect(compared).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
