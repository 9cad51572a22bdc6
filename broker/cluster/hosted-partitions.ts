// The partitions this broker replicates, kept equal to the controller's placement: after every change of the
// controller state, reconcile() starts the Raft groups placed here that are not running yet (a restarted broker
// resumes each from its stored log) and stops, dropping their data, those whose topic is gone.
//
// Replicas that must not vote with what they hold start recovering (raft-host.ts "Recovery"): they take no part in
// elections or quorums until they have caught up from a leader.
// - A replica placed here with no data while this broker's controller is still catching up (a wiped or new store
//   learning the topics from the controller log): its group may be older than this store, and this broker may have
//   voted in it under its old store. Once the controller has caught up, a replica with no data belongs to a group
//   created since, and starts as any new group does.
// - A damaged replica (stored data that failed a check, met at restart, in the Raft host's work or in a client's
//   read): it stops here alone — it must not serve or lead with its damage — and is rebuilt on a later turn: its log
//   dropped, its term and vote kept, hosted again empty and recovering, so the leader re-sends everything. A group
//   with no other replica has nothing to be rebuilt from: it stays stopped, its data untouched, and answers
//   STORAGE_ERROR (replica-repair.ts keeps the operator told).
import { ErrorCode } from '../../client/protocol';
import { Partition, RaftReplicatedLog, type PartitionError, type PartitionMetrics } from '../partition';
import type { RaftHost } from '../replication';
import { StorageCorruptionError, type BrokerStore } from '../storage';
import type { ControllerState } from './controller-state';
import { reconcileGroups, type GroupAssignment } from './reconcile';
import type { ReplicaRepairs } from './replica-repair';

export interface HostedPartitionsOptions {
  readonly brokerId: number;
  readonly host: RaftHost;
  readonly store: BrokerStore;
  readonly metrics: PartitionMetrics;
  readonly repairs: ReplicaRepairs;
  /** This broker's controller is still catching up: its placement may name groups older than this store. */
  readonly controllerCatchingUp: () => boolean;
  /** Runs a damaged replica's rebuild on a later turn (and not once the broker is stopping). */
  readonly later: (fn: () => void) => void;
}

interface Placed {
  readonly assignment: GroupAssignment;
  readonly maxMessageBytes: number;
}

export class HostedPartitions {
  private readonly byGroup = new Map<number, Partition>();
  private readonly placed = new Map<number, Placed>();
  /** Groups whose next open starts the replica empty and recovering. */
  private readonly recoverOnOpen = new Set<number>();
  private readonly replicated: RaftReplicatedLog;

  constructor(private readonly options: HostedPartitionsOptions) {
    this.replicated = new RaftReplicatedLog(options.host, (groupId) => {
      const placed = this.placed.get(groupId);
      if (!placed) throw new Error(`group ${groupId} is not placed on broker ${options.brokerId}`);
      const voters = placed.assignment.peers;
      // Joining: the membership learned from the leader's snapshot is the group's current one, which a replica
      // that lost its log cannot know.
      return this.recoverOnOpen.has(groupId) ? { voters, join: true, recovering: true } : { voters };
    });
  }

  /** Starts and stops groups to match the placement; returns whether anything changed. */
  reconcile(state: ControllerState): boolean {
    const catchingUp = this.options.controllerCatchingUp();
    const known = [...this.byGroup.keys(), ...this.options.repairs.list().map((d) => d.groupId)];
    const plan = reconcileGroups(this.options.brokerId, state, known);
    // A controller catching up may step back (a leader's snapshot older than what it had applied): a group dropped
    // now could be placed here again a moment later, its data gone for nothing. Removals wait until it has caught up.
    const remove = catchingUp ? [] : plan.remove;
    for (const groupId of remove) {
      this.options.host.removeGroup(groupId, { dropData: true });
      this.byGroup.delete(groupId);
      this.placed.delete(groupId);
      this.options.repairs.forget(groupId);
    }
    for (const assignment of plan.create) {
      const topic = state.topic(assignment.topic);
      if (!topic) continue;
      this.placed.set(assignment.groupId, { assignment, maxMessageBytes: topic.spec.config.maxMessageBytes });
      this.open(assignment.groupId, catchingUp);
    }
    return plan.create.length > 0 || remove.length > 0;
  }

  /** Hosts a placed group's replica; a damaged one is stopped and handed to markDamaged. */
  private open(groupId: number, controllerCatchingUp: boolean): void {
    const { assignment, maxMessageBytes } = this.placed.get(groupId)!;
    const { brokerId, store } = this.options;
    try {
      const log = store.group(groupId);
      const fresh = log.lastIndex() === 0 && !log.hasData();
      if (fresh && controllerCatchingUp && assignment.peers.some((id) => id !== brokerId)) this.recoverOnOpen.add(groupId);
      const recovering = this.recoverOnOpen.has(groupId);
      this.byGroup.set(groupId, new Partition({
        topic: assignment.topic,
        partition: assignment.partition,
        groupId,
        log,
        replicated: this.replicated,
        maxMessageBytes,
        counters: this.options.metrics.countersFor(assignment.topic, assignment.partition),
        onRecovered: () => this.options.repairs.recovered(groupId),
      }));
      // A new group's first election goes to its preferred leader at once: placement balanced those leaderships,
      // and nobody waits out an election timeout.
      if (fresh && !recovering && assignment.peers[0] === brokerId) this.options.host.group(groupId)?.campaign();
    } catch (err) {
      if (!(err instanceof StorageCorruptionError)) throw err;
      // The replica may have started before its recovery read the damage.
      this.byGroup.delete(groupId);
      this.options.host.removeGroup(groupId);
      this.markDamaged(groupId, err);
    } finally {
      this.recoverOnOpen.delete(groupId);
    }
  }

  /**
   * A replica here met damaged stored data (at restart, in the Raft host, in a client's read, or found by a scrub):
   * it stops at once and, if the group has other replicas, is rebuilt from them on a later turn.
   */
  markDamaged(groupId: number, err: StorageCorruptionError): void {
    const placed = this.placed.get(groupId);
    if (!placed) return;
    const { assignment } = placed;
    this.byGroup.delete(groupId);
    this.options.host.removeGroup(groupId);
    const others = assignment.peers.filter((id) => id !== this.options.brokerId);
    const of = { topic: assignment.topic, partition: assignment.partition };
    if (this.options.repairs.reportDamaged(groupId, of, err, others)) this.options.later(() => this.rebuild(groupId));
  }

  private rebuild(groupId: number): void {
    // Its topic may have gone meanwhile.
    if (!this.placed.has(groupId) || this.byGroup.has(groupId) || this.options.repairs.get(groupId)?.state !== 'rebuilding') return;
    this.options.host.dropGroupLog(groupId);
    this.options.repairs.rebuildStarted(groupId);
    this.recoverOnOpen.add(groupId);
    this.open(groupId, true);
  }

  byGroupId(groupId: number): Partition | undefined {
    return this.byGroup.get(groupId);
  }

  all(): Iterable<Partition> {
    return this.byGroup.values();
  }

  /**
   * The partition if a working replica of it is here (a follower answers NOT_LEADER itself); else UNKNOWN_TOPIC,
   * UNKNOWN_PARTITION, STORAGE_ERROR for a damaged replica with nothing to rebuild it from, or NOT_LEADER naming
   * `leaderHint`, a broker that does hold it.
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
    const damaged = this.options.repairs.get(placement.groupId);
    if (damaged?.state === 'unrepairable') {
      return {
        error: ErrorCode.STORAGE_ERROR,
        message: `broker ${this.options.brokerId}'s replica of ${topic}/${partition} is damaged and no other replica holds it: ${damaged.error.message}`,
      };
    }
    const why = damaged ? `'s replica of ${topic}/${partition} is damaged and being rebuilt` : ` holds no replica of ${topic}/${partition}`;
    return {
      error: ErrorCode.NOT_LEADER,
      message: `broker ${this.options.brokerId}${why} (replicas ${placement.replicas.join(',')})`,
      leaderId: leaderHint(placement.groupId),
    };
  }
}
