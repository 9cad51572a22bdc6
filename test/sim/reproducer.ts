// Turns a failed run into what a person needs: the seed, the first violated invariant, the tail of the schedule,
// and the one command that replays it. The clean run keeps no log; a failure reruns the same seed (deterministic,
// so it fails at the same step) with the events log on and stops there.
import type { FaultPlan } from './fault-plan';
import type { Sabotage, SimOptions, SimResult } from './simulator';
import { runSimulation } from './simulator';

const TRACE_TAIL_LINES = 40;

/** Runs one seed; on failure, reruns it to capture the tail of the events log. */
export function runSeed(options: SimOptions): SimResult {
  const result = runSimulation(options);
  if (result.failure === undefined || options.traceLines !== undefined) return result;
  const rerun = runSimulation({ ...options, traceLines: TRACE_TAIL_LINES, stopAtStep: result.failedAtStep });
  if (rerun.failure?.message !== result.failure.message || rerun.failedAtStep !== result.failedAtStep) {
    // The seed did not replay: the simulation itself is nondeterministic, which is a bug to fix first.
    throw new Error(`seed ${options.seed} is not deterministic: failed at step ${result.failedAtStep} with ` +
      `"${result.failure.message}", rerun gave ${rerun.failedAtStep} "${rerun.failure?.message}"`);
  }
  return rerun;
}

export function reproduceCommand(options: SimOptions): string {
  const parts = ['npm run sim --', `--seed ${options.seed}`, `--steps ${options.steps}`, `--nodes ${options.nodes}`];
  if (options.groups !== 1) parts.push(`--groups ${options.groups}`);
  for (const name of sabotageNames(options.sabotage)) parts.push(`--sabotage ${name}`);
  if (options.mix !== undefined) parts.push(`--mix ${options.mix}`);
  return parts.join(' ');
}

function sabotageNames(sabotage: Sabotage | undefined): string[] {
  if (sabotage === undefined) return [];
  return (Object.keys(sabotage) as (keyof Sabotage)[]).filter((k) => sabotage[k] === true);
}

export function describePlan(plan: FaultPlan): string {
  return [
    `mix=${plan.mix}`, `drop=${plan.dropRate}`, `dup=${plan.dupRate}`,
    `delay=${plan.delayMinUnits}..${plan.delayMaxUnits}u`, `fsync<=${plan.syncMaxUnits}u`,
    `nemesis~${plan.nemesisEveryUnits}u`, `proposals/tick=${plan.proposalsPerTick}`,
    `compactAfter=${plan.compactAfterEntries}`, `app=${plan.appDurability}`, `preVote=${plan.preVote}`,
    `checkQuorum=${plan.checkQuorum}`, `maxMsg=${plan.maxSizePerMsgBytes}B`, `inflight=${plan.maxInflightMsgs}`,
  ].join(' ');
}

export function formatFailure(result: SimResult): string {
  const { options, failure, stats } = result;
  if (failure === undefined) return `seed ${options.seed}: ok`;
  const lines = [
    `SIMULATION FAILED  seed=${options.seed} nodes=${options.nodes} groups=${options.groups}`,
    `first violated invariant: ${failure.invariant}`,
    `  ${failure.detail.split('\n').join('\n  ')}`,
    `at step ${result.failedAtStep} (t=${(stats.timeUnits / 100).toFixed(2)} ticks); fault plan: ${describePlan(result.plan)}`,
    `last ${result.trace.length > 0 ? Math.min(TRACE_TAIL_LINES, result.trace.length) : 0} events:`,
    ...result.trace.slice(-TRACE_TAIL_LINES).map((line) => `  ${line}`),
    `reproduce: ${reproduceCommand(options)}`,
  ];
  return lines.join('\n');
}
