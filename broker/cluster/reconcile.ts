// Which partition Raft groups a broker should host, and the difference from what it hosts now: the multi-Raft host
// creates and removes groups from this after each change of the controller state. Group 0, the controller's own,
// runs on the seed brokers by configuration, never by placement, so it is neither created nor removed here.
import { CONTROLLER_GROUP_ID, type ControllerState } from './controller-state';

export interface GroupAssignment {
  readonly groupId: number;
  readonly topic: string;
  readonly partition: number;
  /** Every replica, this broker included; the first is the preferred leader. */
  readonly peers: readonly number[];
}

export interface ReconcilePlan {
  /** Groups the broker should host but does not, by group id. */
  readonly create: GroupAssignment[];
  /** Groups the broker hosts but no longer should (their topic was deleted), ascending. */
  readonly remove: number[];
}

/** The partition groups placed on `brokerId`, by group id. */
export function groupsFor(brokerId: number, state: Pick<ControllerState, 'topics'>): GroupAssignment[] {
  const groups: GroupAssignment[] = [];
  for (const topic of state.topics()) {
    for (const p of topic.partitions) {
      if (p.replicas.includes(brokerId)) groups.push({ groupId: p.groupId, topic: topic.spec.name, partition: p.partition, peers: p.replicas });
    }
  }
  return groups.sort((a, b) => a.groupId - b.groupId);
}

export function reconcileGroups(brokerId: number, state: Pick<ControllerState, 'topics'>, hosted: Iterable<number>): ReconcilePlan {
  const hostedNow = new Set(hosted);
  hostedNow.delete(CONTROLLER_GROUP_ID);
  const wanted = groupsFor(brokerId, state);
  const wantedIds = new Set(wanted.map((g) => g.groupId));
  return {
    create: wanted.filter((g) => !hostedNow.has(g.groupId)),
    remove: [...hostedNow].filter((id) => !wantedIds.has(id)).sort((a, b) => a - b),
  };
}
