// `npm run sim -- [--seed S] [--seeds N] [--steps M] [--nodes 3|5] [--groups G] [--mix NAME] [--sabotage NAME]`
// Runs seeds S, S+1, …, S+N-1 through the deterministic Raft simulator and stops at the first failure, printing its
// reproducer and exiting 1. Without --seed the campaign starts at a fresh random seed (printed, so it can be rerun).
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { MIX_NAMES, formatFailure, runSeed } from '../test/sim';
import type { Sabotage, SimStats } from '../test/sim';

const SABOTAGE_NAMES: readonly (keyof Sabotage)[] = [
  'commitPriorTermByCounting', 'voteWithoutLogCheck', 'forgetToPersistVote', 'wipeWithoutRecovering', 'recoveringGrantsVotes',
];

function main(): number {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      seeds: { type: 'string' },
      steps: { type: 'string', default: '4000' },
      nodes: { type: 'string', default: '3' },
      groups: { type: 'string', default: '1' },
      mix: { type: 'string' },
      sabotage: { type: 'string', multiple: true },
      trace: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run sim -- [--seed S] [--seeds N] [--steps M] [--nodes 3|5] [--groups G]');
    console.log(`         [--mix ${MIX_NAMES.join('|')}] [--sabotage ${SABOTAGE_NAMES.join('|')}] [--trace LINES]`);
    return 0;
  }
  const first = values.seed === undefined ? randomInt(1, 2 ** 47) : integer('seed', values.seed);
  const count = values.seeds === undefined ? (values.seed === undefined ? 100 : 1) : integer('seeds', values.seeds);
  const steps = integer('steps', values.steps);
  const nodes = integer('nodes', values.nodes);
  const groups = integer('groups', values.groups);
  const sabotage: Sabotage = {};
  for (const name of values.sabotage ?? []) {
    if (!SABOTAGE_NAMES.includes(name as keyof Sabotage)) throw new Error(`unknown sabotage ${name}`);
    sabotage[name as keyof Sabotage] = true;
  }
  const traceLines = values.trace === undefined ? undefined : integer('trace', values.trace);
  console.log(`seeds ${first}..${first + count - 1}, ${steps} steps each, ${nodes} nodes, ${groups} group(s)`);

  const started = process.hrtime.bigint();
  const totals: Totals = { steps: 0, acked: 0, crashes: 0, partitions: 0, wipes: 0, repairs: 0, recoveries: 0 };
  let lastReport = started;
  for (let i = 0; i < count; i++) {
    const seed = first + i;
    const result = runSeed({
      seed, steps, nodes, groups, mix: values.mix, traceLines,
      sabotage: values.sabotage === undefined ? undefined : sabotage,
    });
    for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += result.stats[key];
    if (traceLines !== undefined) for (const line of result.trace) console.log(line);
    if (result.failure !== undefined) {
      console.log(formatFailure(result));
      report(i + 1, totals, started);
      return 1;
    }
    const now = process.hrtime.bigint();
    if (now - lastReport > 10_000_000_000n) {
      report(i + 1, totals, started);
      lastReport = now;
    }
  }
  report(count, totals, started);
  console.log('all seeds passed');
  return 0;
}

type Totals = Pick<SimStats, 'steps' | 'acked' | 'crashes' | 'partitions' | 'wipes' | 'repairs' | 'recoveries'>;

function report(seeds: number, t: Totals, started: bigint): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${seeds} seeds, ${t.steps} steps in ${seconds.toFixed(1)} s: ` +
    `${(seeds / seconds).toFixed(1)} seeds/s, ${Math.round(t.steps / seconds)} steps/s; ${t.acked} acknowledged, ` +
    `${t.crashes} crashes, ${t.partitions} partitions, ${t.wipes} wipes, ${t.repairs} repairs, ${t.recoveries} recoveries`);
}

function integer(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got ${text}`);
  return value;
}

process.exitCode = main();
