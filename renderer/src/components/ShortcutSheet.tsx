import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../shortcuts';
import { useApp } from '../store';
import { useDialogFocus } from './use-dialog-focus';

/**
 * Every key, by screen. The sheet fits the window: its list scrolls inside it, between the heading and the Close
 * button, which stay in view. The list takes the focus when the sheet opens (arrows and Page Down scroll it);
 * Tab goes between it and Close, and the focus goes back to where it was when the sheet closes.
 */
export function ShortcutSheet() {
  const close = useApp((s) => s.setOverlay);
  const sheet = useRef<HTMLDivElement>(null);
  useDialogFocus(sheet);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === '?') close(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  return (
    <div className="scrim" onClick={() => close(undefined)}>
      <div
        ref={sheet}
        className="dialog shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <div className="shortcuts-list" role="region" aria-label="All shortcuts" tabIndex={0}>
          {SHORTCUTS.map(({ heading, items }) => (
            <section key={heading} aria-label={heading}>
              <h3>{heading}</h3>
              <dl>
                {items.map(({ keys, action }) => (
                  <div key={action} className="shortcut">
                    <dt>
                      {keys.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </dt>
                    <dd>{action}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => close(undefined)}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
