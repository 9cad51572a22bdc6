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

/** Seeds between two progress lines of a clean run. */
const PROGRESS_EVERY_SEEDS = 250;

/** Runs the seeds in order and stops at the first failure; `onChunk` hears every PROGRESS_EVERY_SEEDS seeds. */
export function runCampaign(c: Campaign, onChunk?: (outcome: CampaignOutcome) => void): CampaignOutcome {
  let steps = 0;
  let acked = 0;
  for (let i = 0; i < c.seeds; i++) {
    const result = runSeed({
      seed: c.firstSeed + i, steps: c.steps, nodes: c.nodes, groups: c.groups, sabotage: c.sabotage, mix: c.mix,
    });
    steps += result.stats.steps;
    acked += result.stats.acked;
    if (result.failure !== undefined) return { seedsRun: i + 1, steps, acked, failure: result };
    if ((i + 1) % PROGRESS_EVERY_SEEDS === 0 && i + 1 < c.seeds) onChunk?.({ seedsRun: i + 1, steps, acked });
  }
  return { seedsRun: c.seeds, steps, acked };
}

/**
 * For clean runs: throws the reproducer of the first failing seed, so jest prints it. Says how far it got every
 * PROGRESS_EVERY_SEEDS seeds on stderr (jest holds console output back until the file is done), so a long campaign
 * is never silent.
 */
export function expectAllSeedsPass(c: Campaign): CampaignOutcome {
  const started = Date.now();
  const shape = `${c.nodes} nodes x ${c.groups} group(s)${c.mix === undefined ? '' : `, mix ${c.mix}`}`;
  const outcome = runCampaign(c, (o) => {
    const last = c.firstSeed + o.seedsRun - 1;
    process.stderr.write(`sim ${shape}: seeds ${c.firstSeed}..${last} of ${c.firstSeed + c.seeds - 1} clean, `
      + `${o.steps} steps, ${o.acked} acknowledged, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
  if (outcome.failure !== undefined) throw new Error(`\n${formatFailure(outcome.failure)}`);
  return outcome;
}
