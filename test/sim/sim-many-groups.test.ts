// Clean seeds, many Raft groups over shared nodes: one fsync per node covers every group (group commit), and a
// crash or partition hits all of a node's groups at once.
import { expectAllSeedsPass } from './campaign';

describe('simulation: many groups over shared nodes', () => {
  it('3 nodes x 8 groups keep every invariant over 200 seeds of 4000 steps', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 200_001, seeds: 200, steps: 4000, nodes: 3, groups: 8 });
    expect(outcome.seedsRun).toBe(200);
  }, 120_000);

  it('5 nodes x 4 groups keep every invariant over 130 seeds of 4000 steps', () => {
    const outcome = expectAllSeedsPass({ firstSeed: 300_001, seeds: 130, steps: 4000, nodes: 5, groups: 4 });
    expect(outcome.seedsRun).toBe(130);
  }, 120_000);
});
