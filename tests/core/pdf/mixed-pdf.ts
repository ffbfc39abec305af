import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

// ArabicCIDTrueType.pdf's glyph codes (its font TT1) for its three words, and TT2's for a space.
const ARABIC = '<0045003d000400520034001300b1>Tj'; // العربية
const FONTS = '<00c100620032002800b1>Tj'; // الخطوط
const KINDS = '<00c300b10062001500b1>Tj'; // انواع
const SPACE = '/TT2 1 Tf 0.2944 0 TD ( )Tj /TT1 1 Tf';

/**
 * ArabicCIDTrueType.pdf's page with its lines drawn again, each left to right as the PDF draws its own, with
 * Latin text (Helvetica) among the Arabic words: in logical order, line 1 "انواع الخطوط PDF العربية", line 2
 * "انواع 2024 الخطوط", line 3 "انواع Portable Document العربية", line 4 as the original, "انواع الخطوط العربية".
 */
export async function mixedArabicPdf(): Promise<Uint8Array> {
  // A path, not a URL: jsdom's URL is not Node's (the reader's tests use this too).
  const path = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs', 'ArabicCIDTrueType.pdf');
  const doc = await PDFDocument.load(new Uint8Array(await readFile(path)));
  const page = doc.getPage(0);
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const latin = page.node.newFontDictionary('Helv', helvetica.ref).asString();
  // Each word moves the pen by its width (in units of the 36-point size): Arabic ones as the original's.
  const word = (glyphs: string, width: number) => `${glyphs} ${width} 0 TD ${SPACE} 0.3 0 TD`;
  const text = (str: string) =>
    `${latin} 1 Tf (${str})Tj ${helvetica.widthOfTextAtSize(str, 1)} 0 TD ${SPACE} 0.3 0 TD`;
  const line = (y: number, ...words: string[]) => `/TT1 1 Tf 36 0 0 36 40 ${y} Tm ${words.join(' ')} ${latin} 1 Tf`;
  const content = [
    'BT 0 g',
    line(733, word(ARABIC, 3.26), text('PDF'), word(FONTS, 3.36), `${KINDS}`),
    line(679, text('2024'), word(FONTS, 3.36), `${KINDS}`),
    line(625, word(ARABIC, 3.26), text('Portable'), text('Document'), `${KINDS}`),
    line(571, word(ARABIC, 3.26), word(FONTS, 3.36), `${KINDS}`),
    'ET',
  ].join('\n');
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
  return doc.save();
}
