/**
 * The model table of the KMS API as the facade implements it: one entry per
 * operation (`operations.ts`), built from shared members (`members.ts`) and
 * enum value sets (`enums.ts`) in the vocabulary of `shape.ts`.
 */
import * as entries from './operations.js';
import type { Operation } from './shape.js';

export * from './enums.js';
export * from './members.js';
export * from './operations.js';
export * from './shape.js';

/** Every operation of the table, by name (the extension included). */
export const OPERATIONS: readonly Operation[] = Object.freeze(Object.values(entries).sort((a, b) => (a.name < b.name ? -1 : 1)));

/**
 * Operation name -> entry, for the operations of the AWS API (not the
 * extension): prototype-less, so that `__proto__` or `constructor` is no name.
 */
export const AWS_OPERATIONS: Readonly<Record<string, Operation | undefined>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Operation>, Object.fromEntries(OPERATIONS.filter((o) => o.extension !== true).map((o) => [o.name, o]))),
);
