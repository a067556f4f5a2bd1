/**
 * Per-name locks (FileKeyStore): a holder waits for the earlier holders that share a name
 * with it (a key, an alias name). All of one holder's names are queued in one
 * synchronous step, so a holder only ever waits for earlier ones and no two
 * can wait for each other.
 */
export class Locks {
  private readonly tails = new Map<string, Promise<void>>();

  acquire(names: readonly string[]): { ready: Promise<void>; release: () => void } {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const waits: Promise<void>[] = [];
    const unique = [...new Set(names)];
    for (const name of unique) {
      const previous = this.tails.get(name);
      if (previous !== undefined) waits.push(previous);
      this.tails.set(name, done);
    }
    return {
      ready: Promise.all(waits).then(() => undefined),
      release: () => {
        release();
        for (const name of unique) if (this.tails.get(name) === done) this.tails.delete(name);
      },
    };
  }
}
