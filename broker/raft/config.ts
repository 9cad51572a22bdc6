import type { RaftStorage } from './storage';
import type { NodeId, RaftIndex } from './types';

export interface RaftConfig {
  /** This node; positive. */
  id: NodeId;
  /** Read-only view; the caller persists what Ready hands out. */
  storage: RaftStorage;
  /** Followers campaign after a randomized timeout in [electionTicks, 2 * electionTicks). */
  electionTicks: number;
  /** The leader heartbeats every heartbeatTicks; must be below electionTicks. */
  heartbeatTicks: number;
  /** Seeded, uniform in [0, 1): the only source of randomness. */
  random: () => number;
  /** Last applied index at restart (default: the snapshot's index). */
  applied?: RaftIndex;
  /** Bytes of entries per append message (beyond the first entry); default 1 MiB. */
  maxSizePerMsgBytes?: number;
  /** Appends in flight per follower in replicate state; default 256. */
  maxInflightMsgs?: number;
  /** Bytes in flight per follower; default 0 = unbounded. If set, at least maxSizePerMsgBytes. */
  maxInflightBytes?: number;
  /** Bytes of committed entries per Ready (beyond the first); default 64 MiB. */
  maxCommittedBytesPerReady?: number;
  /** §9.6 PreVote; default true. */
  preVote?: boolean;
  /** Leader steps down without a quorum heard within an election timeout; followers keep a leader lease. Default true. */
  checkQuorum?: boolean;
  /**
   * This replica lost or repaired its state for the group (a wiped store, a damaged log rebuilt) and must not vote
   * or count toward any quorum until it has caught up from a leader: see "Recovery" in raft.ts. The host persists
   * the flag (and passes it again at every restart until Ready.recovering says it is over). Default false.
   */
  recovering?: boolean;
  /** TEST-ONLY deliberate bugs, so the simulator can prove its checker catches them. Never set in production. */
  sabotage?: {
    /** Commit entries of earlier terms by counting replicas (the Figure 8 bug of §5.4.2). */
    commitPriorTermByCounting?: boolean;
    /** Grant votes without the up-to-date log check of §5.4.1. */
    voteWithoutLogCheck?: boolean;
    /** The vote is not put in Ready.hardState, so a restart forgets it. */
    forgetToPersistVote?: boolean;
    /** `recovering` is ignored: a replica that lost its state votes at once, as if nothing had happened. */
    wipeWithoutRecovering?: boolean;
    /** A recovering replica grants votes (it still never campaigns nor counts toward a commit quorum). */
    recoveringGrantsVotes?: boolean;
  };
}

export interface ValidConfig {
  readonly id: NodeId;
  readonly storage: RaftStorage;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  readonly random: () => number;
  readonly applied: RaftIndex;
  readonly maxSizePerMsgBytes: number;
  readonly maxInflightMsgs: number;
  readonly maxInflightBytes: number;
  readonly maxCommittedBytesPerReady: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly recovering: boolean;
  readonly sabotage: {
    readonly commitPriorTermByCounting: boolean;
    readonly voteWithoutLogCheck: boolean;
    readonly forgetToPersistVote: boolean;
    readonly wipeWithoutRecovering: boolean;
    readonly recoveringGrantsVotes: boolean;
  };
}

/** Fills in defaults and refuses contradictory limits (etcd's Config.validate). Throws RangeError naming the field. */
export function validateConfig(c: RaftConfig): ValidConfig {
  const positiveInt = (name: string, v: number): void => {
    if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`RaftConfig.${name} must be a positive integer, got ${v}`);
  };
  positiveInt('id', c.id);
  positiveInt('electionTicks', c.electionTicks);
  positiveInt('heartbeatTicks', c.heartbeatTicks);
  if (c.electionTicks <= c.heartbeatTicks) {
    throw new RangeError(`RaftConfig.electionTicks (${c.electionTicks}) must exceed heartbeatTicks (${c.heartbeatTicks})`);
  }
  if (typeof c.random !== 'function') throw new RangeError('RaftConfig.random must be a function');
  const maxSizePerMsgBytes = c.maxSizePerMsgBytes ?? 1 << 20;
  const maxInflightMsgs = c.maxInflightMsgs ?? 256;
  const maxInflightBytes = c.maxInflightBytes ?? 0;
  const maxCommittedBytesPerReady = c.maxCommittedBytesPerReady ?? 64 << 20;
  positiveInt('maxSizePerMsgBytes', maxSizePerMsgBytes);
  positiveInt('maxInflightMsgs', maxInflightMsgs);
  positiveInt('maxCommittedBytesPerReady', maxCommittedBytesPerReady);
  if (!Number.isSafeInteger(maxInflightBytes) || maxInflightBytes < 0) {
    throw new RangeError(`RaftConfig.maxInflightBytes must be >= 0, got ${maxInflightBytes}`);
  }
  if (maxInflightBytes > 0 && maxInflightBytes < maxSizePerMsgBytes) {
    throw new RangeError(`RaftConfig.maxInflightBytes (${maxInflightBytes}) must be 0 or >= maxSizePerMsgBytes (${maxSizePerMsgBytes})`);
  }
  const applied = c.applied ?? 0;
  if (!Number.isSafeInteger(applied) || applied < 0) throw new RangeError(`RaftConfig.applied must be >= 0, got ${applied}`);
  return {
    id: c.id, storage: c.storage, electionTicks: c.electionTicks, heartbeatTicks: c.heartbeatTicks, random: c.random,
    applied, maxSizePerMsgBytes, maxInflightMsgs, maxInflightBytes, maxCommittedBytesPerReady,
    preVote: c.preVote ?? true, checkQuorum: c.checkQuorum ?? true,
    recovering: (c.recovering ?? false) && !(c.sabotage?.wipeWithoutRecovering ?? false),
    sabotage: {
      commitPriorTermByCounting: c.sabotage?.commitPriorTermByCounting ?? false,
      voteWithoutLogCheck: c.sabotage?.voteWithoutLogCheck ?? false,
      forgetToPersistVote: c.sabotage?.forgetToPersistVote ?? false,
      wipeWithoutRecovering: c.sabotage?.wipeWithoutRecovering ?? false,
      recoveringGrantsVotes: c.sabotage?.recoveringGrantsVotes ?? false,
    },
  };
}
