/**
 * Command-line options shared by every runner: `--quick` (short tasks, for
 * development), `--only=a,b` (cases whose id contains a or b), `--json=<file>`.
 */

export interface CliOptions {
  quick: boolean;
  only: string[];
  json: string | undefined;
}

export function parseArgs(args: readonly string[]): CliOptions {
  const value = (name: string): string | undefined => {
    const hit = args.find((a) => a.startsWith(`--${name}=`));
    return hit?.slice(name.length + 3);
  };
  return {
    quick: args.includes('--quick'),
    only: (value('only') ?? '').split(',').filter((s) => s !== ''),
    json: value('json'),
  };
}

/**
 * Time per task and per sample. A full run times every task in five rounds
 * (every other one in reverse order); the report pairs the rounds of the two
 * sides of each ratio. A browser's timer is coarse (5-100 us), so its samples
 * are longer.
 */
export function timing(quick: boolean, coarseTimer: boolean): { timeMs: number; warmupMs: number; sampleMs: number; rounds: number } {
  return {
    timeMs: quick ? 40 : 100,
    warmupMs: quick ? 20 : 60,
    sampleMs: coarseTimer ? 2 : 0.25,
    rounds: quick ? 3 : 5,
  };
}
