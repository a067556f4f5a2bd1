/**
 * wasmac/engine, `node` entry (the `node` export condition, which Node, Deno
 * and Bun honour): the engine, plus node:crypto for long messages. Messages
 * from the measured break-even length up (BREAK_EVEN) go to node:crypto,
 * which hashes them with the CPU's SHA instructions; shorter ones to the Wasm
 * core, which pays no per-call overhead. node:crypto is loaded on the first
 * message that goes there (native-node.ts). Browser and workerd bundles
 * resolve the other conditions and never see node:crypto.
 */
import { installNodeProvider } from './engine/native-node.js';

export * from './engine.js';

installNodeProvider();
