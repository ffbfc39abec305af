import { dispatch } from '../../electron/core/dispatch';
import type { LibraryStore } from '../../electron/core/store/store';
import { CommandFailed, type Transport } from '../../renderer/src/transport';

/** The renderer's transport, served in-process by the real dispatch on a real store. */
export function inProcess(store: LibraryStore): Transport {
  return {
    async invoke(name, input) {
      const result = await dispatch({ store }, name, input);
      if (!result.ok) throw new CommandFailed(result.error);
      return result.value as never;
    },
    onChanged: (callback) => store.onChange(callback),
    onWriteError: (callback) => store.onWriteError((error) => callback(String(error))),
    onProgress: (callback) => store.onProgress(callback),
    async attachmentBytes(hash) {
      const result = await dispatch({ store }, 'attachments.read', { hash });
      if (!result.ok) throw new CommandFailed(result.error);
      return new Uint8Array(Buffer.from((result.value as { base64: string }).base64, 'base64'));
    },
  };
}
