import { GetKeyPolicy } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { checkPolicyName, defaultKeyPolicy } from '../policy.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** GetKeyPolicy request ([M] `GetKeyPolicyRequest`). */
export interface GetKeyPolicyRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  /** `default`, the only name (and the default). */
  PolicyName?: string | undefined;
}

/** GetKeyPolicy response ([M] `GetKeyPolicyResponse`). */
export interface GetKeyPolicyResponse {
  Policy?: string | undefined;
  PolicyName?: string | undefined;
}

/** The input of {@link GetKeyPolicyCommand}. */
export interface GetKeyPolicyCommandInput extends GetKeyPolicyRequest {}
/** The output of {@link GetKeyPolicyCommand}. */
export interface GetKeyPolicyCommandOutput extends GetKeyPolicyResponse, MetadataBearer {}

/**
 * The key policy, in every key state: the text CreateKey, ReplicateKey or
 * PutKeyPolicy stored, or AWS's default key policy (its exact text, with the
 * region's partition and the key's account). Policies are stored, never
 * evaluated. AWS re-formats a stored policy; wasmac returns it as given, so
 * compare policies as JSON (docs/SEMANTICS.md POLICY-2).
 *
 * Throws ValidationException, NotFoundException (also for a PolicyName other than `default`).
 * @example
 * const { Policy } = await client.send(new GetKeyPolicyCommand({ KeyId }));
 */
export class GetKeyPolicyCommand extends KMSCommand<GetKeyPolicyCommandInput, GetKeyPolicyCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<GetKeyPolicyCommandOutput> {
    const { KeyId: keyId, PolicyName: name } = readInput(GetKeyPolicy, this.input, s.region);
    const record = await s.resolve(keyId, KEY_OR_ARN);
    checkPolicyName(name);
    return { Policy: record.Policy ?? defaultKeyPolicy(s.partition, record.AccountId), PolicyName: 'default', $metadata };
  }
}
