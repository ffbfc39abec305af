// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Overlays } from '../../renderer/src/components/Overlays';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

afterEach(cleanup);

// jsdom draws nothing, so the dialog's focus trap would find no control drawn: here each element has a box.
const rects = Object.getOwnPropertyDescriptor(Element.prototype, 'getClientRects')!;
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'getClientRects', {
    configurable: true,
    value: () => [new DOMRect(0, 0, 10, 10)],
  });
});
afterAll(() => Object.defineProperty(Element.prototype, 'getClientRects', rects));

/** The shortcut sheet open over a button that opened it. */
async function sheetOpen() {
  const app = createAppStore(inProcess(await openTempStore()));
  render(
    <StoreContext.Provider value={app}>
      <button type="button">Opener</button>
      <Overlays />
    </StoreContext.Provider>,
  );
  screen.getByRole('button', { name: 'Opener' }).focus();
  app.getState().setOverlay('shortcuts');
  const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
  return { app, sheet };
}

describe('the shortcut sheet', () => {
  it('has a Close button; the list has the focus first (its keys scroll it), and Tab goes round the two', async () => {
    const { app, sheet } = await sheetOpen();
    const list = within(sheet).getByRole('region', { name: 'All shortcuts' });
    expect(document.activeElement).toBe(list);
    const close = within(sheet).getByRole('button', { name: 'Close' });
    // jsdom does not move the focus on Tab itself: the trap's part is to wrap at the ends.
    close.focus();
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(list);
    fireEvent.keyDown(list, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
    // A click inside the sheet leaves it open; Close closes it and gives the focus back.
    fireEvent.click(within(sheet).getByRole('region', { name: 'The list' }));
    expect(app.getState().overlay).toBe('shortcuts');
    fireEvent.click(close);
    expect(app.getState().overlay).toBeUndefined();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Opener' }));
  });
});
