/**
 * A child process for the lock race in store-hardening.test.ts: on each
 * `open:<ms>` message it waits (spinning) until that time, so that the
 * openers start together, tries FileKeyStore.open on the directory it was
 * given and reports `ok` or the error's message; on `close` it closes the store.
 */
import { FileKeyStore } from '../../src/node/file-store.js';

const dir = process.argv[2]!;
let store: FileKeyStore | undefined;

process.on('message', (m: string) => {
  void (async () => {
    if (m.startsWith('open:')) {
      // Started together, each a fraction of a millisecond apart: the windows between one opener's steps.
      const at = Number(m.slice('open:'.length)) + Math.random();
      while (performance.timeOrigin + performance.now() < at);
      try {
        store = await FileKeyStore.open(dir);
        process.send!('ok');
      } catch (err) {
        process.send!(`error: ${(err as Error).message}`);
      }
    } else if (m === 'close') {
      await store?.close();
      store = undefined;
      process.send!('closed');
    } else if (m === 'exit') {
      process.disconnect();
    }
  })();
});
process.send!('ready');
