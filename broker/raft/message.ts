// What Raft nodes say to each other and what the host says to a node. Every input to the core is a Message: a
// tick becomes Hup/Beat/CheckQuorum, a proposal becomes Prop, so one step() settles terms for all of them.
import type { Entry, NodeId, RaftIndex, Snapshot, Term } from './types';

export enum MessageType {
  /** local: start an election (a tick ran out, or campaign()) */
  Hup,
  /** local: the leader's heartbeat timer fired */
  Beat,
  /** local: a proposal of entries */
  Prop,
  App,
  AppResp,
  Vote,
  VoteResp,
  PreVote,
  PreVoteResp,
  Snap,
  Heartbeat,
  HeartbeatResp,
  /** local: the host could not reach `from` */
  Unreachable,
  /** local: the host reports whether a snapshot to `from` arrived (reject = failed) */
  SnapStatus,
  /** local: the leader checks it heard from a quorum within an election timeout */
  CheckQuorum,
  /** ask the leader to hand leadership to `from` */
  TransferLeader,
  /** the leader tells the transferee to campaign at once */
  TimeoutNow,
}

/**
 * One message. Fields a type does not use are zero, so every message has one shape.
 * - App: index/logTerm name the entry the `entries` follow; commit is the leader's commit index.
 * - AppResp: index is the last index the follower now holds (or, with reject, the index it could not match);
 *   a rejection carries rejectHint/logTerm: the follower's best guess of where the logs agree (findConflictByTerm).
 * - Vote/PreVote: index/logTerm are the candidate's last entry; rejectHint = VOTE_TRANSFER marks a campaign started by
 *   a leader transfer, which voters honour even within a leader lease (etcd puts this in the message context).
 * - Heartbeat: commit = min(the follower's match, the leader's commit), so a follower never commits what it may lack.
 * - recovering (any message, follower to leader): the sender lost or repaired its state for the group (raft.ts,
 *   "Recovery"); it does not vote, and what it acknowledged before does not count. The value is the id this
 *   incarnation drew when it started (never 0), so a leader tells a second loss from a late message of the first.
 * - recoveryConfirmed (App, leader to a recovering follower): since the leader learned the follower is recovering,
 *   voters other than it committed an entry of the leader's term, and `commit` is at least that entry: once the
 *   follower durably holds `commit` it has everything ever committed and may leave recovery.
 * Both are left out (undefined) when false, so the common message keeps one shape.
 */
export interface Message {
  type: MessageType;
  from: NodeId;
  to: NodeId;
  term: Term;
  logTerm: Term;
  index: RaftIndex;
  entries: Entry[];
  commit: RaftIndex;
  reject: boolean;
  rejectHint: RaftIndex;
  snapshot?: Snapshot;
  recovering?: number;
  recoveryConfirmed?: boolean;
}

/** rejectHint of a Vote/PreVote sent by a leader-transfer campaign. */
export const VOTE_TRANSFER = 1;

const NO_ENTRIES: Entry[] = [];

/** A message with every field present (one hidden class for all messages); `fields` fills in the rest. */
export function newMessage(type: MessageType, from: NodeId, to: NodeId, term: Term, fields?: Partial<Message>): Message {
  const m: Message = {
    type, from, to, term, logTerm: 0, index: 0, entries: NO_ENTRIES, commit: 0, reject: false, rejectHint: 0,
  };
  return fields === undefined ? m : Object.assign(m, fields);
}

/** Types that never travel between nodes: the host must not send them and step() ignores them from peers. */
export function isLocalMessage(type: MessageType): boolean {
  return type === MessageType.Hup || type === MessageType.Beat || type === MessageType.Prop
    || type === MessageType.Unreachable || type === MessageType.SnapStatus || type === MessageType.CheckQuorum;
}

export function isResponseMessage(type: MessageType): boolean {
  return type === MessageType.AppResp || type === MessageType.VoteResp || type === MessageType.PreVoteResp
    || type === MessageType.HeartbeatResp;
}
