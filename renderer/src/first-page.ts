import type { CommandInput, CommandOutput } from '../../electron/core/dispatch';
import type { Transport } from './transport';

type RowsInput = CommandInput<'papers.rows'>;
type RowsAnswer = CommandOutput<'papers.rows'>;

/**
 * The list's first page, asked for by early.ts, and what was asked. early.ts is a script of its own, built
 * apart from the app's code (electron.vite.config.ts): the two share only the page's window. Null once the
 * list has asked for its first rows, early or not.
 */
export type FirstPage = { key: string; answer: Promise<RowsAnswer> } | null;

const page = globalThis as { paperqueueFirstPage?: FirstPage };

/**
 * Ask now for the rows the list will ask for first (firstListInput): on the first start of a large library
 * the server takes 100 ms and more to answer, which the page then spends loading and running its own code
 * instead of waiting after it. Nothing is asked once the list has asked for itself.
 */
export function askFirstPage(transport: Transport, input: RowsInput): void {
  if (page.paperqueueFirstPage !== undefined) return;
  const answer = transport.invoke('papers.rows', input);
  // A failure is the list's to show once it takes the answer; until then it is not an unhandled rejection.
  answer.catch(() => undefined);
  page.paperqueueFirstPage = { key: JSON.stringify(input), answer };
}

/**
 * The early answer, if the list's first request for rows is the one asked for early. Only the first
 * request may take it: a later one asks afresh, since the library may have changed meanwhile.
 */
export function takeFirstPage(input: RowsInput): Promise<RowsAnswer> | undefined {
  const early = page.paperqueueFirstPage;
  page.paperqueueFirstPage = null;
  return early && early.key === JSON.stringify(input) ? early.answer : undefined;
}
