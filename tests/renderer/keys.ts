import { fireEvent } from '@testing-library/react';

/** A key pressed where the focus is, as a person presses it. */
export function press(key: string): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key });
}

/** The place in its list (aria-posinset) of the row that has the focus. */
export const focusedAt = (): string | null | undefined => document.activeElement?.getAttribute('aria-posinset');
