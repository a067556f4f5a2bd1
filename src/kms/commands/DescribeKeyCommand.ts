import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { DescribeKey } from '../model/operations.js';
import type { KeyMetadata } from '../models.js';
import { ANY_IDENTIFIER, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** DescribeKey request (the model's `DescribeKeyRequest`). */
export interface DescribeKeyRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  GrantTokens?: string[] | undefined;
}

/** DescribeKey response (the model's `DescribeKeyResponse`). */
export interface DescribeKeyResponse {
  KeyMetadata?: KeyMetadata | undefined;
}

/** The input of {@link DescribeKeyCommand}. */
export interface DescribeKeyCommandInput extends DescribeKeyRequest {}
/** The output of {@link DescribeKeyCommand}. */
export interface DescribeKeyCommandOutput extends DescribeKeyResponse, MetadataBearer {}

/**
 * The metadata of a key, in any key state. For HMAC keys: `MacAlgorithms`,
 * `KeyManager: CUSTOMER`, dates as `Date`, no encryption or signing algorithms.
 *
 * Throws ValidationException, NotFoundException, InvalidGrantTokenException, KMSInternalException.
 * @example
 * const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: 'alias/my-hmac' }));
 */
export class DescribeKeyCommand extends KMSCommand<DescribeKeyCommandInput, DescribeKeyCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<DescribeKeyCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(DescribeKey, this.input);
    const record = await s.resolve(keyId!, ANY_IDENTIFIER);
    s.checkGrantTokens(record, tokens);
    return { KeyMetadata: s.metadata(record), $metadata };
  }
}
