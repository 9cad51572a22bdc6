// The host's handle on one Raft group (etcd's rawnode.go): inputs go in through step/tick/propose, everything the
// host must do comes out as a Ready, and advance() says it was done. No I/O, no clock: the host owns both.
import { validateConfig, type RaftConfig, type ValidConfig } from './config';
import { confStateOf, encodeConfChange, type ConfChange } from './conf-change';
import { isLocalMessage, MessageType, newMessage, type Message } from './message';
import { Raft, type StateRole } from './raft';
import type { Ready, SoftState } from './ready';
import { EntryType, NO_NODE, type ConfState, type Entry, type HardState, type NodeId, type RaftIndex, type Term } from './types';

export interface ProgressStatus {
  readonly match: RaftIndex;
  readonly next: RaftIndex;
  readonly state: 'probe' | 'replicate' | 'snapshot';
  /** The member said it lost or repaired its state and has not left recovery yet. */
  readonly recovering: boolean;
}

export interface RaftStatus {
  readonly id: NodeId;
  readonly term: Term;
  readonly vote: NodeId;
  readonly commit: RaftIndex;
  readonly applied: RaftIndex;
  readonly role: StateRole;
  readonly leaderId: NodeId;
  readonly lastIndex: RaftIndex;
  /** This node lost or repaired its state and has not caught up yet: it does not vote (RaftConfig.recovering). */
  readonly recovering: boolean;
  /** On the leader only: each member's replication state. */
  readonly progress?: Map<NodeId, ProgressStatus>;
}

/** What the Ready being handled covers, so advance() can settle it. */
interface ReadyInProgress {
  readonly lastEntry?: { index: RaftIndex; term: Term };
  readonly snapshotIndex?: RaftIndex;
  readonly lastCommitted?: RaftIndex;
  /** Messages to ourselves that wait for this Ready's persistence (our vote, the leader's self-ack). */
  readonly selfMessages: Message[];
}

export class RaftNode {
  private readonly config: ValidConfig;
  private readonly raft: Raft;
  private prevSoftState: SoftState;
  private prevHardState: HardState;
  /** Whether the host persisted this node as recovering (it did, if created so, before the node started). */
  private prevRecovering: boolean;
  private inProgress: ReadyInProgress | undefined;

  constructor(config: RaftConfig) {
    this.config = validateConfig(config);
    this.raft = new Raft(this.config);
    this.prevSoftState = this.softState();
    this.prevHardState = this.raft.hardState();
    this.prevRecovering = this.raft.recovering;
  }

  tick(): void {
    this.raft.tick();
  }

  /**
   * A message from a peer. Local-only types (Hup, Beat, Prop, …) are ignored: only the host may cause those. So is
   * one at term 0: a peer's messages carry its term (at least 1), and Raft would step a term-0 one as local, past
   * every term check (an append at term 0 would be taken as from the leader of our term).
   */
  step(message: Message): void {
    if (isLocalMessage(message.type) || message.term === 0) return;
    this.raft.step(message);
  }

  /** Starts an election now (pre-vote first if enabled). */
  campaign(): void {
    this.raft.step(newMessage(MessageType.Hup, this.config.id, this.config.id, 0));
  }

  /** Returns the index the entry will take; throws NotLeaderError (or another ProposalRefusedError). */
  propose(data: Uint8Array): RaftIndex {
    return this.proposeEntries([{ term: 0, index: 0, type: EntryType.Normal, data }]);
  }

  /** One entry per element, appended and sent together; returns the index of the first. */
  proposeBatch(data: readonly Uint8Array[]): RaftIndex {
    const entries = new Array<Entry>(data.length);
    for (let i = 0; i < data.length; i++) entries[i] = { term: 0, index: 0, type: EntryType.Normal, data: data[i]! };
    return this.proposeEntries(entries);
  }

  /** Proposes a one-at-a-time membership change; refused while another is not yet applied here. */
  proposeConfChange(cc: ConfChange): RaftIndex {
    return this.proposeEntries([{ term: 0, index: 0, type: EntryType.ConfChange, data: encodeConfChange(cc) }]);
  }

  private proposeEntries(entries: Entry[]): RaftIndex {
    if (entries.length === 0) throw new RangeError('proposal without entries');
    const first = this.raft.log.lastIndex() + 1;
    this.raft.step(newMessage(MessageType.Prop, this.config.id, this.config.id, 0, { entries }));
    return first;
  }

  /** The host applied the conf change entry `cc`: switch membership. Returns the membership now in force. */
  applyConfChange(cc: ConfChange): ConfState {
    this.raft.applyConfChange(cc);
    return confStateOf(this.raft.membership);
  }

  /** Asks the leader (this node, or the one it knows) to hand leadership to `to`. */
  transferLeader(to: NodeId): void {
    this.raft.step(newMessage(MessageType.TransferLeader, to, this.config.id, 0));
  }

  reportUnreachable(id: NodeId): void {
    this.raft.step(newMessage(MessageType.Unreachable, id, this.config.id, 0));
  }

  reportSnapshot(id: NodeId, ok: boolean): void {
    this.raft.step(newMessage(MessageType.SnapStatus, id, this.config.id, 0, { reject: !ok }));
  }

  hasReady(): boolean {
    if (this.inProgress !== undefined) return false;
    const r = this.raft;
    const log = r.log;
    if (r.msgs.length > 0 || r.msgsAfterAppend.length > 0 || r.selfAfterPersist.length > 0) return true;
    if (log.unstable.nextSnapshot() !== undefined) return true;
    if (log.unstable.offsetInProgress < log.unstable.offset + log.unstable.entries.length) return true;
    if (log.hasNextCommittedEntries()) return true;
    if (!sameHardState(r.hardState(), this.prevHardState)) return true;
    if (r.recovering !== this.prevRecovering) return true;
    const soft = this.prevSoftState;
    return soft.leaderId !== r.lead || soft.role !== r.state;
  }

  /** Everything the host must do now; see Ready. Throws if the previous Ready was not advanced. */
  ready(): Ready {
    if (this.inProgress !== undefined) throw new Error('ready() called again before advance()');
    const r = this.raft;
    const log = r.log;
    const entries = log.unstable.nextEntries();
    const snapshot = log.unstable.nextSnapshot();
    const committedEntries = log.nextCommittedEntries(this.config.maxCommittedBytesPerReady);
    const selfMessages = r.selfAfterPersist;
    r.selfAfterPersist = [];
    const last = entries.length > 0 ? entries[entries.length - 1]! : undefined;
    if (last !== undefined && r.state === 'leader') {
      // The leader's own acknowledgement: it counts toward the quorum once these entries are durable (advance).
      selfMessages.push(newMessage(MessageType.AppResp, r.id, r.id, r.term, { index: last.index }));
    }
    const hardState = r.hardState();
    const hardStateChanged = !sameHardState(hardState, this.prevHardState);
    const recoveringChanged = r.recovering !== this.prevRecovering;
    const mustSync = entries.length > 0 || snapshot !== undefined || recoveringChanged
      || hardState.term !== this.prevHardState.term || hardState.vote !== this.prevHardState.vote;
    const soft = this.softState();
    const softChanged = soft.leaderId !== this.prevSoftState.leaderId || soft.role !== this.prevSoftState.role;
    const rd: Ready = {
      ...(hardStateChanged ? { hardState: this.persistedHardState(hardState) } : {}),
      entries,
      ...(snapshot !== undefined ? { snapshot } : {}),
      committedEntries,
      messages: r.msgs,
      messagesAfterPersist: r.msgsAfterAppend,
      mustSync,
      ...(softChanged ? { softState: soft } : {}),
      ...(recoveringChanged ? { recovering: r.recovering } : {}),
    };
    r.msgs = [];
    r.msgsAfterAppend = [];
    log.unstable.acceptInProgress();
    this.prevHardState = hardState;
    this.prevSoftState = soft;
    this.prevRecovering = r.recovering;
    this.inProgress = {
      ...(last !== undefined ? { lastEntry: { index: last.index, term: last.term } } : {}),
      ...(snapshot !== undefined ? { snapshotIndex: snapshot.metadata.index } : {}),
      ...(committedEntries.length > 0 ? { lastCommitted: committedEntries[committedEntries.length - 1]!.index } : {}),
      selfMessages,
    };
    return rd;
  }

  /** The host persisted, sent and applied the last Ready. */
  advance(): void {
    const done = this.inProgress;
    if (done === undefined) throw new Error('advance() without a Ready');
    this.inProgress = undefined;
    const log = this.raft.log;
    if (done.snapshotIndex !== undefined) {
      log.stableSnapTo(done.snapshotIndex);
      if (done.snapshotIndex > log.applied) log.applied = done.snapshotIndex;
    }
    if (done.lastEntry !== undefined) log.stableTo(done.lastEntry.index, done.lastEntry.term);
    if (done.lastCommitted !== undefined) log.appliedTo(done.lastCommitted);
    for (const m of done.selfMessages) this.raft.step(m);
    // What this Ready wrote is durable now: maybe the last of what a recovering node had to catch up.
    this.raft.maybeFinishRecovery();
  }

  status(): RaftStatus {
    const r = this.raft;
    const base = {
      id: r.id, term: r.term, vote: r.vote, commit: r.log.committed, applied: r.log.applied, role: r.state,
      leaderId: r.lead, lastIndex: r.log.lastIndex(), recovering: r.recovering,
    };
    if (r.state !== 'leader') return base;
    const progress = new Map<NodeId, ProgressStatus>();
    for (const [id, pr] of r.progress) {
      progress.set(id, { match: pr.match, next: pr.next, state: pr.state, recovering: pr.recovering });
    }
    return { ...base, progress };
  }

  private softState(): SoftState {
    return { leaderId: this.raft.lead, role: this.raft.state };
  }

  /** The sabotage switch drops the vote from what is persisted, so a restarted node may vote twice in a term. */
  private persistedHardState(hs: HardState): HardState {
    return this.config.sabotage.forgetToPersistVote ? { ...hs, vote: NO_NODE } : hs;
  }
}

function sameHardState(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}
