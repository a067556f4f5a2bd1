/**
 * The KMS endpoint without a runtime: the AWS JSON 1.1 codec and the stages
 * of a request. `wasmac/node`'s HTTP server runs them behind `node:http`.
 */
export { decodeBase64, decodeRequest, encodeError, encodeResponse, useBase64, type Base64Codec } from './codec.js';
export { WireError } from './errors.js';
export * from './stages.js';
