import { askFirstPage } from './first-page';
import { firstListInput } from './store/list-source';
import { detectTransport } from './transport';

/*
 * The page's first script, a few kilobytes that run while the app's code (300 KB and more) still comes
 * and compiles: it asks for the list's first rows, which the store takes when it starts (takeFirstPage).
 * It is an entry of its own, put into the page by electron.vite.config.ts.
 */
const input = firstListInput(window.localStorage);
if (input) askFirstPage(detectTransport(), input);
