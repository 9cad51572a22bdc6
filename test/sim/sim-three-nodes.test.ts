// Clean seeds, 3 nodes, 1 group: the real RaftNode under every fault mix; any violated invariant fails with the
// seed's reproducer. Fixed seed ranges, so a failure here is a failure on every machine.
import { expectAllSeedsPass } from './campaign';

describe('simulation: 3 nodes, 1 group', () => {
  it('keeps every invariant over 1200 seeds of 1500 steps, then heals and settles', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 1, seeds: 1200, steps: 1500, nodes: 3, groups: 1 });
    expect(outcome.seedsRun).toBe(1200);
    expect(outcome.acked).toBeGreaterThan(1200);
  }, 120_000);
});
