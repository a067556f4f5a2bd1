/**
 * Alias rules shared by CreateAlias, UpdateAlias and DeleteAlias
 * (docs/SEMANTICS.md ALIAS-1..ALIAS-6).
 */
import { InvalidAliasNameException, ValidationException } from './errors.js';

/** At most this many aliases per key (SEMANTICS.md ALIAS-6). */
export const MAX_ALIASES_PER_KEY = 50;

/**
 * The service's own alias-name rules, after validation: the `alias/` prefix
 * (SEMANTICS.md ALIAS-1) and the reserved `alias/aws/` prefix (ALIAS-2).
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
