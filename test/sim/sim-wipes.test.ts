// Clean seeds of the `wipes` mix (issue 9): replicas lose their state — a node's whole store emptied, or one group's
// log dropped for a rebuild — and restart recovering, while others lag behind partitions and leaders crash. Every
// invariant must hold, a replica must leave recovery holding everything committed before its loss, and after the
// faults heal every wiped replica must catch up and leave recovery.
import { expectAllSeedsPass } from './campaign';

describe('simulation: replicas that lose their state', () => {
  it('3 nodes x 1 group keep every invariant over 160 seeds of 3000 steps, and every lost replica recovers', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 400_001, seeds: 160, steps: 3000, nodes: 3, groups: 1, mix: 'wipes' });
    expect(outcome.seedsRun).toBe(160);
    expect(outcome.acked).toBeGreaterThan(1600);
  }, 120_000);

  it('5 nodes x 1 group keep every invariant over 60 seeds of 3000 steps', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 500_001, seeds: 60, steps: 3000, nodes: 5, groups: 1, mix: 'wipes' });
    expect(outcome.seedsRun).toBe(60);
  }, 120_000);

  it('3 nodes x 4 groups keep every invariant over 40 seeds of 4000 steps (a wipe hits every group at once)', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 600_001, seeds: 40, steps: 4000, nodes: 3, groups: 4, mix: 'wipes' });
    expect(outcome.seedsRun).toBe(40);
  }, 120_000);
});
