// `npm start` until the KMS endpoint lands: says what wasmac is and signs a
// message the way GenerateMac / VerifyMac will.
import { backend, HmacKey, toBase64, toHex } from '../src/index.js';

const material = crypto.getRandomValues(new Uint8Array(48));
const key = new HmacKey('sha384', material);
const message = 'Hello World';
const tag = key.mac(message);
console.log(`wasmac: WebAssembly SHA-2 and HMAC with an AWS KMS-style facade (core: ${backend()})`);
console.log(JSON.stringify({ MacAlgorithm: 'HMAC_SHA_384', Mac: toBase64(tag) }, null, 2));
console.log(`VerifyMac: ${key.verify(message, tag) ? 'MacValid true' : 'invalid'}; tag ${toHex(tag).slice(0, 16)}...`);
key.destroy();
