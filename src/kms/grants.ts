/**
 * Grant rules shared by CreateGrant, ListGrants, RetireGrant and RevokeGrant
 * (docs/SEMANTICS.md GRANT-1..GRANT-5).
 */
import { ValidationException } from './errors.js';
import type { StoredGrant } from './key-store.js';
import type { GrantListEntry, GrantOperation } from './models.js';

/** At most this many grants per key (SEMANTICS.md GRANT-4). */
export const MAX_GRANTS_PER_KEY = 50_000;

/** The grant operations each key usage allows (SEMANTICS.md GRANT-1). */
const ALLOWED_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  GENERATE_VERIFY_MAC: ['GenerateMac', 'VerifyMac', 'DescribeKey', 'CreateGrant', 'RetireGrant'],
  ENCRYPT_DECRYPT: [
    'Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext', 'GenerateDataKeyWithoutPlaintext',
    'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey', 'DescribeKey', 'CreateGrant', 'RetireGrant',
  ],
  SIGN_VERIFY: ['Sign', 'Verify', 'GetPublicKey', 'DescribeKey', 'CreateGrant', 'RetireGrant'],
  KEY_AGREEMENT: ['DeriveSharedSecret', 'GetPublicKey', 'DescribeKey', 'CreateGrant', 'RetireGrant'],
  ENCAPSULATE_DECAPSULATE: ['Decapsulate', 'Encapsulate', 'GetPublicKey', 'DescribeKey', 'CreateGrant', 'RetireGrant'],
};

/**
 * Operations the key's usage does not support are a ValidationException
 * (SEMANTICS.md GRANT-1).
 */
export function checkOperations(keyUsage: string, operations: readonly string[]): void {
  const allowed = Object.hasOwn(ALLOWED_OPERATIONS, keyUsage) ? ALLOWED_OPERATIONS[keyUsage]! : [];
  const refused = operations.filter((op) => !allowed.includes(op));
  if (refused.length > 0) {
    throw new ValidationException(`Grant operations ${refused.join(', ')} are not valid for a KMS key with KeyUsage ${keyUsage}.`);
  }
}

/** The ListGrants entry of a stored grant. */
export function grantEntry(keyArn: string, g: StoredGrant): GrantListEntry {
  const e: GrantListEntry = {
    KeyId: keyArn,
    GrantId: g.GrantId,
    Name: g.Name ?? '',
    CreationDate: new Date(g.CreationDate),
    GranteePrincipal: g.GranteePrincipal,
    IssuingAccount: g.IssuingAccount,
    Operations: [...g.Operations] as GrantOperation[],
  };
  if (g.RetiringPrincipal !== undefined) e.RetiringPrincipal = g.RetiringPrincipal;
  return e;
}

/** Whether two operation lists name the same set. */
export function sameOperations(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
