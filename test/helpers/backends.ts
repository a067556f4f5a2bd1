/**
 * Suites parametrised by backend: the scalar core always, the SIMD core when
 * the runtime runs it (the engine starts on SIMD exactly when it validates).
 */
import { suite, type Test } from 'uvu';
import { backend, useBackend, type Backend } from '../../src/index.js';

/** The backend the engine picked at start-up. */
export const INITIAL_BACKEND: Backend = backend();

/** The backends this runtime can run. */
export const BACKENDS: readonly Backend[] = INITIAL_BACKEND === 'simd' ? ['scalar', 'simd'] : ['scalar'];

/**
 * Registers one suite per backend, named `<title> [<backend>]`, switching the
 * engine to that backend before its tests run. Where SIMD is unavailable its
 * suite is reported as skipped.
 */
export function suitePerBackend(title: string, register: (s: Test, b: Backend) => void): void {
  for (const b of ['scalar', 'simd'] as const) {
    const s = suite(`${title} [${b}]`);
    if (!BACKENDS.includes(b)) {
      s.skip(`${b} backend unavailable in this runtime`);
      s.run();
      continue;
    }
    s.before(async () => {
      await useBackend(b);
    });
    s('runs on the intended backend', () => {
      if (backend() !== b) throw new Error(`backend() is ${backend()}, expected ${b}`);
    });
    register(s, b);
    s.run();
  }
}
