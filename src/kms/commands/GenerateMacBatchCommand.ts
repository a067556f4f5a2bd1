import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { GENERATE_MAC_BATCH_MAX } from '../model/members.js';
import { GenerateMacBatch } from '../model/operations.js';
import type { MacAlgorithmSpec } from '../models.js';
import { ANY_IDENTIFIER, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** The most messages one {@link GenerateMacBatchCommand} takes. */
export { GENERATE_MAC_BATCH_MAX };

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
    const { Messages: messages, KeyId: keyId, MacAlgorithm: alg, GrantTokens: tokens, DryRun: dryRun } = readInput(GenerateMacBatch, this.input);
    const record = await s.resolve(keyId!, ANY_IDENTIFIER);
    const key = s.macKey(record, alg!, 'GenerateMac');
    s.checkGrantTokens(record, tokens);
    s.checkDryRun(dryRun);
    return { Macs: key.macBatch(messages), MacAlgorithm: alg, KeyId: record.Arn, $metadata };
  }
}
