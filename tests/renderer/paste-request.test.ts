// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { onPasteRequest, requestPaste } from '../../renderer/src/shortcuts';

describe("the desktop menu's Paste…", () => {
  it('opens the dialog at once when the toolbar is there, once per request', () => {
    let opened = 0;
    const stop = onPasteRequest(() => opened++);
    requestPaste();
    requestPaste();
    expect(opened).toBe(2);
    // A toolbar that is gone opens nothing: the request waits for the next one.
    stop();
    requestPaste();
    expect(opened).toBe(2);
    const next = onPasteRequest(() => opened++);
    expect(opened).toBe(3);
    next();
  });

  it('asked before the page is drawn (the first render waits for the rows), opens once the toolbar listens', () => {
    let opened = 0;
    requestPaste();
    expect(opened).toBe(0);
    const stop = onPasteRequest(() => opened++);
    expect(opened).toBe(1);
    // Answered once: a toolbar drawn again does not open it a second time.
    stop();
    const again = onPasteRequest(() => opened++);
    expect(opened).toBe(1);
    again();
  });
});
