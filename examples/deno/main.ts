/**
 * wasmac in Deno: create an HMAC key, sign a message with GenerateMac and
 * verify it with VerifyMac, all in-process (no network, no AWS account).
 *
 *   npm ci && npm run build        # in the repository root, once: builds dist/
 *   cd examples/deno && deno run main.ts "Hello World"
 *
 * deno.json maps the bare `wasmac` to the package built in this clone
 * (`../../dist/index.js`), and `#engine`, the name under which the package's
 * modules import its engine (package.json "imports"), to the engine's file.
 * In a project of your own, `npm install` the packed tarball (see the README)
 * and Deno resolves `wasmac` from package.json and node_modules, with no
 * import map.
 */
import { CreateKeyCommand, GenerateMacCommand, KMSClient, toBase64, VerifyMacCommand } from 'wasmac';

const client = new KMSClient({ region: 'us-east-1' });
const message = Deno.args[0] ?? 'Hello World';

const { KeyMetadata } = await client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
const KeyId = KeyMetadata!.KeyId;

const { Mac } = await client.send(new GenerateMacCommand({ KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
// VerifyMac resolves only when the MAC matches; otherwise it rejects with KMSInvalidMacException.
const { MacValid } = await client.send(new VerifyMacCommand({ KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256', Mac }));

console.log(`Message: ${message}`);
console.log(`Mac: ${toBase64(Mac!)}`);
console.log(`MacValid: ${MacValid}`);
