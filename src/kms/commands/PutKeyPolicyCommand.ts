import { PutKeyPolicy } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { checkPolicy, checkPolicyName } from '../policy.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** PutKeyPolicy request ([M] `PutKeyPolicyRequest`). */
export interface PutKeyPolicyRequest {
  /** Key ID or key ARN. */
  KeyId: string | undefined;
  /** `default`, the only name (and the default). */
  PolicyName?: string | undefined;
  /** The policy document: JSON, 1-131072 characters of tab, LF, CR and U+0020-U+00FF. */
  Policy: string | undefined;
  /** Accepted, not evaluated. */
  BypassPolicyLockoutSafetyCheck?: boolean | undefined;
}

/** The input of {@link PutKeyPolicyCommand}. */
export interface PutKeyPolicyCommandInput extends PutKeyPolicyRequest {}
/** The output of {@link PutKeyPolicyCommand}: only `$metadata`. */
export interface PutKeyPolicyCommandOutput extends MetadataBearer {}

/**
 * Stores the key policy, in every key state. It must be a JSON object
 * (MalformedPolicyDocumentException, with no message, otherwise); it is not
 * evaluated, so the lockout safety check and principal checks AWS makes do
 * not happen here. A multi-Region key's replicas keep their own policies.
 *
 * Throws ValidationException, NotFoundException, MalformedPolicyDocumentException.
 * @example
 * await client.send(new PutKeyPolicyCommand({ KeyId, Policy: JSON.stringify(policy) }));
 */
export class PutKeyPolicyCommand extends KMSCommand<PutKeyPolicyCommandInput, PutKeyPolicyCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<PutKeyPolicyCommandOutput> {
    const { KeyId: keyId, PolicyName: name, Policy: policy } = readInput(PutKeyPolicy, this.input, s.region);
    await s.resolve(keyId, KEY_OR_ARN);
    checkPolicyName(name);
    checkPolicy(policy);
    await s.change(keyId, KEY_OR_ARN, (record) => (record.Policy === policy ? undefined : { ...record, Policy: policy }));
    return { $metadata };
  }
}
