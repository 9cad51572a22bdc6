// Raft's vocabulary. `index` is a position in the Raft log; a record's position in a partition is an `offset`.

export type NodeId = number;
export type Term = number;
export type RaftIndex = number;

/** No node: a vote not yet cast, or a leader not known. Node ids are positive. */
export const NO_NODE: NodeId = 0;

export enum EntryType {
  Normal = 0,
  /** data is an encoded ConfChange */
  ConfChange = 1,
}

export interface Entry {
  readonly term: Term;
  readonly index: RaftIndex;
  readonly type: EntryType;
  readonly data: Uint8Array;
}

/** What a node must persist before it answers a vote or acknowledges entries. */
export interface HardState {
  readonly term: Term;
  readonly vote: NodeId;
  readonly commit: RaftIndex;
}

/** The membership at a point of the log. A non-empty votersOutgoing means a joint configuration. */
export interface ConfState {
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
  readonly votersOutgoing: readonly NodeId[];
}

export interface SnapshotMetadata {
  readonly index: RaftIndex;
  readonly term: Term;
  readonly confState: ConfState;
}

export interface Snapshot {
  readonly metadata: SnapshotMetadata;
  /** The application's state machine at metadata.index, opaque to Raft. */
  readonly data: Uint8Array;
}

export const EMPTY_HARD_STATE: HardState = { term: 0, vote: NO_NODE, commit: 0 };
export const EMPTY_CONF_STATE: ConfState = { voters: [], learners: [], votersOutgoing: [] };
export const EMPTY_SNAPSHOT: Snapshot = {
  metadata: { index: 0, term: 0, confState: EMPTY_CONF_STATE },
  data: new Uint8Array(0),
};

/** Bytes an entry occupies for flow control and size limits. */
export function entrySize(e: Entry): number {
  return e.data.length + 16;
}
