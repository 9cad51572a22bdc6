// The part of the log not yet persisted (etcd's log_unstable.go): entries at indexes from `offset` on, and maybe a
// snapshot received from the leader. Entries below offsetInProgress have been handed out in a Ready and are being
// written; stableTo() drops them once the host says (advance) that they are durable.
import type { Entry, RaftIndex, Snapshot, Term } from './types';

export class UnstableLog {
  snapshot: Snapshot | undefined;
  snapshotInProgress = false;
  /** Not yet durable, in order; entries[i] has index offset + i. Owned: never an array a caller also holds. */
  entries: Entry[] = [];
  offset: RaftIndex;
  /** Entries below this index are in a Ready being persisted. Invariant: offset <= offsetInProgress. */
  offsetInProgress: RaftIndex;

  constructor(offset: RaftIndex) {
    this.offset = offset;
    this.offsetInProgress = offset;
  }

  /** The first log index if a snapshot is pending (the log then starts after it). */
  maybeFirstIndex(): RaftIndex | undefined {
    return this.snapshot === undefined ? undefined : this.snapshot.metadata.index + 1;
  }

  maybeLastIndex(): RaftIndex | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot === undefined ? undefined : this.snapshot.metadata.index;
  }

  maybeTerm(index: RaftIndex): Term | undefined {
    if (index < this.offset) {
      return this.snapshot !== undefined && this.snapshot.metadata.index === index ? this.snapshot.metadata.term : undefined;
    }
    const i = index - this.offset;
    return i < this.entries.length ? this.entries[i]!.term : undefined;
  }

  /** Entries not yet handed out for persisting (a fresh array). */
  nextEntries(): Entry[] {
    const from = this.offsetInProgress - this.offset;
    return from >= this.entries.length ? [] : this.entries.slice(from);
  }

  nextSnapshot(): Snapshot | undefined {
    return this.snapshotInProgress ? undefined : this.snapshot;
  }

  /** Everything pending is now in a Ready being persisted. */
  acceptInProgress(): void {
    this.offsetInProgress = this.offset + this.entries.length;
    if (this.snapshot !== undefined) this.snapshotInProgress = true;
  }

  /**
   * Entries up to (index, term) are durable. Ignored if that entry is no longer here with that term: a newer
   * leader overwrote it while it was being written, and the overwrite is still to be persisted.
   */
  stableTo(index: RaftIndex, term: Term): void {
    if (index < this.offset || this.maybeTerm(index) !== term) return;
    const count = index + 1 - this.offset;
    this.entries = count === this.entries.length ? [] : this.entries.slice(count);
    this.offset = index + 1;
    this.offsetInProgress = Math.max(this.offsetInProgress, this.offset);
  }

  stableSnapTo(index: RaftIndex): void {
    if (this.snapshot !== undefined && this.snapshot.metadata.index === index) {
      this.snapshot = undefined;
      this.snapshotInProgress = false;
    }
  }

  restore(snapshot: Snapshot): void {
    this.offset = snapshot.metadata.index + 1;
    this.offsetInProgress = this.offset;
    this.entries = [];
    this.snapshot = snapshot;
    this.snapshotInProgress = false;
  }

  /** Appends `entries` (contiguous, non-empty), first dropping whatever is at or after entries[0].index. */
  truncateAndAppend(entries: readonly Entry[]): void {
    const from = entries[0]!.index;
    if (from === this.offset + this.entries.length) {
      pushAll(this.entries, entries);
    } else if (from <= this.offset) {
      // Everything here is replaced; copy, since the caller's array (a message's) must not grow with our appends.
      this.offset = from;
      this.offsetInProgress = from;
      this.entries = entries.slice();
    } else {
      this.entries = this.entries.slice(0, from - this.offset);
      pushAll(this.entries, entries);
      this.offsetInProgress = Math.min(this.offsetInProgress, from);
    }
  }

  /** Entries in [lo, hi), which must lie within this log. */
  slice(lo: RaftIndex, hi: RaftIndex): Entry[] {
    if (lo < this.offset || hi > this.offset + this.entries.length || lo > hi) {
      throw new RangeError(`unstable slice [${lo}, ${hi}) out of [${this.offset}, ${this.offset + this.entries.length})`);
    }
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}

/** push(...src) overflows the stack for big arrays; a loop does not. */
export function pushAll<T>(dst: T[], src: readonly T[]): void {
  for (let i = 0; i < src.length; i++) dst.push(src[i]!);
}
