// Who a broker names as a partition's leader (Metadata) and as the hint of a NOT_LEADER: never itself unless its own
// Raft group leads. Issue 9: a broker whose replicas were stopped by damage named itself as their leader, so clients
// came back to a broker that could only refuse them.
import { replicaElsewhere, resolveLeadership, type LeadershipView } from '../../../broker/cluster/leadership';

const view = (over: Partial<LeadershipView>): LeadershipView => ({
  brokerId: 1, hosted: undefined, inSync: () => [1, 2, 3], reported: undefined, liveReplicas: [1, 2, 3], ...over,
});

describe('partition leadership as one broker answers it', () => {
  it('names itself, with its in-sync replicas, when its own group leads', () => {
    expect(resolveLeadership(view({ hosted: { role: 'leader', leaderId: 1, term: 4 } })))
      .toEqual({ leaderId: 1, leaderEpoch: 4, inSyncReplicas: [1, 2, 3] });
  });

  it('never names itself for a partition it does not host, even as its first live replica', () => {
    // Broker 1 is the preferred replica and alive, but its replica is damaged and stopped (not hosted).
    expect(resolveLeadership(view({}))).toEqual({ leaderId: 2, leaderEpoch: 0, inSyncReplicas: [] });
    expect(resolveLeadership(view({ liveReplicas: [1] }))).toBeUndefined();
    expect(replicaElsewhere(1, [1, 3])).toBe(3);
    expect(replicaElsewhere(1, [1])).toBe(0);
  });

  it('takes the leader\'s report, unless its own Raft view has seen a later term', () => {
    const reported = { leaderId: 3, leaderEpoch: 5, inSyncReplicas: [2, 3] };
    expect(resolveLeadership(view({ reported }))).toBe(reported);
    expect(resolveLeadership(view({ reported, hosted: { role: 'follower', leaderId: 3, term: 5 } }))).toBe(reported);
    expect(resolveLeadership(view({ reported, hosted: { role: 'follower', leaderId: 2, term: 6 } })))
      .toEqual({ leaderId: 2, leaderEpoch: 6, inSyncReplicas: [2] });
    // A follower that knows of no leader says so rather than guess.
    expect(resolveLeadership(view({ hosted: { role: 'follower', leaderId: 0, term: 6 } }))).toBeUndefined();
  });

  it('ignores any claim that it leads when its own group does not', () => {
    const stale = { leaderId: 1, leaderEpoch: 9, inSyncReplicas: [1] };
    expect(resolveLeadership(view({ reported: stale }))).toEqual({ leaderId: 2, leaderEpoch: 0, inSyncReplicas: [] });
    expect(resolveLeadership(view({ hosted: { role: 'candidate', leaderId: 1, term: 9 } }))).toBeUndefined();
  });
});
