// Who leads a partition, as one broker answers it in Metadata and in NOT_LEADER hints. A broker knows who leads the
// groups it hosts; only a group's leader knows its in-sync replicas; every broker also hears the other leaders'
// reports (leader-reports.ts). A broker names itself only when its own Raft group leads: a replica that is placed
// here but not hosted (damaged and stopped, not started yet, or on a broker whose store failed) leads nothing, and
// naming it would send clients back to a broker that can only refuse them.
import type { Leadership } from '../replication';
import type { PartitionLeadership } from './cluster-view';

export interface LeadershipView {
  readonly brokerId: number;
  /** This broker's Raft view of the group; undefined when no working replica of it is hosted here. */
  readonly hosted: Leadership | undefined;
  /** This broker's in-sync replicas for the group, asked only when it leads. */
  readonly inSync: () => readonly number[];
  /** The latest report of the group's leader, if another broker claims it. */
  readonly reported: PartitionLeadership | undefined;
  /** The group's replicas that are alive, in placement order (the first is the preferred leader). */
  readonly liveReplicas: readonly number[];
}

/**
 * Its own view when it leads; else the leader's report, unless this broker's Raft view is of a later term (a report
 * from before an election it has seen); else its Raft view, whose in-sync set it cannot know beyond the leader; for a
 * group not hosted here, a live replica elsewhere, which knows the leader and redirects to it.
 */
export function resolveLeadership(view: LeadershipView): PartitionLeadership | undefined {
  const { brokerId, hosted, reported } = view;
  if (hosted?.role === 'leader') return { leaderId: brokerId, leaderEpoch: hosted.term, inSyncReplicas: view.inSync() };
  if (reported && reported.leaderId !== brokerId && (!hosted || reported.leaderEpoch >= hosted.term)) return reported;
  if (hosted) {
    if (hosted.leaderId <= 0 || hosted.leaderId === brokerId) return undefined;
    return { leaderId: hosted.leaderId, leaderEpoch: hosted.term, inSyncReplicas: [hosted.leaderId] };
  }
  const hint = replicaElsewhere(brokerId, view.liveReplicas);
  return hint > 0 ? { leaderId: hint, leaderEpoch: 0, inSyncReplicas: [] } : undefined;
}

/** A live replica on another broker (0: none), for a NOT_LEADER hint from a broker that does not host the group. */
export function replicaElsewhere(brokerId: number, liveReplicas: readonly number[]): number {
  return liveReplicas.find((id) => id !== brokerId) ?? 0;
}
