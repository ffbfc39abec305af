// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { laidOut } from '../../renderer/src/pdf/page-text';
import { selectionOffsets, tagSpans } from '../../renderer/src/pdf/text-layer-dom';

/** A text layer as pdf.js's TextLayer builds it: a span per item with a string (empty ones left out), <br> after a line. */
function textLayer(items: { str?: string; hasEOL?: boolean }[]) {
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  const divs: HTMLElement[] = [];
  for (const item of items) {
    if (item.str === undefined) continue;
    const span = document.createElement('span');
    span.textContent = item.str;
    divs.push(span);
    if (item.str) layer.append(span);
    if (item.hasEOL) layer.append(document.createElement('br'));
  }
  tagSpans(divs, laidOut(items).starts);
  document.body.replaceChildren(layer);
  return { layer, spans: [...layer.querySelectorAll('span')], text: laidOut(items).text };
}

const items = [
  { str: 'We present a trace-based', hasEOL: true },
  { str: '' },
  { str: 'compilation technique', hasEOL: false },
  { str: ' for dynamic languages.', hasEOL: true },
];

describe('a selection in the text layer', () => {
  it('is read as offsets in the page’s text, across a line break', () => {
    const { layer, spans, text } = textLayer(items);
    const range = document.createRange();
    range.setStart(spans[0]!.firstChild!, 'We present a '.length);
    range.setEnd(spans[1]!.firstChild!, 'compilation'.length);
    const offsets = selectionOffsets(layer, range)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('trace-based\ncompilation');
  });

  it('counts a selection that starts or ends between spans from the next or previous span', () => {
    const { layer, spans, text } = textLayer(items);
    const range = document.createRange();
    range.setStart(layer, 1); // just after the first span, at the <br>
    range.setEnd(layer, layer.childNodes.length);
    const offsets = selectionOffsets(layer, range)!;
    expect(text.slice(offsets.start, offsets.end)).toBe('compilation technique for dynamic languages.');
    expect(spans).toHaveLength(3);
  });

  it('is nothing when it covers no text of the page', () => {
    const { layer } = textLayer(items);
    const range = document.createRange();
    range.setStart(layer, 1);
    range.setEnd(layer, 2);
    expect(selectionOffsets(layer, range)).toBeUndefined();
  });
});
