/**
 * Previews that can be cancelled, by the id their caller gave them. A cancel may overtake its preview (a
 * 7 MB request is still arriving when the small cancel is read): an id cancelled before its preview began
 * is remembered, so that preview stops at once. Process-wide, as the ids are the callers' random ones.
 */
const running = new Map<string, AbortController>();
const cancelledEarly = new Set<string>();
/** Cancels of previews never seen are kept this many at most (one a Cancel press). */
const MAX_EARLY = 100;

/** The signal of the preview `id`, aborted by cancelPreview; `done` forgets it. */
export function beginPreview(id: string): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  if (cancelledEarly.delete(id)) controller.abort();
  running.set(id, controller);
  return {
    signal: controller.signal,
    done: () => {
      if (running.get(id) === controller) running.delete(id);
    },
  };
}

/** Stops the preview `id` at its next slice; whether it was running (else it is stopped as it begins). */
export function cancelPreview(id: string): boolean {
  const controller = running.get(id);
  if (controller) {
    controller.abort();
    running.delete(id);
    return true;
  }
  cancelledEarly.add(id);
  if (cancelledEarly.size > MAX_EARLY) cancelledEarly.delete(cancelledEarly.values().next().value!);
  return false;
}
