// Clean seeds, 5 nodes, 1 group (groups may start with 3 voters and grow or shrink by membership changes).
import { expectAllSeedsPass } from './campaign';

describe('simulation: 5 nodes, 1 group', () => {
  it('keeps every invariant over 600 seeds of 2000 steps, then heals and settles', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 100_001, seeds: 600, steps: 2000, nodes: 5, groups: 1 });
    expect(outcome.seedsRun).toBe(600);
    expect(outcome.acked).toBeGreaterThan(600);
  }, 120_000);
});
