// Shared by the simulation tests: run a fixed range of seeds and fail with the first reproducer.
import { formatFailure, runSeed } from './reproducer';
import type { Sabotage, SimResult } from './simulator';

export interface Campaign {
  readonly firstSeed: number;
  readonly seeds: number;
  readonly steps: number;
  readonly nodes: number;
  readonly groups: number;
  readonly sabotage?: Sabotage;
  readonly mix?: string;
}

export interface CampaignOutcome {
  readonly seedsRun: number;
  readonly steps: number;
  readonly acked: number;
  readonly failure?: SimResult;
}

/** Runs the seeds in order and stops at the first failure. */
export function runCampaign(c: Campaign): CampaignOutcome {
  let steps = 0;
  let acked = 0;
  for (let i = 0; i < c.seeds; i++) {
    const result = runSeed({
      seed: c.firstSeed + i, steps: c.steps, nodes: c.nodes, groups: c.groups, sabotage: c.sabotage, mix: c.mix,
    });
    steps += result.stats.steps;
    acked += result.stats.acked;
    if (result.failure !== undefined) return { seedsRun: i + 1, steps, acked, failure: result };
  }
  return { seedsRun: c.seeds, steps, acked };
}

/** For clean runs: throws the reproducer of the first failing seed, so jest prints it. */
export function expectAllSeedsPass(c: Campaign): CampaignOutcome {
  const outcome = runCampaign(c);
  if (outcome.failure !== undefined) throw new Error(`\n${formatFailure(outcome.failure)}`);
  return outcome;
}
