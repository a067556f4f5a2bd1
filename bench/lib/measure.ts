/**
 * Times one task with tinybench. Each sample runs the task `loop` times in a
 * row, `loop` chosen so that a sample lasts about `sampleMs`: one sub-microsecond
 * MAC per sample would be mostly timer overhead in Node and below the timer's
 * resolution in a browser (5-100 us there).
 */
import { Bench } from 'tinybench';

export interface Timing {
  /** Calls per second: median over samples. */
  ops: number;
  /** Calls per second: from the mean sample. */
  opsMean: number;
  rme: number;
  samples: number;
  loop: number;
}

export interface MeasureOptions {
  /** Time budget per task after warmup, ms. */
  timeMs: number;
  /** Warmup budget per task, ms. */
  warmupMs: number;
  /** How long one sample should last, ms. */
  sampleMs: number;
  now: () => number;
}

type SyncFn = () => unknown;
type AsyncFn = () => Promise<unknown>;

/** Where results go so that no engine can drop the work as dead code. */
let sink = 0;
function consume(r: unknown): void {
  if (r instanceof Uint8Array) sink ^= r[0] ?? 0;
  else if (Array.isArray(r)) sink ^= r.length;
}

/**
 * A loop of `loop` calls of `fn`, as a function of its own for each task.
 * Closures made from one function literal share their type feedback in V8
 * (and JavaScriptCore): one shared timing loop sees every task's function
 * and result type, goes megamorphic, and a task's speed then depends on
 * which tasks ran before it (rounds of the same task were seen to differ
 * 2x). A function compiled per task keeps each loop monomorphic.
 */
function loopOf(fn: SyncFn, loop: number): () => void {
  const body = `return function timedLoop() {
    for (let i = 0; i < loop; i++) {
      const r = fn();
      if (r instanceof Uint8Array) sink.value ^= r[0] ?? 0;
      else if (Array.isArray(r)) sink.value ^= r.length;
    }
  };`;
  return new Function('fn', 'loop', 'sink', body)(fn, loop, sinkBox) as () => void;
}
const sinkBox = { value: 0 };

/**
 * The number of calls that lasts about `sampleMs`. Each candidate is timed
 * three times and the fastest counts, so that one GC pause or tier-up does not
 * end the search early.
 */
async function calibrate(fn: SyncFn | AsyncFn, isAsync: boolean, o: MeasureOptions): Promise<number> {
  let loop = 1;
  for (;;) {
    let dt = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      const t0 = o.now();
      if (isAsync) for (let i = 0; i < loop; i++) consume(await (fn as AsyncFn)());
      else for (let i = 0; i < loop; i++) consume(fn());
      dt = Math.min(dt, o.now() - t0);
    }
    if (dt >= o.sampleMs || loop >= 1 << 20) return loop;
    // Jump close to the target once the timer resolves the loop well, else double.
    loop = dt > o.sampleMs / 16 ? Math.max(loop * 2, Math.ceil((loop * o.sampleMs * 1.1) / dt)) : loop * 2;
  }
}

/**
 * Warms `fn` up, then times it with tinybench. `loop` (calls per sample) is
 * calibrated unless given, e.g. from an earlier round of the same task.
 */
export async function measure(name: string, fn: SyncFn | AsyncFn, isAsync: boolean, o: MeasureOptions, given?: number): Promise<Timing> {
  // Start every task from a collected heap where the runtime lets us (Node
  // and Deno with --expose-gc, Bun): otherwise a task pays for the garbage
  // of the one before it, which depends on the round's order.
  collectGarbage();
  // Warm up before calibrating: cold code (interpreter, baseline Wasm tier) is
  // many times slower and would make the samples far too short once it is hot.
  const t0 = o.now();
  do {
    if (isAsync) consume(await (fn as AsyncFn)());
    else consume(fn());
  } while (o.now() - t0 < o.warmupMs);
  const loop = given ?? (await calibrate(fn, isAsync, o));
  const bench = new Bench({ time: o.timeMs, warmupTime: o.warmupMs / 4, iterations: 8, warmupIterations: 2, now: o.now, throws: true });
  if (isAsync) {
    const f = fn as AsyncFn;
    bench.add(name, async () => {
      for (let i = 0; i < loop; i++) consume(await f());
    }, { async: true });
  } else {
    bench.add(name, loopOf(fn as SyncFn, loop), { async: false });
  }
  await bench.run();
  const task = bench.tasks[0]!;
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`${name}: ${r.state === 'errored' ? r.error.message : r.state}`);
  const lat = r.latency;
  return {
    ops: (loop * 1000) / lat.p50,
    opsMean: (loop * 1000) / lat.mean,
    rme: lat.rme,
    samples: lat.samplesCount,
    loop,
  };
}

/** A full collection, where the runtime offers one to scripts. */
function collectGarbage(): void {
  const g = globalThis as { gc?: () => void; Bun?: { gc(force: boolean): void } };
  if (typeof g.gc === 'function') g.gc();
  else g.Bun?.gc(true);
}

/** Keeps `sink` observable so the results above are used. */
export function sinkValue(): number {
  return sink ^ sinkBox.value;
}
