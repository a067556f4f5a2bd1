/**
 * Key policies: AWS's default key policy, and the checks a policy document
 * gets. Policies are stored and returned, never evaluated: wasmac has no IAM
 * (README "Key policies"). docs/SEMANTICS.md POLICY-1..6.
 */
import { MalformedPolicyDocumentException, NotFoundException } from './errors.js';

/**
 * The default key policy of CreateKey and ReplicateKey without `Policy`, in
 * the exact text AWS returns (Jackson's pretty printer: `" : "`, two-space
 * indent, `[ {`, no final newline), recorded (POLICY-1).
 */
export function defaultKeyPolicy(partition: string, account: string): string {
  return `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:${partition}:iam::${account}:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;
}

/**
 * Refuses a policy that is not a JSON object with AWS's
 * MalformedPolicyDocumentException, which carries no message for text that
 * is not JSON (recorded by a user, POLICY-3). Length and characters are the
 * model's (checked before, as a ValidationException).
 */
export function checkPolicy(text: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new MalformedPolicyDocumentException({});
  }
  // [INF] JSON that is not an object (an array, a string) cannot be a policy either.
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new MalformedPolicyDocumentException({});
}

/**
 * `default` is the only policy name; another gets NotFoundException
 * `No such policy exists` ([INF], moto's text; AWS's is not recorded: POLICY-5).
 */
export function checkPolicyName(name: string | undefined): void {
  if (name !== undefined && name !== 'default') throw new NotFoundException('No such policy exists');
}
