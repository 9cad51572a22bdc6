// Clean seeds, 3 nodes, 1 group: the real RaftNode under every fault mix; any violated invariant fails with the
// seed's reproducer. Fixed seed ranges, so a failure here is a failure on every machine.
import { expectAllSeedsPass } from './campaign';

describe('simulation: 3 nodes, 1 group', () => {
  it('keeps every invariant over 2000 seeds of 1500 steps, then heals and settles', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 1, seeds: 2000, steps: 1500, nodes: 3, groups: 1 });
    expect(outcome.seedsRun).toBe(2000);
    expect(outcome.acked).toBeGreaterThan(2000);
  }, 120_000);
});
