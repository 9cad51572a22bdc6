// The log as Raft reads it. Raft never writes through this interface: the caller persists what Ready hands out
// (hard state, entries, snapshot) and then advances. broker/storage implements it on LMDB, MemoryStorage in memory.
import type { ConfState, Entry, HardState, RaftIndex, Snapshot, Term } from './types';

/** The requested index is at or before the snapshot: it has been compacted away. */
export class CompactedError extends Error {
  constructor(index: RaftIndex, firstIndex: RaftIndex) {
    super(`index ${index} is compacted (first index ${firstIndex})`);
  }
}

/** The requested index is past the last index. */
export class UnavailableError extends Error {
  constructor(index: RaftIndex, lastIndex: RaftIndex) {
    super(`index ${index} is unavailable (last index ${lastIndex})`);
  }
}

export interface RaftStorage {
  /** The hard state and membership last persisted; what a restarted node starts from. */
  initialState(): { hardState: HardState; confState: ConfState };
  /**
   * Entries in [lo, hi), at least one if lo < hi, and no more than maxBytes beyond the first (entrySize).
   * Throws CompactedError if lo < firstIndex(), UnavailableError if hi > lastIndex() + 1.
   */
  entries(lo: RaftIndex, hi: RaftIndex, maxBytes?: number): Entry[];
  /** The term of the entry at index, for index in [firstIndex() - 1, lastIndex()] (firstIndex - 1: the snapshot's). */
  term(index: RaftIndex): Term;
  /** The index of the first entry still in the log: the snapshot's index + 1. */
  firstIndex(): RaftIndex;
  lastIndex(): RaftIndex;
  /** The latest snapshot. */
  snapshot(): Snapshot;
}

/**
 * The write side that tests and the simulator drive; every implementation passes the same contract tests
 * (test/unit/storage/raft-storage-contract.ts). Writes take effect for reads at once; `sync()` makes everything
 * written so far durable, and only what was synced survives a crash.
 */
export interface RaftLogStore extends RaftStorage {
  /** Appends entries, first discarding any existing entries at or after entries[0].index (a conflicting suffix). */
  append(entries: readonly Entry[]): void;
  setHardState(hardState: HardState): void;
  /** Replaces the log with a snapshot: entries up to its index are dropped (all of them if the log diverges). */
  applySnapshot(snapshot: Snapshot): void;
  /** Drops entries up to and including index, recording index/term as the new compaction point. */
  compact(index: RaftIndex, snapshot?: Snapshot): void;
  sync(): Promise<void>;
}
