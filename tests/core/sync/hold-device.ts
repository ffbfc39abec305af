// A second process that holds a device's folder: opens the library in argv[2], writes its sync changes
// (which takes the device's lock), says so on stdout, and lets go when its stdin ends.
import { LibraryStore } from '../../../electron/core/store/store';
import { attachSync, detachSync } from '../../../electron/core/sync/attach';

const store = await LibraryStore.open(process.argv[2]!);
const session = await attachSync(store);
await session!.enqueue(() => session!.writeToFolder());
process.stdout.write(`${JSON.stringify({ held: true })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void detachSync(store)
    .then(() => store.flush())
    .then(() => process.exit(0));
});
