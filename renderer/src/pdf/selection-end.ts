/**
 * Chromium extends a drag selection over the gaps between a text layer's absolutely placed spans to the
 * whole page. pdf.js's viewer (TextLayerBuilder) avoids it with an empty block that follows the selection's
 * moving end; this is that technique for our text layers: each layer registers its end block, one
 * document-wide listener moves it.
 */
const layers = new Map<HTMLElement, HTMLElement>();
let listening: AbortController | undefined;

/** Give `layer` its end block and follow selections in it; the returned function undoes both. */
export function followSelection(layer: HTMLElement): () => void {
  const end = document.createElement('div');
  end.className = 'endOfContent';
  layer.append(end);
  const down = () => layer.classList.add('selecting');
  layer.addEventListener('mousedown', down);
  layers.set(layer, end);
  listen();
  return () => {
    layer.removeEventListener('mousedown', down);
    layers.delete(layer);
    if (layers.size === 0) {
      listening?.abort();
      listening = undefined;
    }
  };
}

function reset(end: HTMLElement, layer: HTMLElement): void {
  layer.append(end);
  end.style.width = '';
  end.style.height = '';
  layer.classList.remove('selecting');
}

function listen(): void {
  if (listening) return;
  listening = new AbortController();
  const { signal } = listening;
  let pointerDown = false;
  let previous: Range | undefined;
  document.addEventListener('pointerdown', () => (pointerDown = true), { signal });
  document.addEventListener(
    'pointerup',
    () => {
      pointerDown = false;
      layers.forEach(reset);
    },
    { signal },
  );
  window.addEventListener('blur', () => layers.forEach(reset), { signal });
  document.addEventListener('keyup', () => !pointerDown && layers.forEach(reset), { signal });
  document.addEventListener(
    'selectionchange',
    () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) {
        layers.forEach(reset);
        return;
      }
      const range = selection.getRangeAt(0);
      for (const [layer, end] of layers) {
        if (range.intersectsNode(layer)) layer.classList.add('selecting');
        else reset(end, layer);
      }
      const movingStart =
        previous &&
        (range.compareBoundaryPoints(Range.END_TO_END, previous) === 0 ||
          range.compareBoundaryPoints(Range.START_TO_END, previous) === 0);
      let anchor: Node | null = movingStart ? range.startContainer : range.endContainer;
      if (anchor.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode;
      if (!movingStart && range.endOffset === 0 && anchor) {
        do {
          while (anchor && !anchor.previousSibling) anchor = anchor.parentNode;
          anchor = anchor?.previousSibling ?? null;
        } while (anchor && !anchor.childNodes.length);
      }
      const layer = anchor?.parentElement?.closest<HTMLElement>('.textLayer');
      const end = layer ? layers.get(layer) : undefined;
      if (layer && end && anchor?.parentElement) {
        end.style.width = layer.style.width;
        end.style.height = layer.style.height;
        anchor.parentElement.insertBefore(end, movingStart ? anchor : anchor.nextSibling);
      }
      previous = range.cloneRange();
    },
    { signal },
  );
}
