/**
 * node:crypto as the native provider: Node, and Deno and Bun, which implement
 * it. Only the `node` entries import this file.
 *
 * node:crypto itself is loaded on the first call that goes native, not at
 * import: loading it costs a fresh Node process about 4 ms (more than the
 * rest of the engine's start), and a program whose messages stay under the
 * break-even never needs it. `process.getBuiltinModule` (Node 20.16+, Deno,
 * Bun) loads it synchronously, so routing stays synchronous; nothing is
 * imported for it (even `node:module`, for `createRequire`, costs a cold
 * start about 1 ms).
 */
import type * as NodeCrypto from 'node:crypto';
import type { HashName } from './hash.js';
import { installNative, type NativeKey, type NativeProvider, type NativeRuntime } from './native.js';

function detectRuntime(): NativeRuntime {
  const g = globalThis as { Deno?: unknown; Bun?: unknown };
  return g.Bun !== undefined ? 'bun' : g.Deno !== undefined ? 'deno' : 'node';
}

const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
const syncLoad = typeof runtime?.getBuiltinModule === 'function';

let loaded: typeof NodeCrypto | undefined;
/** `crypto.hash` (Node 20.12+, one call, no Hash object), looked up once node:crypto is loaded; null where there is none. */
type OneShot = (alg: string, data: Uint8Array | string, enc: 'buffer') => Buffer;
let oneShot: OneShot | null | undefined;

/** node:crypto, loaded on first use (installNodeProvider makes sure it can be). */
function nodeCrypto(): typeof NodeCrypto {
  return (loaded ??= runtime!.getBuiltinModule!('node:crypto') as typeof NodeCrypto);
}

/**
 * A Buffer's bytes as a plain Uint8Array of their own: a copy of a tag or
 * digest (at most 64 bytes). Copying beats a view of the Buffer's memory:
 * `buffer.buffer` makes the engine materialise an ArrayBuffer for a small
 * Buffer (JavaScriptCore in Bun: ~170 ns a call, a third of a whole native HMAC).
 */
function plain(b: Buffer): Uint8Array {
  return new Uint8Array(b);
}

/**
 * A key on the node:crypto side. Node and Bun get a KeyObject (made once,
 * as fast or faster per call than raw bytes there); Deno gets a copy of the
 * raw bytes, because its createHmac takes a KeyObject 5-20 % slower than
 * bytes (measured on Deno 2, 0 B to 64 KiB), which put Deno's HmacKey under
 * its own node:crypto at 4 KiB.
 */
class NodeKey implements NativeKey {
  readonly #hash: HashName;
  readonly #key: NodeCrypto.KeyObject | Uint8Array;

  constructor(hash: HashName, key: NodeCrypto.KeyObject | Uint8Array) {
    this.#hash = hash;
    this.#key = key;
  }

  /** node:crypto's tag, as its Buffer. */
  #tag(message: Uint8Array | string): Buffer {
    return nodeCrypto().createHmac(this.#hash, this.#key).update(message).digest();
  }

  mac(message: Uint8Array | string): Uint8Array {
    return plain(this.#tag(message));
  }

  macInto(message: Uint8Array | string, out: Uint8Array, offset: number): void {
    out.set(this.#tag(message), offset);
  }

  destroy(): void {
    if (this.#key instanceof Uint8Array) this.#key.fill(0);
  }
}

export const nodeProvider: NativeProvider = {
  runtime: detectRuntime(),
  hash(hash: HashName, data: Uint8Array | string): Uint8Array {
    const crypto = nodeCrypto();
    oneShot ??= (crypto as unknown as { hash?: OneShot }).hash ?? null;
    return plain(oneShot !== null ? oneShot(hash, data, 'buffer') : crypto.createHash(hash).update(data).digest());
  },
  hmac(hash: HashName, key: Uint8Array, message: Uint8Array | string): Uint8Array | null {
    let h: NodeCrypto.Hmac;
    try {
      h = nodeCrypto().createHmac(hash, key);
    } catch {
      return null;
    }
    return plain(h.update(message).digest());
  },
  key(hash: HashName, key: Uint8Array): NativeKey | null {
    try {
      const crypto = nodeCrypto();
      if (nodeProvider.runtime !== 'deno') return new NodeKey(hash, crypto.createSecretKey(key));
      crypto.createHmac(hash, key); // refuses what the runtime cannot hold, as createSecretKey would
      return new NodeKey(hash, new Uint8Array(key)); // a copy (a Buffer's slice() is a view)
    } catch {
      // A runtime that refuses this key (some refuse an empty one) leaves it to the core.
      return null;
    }
  },
};

/**
 * Installs {@link nodeProvider}: at once where node:crypto loads synchronously
 * on first use, else (Node 20 before 20.16) once an import of it resolves;
 * until then every message goes to the core, which gives the same tags.
 */
export function installNodeProvider(): void {
  if (syncLoad) {
    installNative(nodeProvider);
    return;
  }
  import('node:crypto').then(
    (crypto) => {
      loaded = crypto;
      installNative(nodeProvider);
    },
    () => {}, // no node:crypto: the core does everything
  );
}
