import type { AppState } from './index';

/** Run a store action's command; a refusal is shown to the user (the error banner) rather than thrown. */
export async function attempt(get: () => AppState, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    get().showError(error);
  }
}
