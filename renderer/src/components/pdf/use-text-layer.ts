import { TextLayer } from 'pdfjs-dist';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { PDFPageProxy, PageTexts } from '../../pdf/pdfjs';
import { followSelection } from '../../pdf/selection-end';
import { tagSpans } from '../../pdf/text-layer-dom';

/**
 * A page's text: its text as highlight offsets count it, and pdf.js's text layer for selecting, made once in
 * `host` (each span tagged with where its text starts) and laid out again at each zoom. Nothing is read or
 * laid out until the page is `active` (drawn, and the scrolling stopped). `layerVersion` changes each time
 * the layer's spans move (made, or zoomed): what is placed from them is placed again.
 */
export function useTextLayer(
  host: RefObject<HTMLDivElement | null>,
  {
    page,
    texts,
    index,
    scale,
    active,
  }: {
    page: PDFPageProxy | undefined;
    texts: PageTexts;
    index: number;
    scale: number;
    active: boolean;
  },
): { text: string | undefined; unreadable: boolean; layerVersion: number } {
  const textLayer = useRef<TextLayer | undefined>(undefined);
  const scaleRef = useRef(scale);
  useLayoutEffect(() => {
    scaleRef.current = scale;
  }, [scale]);
  const [text, setText] = useState<string>();
  const [unreadable, setUnreadable] = useState(false);
  const [layerVersion, setLayerVersion] = useState(0);

  // Its text as highlight offsets count it (for re-anchoring, and to say when there is none).
  useEffect(() => {
    if (!active) return;
    let live = true;
    void texts.text(index).then((laid) => {
      if (!live) return;
      setText(laid.text);
      setUnreadable(laid.unreadable === true);
    });
    return () => {
      live = false;
    };
  }, [active, texts, index]);

  // The text layer, made once; a zoom lays its spans out again.
  useEffect(() => {
    const layerHost = host.current;
    if (!active || !page || !layerHost || textLayer.current) return;
    let live = true;
    const container = document.createElement('div');
    container.className = 'textLayer';
    let unfollow: (() => void) | undefined;
    void Promise.all([texts.content(index), texts.text(index)])
      .then(async ([content, laid]) => {
        if (!live) return;
        const made = scaleRef.current;
        const layer = new TextLayer({
          textContentSource: content,
          container,
          viewport: page.getViewport({ scale: made }),
        });
        textLayer.current = layer;
        await layer.render();
        if (!live) return;
        if (scaleRef.current !== made) layer.update({ viewport: page.getViewport({ scale: scaleRef.current }) });
        tagSpans(layer.textDivs, laid.starts);
        layerHost.replaceChildren(container);
        unfollow = followSelection(container);
        setLayerVersion((v) => v + 1);
      })
      .catch(() => {
        // No text layer: the page still shows; selecting and finding on it do not.
      });
    return () => {
      live = false;
      unfollow?.();
      textLayer.current?.cancel();
      textLayer.current = undefined;
      layerHost.replaceChildren();
    };
  }, [host, active, page, index, texts]);

  useEffect(() => {
    if (!page || !textLayer.current) return;
    textLayer.current.update({ viewport: page.getViewport({ scale }) });
    setLayerVersion((v) => v + 1);
  }, [page, scale]);

  return { text, unreadable, layerVersion };
}
