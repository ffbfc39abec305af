// The PDF side of the core: text and identification for attaching, importing and searching PDFs.
export { pageText, searchableText } from './page-text';
export type { TextItemLike } from './page-text';
export { PdfProblem, extractPdf, isPdf } from './extract';
export type { ExtractOptions, PdfInfo, PdfProblemCode, PdfText } from './extract';
