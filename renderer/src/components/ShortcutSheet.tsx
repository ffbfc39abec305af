import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../shortcuts';
import { useApp } from '../store';
import { useDialogFocus } from './use-dialog-focus';

export function ShortcutSheet() {
  const close = useApp((s) => s.setOverlay);
  const sheet = useRef<HTMLDivElement>(null);
  // The sheet takes the focus (arrows and Page Down scroll it), and gives it back to where it was.
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
        aria-label="Keyboard shortcuts"
        tabIndex={0}
      >
        <h2>Keyboard shortcuts</h2>
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
    </div>
  );
}
