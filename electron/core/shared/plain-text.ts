// Shared with the renderer (eslint.config.js): pure, it imports nothing outside this folder.
import { mathToText } from './latex';
import { mathSpans } from './math-spans';
import { squashSpace } from './squash-space';

/**
 * A stored title or abstract as plain text, for every place that cannot draw math: a toast, an accessible
 * name, a tooltip, a CSV cell. Its $…$ math is Unicode ($\mathcal{O}(n\log n)$ reads 𝒪(n log n), $\alpha^2$
 * α², $\tilde{O}$ Õ); the text around it is kept as it is, as the app shows it (the importers have read its
 * TeX already), prices included.
 */
export function plainText(text: string): string {
  const spans = mathSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.start) + mathToText(span.tex);
    last = span.end;
  }
  return out + text.slice(last);
}

/** A title quoted in a message or a label: plain text on one line, at most `max` characters, cut with "…". */
export function shortTitle(title: string, max = 60): string {
  // By code points: a math letter (𝒪) is two UTF-16 units, never cut in half.
  const chars = [...squashSpace(plainText(title))];
  if (chars.length <= max) return chars.join('');
  const kept = chars.slice(0, max - 3).join('');
  return `${kept.trimEnd()}…`;
}
