// The partitions this broker replicates, kept equal to the controller's placement: after every change of the
// controller state, reconcile() starts the Raft groups placed here that are not running yet (a restarted broker
// resumes each from its stored log) and stops, dropping their data, those whose topic is gone.
import { ErrorCode } from '../../client/protocol';
import { Partition, RaftReplicatedLog, type PartitionError, type PartitionMetrics } from '../partition';
import type { RaftHost } from '../replication';
import type { BrokerStore } from '../storage';
import type { ControllerState } from './controller-state';
import { reconcileGroups, type GroupAssignment } from './reconcile';

export interface HostedPartitionsOptions {
  readonly brokerId: number;
  readonly host: RaftHost;
  readonly store: BrokerStore;
  readonly metrics: PartitionMetrics;
}

export class HostedPartitions {
  private readonly byGroup = new Map<number, Partition>();
  private readonly assignments = new Map<number, GroupAssignment>();
  private readonly replicated: RaftReplicatedLog;

  constructor(private readonly options: HostedPartitionsOptions) {
    this.replicated = new RaftReplicatedLog(options.host, (groupId) => {
      const assignment = this.assignments.get(groupId);
      if (!assignment) throw new Error(`group ${groupId} is not placed on broker ${options.brokerId}`);
      return { voters: assignment.peers };
    });
  }

  /** Starts and stops groups to match the placement; returns whether anything changed. */
  reconcile(state: ControllerState): boolean {
    const plan = reconcileGroups(this.options.brokerId, state, this.byGroup.keys());
    for (const groupId of plan.remove) {
      this.options.host.removeGroup(groupId, { dropData: true });
      this.byGroup.delete(groupId);
      this.assignments.delete(groupId);
    }
    for (const assignment of plan.create) {
      const topic = state.topic(assignment.topic);
      if (!topic) continue;
      this.assignments.set(assignment.groupId, assignment);
      const fresh = this.options.store.group(assignment.groupId).lastIndex() === 0;
      this.byGroup.set(assignment.groupId, new Partition({
        topic: assignment.topic,
        partition: assignment.partition,
        groupId: assignment.groupId,
        log: this.options.store.group(assignment.groupId),
        replicated: this.replicated,
        maxMessageBytes: topic.spec.config.maxMessageBytes,
        counters: this.options.metrics.countersFor(assignment.topic, assignment.partition),
      }));
      // A new group's first election goes to its preferred leader at once: placement balanced those leaderships,
      // and nobody waits out an election timeout.
      if (fresh && assignment.peers[0] === this.options.brokerId) this.options.host.group(assignment.groupId)?.campaign();
    }
    return plan.create.length > 0 || plan.remove.length > 0;
  }

  byGroupId(groupId: number): Partition | undefined {
    return this.byGroup.get(groupId);
  }

  all(): Iterable<Partition> {
    return this.byGroup.values();
  }

  /**
   * The partition if a replica of it is here (a follower answers NOT_LEADER itself); else UNKNOWN_TOPIC,
   * UNKNOWN_PARTITION, or NOT_LEADER naming `leaderHint`, a broker that does hold it.
   */
  lookup(state: ControllerState, topic: string, partition: number, leaderHint: (groupId: number) => number): Partition | PartitionError {
    const t = state.topic(topic);
    if (!t) return { error: ErrorCode.UNKNOWN_TOPIC, message: `topic "${topic}" does not exist` };
    const placement = t.partitions[partition];
    if (!placement) {
      return { error: ErrorCode.UNKNOWN_PARTITION, message: `topic "${topic}" has partitions 0..${t.partitions.length - 1}, not ${partition}` };
    }
    const hosted = this.byGroup.get(placement.groupId);
    if (hosted) return hosted;
    return {
      error: ErrorCode.NOT_LEADER,
      message: `broker ${this.options.brokerId} holds no replica of ${topic}/${partition} (replicas ${placement.replicas.join(',')})`,
      leaderId: leaderHint(placement.groupId),
    };
  }
}
