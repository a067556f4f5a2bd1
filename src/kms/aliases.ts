/**
 * Alias rules shared by CreateAlias, UpdateAlias and DeleteAlias
 * (KMS-SEMANTICS.md §4, §7).
 */
import { InvalidAliasNameException, ValidationException } from './errors.js';

/** At most this many aliases per key ([DOC] KMS quotas). */
export const MAX_ALIASES_PER_KEY = 50;

/**
 * The service's own alias-name rules, after validation: the `alias/` prefix
 * (recorded text, §7 CreateAlias) and the reserved `alias/aws/` prefix
 * (InvalidAliasNameException, text [INF]).
 */
export function checkAliasName(name: string, reservedToo: boolean): void {
  if (!name.startsWith('alias/')) {
    throw new ValidationException('Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html');
  }
  if (reservedToo && name.startsWith('alias/aws/')) {
    throw new InvalidAliasNameException(`Alias ${name} is reserved for AWS managed keys. Aliases beginning with alias/aws/ cannot be created.`);
  }
}

/** The type family an alias may move within (UpdateAlias): symmetric, HMAC or asymmetric. */
export function keyFamily(keySpec: string): string {
  if (keySpec === 'SYMMETRIC_DEFAULT') return 'symmetric';
  if (keySpec.startsWith('HMAC_')) return 'hmac';
  return 'asymmetric';
}
