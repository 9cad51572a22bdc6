// The Raft state machine (etcd's raft.go): one class whose step and tick functions are swapped by the role
// transitions becomeFollower/becomePreCandidate/becomeCandidate/becomeLeader, the only writers of `state`.
// step() settles term comparisons for every role, then hands the message to the role's step function.
//
// Output goes to three queues the RaftNode turns into a Ready:
// - msgs: may be sent at once (appends, heartbeats, vote requests; the leader's appends leave before its own fsync);
// - msgsAfterAppend: responses that promise durable state (append acks, votes) — sent only after the Ready's
//   hard state and entries are persisted;
// - selfAfterPersist: messages to this node that must wait for the same persistence (its own vote, and — added by
//   the RaftNode — the leader's acknowledgement of its own entries), stepped back in on advance().
//
// Recovery. Raft's safety assumes a voter never forgets its log, its term or its vote. A replica whose state was
// wiped or repaired breaks that: its old incarnation may have acknowledged entries or voted in terms it no longer
// knows, and a lagging node plus the emptied one could elect a leader without committed entries. Such a replica is
// started `recovering`: a learner in effect, though it stays in the voter configuration (no membership change):
// - it never campaigns, never grants a vote or pre-vote, and flags every message it sends (Message.recovering,
//   with an id drawn when it started, so a leader tells a new loss from a late message of an earlier one);
// - a leader that hears a new id forgets what the peer acknowledged before (its match may go back: maybeDecrTo alone
//   would keep treating the emptied follower's rejections as stale and never catch it up), appends an entry of its
//   term (the recovery floor) and counts the peer toward no quorum — commit, CheckQuorum — until voters other than
//   it have committed that entry; it drops the peer's unflagged messages meanwhile (they are its lost incarnation's,
//   late on the wire), and transfers leadership to it only once it left recovery;
// - it takes commit indexes only from appends, whose log check proves agreement: a heartbeat's commit is
//   min(match, commit) for a match the leader may hold from before the loss;
// - it leaves recovery once its log durably holds a commit index that a leader of its current term marked
//   recoveryConfirmed (sent only once the floor is committed), and no sooner than RECOVERY_MIN_ELECTION_TIMEOUTS
//   election timeouts after it started; it then records that leader as its vote in that term.
// Why that is safe. While recovering it is in no election quorum and in no commit quorum, so everything decided
// without it is decided by nodes that kept their state. The floor's commit proves that, after the peer came back, a
// quorum R of other voters still had the leader's term T; every quorum the lost incarnation took part in at a term
// above T would share a member with R (two majorities of the voters intersect outside any one node), and that member
// would since have had a term above T. So the lost incarnation voted or acknowledged nothing above T that mattered,
// the leader of T (Leader Completeness) holds every entry committed before, and holding its commit index the
// replica holds them all. In T it records the leader as its vote: its lost incarnation could have voted in T only
// for that leader or for a loser. The wait covers the one thing a quorum cannot: a candidate of a term above T that
// holds the lost incarnation's vote and is still collecting others; its candidacy ends within two election
// timeouts of its own clock (it then campaigns afresh, without that vote), so with clocks within 1.5x of each other
// three of ours after our restart are enough.
import { ConfChangeRefusedError, LeaderTransferInProgressError, NotLeaderError } from './errors';
import type { ValidConfig } from './config';
import {
  changeMembership, confChangeProblem, decodeConfChange, membershipOf, type ConfChange, type Membership,
} from './conf-change';
import { RaftLog } from './log';
import { MessageType, VOTE_TRANSFER, isResponseMessage, newMessage, type Message } from './message';
import { Progress } from './progress';
import { committedIndex, voteResult } from './quorum';
import { CompactedError } from './storage';
import { EntryType, NO_NODE, entrySize, type Entry, type HardState, type NodeId, type RaftIndex, type Snapshot, type Term } from './types';

export type StateRole = 'follower' | 'pre-candidate' | 'candidate' | 'leader';

type CampaignType = 'pre-election' | 'election' | 'transfer';

/** Entries of a proposal before the leader stamps their term and index (etcd does the same in appendEntry). */
type MutableEntry = { -readonly [K in keyof Entry]: Entry[K] };

const NO_ENTRIES: Entry[] = [];
const EMPTY_DATA = new Uint8Array(0);

/** A recovering node leaves recovery no sooner than this many election timeouts after it started (see above). */
export const RECOVERY_MIN_ELECTION_TIMEOUTS = 3;

export class Raft {
  readonly id: NodeId;
  term: Term = 0;
  vote: NodeId = NO_NODE;
  lead: NodeId = NO_NODE;
  state: StateRole = 'follower';
  readonly log: RaftLog;
  membership: Membership;
  /** One entry per member (voters and learners). Only the leader's is meaningful. */
  readonly progress = new Map<NodeId, Progress>();
  private readonly votes = new Map<NodeId, boolean>();

  msgs: Message[] = [];
  msgsAfterAppend: Message[] = [];
  selfAfterPersist: Message[] = [];

  /** The node leadership is being handed to, or NO_NODE. */
  leadTransferee: NodeId = NO_NODE;
  /** Index of the latest conf change (or the new leader's first entry); no new change until it is applied. */
  pendingConfIndex: RaftIndex = 0;
  /** This node lost or repaired its state and has not caught up yet (see "Recovery"). */
  recovering: boolean;
  /** Drawn when this node started recovering; what its messages carry while it is. */
  private readonly recoveryId: number;
  /** While recovering: a commit index confirmed by the leader of recoveryTargetTerm, to hold durably (0: none yet). */
  private recoveryTarget: RaftIndex = 0;
  private recoveryTargetTerm: Term = 0;
  /** Ticks since this node started recovering. */
  private recoveryElapsed = 0;

  /** Ticks since the last election timeout (followers: since hearing from the leader). */
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  private randomizedElectionTicks = 0;
  private stepFn: (m: Message) => void = this.stepFollower;
  private tickFn: () => void = this.tickElection;

  constructor(private readonly config: ValidConfig) {
    this.id = config.id;
    const storage = config.storage;
    this.log = new RaftLog(storage);
    const { hardState, confState } = storage.initialState();
    this.membership = membershipOf(confState);
    if (hardState.commit > this.log.lastIndex()) {
      throw new Error(`hard state commit ${hardState.commit} is beyond the last index ${this.log.lastIndex()}`);
    }
    this.log.commitTo(hardState.commit);
    if (config.applied > this.log.applied) {
      this.replayAppliedConfChanges(config.applied);
      this.log.appliedTo(config.applied);
    }
    this.term = hardState.term;
    this.vote = hardState.vote;
    this.recovering = config.recovering;
    this.recoveryId = config.recovering ? 1 + Math.floor(config.random() * 0xffff_fffe) : 0;
    this.rebuildProgress();
    this.becomeFollower(this.term, NO_NODE);
  }

  /**
   * The host already applied entries up to `applied` before this restart, including any conf changes after the
   * snapshot; storage's conf state is the snapshot's, so those are re-applied here to get the same membership.
   */
  private replayAppliedConfChanges(applied: RaftIndex): void {
    for (let lo = this.log.applied + 1; lo <= applied;) {
      const entries = this.log.slice(lo, applied + 1, this.config.maxCommittedBytesPerReady);
      for (const e of entries) {
        if (e.type === EntryType.ConfChange) this.membership = changeMembership(this.membership, decodeConfChange(e.data));
      }
      lo += entries.length;
    }
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed };
  }

  // ---- transitions ---------------------------------------------------------------------------------------------

  becomeFollower(term: Term, lead: NodeId): void {
    this.stepFn = this.stepFollower;
    this.reset(term);
    this.tickFn = this.tickElection;
    this.lead = lead;
    this.state = 'follower';
  }

  /** §9.6: asks for votes at term + 1 without raising our term, so a node that cannot win disrupts no one. */
  becomePreCandidate(): void {
    if (this.state === 'leader') throw new Error('invalid transition leader -> pre-candidate');
    this.stepFn = this.stepCandidate;
    this.votes.clear();
    this.tickFn = this.tickElection;
    this.lead = NO_NODE;
    this.state = 'pre-candidate';
  }

  becomeCandidate(): void {
    if (this.state === 'leader') throw new Error('invalid transition leader -> candidate');
    this.stepFn = this.stepCandidate;
    this.reset(this.term + 1);
    this.tickFn = this.tickElection;
    this.vote = this.id;
    this.state = 'candidate';
  }

  becomeLeader(): void {
    if (this.state === 'follower') throw new Error('invalid transition follower -> leader');
    this.stepFn = this.stepLeader;
    this.reset(this.term);
    this.tickFn = this.tickHeartbeat;
    this.lead = this.id;
    this.state = 'leader';
    // Our log did not change since we campaigned, and our own vote counted only once that campaign's Ready was
    // persisted: everything up to lastIndex is durable here.
    const self = this.progress.get(this.id);
    if (self !== undefined) {
      self.match = this.log.lastIndex();
      self.becomeReplicate();
      self.recentActive = true;
    }
    // §5.4.2/§8: an entry of our own term, so earlier entries commit (and reads see them) as soon as it does.
    this.appendEntries([{ term: 0, index: 0, type: EntryType.Normal, data: new Uint8Array(0) }]);
    // No membership change until this first entry is applied (see conf-change.ts).
    this.pendingConfIndex = this.log.lastIndex();
  }

  private reset(term: Term): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NO_NODE;
    }
    this.lead = NO_NODE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedElectionTicks = this.config.electionTicks + Math.floor(this.config.random() * this.config.electionTicks);
    this.leadTransferee = NO_NODE;
    this.votes.clear();
    const next = this.log.lastIndex() + 1;
    for (const pr of this.progress.values()) pr.reset(next);
    this.pendingConfIndex = 0;
  }

  // ---- input ---------------------------------------------------------------------------------------------------

  tick(): void {
    this.tickFn();
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.recovering) {
      this.recoveryElapsed++;
      this.maybeFinishRecovery();
    }
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTicks) {
      this.electionElapsed = 0;
      this.step(newMessage(MessageType.Hup, this.id, this.id, 0));
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.config.electionTicks) {
      this.electionElapsed = 0;
      if (this.config.checkQuorum) this.step(newMessage(MessageType.CheckQuorum, this.id, this.id, 0));
      // A transfer that did not finish within an election timeout is abandoned: proposals may resume.
      if (this.state === 'leader' && this.leadTransferee !== NO_NODE) this.leadTransferee = NO_NODE;
      if (this.state === 'leader') this.maybeHandOverLeadership();
    }
    if (this.state !== 'leader') return;
    if (this.heartbeatElapsed >= this.config.heartbeatTicks) {
      this.heartbeatElapsed = 0;
      this.step(newMessage(MessageType.Beat, this.id, this.id, 0));
    }
  }

  step(m: Message): void {
    if (m.term === 0) {
      // local message
    } else if (m.term > this.term) {
      // A leader sends TimeoutNow at its term to a follower that acknowledged its log, so already at that term: one
      // from a higher term is from no leader, and must not even raise ours.
      if (m.type === MessageType.TimeoutNow) return;
      if (m.type === MessageType.Vote || m.type === MessageType.PreVote) {
        const force = m.rejectHint === VOTE_TRANSFER;
        const inLease = this.config.checkQuorum && this.lead !== NO_NODE
          && this.electionElapsed < this.config.electionTicks;
        // §9.6 / §6: a node that heard from a live leader within the minimum election timeout ignores votes, so a
        // partitioned or removed node cannot depose a working leader.
        if (!force && inLease) return;
      }
      if (m.type === MessageType.PreVote) {
        // Never raise our term for a pre-vote.
      } else if (m.type === MessageType.PreVoteResp && !m.reject) {
        // Granted pre-votes carry the term we will campaign at; we raise it once we win the pre-vote.
      } else if (m.type === MessageType.App || m.type === MessageType.Heartbeat || m.type === MessageType.Snap) {
        this.becomeFollower(m.term, m.from);
      } else if (m.type === MessageType.Vote) {
        // §5.2 (Figure 2): only hearing from a leader or granting a vote restarts the election timer, not a request
        // we refuse. etcd restarts it here too; then a candidate whose log is behind, timing out first again and
        // again, keeps a voter with a better log from ever campaigning, while a third voter that cannot vote (down,
        // or recovering: raft.ts "Recovery") leaves neither a majority.
        const elapsed = this.electionElapsed;
        this.becomeFollower(m.term, NO_NODE);
        this.electionElapsed = elapsed;
      } else {
        this.becomeFollower(m.term, NO_NODE);
      }
    } else if (m.term < this.term) {
      if ((this.config.checkQuorum || this.config.preVote || this.recovering)
        && (m.type === MessageType.Heartbeat || m.type === MessageType.App)) {
        // A stale leader, or we raised our term while partitioned: our answer at the higher term makes it step
        // down, since with these features it never learns our term from vote requests; nor from a recovering node,
        // which never campaigns (a repaired replica keeps the term it had, maybe above the leader's).
        this.send(newMessage(MessageType.AppResp, this.id, m.from, this.term));
      } else if (m.type === MessageType.PreVote) {
        this.send(newMessage(MessageType.PreVoteResp, this.id, m.from, this.term, { reject: true }));
      }
      return;
    }

    switch (m.type) {
      case MessageType.Hup:
        this.hup(this.config.preVote ? 'pre-election' : 'election');
        return;
      case MessageType.Vote:
      case MessageType.PreVote:
        this.handleVoteRequest(m);
        return;
      default:
        this.stepFn(m);
    }
  }

  /**
   * §5.2: one vote per term, first come first served; §5.4.1: only for a log at least as up-to-date as ours.
   * A recovering node grants none: its log and its vote may be missing what its lost incarnation promised.
   */
  private handleVoteRequest(m: Message): void {
    const respType = m.type === MessageType.Vote ? MessageType.VoteResp : MessageType.PreVoteResp;
    const mayVote = !this.recovering || this.config.sabotage.recoveringGrantsVotes;
    const canVote = this.vote === m.from
      || (this.vote === NO_NODE && this.lead === NO_NODE)
      || (m.type === MessageType.PreVote && m.term > this.term);
    const logOk = this.config.sabotage.voteWithoutLogCheck || this.log.isUpToDate(m.index, m.logTerm);
    if (mayVote && canVote && logOk) {
      // The response carries the request's term: a pre-vote grant is for a term we have not reached.
      this.send(newMessage(respType, this.id, m.from, m.term));
      if (m.type === MessageType.Vote) {
        this.electionElapsed = 0;
        this.vote = m.from;
      }
    } else {
      this.send(newMessage(respType, this.id, m.from, this.term, { reject: true }));
    }
  }

  /** Appends and acknowledgements promise durable state: they wait for the Ready to be persisted. */
  private send(m: Message): void {
    if (this.recovering) m.recovering = this.recoveryId;
    if (m.type === MessageType.AppResp || m.type === MessageType.VoteResp || m.type === MessageType.PreVoteResp) {
      this.msgsAfterAppend.push(m);
    } else {
      this.msgs.push(m);
    }
  }

  // ---- elections -----------------------------------------------------------------------------------------------

  /**
   * Only a voter campaigns, and not while a snapshot or a committed conf change is still to be applied, nor while
   * recovering (which also refuses TimeoutNow: a transfer is a campaign).
   */
  promotable(): boolean {
    return this.membership.voters.includes(this.id) && this.log.unstable.snapshot === undefined && !this.recovering;
  }

  private hup(t: CampaignType): void {
    if (this.state === 'leader' || !this.promotable() || this.hasUnappliedConfChanges()) return;
    this.campaign(t);
  }

  private hasUnappliedConfChanges(): boolean {
    for (let lo = this.log.applied + 1; lo <= this.log.committed;) {
      const entries = this.log.slice(lo, this.log.committed + 1, this.config.maxCommittedBytesPerReady);
      for (const e of entries) if (e.type === EntryType.ConfChange) return true;
      lo += entries.length;
    }
    return false;
  }

  private campaign(t: CampaignType): void {
    let voteType: MessageType;
    let term: Term;
    if (t === 'pre-election') {
      this.becomePreCandidate();
      voteType = MessageType.PreVote;
      term = this.term + 1;
    } else {
      this.becomeCandidate();
      voteType = MessageType.Vote;
      term = this.term;
    }
    const respType = voteType === MessageType.Vote ? MessageType.VoteResp : MessageType.PreVoteResp;
    const lastIndex = this.log.lastIndex();
    const lastTerm = this.log.lastTerm();
    for (const id of this.membership.voters) {
      if (id === this.id) {
        // Our own vote counts once the term and vote it implies are durable.
        this.selfAfterPersist.push(newMessage(respType, this.id, this.id, term));
        continue;
      }
      this.send(newMessage(voteType, this.id, id, term, {
        index: lastIndex, logTerm: lastTerm, rejectHint: t === 'transfer' ? VOTE_TRANSFER : 0,
      }));
    }
  }

  // ---- followers -----------------------------------------------------------------------------------------------

  private stepFollower(m: Message): void {
    // §5.2: a term has at most one leader. Once we follow one, a leader's message of our term from another node is
    // not from a leader at all: taking it would let any node rewrite our log or our commit index.
    const fromLeader = m.type === MessageType.App || m.type === MessageType.Heartbeat || m.type === MessageType.Snap;
    if (fromLeader && this.lead !== NO_NODE && m.from !== this.lead) return;
    switch (m.type) {
      case MessageType.Prop:
        throw new NotLeaderError(this.lead);
      case MessageType.App:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleAppendEntries(m);
        return;
      case MessageType.Heartbeat:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleSnapshot(m);
        return;
      case MessageType.TransferLeader:
        if (this.lead === NO_NODE) return;
        this.send({ ...m, to: this.lead, term: this.term });
        return;
      case MessageType.TimeoutNow:
        // Only the leader hands leadership over, and only to a follower it caught up (which knows it); from anyone
        // else, it would move leadership at will past every voter's lease.
        if (m.from !== this.lead) return;
        // A transfer is an explicit request: no pre-vote, and voters honour it despite their leader lease.
        this.hup('transfer');
        return;
      default:
    }
  }

  private handleAppendEntries(m: Message): void {
    if (this.recovering && m.recoveryConfirmed) this.noteRecoveryTarget(m.commit);
    if (m.index < this.log.committed) {
      this.send(newMessage(MessageType.AppResp, this.id, m.from, this.term, { index: this.log.committed }));
      return;
    }
    const lastNewIndex = this.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
    if (lastNewIndex !== undefined) {
      this.send(newMessage(MessageType.AppResp, this.id, m.from, this.term, { index: lastNewIndex }));
      return;
    }
    // Tell the leader where our logs may agree: the last index (at or before its probe) whose term is <= the
    // term it sent, so it skips all our entries of a conflicting term at once.
    const hint = this.log.findConflictByTerm(Math.min(m.index, this.log.lastIndex()), m.logTerm);
    this.send(newMessage(MessageType.AppResp, this.id, m.from, this.term, {
      index: m.index, reject: true, rejectHint: hint.index, logTerm: hint.term,
    }));
  }

  private handleHeartbeat(m: Message): void {
    // The leader sends min(our match, its commit): never beyond what we hold in agreement with it. Unless we are
    // recovering: the leader's match may be what our lost incarnation held, so only appends (whose log check proves
    // agreement) move our commit. Either way never past our last index (etcd panics there).
    if (!this.recovering) this.log.commitTo(Math.min(m.commit, this.log.lastIndex()));
    this.send(newMessage(MessageType.HeartbeatResp, this.id, m.from, this.term));
  }

  private handleSnapshot(m: Message): void {
    const snapshot = m.snapshot;
    if (snapshot !== undefined && this.restore(snapshot)) {
      this.send(newMessage(MessageType.AppResp, this.id, m.from, this.term, { index: this.log.lastIndex() }));
    } else {
      this.send(newMessage(MessageType.AppResp, this.id, m.from, this.term, { index: this.log.committed }));
    }
  }

  /**
   * Installs a leader's snapshot unless we already have what it holds. Unlike etcd we also install one whose
   * membership does not name us: a node just added may be sent a snapshot older than its addition; it then is not
   * promotable until the addition reaches it through the log.
   */
  private restore(snapshot: Snapshot): boolean {
    const { index, term } = snapshot.metadata;
    if (index <= this.log.committed) return false;
    if (this.state !== 'follower') {
      // Only a leader of our term sends snapshots, and candidates become followers before handling them.
      throw new Error(`snapshot received in state ${this.state}`);
    }
    if (this.log.matchTerm(index, term)) {
      // We hold the snapshot's last entry: the snapshot adds nothing but the commit index.
      this.log.commitTo(index);
      return false;
    }
    this.log.restore(snapshot);
    this.membership = membershipOf(snapshot.metadata.confState);
    this.rebuildProgress();
    return true;
  }

  // ---- recovery (see the top of this file) ---------------------------------------------------------------------

  /** A leader of our term confirmed `commit` for us: once we hold it durably we have everything committed. */
  private noteRecoveryTarget(commit: RaftIndex): void {
    if (this.recoveryTargetTerm !== this.term) {
      this.recoveryTargetTerm = this.term;
      this.recoveryTarget = 0;
    }
    if (commit > this.recoveryTarget) this.recoveryTarget = commit;
  }

  /**
   * Leaves recovery once the log durably holds, committed, the index a leader of our current term confirmed, and
   * the minimum wait is over. Called on ticks and once a Ready is persisted (RaftNode.advance). The cleared flag and
   * the vote go out in the next Ready, in one write, before anything we send after it (a vote we may now grant).
   */
  maybeFinishRecovery(): void {
    if (!this.recovering || this.state !== 'follower' || this.lead === NO_NODE) return;
    if (this.recoveryElapsed < RECOVERY_MIN_ELECTION_TIMEOUTS * this.config.electionTicks) return;
    const target = this.recoveryTarget;
    if (this.recoveryTargetTerm !== this.term || target === 0 || this.log.committed < target) return;
    const unstable = this.log.unstable;
    // Entries below the unstable offset are durable; a pending snapshot is not yet.
    if (unstable.snapshot !== undefined || unstable.offset <= target) return;
    this.recovering = false;
    // Our lost incarnation may have voted in this term; only for this leader or for a candidate that lost.
    if (this.vote === NO_NODE) this.vote = this.lead;
  }

  /**
   * Leader: `pr` told us it lost or repaired its state. What it acknowledged before is forgotten (match goes back
   * to `match`, probing resumes at `next`), and it counts toward no quorum until voters other than it commit the
   * entry appended here (the floor): that proves our term still held a quorum after it came back.
   */
  private beginPeerRecovery(pr: Progress, match: RaftIndex, next: RaftIndex): void {
    pr.restartFrom(match, next);
    pr.recovering = true;
    this.appendEntries([{ term: 0, index: 0, type: EntryType.Normal, data: EMPTY_DATA }]);
    pr.recoveryFloor = this.log.lastIndex();
    this.bcastAppend();
  }

  /**
   * A change after which the voters not recovering would be no majority: the group could neither commit (its floor
   * entries neither) nor elect a leader until a recovering replica caught up, which needs a leader. Refused.
   */
  private recoveryProblem(cc: ConfChange): string | undefined {
    const { voters } = changeMembership(this.membership, cc);
    const healthy = voters.filter((id) => id === this.id || this.progress.get(id)?.recovering !== true).length;
    if (healthy > voters.length / 2) return undefined;
    return `the change would leave ${healthy} of ${voters.length} voters not recovering, no majority`;
  }

  /** Whether `pr`'s acknowledgements and liveness count toward quorums. */
  private countsInQuorum(pr: Progress): boolean {
    return !pr.recovering || this.log.committed >= pr.recoveryFloor;
  }

  /**
   * Leader: settles the recovery flag of a response from a member. Returns false if the message must be dropped: an
   * unflagged one from a peer recovering and not yet confirmed can only be from its lost incarnation (it leaves
   * recovery only once we confirmed it), late on the wire, and what it says is no longer true.
   */
  private settlePeerRecovery(m: Message, pr: Progress): boolean {
    const id = m.recovering ?? 0;
    if (id !== 0) {
      if (id !== pr.recoveryId) {
        pr.recoveryId = id;
        this.beginPeerRecovery(pr, 0, this.log.lastIndex() + 1);
      } else {
        // The same incarnation: still recovering, or a late message from before it left. Either way its floor
        // stands (an unflagged message clears this again).
        pr.recovering = true;
      }
      return true;
    }
    if (!pr.recovering) return true;
    if (!this.countsInQuorum(pr)) return false;
    pr.recovering = false;
    return true;
  }

  // ---- candidates ----------------------------------------------------------------------------------------------

  private stepCandidate(m: Message): void {
    const myVoteResp = this.state === 'pre-candidate' ? MessageType.PreVoteResp : MessageType.VoteResp;
    switch (m.type) {
      case MessageType.Prop:
        throw new NotLeaderError(NO_NODE);
      case MessageType.App:
        this.becomeFollower(m.term, m.from);
        this.handleAppendEntries(m);
        return;
      case MessageType.Heartbeat:
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.becomeFollower(m.term, m.from);
        this.handleSnapshot(m);
        return;
      case myVoteResp: {
        if (!this.votes.has(m.from)) this.votes.set(m.from, !m.reject);
        const result = voteResult(this.membership.voters, this.votes);
        if (result === 'won') {
          if (this.state === 'pre-candidate') {
            this.campaign('election');
          } else {
            this.becomeLeader();
            this.bcastAppend();
          }
        } else if (result === 'lost') {
          // A pre-vote rejection carries the voter's term; stay at ours.
          this.becomeFollower(this.term, NO_NODE);
        }
        return;
      }
      default:
    }
  }

  // ---- leaders -------------------------------------------------------------------------------------------------

  private stepLeader(m: Message): void {
    switch (m.type) {
      case MessageType.Beat:
        this.bcastHeartbeat();
        return;
      case MessageType.CheckQuorum:
        this.handleCheckQuorum();
        return;
      case MessageType.Prop:
        this.handlePropose(m.entries);
        return;
      default:
    }
    const pr = this.progress.get(m.from);
    if (pr === undefined) return;
    // Only a response is the peer speaking: SnapStatus, Unreachable and TransferLeader name it but come from the host.
    if (isResponseMessage(m.type) && !this.settlePeerRecovery(m, pr)) return;
    switch (m.type) {
      case MessageType.AppResp:
        pr.recentActive = true;
        if (m.reject) this.handleAppendRejected(m, pr);
        else this.handleAppendAccepted(m, pr);
        return;
      case MessageType.HeartbeatResp:
        pr.recentActive = true;
        pr.msgAppFlowPaused = false;
        if (pr.state === 'replicate' && pr.inflights.full()) pr.inflights.freeFirstOne();
        // The empty append finds out whether the follower misses entries whose appends were lost; to a follower
        // still recovering once it is confirmed, it carries the confirmation again (the last may have been lost).
        if (pr.match < this.log.lastIndex() || pr.state === 'probe' || (pr.recovering && this.countsInQuorum(pr))) {
          this.maybeSendAppend(m.from, true);
        }
        return;
      case MessageType.SnapStatus:
        if (pr.state !== 'snapshot') return;
        // Either way, probe again, but only after the next heartbeat response (etcd does the same).
        if (m.reject) pr.pendingSnapshot = 0;
        pr.becomeProbe();
        pr.msgAppFlowPaused = true;
        return;
      case MessageType.Unreachable:
        // Appends were probably lost: stop streaming optimistically.
        if (pr.state === 'replicate') pr.becomeProbe();
        return;
      case MessageType.TransferLeader:
        this.handleTransferLeader(m.from, pr);
        return;
      default:
    }
  }

  private handleCheckQuorum(): void {
    const active = new Map<NodeId, boolean>();
    for (const [id, pr] of this.progress) active.set(id, id === this.id || (pr.recentActive && this.countsInQuorum(pr)));
    if (voteResult(this.membership.voters, active) !== 'won') {
      this.becomeFollower(this.term, NO_NODE);
    }
    for (const [id, pr] of this.progress) pr.recentActive = id === this.id;
  }

  private handlePropose(entries: Entry[]): void {
    if (entries.length === 0) throw new Error('empty proposal');
    if (this.leadTransferee !== NO_NODE) throw new LeaderTransferInProgressError(this.leadTransferee);
    if (!this.progress.has(this.id)) throw new NotLeaderError(NO_NODE);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.type !== EntryType.ConfChange) continue;
      if (this.pendingConfIndex > this.log.applied) {
        throw new ConfChangeRefusedError(`a membership change at ${this.pendingConfIndex} is not yet applied (applied ${this.log.applied})`);
      }
      const cc = decodeConfChange(e.data);
      const problem = confChangeProblem(this.membership, cc) ?? this.recoveryProblem(cc);
      if (problem !== undefined) throw new ConfChangeRefusedError(problem);
      if (i !== entries.length - 1) throw new ConfChangeRefusedError('a membership change must be proposed alone');
      this.pendingConfIndex = this.log.lastIndex() + i + 1;
    }
    this.appendEntries(entries);
    this.bcastAppend();
  }

  /** Stamps our term and the next indexes on fresh entries and appends them; they are acked after persisting. */
  private appendEntries(entries: Entry[]): void {
    let index = this.log.lastIndex();
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as MutableEntry;
      e.term = this.term;
      e.index = ++index;
    }
    this.log.append(entries);
  }

  private handleAppendRejected(m: Message, pr: Progress): void {
    let nextProbeIndex = m.rejectHint;
    if (m.logTerm > 0) {
      // The follower's entry at rejectHint has term logTerm; skip our entries of terms above it as well.
      nextProbeIndex = this.log.findConflictByTerm(m.rejectHint, m.logTerm).index;
    }
    if (m.recovering !== undefined && m.index <= pr.match) {
      // Stale by maybeDecrTo's rules; but our match for a recovering follower may rest on a message of its lost
      // incarnation (late on the wire after we confirmed it), and kept, it would have us probe above its log
      // forever. Going back is safe (match only ever counts toward commits): what it holds in agreement with us is
      // at most its hint, if our entry there has the same term (Log Matching).
      const agreed = this.log.matchTerm(m.rejectHint, m.logTerm) ? m.rejectHint : 0;
      pr.restartFrom(agreed, Math.min(m.index, nextProbeIndex + 1));
      this.maybeSendAppend(m.from, true);
      return;
    }
    if (pr.maybeDecrTo(m.index, nextProbeIndex)) {
      if (pr.state === 'replicate') pr.becomeProbe();
      this.maybeSendAppend(m.from, true);
    }
  }

  private handleAppendAccepted(m: Message, pr: Progress): void {
    // A follower holds nothing of our term we did not send it: an ack past our log is false, and taken it would
    // have us send from an index we do not hold (and ask for a snapshot that does not exist).
    if (m.index > this.log.lastIndex()) return;
    if (!pr.maybeUpdate(m.index) && !(pr.match === m.index && pr.state === 'probe')) return;
    if (pr.state === 'probe') {
      pr.becomeReplicate();
    } else if (pr.state === 'snapshot' && pr.match + 1 >= this.log.firstIndex()) {
      // The follower caught up past the compaction point (maybe through an earlier snapshot): stream again.
      pr.becomeProbe();
      pr.becomeReplicate();
    } else if (pr.state === 'replicate') {
      pr.inflights.freeLE(m.index);
    }
    if (this.maybeCommit()) {
      this.bcastAppend();
    } else if (m.from !== this.id) {
      // Fill the window: the ack freed room for more.
      while (this.maybeSendAppend(m.from, false));
    }
    if (m.from === this.leadTransferee && pr.match === this.log.lastIndex()) {
      this.send(newMessage(MessageType.TimeoutNow, this.id, m.from, this.term));
    }
  }

  private handleTransferLeader(transferee: NodeId, pr: Progress): void {
    if (pr.isLearner || pr.recovering) return;
    if (this.leadTransferee === transferee) return;
    this.leadTransferee = NO_NODE;
    if (transferee === this.id) return;
    // The transfer must finish within an election timeout (tickHeartbeat abandons it).
    this.electionElapsed = 0;
    this.leadTransferee = transferee;
    if (pr.match === this.log.lastIndex()) {
      this.send(newMessage(MessageType.TimeoutNow, this.id, transferee, this.term));
    } else {
      this.maybeSendAppend(transferee, true);
    }
  }

  /**
   * §5.3/§5.4.2: the leader commits the highest index a quorum of voters has durably, but only if that entry is of
   * its own term; earlier entries commit with it (Figure 8). The sabotage switch removes the term check.
   */
  maybeCommit(): boolean {
    const index = committedIndex(this.membership.voters, (id) => {
      const pr = this.progress.get(id);
      return pr === undefined || !this.countsInQuorum(pr) ? 0 : pr.match;
    });
    if (index <= this.log.committed) return false;
    if (!this.config.sabotage.commitPriorTermByCounting && this.log.term(index) !== this.term) return false;
    this.log.commitTo(index);
    return true;
  }

  /** Sends every member what it needs; in replicate state, fills its whole inflights window at once. */
  bcastAppend(): void {
    for (const id of this.progress.keys()) {
      if (id !== this.id && this.maybeSendAppend(id, true)) while (this.maybeSendAppend(id, false));
    }
  }

  private bcastHeartbeat(): void {
    for (const [id, pr] of this.progress) {
      if (id === this.id) continue;
      // A follower's commit must not pass what it holds in agreement with us.
      const commit = Math.min(pr.match, this.log.committed);
      this.send(newMessage(MessageType.Heartbeat, this.id, id, this.term, { commit }));
    }
  }

  /**
   * Sends `to` the entries it needs next (or, if they are compacted, a snapshot), unless its progress is paused.
   * With sendIfEmpty false nothing goes when there are no entries to send. Returns whether a message was sent.
   */
  maybeSendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const pr = this.progress.get(to)!;
    if (pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    const prevTerm = this.log.term(prevIndex);
    if (prevTerm === undefined) return this.maybeSendSnapshot(to, pr);
    let entries = NO_ENTRIES;
    const lastIndex = this.log.lastIndex();
    if (pr.next <= lastIndex) {
      try {
        entries = this.log.slice(pr.next, lastIndex + 1, this.config.maxSizePerMsgBytes);
      } catch (e) {
        if (e instanceof CompactedError) return this.maybeSendSnapshot(to, pr);
        throw e;
      }
    }
    if (entries.length === 0 && !sendIfEmpty) return false;
    let bytes = 0;
    for (let i = 0; i < entries.length; i++) bytes += entrySize(entries[i]!);
    const m = newMessage(MessageType.App, this.id, to, this.term, {
      index: prevIndex, logTerm: prevTerm, entries, commit: this.log.committed,
    });
    if (pr.recovering && this.countsInQuorum(pr)) m.recoveryConfirmed = true;
    this.send(m);
    pr.sentEntries(entries.length, bytes);
    return true;
  }

  private maybeSendSnapshot(to: NodeId, pr: Progress): boolean {
    // A follower we have not heard from lately may be down: do not ship a snapshot into the void.
    if (!pr.recentActive) return false;
    const snapshot = this.log.snapshot();
    if (snapshot.metadata.index < pr.next - 1 || snapshot.metadata.index === 0) {
      throw new Error(`node ${to} needs index ${pr.next} but the latest snapshot is at ${snapshot.metadata.index}:`
        + ' storage was compacted past its snapshot (createSnapshot before compact)');
    }
    pr.becomeSnapshot(snapshot.metadata.index);
    this.send(newMessage(MessageType.Snap, this.id, to, this.term, { snapshot }));
    return true;
  }

  // ---- membership ----------------------------------------------------------------------------------------------

  /** Switches to the membership after `cc` (the host applied its entry); see conf-change.ts for the rules. */
  applyConfChange(cc: ConfChange): void {
    this.membership = changeMembership(this.membership, cc);
    this.rebuildProgress();
    if (this.state !== 'leader') return;
    if (this.leadTransferee !== NO_NODE && !this.membership.voters.includes(this.leadTransferee)) {
      this.leadTransferee = NO_NODE;
    }
    // Removed or demoted, we keep leading (without counting ourselves) only until a voter takes over: stepping down
    // at once could leave the voters unaware that the change committed, each needing a vote from us that we, no
    // longer a voter and maybe with a longer log, will not give.
    this.maybeHandOverLeadership();
    // The quorum changed, so something may commit now; and new members need a first (maybe empty) probe at once.
    this.maybeCommit();
    this.bcastAppend();
  }

  /** A leader that is no longer a voter hands leadership to the voter that has the most of its log. */
  private maybeHandOverLeadership(): void {
    if (this.membership.voters.includes(this.id) || this.leadTransferee !== NO_NODE) return;
    let best: NodeId = NO_NODE;
    let bestMatch = -1;
    for (const id of this.membership.voters) {
      const pr = this.progress.get(id)!;
      if (pr.recovering) continue;
      const match = pr.match;
      if (match > bestMatch) {
        best = id;
        bestMatch = match;
      }
    }
    if (best !== NO_NODE) this.handleTransferLeader(best, this.progress.get(best)!);
  }

  /** One progress per member, keeping those of members that stay; newcomers start probing at the end of our log. */
  private rebuildProgress(): void {
    const { voters, learners } = this.membership;
    for (const id of this.progress.keys()) {
      if (!voters.includes(id) && !learners.includes(id)) this.progress.delete(id);
    }
    const next = this.log.lastIndex() + 1;
    for (const id of voters) this.ensureProgress(id, next, false);
    for (const id of learners) this.ensureProgress(id, next, true);
  }

  private ensureProgress(id: NodeId, next: RaftIndex, isLearner: boolean): void {
    const pr = this.progress.get(id);
    if (pr !== undefined) {
      pr.isLearner = isLearner;
      return;
    }
    const created = new Progress(next, this.config.maxInflightMsgs, this.config.maxInflightBytes, isLearner);
    // A newcomer gets an election timeout to answer before CheckQuorum counts it as silent.
    created.recentActive = true;
    if (id === this.id && this.state === 'leader') {
      created.match = this.log.lastIndex();
      created.becomeReplicate();
    }
    this.progress.set(id, created);
  }
}
