/**
 * A configuration that cannot be used as it is: a seed, a credentials file,
 * an option. The message names the place (file, entry, member) and what is
 * wrong, never a secret. Not a KMS exception: nothing was sent to the facade.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
