/**
 * Suites parametrised by backend: the scalar core always, the SIMD core when
 * the runtime runs it (the engine starts on SIMD exactly when it validates).
 */
import { suite, type Test } from 'uvu';
import { backend, useBackend, type Backend } from '../../src/index.js';

/** The build of the core the engine picked at start-up (these suites load the main entry: no native routing). */
const initial = backend();
export const INITIAL_BACKEND: Backend = initial === 'simd' || initial === 'native+simd' ? 'simd' : 'scalar';

/** Both backends, scalar first. */
export const ALL_BACKENDS: readonly Backend[] = ['scalar', 'simd'];

/** The backends this runtime can run. */
export const BACKENDS: readonly Backend[] = INITIAL_BACKEND === 'simd' ? ALL_BACKENDS : ['scalar'];

/**
 * A suite named `<title> [<backend>]` whose tests run on backend `b`: it
 * switches the engine before its first test. Where `b` cannot run, the tests
 * registered on it are reported as skipped.
 */
export function backendSuite(title: string, b: Backend): Test {
  const s = suite(`${title} [${b}]`);
  if (!BACKENDS.includes(b)) return Object.assign((name: string) => s.skip(name), s) as Test;
  s.before(async () => {
    await useBackend(b);
  });
  s('runs on the intended backend', () => {
    if (backend() !== b) throw new Error(`backend() is ${backend()}, expected ${b}`);
  });
  return s;
}
