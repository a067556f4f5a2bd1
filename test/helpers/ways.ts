/**
 * The ways the engine hashes and MACs, so that every suite runs each of them:
 * the one-shot hash functions by name, feeding a streaming hasher in pieces,
 * and each way to compute an HMAC over a whole message.
 */
import { createHmac, hmac, HmacKey, sha224, sha256, sha384, sha512, type Bytes, type HashName, type Hasher } from '../../src/index.js';

/** The one-shot hash function of each hash. */
export const ONE_SHOT: Readonly<Record<HashName, (data: Bytes) => Uint8Array>> = { sha224, sha256, sha384, sha512 };

/** Feeds `pieces` to `h` in order and returns its digest. */
export function streamed(h: Hasher, pieces: readonly Bytes[]): Uint8Array {
  for (const p of pieces) h.update(p);
  return h.digest();
}

export interface MacWay {
  readonly name: string;
  mac(hash: HashName, key: Uint8Array, msg: Uint8Array): Uint8Array;
}

export const MAC_WAYS: readonly MacWay[] = [
  { name: 'hmac()', mac: (hash, key, msg) => hmac(hash, key, msg) },
  {
    name: 'HmacKey.mac',
    mac(hash, key, msg) {
      const k = new HmacKey(hash, key);
      const tag = k.mac(msg);
      k.destroy();
      return tag;
    },
  },
  {
    name: 'HmacKey.macInto',
    mac(hash, key, msg) {
      const k = new HmacKey(hash, key);
      const tag = new Uint8Array(k.outputLen);
      k.macInto(msg, tag);
      k.destroy();
      return tag;
    },
  },
  {
    name: 'HmacKey.macBatch (second of three messages)',
    mac(hash, key, msg) {
      const k = new HmacKey(hash, key);
      const tag = k.macBatch([msg.subarray(0, 1), msg, new Uint8Array(0)])[1]!;
      k.destroy();
      return tag;
    },
  },
  { name: 'createHmac, one update', mac: (hash, key, msg) => createHmac(hash, key).update(msg).digest() },
  {
    name: 'createHmac, two updates',
    mac(hash, key, msg) {
      const half = msg.length >> 1;
      return createHmac(hash, key).update(msg.subarray(0, half)).update(msg.subarray(half)).digest();
    },
  },
];
