import { KMSCommand, type MetadataBearer } from '../command.js';
import { SerializationException, type ResponseMetadata } from '../errors.js';
import { MacAlgorithmSpec } from '../models.js';
import { ANY_IDENTIFIER, MAC_ALGORITHMS_LISTED, type Service } from '../service.js';
import { asInput, Checker } from '../validate.js';

/** The most messages one {@link GenerateMacBatchCommand} takes. */
export const GENERATE_MAC_BATCH_MAX = 10_000;

/**
 * GenerateMacBatch request: **a wasmac extension, not part of the AWS KMS API**
 * (AWS has no such operation, and the HTTP endpoint does not offer it).
 * GenerateMac for many messages under one key, with the same rules per message.
 */
export interface GenerateMacBatchRequest {
  /** 1 to 10,000 messages, each 1-4096 bytes (a string is UTF-8). */
  Messages: (Uint8Array | string)[] | undefined;
  KeyId: string | undefined;
  MacAlgorithm: MacAlgorithmSpec | undefined;
  GrantTokens?: string[] | undefined;
  DryRun?: boolean | undefined;
}

/** GenerateMacBatch response: `Macs[i]` is what GenerateMac returns for `Messages[i]`. */
export interface GenerateMacBatchResponse {
  Macs?: Uint8Array[] | undefined;
  MacAlgorithm?: MacAlgorithmSpec | undefined;
  /** The key ARN. */
  KeyId?: string | undefined;
}

export interface GenerateMacBatchCommandInput extends GenerateMacBatchRequest {}
export interface GenerateMacBatchCommandOutput extends GenerateMacBatchResponse, MetadataBearer {}

/**
 * **wasmac extension, not an AWS KMS operation.** The HMACs of many messages
 * under one HMAC key in one call: one key lookup and one set of checks, then
 * the engine's batch path (four SHA-256 or two SHA-512 messages at a time on
 * Wasm SIMD). Each MAC equals GenerateMac's for the same message; validation
 * messages address items as `messages.<n>.member` (1-based), as KMS does for lists.
 *
 * Throws what GenerateMac throws.
 * @example
 * const { Macs } = await client.send(new GenerateMacBatchCommand({ KeyId: 'alias/my-hmac', Messages: ['a', 'b'], MacAlgorithm: 'HMAC_SHA_256' }));
 */
export class GenerateMacBatchCommand extends KMSCommand<GenerateMacBatchCommandInput, GenerateMacBatchCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<GenerateMacBatchCommandOutput> {
    const input = asInput(this.input);
    const c = new Checker(input);
    const messages = this.#messages(c, input);
    const keyId = c.string('KeyId', 'keyId', true, 1, 2048);
    const alg = c.enum('MacAlgorithm', 'macAlgorithm', true, MacAlgorithmSpec, MAC_ALGORITHMS_LISTED);
    const tokens = c.stringList('GrantTokens', 'grantTokens', false, 0, 10, 1, 8192);
    const dryRun = c.boolean('DryRun');
    c.done();
    const record = await s.resolve(keyId!, ANY_IDENTIFIER);
    const key = s.macKey(record, alg!, 'GenerateMac');
    s.checkGrantTokens(record, tokens);
    s.checkDryRun(dryRun);
    return { Macs: key.macBatch(messages), MacAlgorithm: alg, KeyId: record.Arn, $metadata };
  }

  /** The messages as bytes, each checked like GenerateMac's `Message`. */
  #messages(c: Checker, input: Record<string, unknown>): Uint8Array[] {
    const raw = Object.hasOwn(input, 'Messages') ? input['Messages'] : undefined;
    if (raw === undefined || raw === null) {
      c.missing('messages');
      return [];
    }
    if (!Array.isArray(raw)) {
      throw new SerializationException(typeof raw === 'object' ? 'Start of structure or map found where not expected.' : 'Expected list or null');
    }
    if (raw.length < 1 || raw.length > GENERATE_MAC_BATCH_MAX) {
      c.fail(undefined, 'messages', raw.length < 1
        ? 'Member must have length greater than or equal to 1'
        : `Member must have length less than or equal to ${GENERATE_MAC_BATCH_MAX}`);
      return [];
    }
    const out: Uint8Array[] = [];
    for (let i = 0; i < raw.length; i++) {
      const bytes = c.child({ Message: raw[i] }).blob('Message', `messages.${i + 1}.member`, true, 1, 4096, true);
      if (bytes !== undefined) out.push(bytes);
    }
    return out;
  }
}
