// Clean seeds, 5 nodes, 1 group (groups may start with 3 voters and grow or shrink by membership changes).
import { expectAllSeedsPass } from './campaign';

describe('simulation: 5 nodes, 1 group', () => {
  it('keeps every invariant over 1000 seeds of 2000 steps, then heals and settles', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 100_001, seeds: 1000, steps: 2000, nodes: 5, groups: 1 });
    expect(outcome.seedsRun).toBe(1000);
    expect(outcome.acked).toBeGreaterThan(1000);
  }, 120_000);
});
