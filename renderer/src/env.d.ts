import type { PaperqueueBridge } from '../../electron/bridge';

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Present in the desktop app (set by the preload); absent in browser mode. */
    paperqueue?: PaperqueueBridge;
  }
}
