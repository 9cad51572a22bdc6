// The controller at run time: Raft group 0 on this broker's RaftHost, with ControllerState as its state machine.
// Every seed broker hosts the group as a voter and applies every committed command, so every broker reads brokers,
// topics and placement from its own copy (and reconciles its partitions from it) without asking anyone.
//
// Registration and liveness need no broker-to-broker requests: the seed list gives every broker's address, and the
// controller leader sees which peers it is connected to. So the leader itself proposes, once per heartbeat interval,
// RegisterBroker for a reachable seed that is missing (or whose address changed) and BrokerHeartbeat for every
// reachable one, itself included, in one batch. A broker that dies stops being heartbeated; a new leader takes over
// the proposing. (The price: only seed brokers take part; brokers joining later as learners are not done yet.)
//
// Joining group 0: a broker whose store holds it resumes from it; one whose store is new founds the cluster or
// joins it recovering, as formation.ts decides; a damaged replica of it is rebuilt recovering (the cluster node
// drops its log and calls start again).
//
// Admin commands are proposed here only on the leader; `propose` resolves once the entry is applied, with the error
// apply returned, or NOT_CONTROLLER if leadership was lost first (the entry may still commit: a retry may then see
// TOPIC_ALREADY_EXISTS, as with Kafka).
import { ErrorCode } from '../../client/protocol';
import { EntryType, NotLeaderError, ProposalRefusedError } from '../raft';
import type { Entry, RaftIndex, Snapshot, Term } from '../raft';
import type { GroupContentRules, GroupStateMachine, Leadership, RaftGroup, RaftHost } from '../replication';
import { StorageCorruptionError, type BrokerStore } from '../storage';
import type { TopicError } from '../topics';
import { controllerEntryProblem, encodeCommand, type BrokerAddress, type ControllerCommand } from './commands';
import { CONTROLLER_GROUP_ID, ControllerState, controllerSnapshotProblem } from './controller-state';

/**
 * What group 0's entries and snapshots from a peer are checked against before Raft takes them: what apply and
 * restore below read (an empty snapshot, like an empty entry, restores nothing).
 */
export const CONTROLLER_CONTENT_RULES: GroupContentRules = {
  entryProblem: (e) => (e.type === EntryType.Normal ? controllerEntryProblem(e.data) : undefined),
  snapshotProblem: (data) => (data.length === 0 ? undefined : controllerSnapshotProblem(data)),
};

export interface ControllerServiceOptions {
  readonly brokerId: number;
  readonly host: RaftHost;
  readonly store: BrokerStore;
  /** The voters of group 0, with their addresses. */
  readonly seeds: readonly BrokerAddress[];
  readonly livenessTimeoutMs: number;
  /** How often the leader heartbeats the reachable brokers. */
  readonly heartbeatIntervalMs: number;
  /** Whether this broker has a working link to the broker (the transport's handshake succeeded). */
  readonly isReachable: (brokerId: number) => boolean;
  /** The state changed (entries applied or a snapshot restored): reconcile, refresh views. */
  readonly onChange: () => void;
  /** Compaction: entries kept behind a snapshot of the state. */
  readonly keepEntries?: number;
  /** This broker's replica of group 0, created recovering, caught up with the leader and votes again. */
  readonly onRecovered?: () => void;
}

interface Waiter {
  readonly term: Term;
  readonly resolve: (result: TopicError | undefined) => void;
}

const notController = (leaderId: number): TopicError => ({
  error: ErrorCode.NOT_CONTROLLER,
  message: leaderId > 0 ? `this broker is not the controller; broker ${leaderId} is` : 'the controller has no leader right now',
});

export class ControllerService implements GroupStateMachine {
  readonly state: ControllerState;
  private group: RaftGroup | undefined;
  private readonly waiters = new Map<RaftIndex, Waiter>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ControllerServiceOptions) {
    this.state = new ControllerState({ livenessTimeoutMs: options.livenessTimeoutMs });
  }

  /**
   * Restores the state from the group's stored snapshot (Raft re-delivers the entries after it) and joins group 0;
   * `recovering`: with an empty log, learning everything from the leader before it votes. Throws
   * StorageCorruptionError, having joined nothing, when the stored group fails its checks.
   */
  start(options: { recovering?: boolean } = {}): void {
    const log = this.options.store.group(CONTROLLER_GROUP_ID);
    if (log.lastIndex() > 0) {
      const { metadata, data } = log.snapshot();
      // Ours always restores. One that does not was damaged, or never was ours (a peer's, stored before peer
      // messages were checked): as damage, the replica is rebuilt from the others instead of failing every start.
      const problem = data.length > 0 ? controllerSnapshotProblem(data) : undefined;
      if (problem) throw new StorageCorruptionError(CONTROLLER_GROUP_ID, metadata.index, 'group_state', problem);
      if (data.length > 0) this.state.restore(data);
    }
    this.group = this.options.host.createGroup(CONTROLLER_GROUP_ID, {
      voters: this.options.seeds.map((s) => s.id),
      stateMachine: this,
      compaction: { keepEntries: this.options.keepEntries ?? 256 },
      ...(options.recovering ? { join: true, recovering: true } : {}),
    });
    if (this.timer) return;
    this.timer = setInterval(() => this.maybeHeartbeat(), this.options.heartbeatIntervalMs);
    this.timer.unref();
  }

  /** Whether this broker hosts group 0 now (not before formation is decided, nor while a damaged replica waits). */
  get started(): boolean {
    return this.group !== undefined && this.options.host.group(CONTROLLER_GROUP_ID) !== undefined;
  }

  /** Group 0 here lost or repaired its state and has not caught up yet. */
  isRecovering(): boolean {
    return this.group?.isRecovering() ?? false;
  }

  stop(): void {
    clearInterval(this.timer);
    this.failWaiters(0);
  }

  leadership(): Leadership | undefined {
    return this.group?.leadership();
  }

  /** The controller leader's broker id, or 0 while there is none. */
  get leaderId(): number {
    return this.group?.leadership().leaderId ?? 0;
  }

  get isLeader(): boolean {
    return this.group?.leadership().role === 'leader';
  }

  /** Proposes a command on the leader; resolves once applied (undefined) or with why it was not. */
  propose(command: ControllerCommand): Promise<TopicError | undefined> {
    const group = this.group;
    const leadership = group?.leadership();
    if (!group || !leadership || leadership.role !== 'leader') return Promise.resolve(notController(leadership?.leaderId ?? 0));
    let index: RaftIndex;
    try {
      index = group.propose(encodeCommand(command), leadership.term);
    } catch (err) {
      if (err instanceof NotLeaderError) return Promise.resolve(notController(err.leaderId));
      if (err instanceof ProposalRefusedError) return Promise.resolve(notController(0));
      return Promise.reject(err);
    }
    return new Promise((resolve) => this.waiters.set(index, { term: leadership.term, resolve }));
  }

  private maybeHeartbeat(): void {
    const group = this.group;
    const leadership = group?.leadership();
    if (!group || leadership?.role !== 'leader') return;
    const atMs = Date.now();
    const commands: ControllerCommand[] = [];
    for (const seed of this.options.seeds) {
      if (seed.id !== this.options.brokerId && !this.options.isReachable(seed.id)) continue;
      const known = this.state.broker(seed.id);
      if (!known || known.host !== seed.host || known.port !== seed.port || known.rack !== seed.rack) {
        commands.push({ kind: 'register-broker', atMs, broker: seed });
      } else {
        commands.push({ kind: 'broker-heartbeat', atMs, brokerId: seed.id });
      }
    }
    if (commands.length === 0) return;
    try {
      group.proposeBatch(commands.map(encodeCommand), leadership.term);
    } catch (err) {
      if (!(err instanceof ProposalRefusedError)) throw err;
      // Leadership moved between the check and the proposal: the new leader heartbeats.
    }
  }

  // --- GroupStateMachine ------------------------------------------------------------------------------------------

  apply(entries: readonly Entry[]): void {
    for (const e of entries) {
      // Membership changes are the host's business; group 0's membership is the seed list.
      const result = e.type === EntryType.Normal ? this.state.applyEntry(e.data) : undefined;
      const waiter = this.waiters.get(e.index);
      if (!waiter) continue;
      this.waiters.delete(e.index);
      waiter.resolve(e.term === waiter.term ? result : notController(this.leaderId));
    }
    this.options.onChange();
  }

  restore(snapshot: Snapshot): void {
    if (snapshot.data.length > 0) this.state.restore(snapshot.data);
    this.options.onChange();
  }

  snapshotData(): Uint8Array {
    return this.state.snapshot();
  }

  onLeadershipChange(leadership: Leadership): void {
    if (leadership.role !== 'leader') this.failWaiters(leadership.leaderId);
    else queueMicrotask(() => this.maybeHeartbeat());
  }

  onRecovered(): void {
    this.options.onRecovered?.();
  }

  onFailure(): void {
    this.failWaiters(0);
  }

  private failWaiters(leaderId: number): void {
    const waiting = [...this.waiters.values()];
    this.waiters.clear();
    for (const w of waiting) w.resolve(notController(leaderId));
  }
}
