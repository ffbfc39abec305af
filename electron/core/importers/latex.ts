/** The importers' and exporters' TeX reading, shared with the renderer (electron/core/shared/). */
export { latexToDisplay, latexToText, mathToText } from '../shared/latex';
export { plainText } from '../shared/plain-text';
