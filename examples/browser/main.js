/**
 * wasmac in a browser page: an HMAC key made in the page, GenerateMac of the
 * message in the form, VerifyMac of the result. Bundle it for the page with
 *
 *   npx esbuild main.js --bundle --format=esm --outfile=main.bundle.js
 *
 * and serve this folder over http (modules do not load from file://).
 * `document.body.dataset.status` ends as `verified` or `error`.
 */
import { CreateKeyCommand, GenerateMacCommand, KMSClient, toBase64, VerifyMacCommand } from 'wasmac';

const client = new KMSClient({ region: 'us-east-1' });
const result = document.querySelector('#result');
const input = document.querySelector('#message');

const keyId = client
  .send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Description: 'browser example' }))
  .then((out) => out.KeyMetadata.KeyId);

async function signAndVerify(message) {
  const KeyId = await keyId;
  const { Mac } = await client.send(new GenerateMacCommand({ KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
  // Resolves only when the MAC matches; otherwise rejects with KMSInvalidMacException.
  const { MacValid } = await client.send(new VerifyMacCommand({ KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256', Mac }));
  return { Mac: toBase64(Mac), MacValid };
}

async function show(message) {
  try {
    const { Mac, MacValid } = await signAndVerify(message);
    result.textContent = `Message: ${message}\nMac: ${Mac}\nMacValid: ${MacValid}`;
    document.body.dataset.status = MacValid ? 'verified' : 'error';
  } catch (err) {
    result.textContent = `${err.name}: ${err.message}`;
    document.body.dataset.status = 'error';
  }
}

document.querySelector('#form').addEventListener('submit', (event) => {
  event.preventDefault();
  show(input.value);
});
show(input.value);
