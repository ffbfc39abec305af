import { useEffect, type RefObject } from 'react';

/**
 * While keys drive the list, a pointer resting over it does not hover its rows: `data-keys` is set on the
 * list at a key press and taken off when the pointer moves to another place, scrolls or clicks. Without it,
 * each key that moves the rows (q keeps a paper and the rows below move up) puts a new row under a still
 * pointer: its hover background, the row's actions fading in and their 80 ms fade-out on the row before,
 * several frames and a new style for the row each time, all of it on the frame that should show the key's
 * change. The selected row still shows its actions, so a keyboard loses nothing.
 */
export function usePointerRest(list: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A modifier alone changes nothing on screen.
      if (event.key === 'Shift' || event.key === 'Control' || event.key === 'Alt' || event.key === 'Meta') return;
      const element = list.current;
      if (element && !element.hasAttribute('data-keys')) element.setAttribute('data-keys', '');
    };
    const release = () => list.current?.removeAttribute('data-keys');
    // Chromium's own pointer events after a layout change (the rows moved under a still pointer) come where the
    // pointer already was; a hand on the mouse moves it (or scrolls, or clicks).
    let at: { x: number; y: number } | undefined;
    const onMove = (event: PointerEvent) => {
      const moved = at !== undefined && (at.x !== event.clientX || at.y !== event.clientY);
      at = { x: event.clientX, y: event.clientY };
      if (moved) release();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerdown', release, true);
    window.addEventListener('wheel', release, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerdown', release, true);
      window.removeEventListener('wheel', release, true);
    };
  }, [list]);
}
