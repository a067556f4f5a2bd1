/**
 * wasmac, `node` entry (the `node` export condition, which Node, Deno and Bun
 * honour): the main entry, plus node:crypto for long messages. Messages from
 * the measured break-even length up (BREAK_EVEN) go to node:crypto, which
 * hashes them with the CPU's SHA instructions; shorter ones to the Wasm core,
 * which pays no per-call overhead. Browser and workerd bundles resolve the
 * other conditions and never see node:crypto.
 */
import { installNative } from './engine/native.js';
import { nodeProvider } from './engine/native-node.js';

export * from './index.js';

installNative(nodeProvider);
