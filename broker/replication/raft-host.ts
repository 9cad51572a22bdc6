// The multi-Raft host: drives every Raft group on this broker over one BrokerStore and one PeerTransport
// (etcd's raft example loop, run for all groups at once as CockroachDB's and Redpanda's hosts do).
//
// API (for the code that places groups on brokers):
//
//   const host = new RaftHost({ brokerId, store, transport, registry, tickMs: 100, electionTicks: 10 });
//   // the transport's onDropped and the peer endpoint's onBatch feed the host:
//   new PeerTransport({ ..., onDropped: (to, g, msgs, reason) => host.handleDropped(to, g, msgs, reason) });
//   attachPeerEndpoint(app, '/peer', { ..., onBatch: (from, groups) => host.handlePeerBatch(from, groups) });
//   host.start();                                           // the one tick source for all groups
//   const group = host.createGroup(groupId, { voters: [1, 2, 3], stateMachine });   // or { join: true } for a
//                                                         // replica added later (learns membership by snapshot)
//   group.leadership()        -> { role, leaderId, term }  // for metadata; node id = broker id
//   group.propose(data, term?) -> index                    // throws NotLeaderError / ProposalRefusedError
//   group.proposeConfChange(cc), group.transferLeader(to), group.status(), group.isRecovering()
//   host.removeGroup(groupId, { dropData: true });  await host.stop();
//
// Every group's node id is this broker's id, so a message's `from`/`to` are broker ids and peers are brokers.
//
// The flush cycle (one at a time; what arrives meanwhile is gathered into the next, which is the batching):
//   1. ready() from every group with work; send their `messages` now and flush the transport (a leader's appends
//      leave before its own fsync; this one flush is the cycle's one frame per peer);
//   2. stage snapshots, entries (the state machine's onEntriesStaged hook adds e.g. the offset index to the same
//      transaction) and hard states into each group's GroupLog; apply committed entries that were already durable
//      before this Ready (they need not wait for this fsync);
//   3. ONE store.commit() — one LMDB transaction, one fsync — for all groups, if any Ready must sync;
//   4. queue `messagesAfterPersist` (acks, votes), tell state machines what is now durable (onPersisted: acks=leader),
//      apply the remaining committed entries, advance(). The acks ride in the next cycle's flush (which starts at
//      once, because an advanced group may have more to do), or are flushed at the end when no cycle follows.
// Coalescing heartbeats of all groups to a peer into one message is the transport's job (HeartbeatCoalescer).
//
// Restart: a group whose GroupLog holds data starts from GroupLog.initialState(). The state machine says which index
// it already reflects (`appliedIndex`, default the snapshot's): Raft re-delivers committed entries after it, so a
// state machine must apply entries idempotently from there. A new group is bootstrapped with a snapshot at index 1
// (term 1) holding its membership, so replicas added later can learn it (RAFT-API.md "Bootstrap").
//
// Recovery: a replica that lost or damaged its state for a group (a wiped store, a damaged log being rebuilt) is
// created with `recovering: true` (for a wiped store, with `join: true` as well: the membership it would bootstrap
// with may not be the group's first one). The host persists the flag in the group's state at once, and at every
// restart the persisted flag wins over the option. The node then neither votes nor counts toward a quorum until it
// has caught up from a leader (broker/raft/raft.ts, "Recovery"); the Ready in which it leaves recovery clears the
// flag in the same transaction as the vote it records, before anything the node sends after it, and the state
// machine hears `onRecovered()` once that is durable.
//
// Compaction: `compaction.keepEntries` snapshots the state machine at the applied index and drops the log prefix
// up to keepEntries before it, once twice that many applied entries are in the log. Groups without it (partitions,
// whose log is their data and whose prefix goes by retention) are never compacted here.
//
// Damage: a stored value of one group that fails its check (StorageCorruptionError, from any read: a node stepping a
// message, ticking, proposing or making its Ready, or a state machine hook) stops that group alone on this broker —
// removed, its state machine told it leads no more, nothing more sent for it — and `onGroupDamaged` tells the
// owner, who may rebuild the replica from the others (dropGroupLog, then createGroup again). Every other group goes
// on. Only a store that can no longer write (a failed commit) stops every group: then nothing could be made durable.
// Any other error thrown by a group's node or state machine stops that group alone too (stopFailed), with one line.
//
// Peers: every message from a peer passes the validator (peer-message-validation.ts) before its node steps it.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import {
  decodeConfChange, EntryType, MessageType, NO_NODE, NotLeaderError, RaftNode,
  type ConfChange, type ConfState, type Entry, type Message, type NodeId, type RaftConfig, type RaftIndex,
  type RaftStatus, type Ready, type Snapshot, type StateRole, type Term,
} from '../raft';
import { StorageCorruptionError, type BrokerStore, type GroupLog } from '../storage';
import type { GroupId, GroupMessages } from './group-messages';
import type { PeerMessageValidator } from './peer-message-validation';
import type { DropReason } from './peer-metrics';
import type { PeerTransport } from './peer-transport';

/** Who leads a group, as this broker sees it. */
export interface Leadership {
  readonly role: StateRole;
  /** NO_NODE (0) when no leader is known. */
  readonly leaderId: NodeId;
  readonly term: Term;
}

/**
 * What a group's application (a partition, the controller) does when the host says so. Every hook runs inside the
 * flush cycle, synchronously; none may throw.
 */
export interface GroupStateMachine {
  /** Entries were just appended to the group's GroupLog, staged in the transaction about to be committed. */
  onEntriesStaged?(entries: readonly Entry[]): void;
  /** Those entries are now durable on this broker (for a leader: its own fsync of its proposals). */
  onPersisted?(entries: readonly Entry[]): void;
  /** Committed entries, in order, each at most once per run (again after a restart past `appliedIndex`). */
  apply(entries: readonly Entry[]): void;
  /** The log was replaced by a leader's snapshot (durable now); entries after it follow. */
  restore?(snapshot: Snapshot): void;
  /** The state at the last applied index: a new group's bootstrap snapshot, and compaction's. */
  snapshotData?(): Uint8Array;
  /** Role, leader or term changed. */
  onLeadershipChange?(leadership: Leadership): void;
  /** The replica left recovery (durably): it holds everything committed and votes again. */
  onRecovered?(): void;
  /** The store failed: nothing more will be persisted or applied. */
  onFailure?(err: Error): void;
}

export interface CreateGroupOptions {
  /** The initial membership (broker ids), used only when the group's log is empty and not joining. */
  readonly voters: readonly NodeId[];
  readonly learners?: readonly NodeId[];
  readonly stateMachine: GroupStateMachine;
  /** A replica added to a running group: start empty and learn the membership from the leader's snapshot. */
  readonly join?: boolean;
  /** The index the state machine already reflects at restart (default: the latest snapshot's). */
  readonly appliedIndex?: RaftIndex;
  readonly compaction?: { readonly keepEntries: number };
  /**
   * This broker lost or damaged its state for the group: the replica must catch up from the others before it votes
   * or counts toward a quorum. Persisted; a restart stays recovering until the node leaves recovery, whatever the
   * option says then. Refused for a group whose only voter is this broker (nobody to recover from).
   */
  readonly recovering?: boolean;
}

export interface RaftHostOptions {
  readonly brokerId: NodeId;
  readonly store: BrokerStore;
  /** Absent on a broker without peers (every group has this broker as its only member). */
  readonly transport?: PeerTransport;
  readonly registry?: Registry;
  /** Default 100 ms. */
  readonly tickMs?: number;
  /** Default 10 ticks: a follower campaigns after 1..2 s without a leader at the default tickMs. */
  readonly electionTicks?: number;
  /** Default 1 tick. */
  readonly heartbeatTicks?: number;
  /** Uniform in [0, 1): randomized election timeouts. Default Math.random. */
  readonly random?: () => number;
  /** Passed to every RaftNode (flow control and size limits). */
  readonly raft?: Pick<RaftConfig, 'maxSizePerMsgBytes' | 'maxInflightMsgs' | 'maxInflightBytes' | 'maxCommittedBytesPerReady'>;
  /** Per-group gauges (term, commit, applied, leader) are exported for at most this many groups, lowest ids first. Default 64. */
  readonly maxGroupMetrics?: number;
  /**
   * A hosted group met damaged stored data and was stopped on this broker (see "Damage" above). Called on a later
   * turn, never from inside the host's own work, so it may create the group again at once.
   */
  readonly onGroupDamaged?: (groupId: GroupId, err: StorageCorruptionError) => void;
  /** The store failed to commit: every group stopped (see storageFailure). */
  readonly onFailure?: (err: Error) => void;
  /** Checks every message from a peer before its group's node sees it (peer-message-validation.ts). */
  readonly validator?: Pick<PeerMessageValidator, 'accept'>;
  /** Lines for the operator (a group stopped by an error). Default stderr. */
  readonly log?: (line: string) => void;
}

const EMPTY_DATA = new Uint8Array(0);
const FLUSH_GROUPS_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096];
const FLUSH_SECONDS_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One hosted group. */
class HostedGroup {
  /** Cached leadership; `stale` once the node saw input since it was read. */
  cached: Leadership = { role: 'follower', leaderId: NO_NODE, term: 0 };
  stale = true;
  /** What the state machine was last told. */
  notified: Leadership | undefined;
  removed = false;
  applied: RaftIndex;
  /** Recovering as persisted: cleared once the Ready that left recovery is durable (the node's own flag is earlier). */
  recovering: boolean;
  /** On the leader: when recent proposals were made, by index, for the proposal-to-commit latency. */
  readonly proposedAt: Array<{ index: RaftIndex; ns: bigint }> = [];

  constructor(
    readonly id: GroupId,
    readonly node: RaftNode,
    readonly log: GroupLog,
    readonly stateMachine: GroupStateMachine,
    public confState: ConfState,
    readonly keepEntries: number | undefined,
  ) {
    const status = node.status();
    this.applied = status.applied;
    this.recovering = status.recovering;
  }

  leadership(): Leadership {
    if (this.stale) {
      const s = this.node.status();
      const c = this.cached;
      if (c.role !== s.role || c.leaderId !== s.leaderId || c.term !== s.term) {
        this.cached = { role: s.role, leaderId: s.leaderId, term: s.term };
      }
      this.stale = false;
    }
    return this.cached;
  }
}

/** A group's handle for its owner. */
export class RaftGroup {
  constructor(private readonly host: RaftHost, private readonly g: HostedGroup) {}

  get groupId(): GroupId {
    return this.g.id;
  }

  get log(): GroupLog {
    return this.g.log;
  }

  /** Whether this replica is still catching up after losing its state (it does not vote meanwhile), as persisted. */
  isRecovering(): boolean {
    return this.g.recovering;
  }

  /** A group no longer hosted here (removed, or stopped by damage) leads nothing and knows no leader. */
  leadership(): Leadership {
    const l = this.g.leadership();
    return this.g.removed ? { role: 'follower', leaderId: NO_NODE, term: l.term } : l;
  }

  status(): RaftStatus {
    return this.g.node.status();
  }

  /**
   * Proposes one entry; returns its index. With `term`, refuses (NotLeaderError) unless this node leads in exactly
   * that term: the caller's view of the log (e.g. a partition's log end offset) belongs to that term.
   */
  propose(data: Uint8Array, term?: Term): RaftIndex {
    return this.host.propose(this.g, (node) => node.propose(data), term);
  }

  /** One entry per element; returns the index of the first. */
  proposeBatch(data: readonly Uint8Array[], term?: Term): RaftIndex {
    return this.host.propose(this.g, (node) => node.proposeBatch(data), term);
  }

  proposeConfChange(cc: ConfChange): RaftIndex {
    return this.host.propose(this.g, (node) => node.proposeConfChange(cc));
  }

  transferLeader(to: NodeId): void {
    this.host.poke(this.g, (node) => node.transferLeader(to));
  }

  campaign(): void {
    this.host.poke(this.g, (node) => node.campaign());
  }
}

interface Work {
  readonly g: HostedGroup;
  readonly rd: Ready;
  /** committedEntries[0 .. early) were applied before the fsync. */
  early: number;
}

interface HostMetrics {
  readonly proposals: Counter<string>;
  readonly proposalsRefused: Counter<string>;
  readonly entriesAppended: Counter<string>;
  readonly entriesApplied: Counter<string>;
  readonly campaigns: Counter<string>;
  readonly leaderChanges: Counter<string>;
  readonly flushCycles: Counter<string>;
  readonly flushDuration: Histogram<string>;
  readonly flushGroups: Histogram<string>;
  readonly snapshotsSent: Counter<string>;
  readonly snapshotsRestored: Counter<string>;
  readonly inboundDropped: Counter<'reason'>;
  readonly groupsFailed: Counter<string>;
  readonly electionsWon: Counter<string>;
  readonly proposalCommitDuration: Histogram<string>;
  unregister(): void;
}

/** Proposals timed per group at most; beyond it (a backlog of this size is an outage anyway) they go untimed. */
const MAX_TIMED_PROPOSALS = 4096;

export class RaftHost {
  readonly brokerId: NodeId;
  private readonly store: BrokerStore;
  private readonly transport: PeerTransport | undefined;
  private readonly tickMs: number;
  private readonly electionTicks: number;
  private readonly heartbeatTicks: number;
  private readonly random: () => number;
  private readonly raftLimits: RaftHostOptions['raft'];
  private readonly groups = new Map<GroupId, HostedGroup>();
  private dirty = new Set<HostedGroup>();
  private readonly onGroupDamaged: RaftHostOptions['onGroupDamaged'];
  private readonly onFailure: RaftHostOptions['onFailure'];
  private readonly validator: RaftHostOptions['validator'];
  private readonly log: (line: string) => void;
  private readonly metrics: HostMetrics;
  private ticker: NodeJS.Timeout | undefined;
  private flushScheduled = false;
  private cycle: Promise<void> | undefined;
  private stopped = false;
  private failure: Error | undefined;
  /** A recovering flag was staged: the next cycle commits even if no Ready asks it to (it must be durable first). */
  private commitStaged = false;
  /** Snap messages sent in the current cycle, and those the transport dropped ("groupId/to"). */
  private snapshotsInFlight: Array<{ g: HostedGroup; to: NodeId }> = [];
  private readonly droppedSnapshots = new Set<string>();

  constructor(options: RaftHostOptions) {
    this.brokerId = options.brokerId;
    this.store = options.store;
    this.transport = options.transport;
    this.tickMs = options.tickMs ?? 100;
    this.electionTicks = options.electionTicks ?? 10;
    this.heartbeatTicks = options.heartbeatTicks ?? 1;
    this.random = options.random ?? Math.random;
    this.raftLimits = options.raft;
    this.onGroupDamaged = options.onGroupDamaged;
    this.onFailure = options.onFailure;
    this.validator = options.validator;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    if (!(this.tickMs > 0)) throw new RangeError(`tickMs must be positive, got ${this.tickMs}`);
    this.metrics = createHostMetrics(options.registry, this, options.maxGroupMetrics ?? 64);
  }

  /** Starts the one tick source for every group. */
  start(): void {
    if (this.ticker || this.stopped) return;
    this.ticker = setInterval(() => this.tickAll(), this.tickMs);
    this.ticker.unref();
  }

  /** Stops ticking, lets the cycle in flight finish, commits what it staged lazily and unregisters the metrics. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.ticker);
    this.ticker = undefined;
    while (this.cycle) await this.cycle;
    this.transport?.flush();
    if (!this.failure) await this.store.commit().catch(() => undefined);
    this.metrics.unregister();
  }

  /**
   * Hosts a group (bootstrapping a new one); its Raft node ticks and flushes with all the others from now on. Throws
   * StorageCorruptionError, hosting nothing, when the stored state it starts from fails its checks.
   */
  createGroup(groupId: GroupId, options: CreateGroupOptions): RaftGroup {
    if (this.stopped) throw new Error('the Raft host is stopped');
    if (this.groups.has(groupId)) throw new Error(`group ${groupId} is already hosted`);
    const log = this.store.group(groupId);
    const fresh = log.lastIndex() === 0 && log.firstIndex() === 1;
    const bootstrap = fresh && !options.join;
    if (bootstrap && !options.voters.includes(this.brokerId) && !(options.learners ?? []).includes(this.brokerId)) {
      throw new Error(`broker ${this.brokerId} is not a member of group ${groupId}; join it instead`);
    }
    const recovering = options.recovering === true || log.isRecovering();
    const voters = bootstrap ? options.voters : log.initialState().confState.voters;
    if (recovering && voters.length === 1 && voters[0] === this.brokerId) {
      throw new Error(`group ${groupId}: broker ${this.brokerId} is its only voter; there is no replica to recover from`);
    }
    if (bootstrap) {
      const confState: ConfState = { voters: [...options.voters], learners: [...(options.learners ?? [])], votersOutgoing: [] };
      log.applySnapshot({ metadata: { index: 1, term: 1, confState }, data: options.stateMachine.snapshotData?.() ?? EMPTY_DATA });
      log.setHardState({ term: 1, vote: NO_NODE, commit: 1 });
    }
    const { confState } = log.initialState();
    if (recovering && !log.isRecovering()) {
      log.setRecovering(true);
      this.commitStaged = true;
    }
    const node = new RaftNode({
      ...this.raftLimits,
      id: this.brokerId,
      storage: log,
      electionTicks: this.electionTicks,
      heartbeatTicks: this.heartbeatTicks,
      random: this.random,
      recovering,
      ...(options.appliedIndex !== undefined ? { applied: options.appliedIndex } : {}),
    });
    const keepEntries = options.compaction?.keepEntries;
    if (keepEntries !== undefined && (!Number.isSafeInteger(keepEntries) || keepEntries < 1)) {
      throw new RangeError(`compaction.keepEntries must be a positive integer, got ${keepEntries}`);
    }
    if (keepEntries !== undefined && !options.stateMachine.snapshotData) {
      throw new Error(`group ${groupId}: compaction needs a state machine with snapshotData()`);
    }
    const g = new HostedGroup(groupId, node, log, options.stateMachine, confState, keepEntries);
    this.groups.set(groupId, g);
    // A sole voter need not wait out an election timeout: nobody else can lead.
    if (confState.voters.length === 1 && confState.voters[0] === this.brokerId) {
      try {
        node.campaign();
      } catch (err) {
        this.detach(g);
        throw err;
      }
    }
    this.markDirty(g);
    return new RaftGroup(this, g);
  }

  /**
   * Stops hosting a group; its state machine hears it is no longer led from here. `dropData` deletes its log, also
   * of a group not hosted any more (a damaged replica stopped earlier).
   */
  removeGroup(groupId: GroupId, options: { dropData?: boolean } = {}): void {
    const g = this.groups.get(groupId);
    if (g) this.detach(g);
    if (options.dropData) this.store.dropGroup(groupId);
  }

  /**
   * Staged: deletes a group that is not hosted (a damaged replica about to be rebuilt from the others) but keeps its
   * term and vote, so that it never votes twice in a term it voted in before. The group starts again empty. A group
   * whose state cannot even be read keeps nothing: it starts recovering, which casts no vote until it caught up.
   */
  dropGroupLog(groupId: GroupId): void {
    if (this.groups.has(groupId)) throw new Error(`group ${groupId} is hosted; remove it before dropping its log`);
    let keep: { term: Term; vote: NodeId } | undefined;
    try {
      keep = this.store.group(groupId).initialState().hardState;
    } catch (err) {
      if (!(err instanceof StorageCorruptionError)) throw err;
    }
    this.store.dropGroup(groupId);
    if (keep && keep.term > 0) this.store.group(groupId).setHardState({ term: keep.term, vote: keep.vote, commit: 0 });
  }

  private detach(g: HostedGroup): void {
    g.removed = true;
    this.groups.delete(g.id);
    this.dirty.delete(g);
    g.proposedAt.length = 0;
    g.stateMachine.onLeadershipChange?.({ role: 'follower', leaderId: NO_NODE, term: g.leadership().term });
  }

  /** A group met damaged stored data: it stops here, alone; the owner hears of it on a later turn. */
  private stopDamaged(g: HostedGroup, err: StorageCorruptionError): void {
    if (g.removed) return;
    this.detach(g);
    const report = this.onGroupDamaged;
    if (report) setImmediate(() => report(g.id, err));
  }

  /**
   * Runs one group's share of some work. Damaged stored data stops that group (returns false) and nothing else; so
   * does any other error (see stopFailed).
   */
  private guarded(g: HostedGroup, work: () => void): boolean {
    try {
      work();
      return true;
    } catch (err) {
      if (err instanceof StorageCorruptionError) this.stopDamaged(g, err);
      else this.stopFailed(g, err instanceof Error ? err : new Error(String(err)));
      return false;
    }
  }

  /**
   * A group's node or state machine threw on something no check caught (a bug, or an entry whose content a state
   * machine cannot take). Going on with it could act on a half-done step; failing the host would stop every other
   * group, and the process would meet it again at every start. So this group alone stops on this broker, said in
   * one line and counted; a restart hosts it again.
   */
  private stopFailed(g: HostedGroup, err: Error): void {
    if (g.removed) return;
    this.detach(g);
    this.metrics.groupsFailed.inc();
    this.log(`rafter broker ${this.brokerId}: Raft group ${g.id} stopped on this broker by an error in its work; the other `
      + `groups go on, and it is hosted again when the broker restarts: ${err.stack ?? err.message}`);
    g.stateMachine.onFailure?.(err);
  }

  group(groupId: GroupId): RaftGroup | undefined {
    const g = this.groups.get(groupId);
    return g ? new RaftGroup(this, g) : undefined;
  }

  groupIds(): GroupId[] {
    return [...this.groups.keys()].sort((a, b) => a - b);
  }

  /** Leadership of a hosted group, or undefined. After a storage failure no group here leads or knows a leader. */
  leadership(groupId: GroupId): Leadership | undefined {
    const l = this.groups.get(groupId)?.leadership();
    return l && this.failure ? { role: 'follower', leaderId: NO_NODE, term: l.term } : l;
  }

  /** The store failed: the host persists nothing more. */
  get storageFailure(): Error | undefined {
    return this.failure;
  }

  // --- input ------------------------------------------------------------------------------------------------------

  /** The peer endpoint's onBatch: steps each message into its group. Never throws. */
  handlePeerBatch(fromBroker: NodeId, groups: readonly GroupMessages[]): void {
    if (this.stopped) return;
    for (const { groupId, messages } of groups) {
      const g = this.groups.get(groupId);
      if (!g) {
        // Not (yet, or no longer) placed here: the sender retries, and the controller settles placement.
        this.metrics.inboundDropped.labels('unknown-group').inc(messages.length);
        continue;
      }
      for (const m of messages) {
        // Node id = broker id: a peer speaks only for itself, and only to us.
        if (m.from !== fromBroker || m.to !== this.brokerId) {
          this.metrics.inboundDropped.labels('wrong-node').inc();
          continue;
        }
        if (this.validator && !this.validator.accept(fromBroker, groupId, m)) continue;
        try {
          g.node.step(m);
        } catch (err) {
          if (err instanceof StorageCorruptionError) {
            this.stopDamaged(g, err);
            break;
          }
          this.metrics.inboundDropped.labels('refused').inc();
        }
      }
      if (!g.removed) this.markDirty(g);
    }
    this.scheduleFlush();
  }

  /** The transport's onDropped: the group's node hears the peer is unreachable (and a snapshot failed). */
  handleDropped(toBroker: NodeId, groupId: GroupId, messages: readonly Message[], _reason: DropReason): void {
    const g = this.groups.get(groupId);
    if (!g) return;
    for (const m of messages) {
      if (m.type === MessageType.Snap) {
        this.droppedSnapshots.add(`${groupId}/${m.to}`);
        g.node.reportSnapshot(m.to, false);
      }
    }
    g.node.reportUnreachable(toBroker);
    this.markDirty(g);
    this.scheduleFlush();
  }

  /** For RaftGroup. */
  propose(g: HostedGroup, proposeFn: (node: RaftNode) => RaftIndex, term?: Term): RaftIndex {
    if (g.removed) throw new NotLeaderError(NO_NODE);
    if (this.failure) throw this.failure;
    if (term !== undefined) {
      const l = g.leadership();
      if (l.role !== 'leader' || l.term !== term) {
        this.metrics.proposalsRefused.inc();
        throw new NotLeaderError(l.role === 'leader' ? this.brokerId : l.leaderId);
      }
    }
    let index: RaftIndex;
    try {
      index = proposeFn(g.node);
    } catch (err) {
      this.metrics.proposalsRefused.inc();
      if (!(err instanceof StorageCorruptionError)) throw err;
      // Nothing of this group leaves the broker any more, the proposal included; whoever leads next decides.
      this.stopDamaged(g, err);
      throw new NotLeaderError(NO_NODE);
    }
    this.metrics.proposals.inc();
    if (g.proposedAt.length < MAX_TIMED_PROPOSALS) g.proposedAt.push({ index, ns: process.hrtime.bigint() });
    this.markDirty(g);
    this.scheduleFlush();
    return index;
  }

  /** For RaftGroup: any other input to a node. */
  poke(g: HostedGroup, fn: (node: RaftNode) => void): void {
    if (g.removed || !this.guarded(g, () => fn(g.node))) return;
    this.markDirty(g);
    this.scheduleFlush();
  }

  private tickAll(): void {
    if (this.stopped || this.failure) return;
    for (const g of [...this.groups.values()]) {
      if (this.guarded(g, () => g.node.tick())) this.markDirty(g);
    }
    this.scheduleFlush();
  }

  private markDirty(g: HostedGroup): void {
    g.stale = true;
    this.dirty.add(g);
  }

  // --- the flush cycle --------------------------------------------------------------------------------------------

  /** Runs a cycle soon, unless one is running: that one starts the next itself when it ends. */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.cycle || this.stopped || this.failure) return;
    this.flushScheduled = true;
    // setImmediate: everything arriving in this turn (uWS delivers all frames that came together) joins the cycle.
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.cycle || this.stopped || this.failure) return;
      const cycle = this.flushCycle().catch((err: unknown) => {
        this.fail(err instanceof Error ? err : new Error(String(err)));
      }).finally(() => {
        this.cycle = undefined;
        if (this.dirty.size > 0) this.scheduleFlush();
        else this.transport?.flush();
      });
      this.cycle = cycle;
    });
  }

  private async flushCycle(): Promise<void> {
    const startedNs = process.hrtime.bigint();
    const dirty = this.dirty;
    this.dirty = new Set();
    const work: Work[] = [];
    for (const g of dirty) {
      if (g.removed) continue;
      this.guarded(g, () => {
        if (g.node.hasReady()) work.push({ g, rd: g.node.ready(), early: 0 });
      });
    }

    // 1. What needs nothing durable goes now, with the previous cycle's acks, in one frame per peer.
    for (const { g, rd } of work) this.sendMessages(g, rd.messages);
    this.transport?.flush();
    this.settleSnapshotsSent();
    if (work.length === 0 && !this.commitStaged) return;

    // 2. Stage everything in the groups' logs: one transaction takes it all.
    let mustSync = false;
    let appended = 0;
    try {
      for (const w of work) {
        const { g, rd } = w;
        if (rd.mustSync) mustSync = true;
        if (g.removed) continue;
        this.guarded(g, () => {
          if (rd.snapshot) g.log.applySnapshot(rd.snapshot);
          if (rd.entries.length > 0) {
            g.log.append(rd.entries);
            appended += rd.entries.length;
            g.stateMachine.onEntriesStaged?.(rd.entries);
          }
          if (rd.hardState) g.log.setHardState(rd.hardState);
          // Left recovery: cleared in the same transaction as the vote this Ready records.
          if (rd.recovering === false) g.log.setRecovering(false);
          if (rd.softState || (rd.hardState && rd.hardState.term !== g.notified?.term)) this.notifyLeadership(g, rd);
          w.early = this.earlyApplicable(rd);
          if (w.early > 0) this.apply(g, w.early === rd.committedEntries.length ? rd.committedEntries : rd.committedEntries.slice(0, w.early));
        });
      }
      this.metrics.entriesAppended.inc(appended);
      // 3. One fsync for every group. A Ready that only moved the commit index need not wait: it rides along later.
      if (mustSync || this.commitStaged) {
        this.commitStaged = false;
        await this.store.commit();
      }
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
      return;
    }

    // 4. Durable now: acks and votes may go, the rest is applied, the nodes advance.
    for (const { g, rd, early } of work) {
      if (g.removed) continue;
      this.sendMessages(g, rd.messagesAfterPersist);
      this.guarded(g, () => {
        if (rd.entries.length > 0) g.stateMachine.onPersisted?.(rd.entries);
        if (rd.snapshot) {
          g.confState = rd.snapshot.metadata.confState;
          g.applied = Math.max(g.applied, rd.snapshot.metadata.index);
          g.stateMachine.restore?.(rd.snapshot);
          this.metrics.snapshotsRestored.inc();
        }
        const committed = rd.committedEntries;
        if (early < committed.length) this.apply(g, early === 0 ? committed : committed.slice(early));
        if (rd.recovering === false) {
          g.recovering = false;
          g.stateMachine.onRecovered?.();
        }
        g.node.advance();
        this.markDirty(g);
        this.maybeCompact(g);
      });
    }
    this.metrics.flushCycles.inc();
    this.metrics.flushGroups.observe(work.length);
    this.metrics.flushDuration.observe(Number(process.hrtime.bigint() - startedNs) / 1e9);
  }

  /**
   * How many of rd.committedEntries were durable before this Ready: those before its first new entry (a follower
   * may learn that entries commit in the same message that brings them). None if a snapshot replaces the log.
   */
  private earlyApplicable(rd: Ready): number {
    const committed = rd.committedEntries;
    if (rd.snapshot || committed.length === 0) return 0;
    if (rd.entries.length === 0) return committed.length;
    const firstNew = rd.entries[0].index;
    let n = 0;
    while (n < committed.length && committed[n].index < firstNew) n++;
    return n;
  }

  private apply(g: HostedGroup, entries: readonly Entry[]): void {
    for (const e of entries) {
      if (e.type === EntryType.ConfChange) g.confState = g.node.applyConfChange(decodeConfChange(e.data));
    }
    g.stateMachine.apply(entries);
    g.applied = entries[entries.length - 1].index;
    this.metrics.entriesApplied.inc(entries.length);
    if (g.proposedAt.length > 0) {
      const now = process.hrtime.bigint();
      let n = 0;
      while (n < g.proposedAt.length && g.proposedAt[n].index <= g.applied) {
        this.metrics.proposalCommitDuration.observe(Number(now - g.proposedAt[n].ns) / 1e9);
        n++;
      }
      g.proposedAt.splice(0, n);
    }
  }

  private notifyLeadership(g: HostedGroup, rd: Ready): void {
    g.stale = true;
    const now = g.leadership();
    const before = g.notified;
    if (before && before.role === now.role && before.leaderId === now.leaderId && before.term === now.term) return;
    if (rd.softState && (now.role === 'candidate' || now.role === 'pre-candidate')) this.metrics.campaigns.inc();
    if (now.leaderId !== NO_NODE && now.leaderId !== (before?.leaderId ?? NO_NODE)) this.metrics.leaderChanges.inc();
    if (now.role === 'leader' && before?.role !== 'leader') this.metrics.electionsWon.inc();
    // A deposed leader's proposals may never commit (or commit under another leader): stop timing them.
    if (now.role !== 'leader') g.proposedAt.length = 0;
    g.notified = now;
    g.stateMachine.onLeadershipChange?.(now);
  }

  private sendMessages(g: HostedGroup, messages: readonly Message[]): void {
    if (messages.length === 0) return;
    for (const m of messages) {
      if (m.type === MessageType.Snap) {
        this.snapshotsInFlight.push({ g, to: m.to });
        this.metrics.snapshotsSent.inc();
      }
    }
    const transport = this.transport;
    if (!transport) {
      for (const m of messages) this.handleDropped(m.to, g.id, [m], 'unknown-peer');
      return;
    }
    // Runs of messages to the same peer go in one call (a Ready usually holds one or two per peer).
    let start = 0;
    for (let i = 1; i <= messages.length; i++) {
      if (i === messages.length || messages[i].to !== messages[start].to) {
        transport.send(messages[start].to, g.id, start === 0 && i === messages.length ? messages : messages.slice(start, i));
        start = i;
      }
    }
  }

  /** Snapshots handed to the socket count as delivered (etcd reports when its stream finished). */
  private settleSnapshotsSent(): void {
    if (this.snapshotsInFlight.length === 0) return;
    for (const { g, to } of this.snapshotsInFlight) {
      if (!g.removed && !this.droppedSnapshots.has(`${g.id}/${to}`)) g.node.reportSnapshot(to, true);
    }
    this.snapshotsInFlight = [];
    this.droppedSnapshots.clear();
  }

  private maybeCompact(g: HostedGroup): void {
    const keep = g.keepEntries;
    if (keep === undefined) return;
    const compactedThrough = g.log.firstIndex() - 1;
    if (g.applied - compactedThrough < 2 * keep) return;
    const data = g.stateMachine.snapshotData!();
    const snapshot = g.log.createSnapshot(g.applied, g.confState, data);
    g.log.compact(g.applied - keep, snapshot);
  }

  private fail(err: Error): void {
    this.failure = err;
    clearInterval(this.ticker);
    this.ticker = undefined;
    for (const g of this.groups.values()) g.stateMachine.onFailure?.(err);
    this.onFailure?.(err);
  }

  /** For the metrics: every hosted group. */
  hostedGroups(): Iterable<{ id: GroupId; recovering: boolean; status(): RaftStatus }> {
    return [...this.groups.values()].map((g) => ({ id: g.id, recovering: g.recovering, status: () => g.node.status() }));
  }
}

function createHostMetrics(registry: Registry | undefined, host: RaftHost, maxGroupMetrics: number): HostMetrics {
  const registers = registry ? [registry] : [];
  const names: string[] = [];
  const counter = (name: string, help: string) => {
    names.push(name);
    return new Counter({ name, help, registers });
  };
  const histogram = (name: string, help: string, buckets: number[]) => {
    names.push(name);
    return new Histogram({ name, help, buckets, registers });
  };
  const statuses = () => [...host.hostedGroups()].map((g) => ({ id: g.id, s: g.status() }));
  names.push('rafter_raft_groups');
  new Gauge({
    name: 'rafter_raft_groups', help: 'Raft groups hosted on this broker, by this broker\'s role in them',
    labelNames: ['role'], registers,
    collect() {
      this.reset();
      const counts: Record<StateRole, number> = { leader: 0, follower: 0, candidate: 0, 'pre-candidate': 0 };
      for (const { s } of statuses()) counts[s.role]++;
      for (const [role, n] of Object.entries(counts)) this.set({ role }, n);
    },
  });
  // Per-group gauges for a bounded number of groups (the lowest ids: group 0, the controller, first).
  const perGroup = (name: string, help: string, read: (s: RaftStatus) => number) => {
    names.push(name);
    return new Gauge({
      name, help, labelNames: ['group'], registers,
      collect() {
        this.reset();
        const all = statuses().sort((a, b) => a.id - b.id).slice(0, maxGroupMetrics);
        for (const { id, s } of all) this.set({ group: String(id) }, read(s));
      },
    });
  };
  names.push('rafter_raft_groups_recovering');
  new Gauge({
    name: 'rafter_raft_groups_recovering',
    help: 'Raft groups whose replica on this broker lost or repaired its state and is catching up (it does not vote)',
    registers,
    collect() {
      let n = 0;
      for (const g of host.hostedGroups()) if (g.recovering) n++;
      this.set(n);
    },
  });
  perGroup('rafter_raft_term', 'Current Raft term of the group on this broker', (s) => s.term);
  perGroup('rafter_raft_commit_index', 'Raft commit index of the group on this broker', (s) => s.commit);
  perGroup('rafter_raft_applied_index', 'Raft index applied to the group\'s state machine on this broker', (s) => s.applied);
  perGroup('rafter_raft_leader', 'Broker id of the group\'s leader as this broker knows it (0: none)', (s) => s.leaderId);
  names.push('rafter_raft_follower_lag_entries');
  new Gauge({
    name: 'rafter_raft_follower_lag_entries',
    help: 'Raft entries the peer is behind, the most over the groups this broker leads',
    labelNames: ['peer'], registers,
    collect() {
      this.reset();
      const lag = new Map<NodeId, number>();
      for (const { s } of statuses()) {
        if (!s.progress) continue;
        for (const [id, pr] of s.progress) {
          if (id !== s.id) lag.set(id, Math.max(lag.get(id) ?? 0, s.lastIndex - pr.match));
        }
      }
      for (const [id, entries] of lag) this.set({ peer: String(id) }, entries);
    },
  });
  const inboundName = 'rafter_raft_inbound_dropped_total';
  names.push(inboundName);
  return {
    proposals: counter('rafter_raft_proposals_total', 'Proposals accepted by a leader on this broker'),
    proposalsRefused: counter('rafter_raft_proposals_refused_total', 'Proposals refused (not the leader, transfer in progress)'),
    entriesAppended: counter('rafter_raft_entries_appended_total', 'Raft entries persisted by this broker, all groups'),
    entriesApplied: counter('rafter_raft_entries_applied_total', 'Committed Raft entries applied on this broker, all groups'),
    campaigns: counter('rafter_raft_campaigns_total', 'Elections (or pre-votes) started by this broker, all groups'),
    leaderChanges: counter('rafter_raft_leader_changes_total', 'Times a group on this broker learned of a new leader'),
    flushCycles: counter('rafter_raft_flush_cycles_total', 'Flush cycles that handled at least one Ready'),
    flushDuration: histogram('rafter_raft_flush_duration_seconds', 'One flush cycle: Ready collection, send, one fsync, apply', FLUSH_SECONDS_BUCKETS),
    flushGroups: histogram('rafter_raft_flush_groups', 'Groups with a Ready in one flush cycle', FLUSH_GROUPS_BUCKETS),
    snapshotsSent: counter('rafter_raft_snapshots_sent_total', 'Raft snapshots sent to followers'),
    snapshotsRestored: counter('rafter_raft_snapshots_restored_total', 'Raft snapshots received and restored'),
    groupsFailed: counter('rafter_raft_groups_failed_total',
      'Raft groups stopped on this broker because their node or state machine threw (a bug or an unusable entry); each stays stopped until a restart'),
    electionsWon: counter('rafter_raft_elections_won_total', 'Times this broker became the leader of a group'),
    proposalCommitDuration: histogram('rafter_raft_proposal_commit_duration_seconds',
      'From a proposal on the leader until its entry is committed by a quorum and applied here', FLUSH_SECONDS_BUCKETS),
    inboundDropped: new Counter({
      name: inboundName, help: 'Raft messages from peers not stepped, by reason (unknown-group, wrong-node, refused)',
      labelNames: ['reason'], registers,
    }),
    unregister() {
      for (const name of names) registry?.removeSingleMetric(name);
    },
  };
}
