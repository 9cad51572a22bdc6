// The log as Raft sees it (etcd's log.go): what storage holds (durable) followed by what is not yet persisted.
// Invariants: firstIndex - 1 <= applied <= committed <= lastIndex. committed never decreases.
import { CompactedError, UnavailableError, type RaftStorage } from './storage';
import { UnstableLog } from './unstable-log';
import { entrySize, type Entry, type RaftIndex, type Snapshot, type Term } from './types';

/**
 * Bound on the bytes of entries kept in memory after they became durable until they are applied (see `recent`).
 * Past it, newer entries are read back from storage instead.
 */
export const MAX_RECENT_BYTES = 64 * 1024 * 1024;

export class RaftLog {
  readonly unstable: UnstableLog;
  /**
   * Entries that left `unstable` (durable now) and are not yet applied, from index recentOffset + recentHead on:
   * they are about to commit and be handed out in committedEntries, and reading them back from storage (a copy of
   * every byte, for a state machine that may look at a header only) is what a broker's flush cycle spent most of
   * its Raft time on. Always a contiguous run that agrees with the log; bounded by MAX_RECENT_BYTES.
   */
  private recent: Entry[] = [];
  private recentOffset: RaftIndex = 0;
  private recentHead = 0;
  private recentBytes = 0;
  /** Highest index known to be committed (on a quorum, in the current or an earlier term). */
  committed: RaftIndex;
  /** Highest index the host has applied (handed out in committedEntries and advanced). */
  applied: RaftIndex;

  constructor(readonly storage: RaftStorage) {
    this.unstable = new UnstableLog(storage.lastIndex() + 1);
    this.committed = storage.firstIndex() - 1;
    this.applied = this.committed;
    this.recentOffset = this.unstable.offset;
  }

  firstIndex(): RaftIndex {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  lastIndex(): RaftIndex {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  /** The term of the entry at index, or undefined if it is compacted away or beyond the log. */
  term(index: RaftIndex): Term | undefined {
    const t = this.unstable.maybeTerm(index);
    if (t !== undefined) return t;
    if (index < this.firstIndex() - 1 || index > this.lastIndex()) return undefined;
    try {
      return this.storage.term(index);
    } catch (e) {
      if (e instanceof CompactedError || e instanceof UnavailableError) return undefined;
      throw e;
    }
  }

  lastTerm(): Term {
    const t = this.term(this.lastIndex());
    if (t === undefined) throw new Error(`the term of the last index ${this.lastIndex()} is unknown`);
    return t;
  }

  matchTerm(index: RaftIndex, term: Term): boolean {
    return this.term(index) === term;
  }

  /** §5.4.1: a log whose last entry has (lastIndex, lastTerm) is at least as up-to-date as ours. */
  isUpToDate(lastIndex: RaftIndex, lastTerm: Term): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /** The index of the first of `entries` that is not in our log with the same term, or 0 if all are. */
  findConflict(entries: readonly Entry[]): RaftIndex {
    for (const e of entries) {
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The last index <= `index` whose term is <= `term`, and that term (0 if unknown): every entry after it has a
   * greater term, so it cannot match a log whose entry at `index` has `term`. Lets the leader skip a whole
   * conflicting term per round trip instead of one index (etcd's findConflictByTerm, the thesis' §5.3 optimization).
   */
  findConflictByTerm(index: RaftIndex, term: Term): { index: RaftIndex; term: Term } {
    for (; index > 0; index--) {
      const ours = this.term(index);
      // Unknown (compacted) here: it may match; the leader will find out.
      if (ours === undefined) return { index, term: 0 };
      if (ours <= term) return { index, term: ours };
    }
    return { index: 0, term: 0 };
  }

  /**
   * A follower's append (§5.3): if our entry at prevIndex has prevTerm, keep what agrees, overwrite from the first
   * conflict, and commit up to min(leaderCommit, the last new entry). Returns the last new index, or undefined if the
   * logs do not match at prevIndex.
   */
  maybeAppend(prevIndex: RaftIndex, prevTerm: Term, leaderCommit: RaftIndex, entries: readonly Entry[]): RaftIndex | undefined {
    if (!this.matchTerm(prevIndex, prevTerm)) return undefined;
    const lastNewIndex = prevIndex + entries.length;
    const conflict = entries.length === 0 ? 0 : this.findConflict(entries);
    if (conflict !== 0) {
      if (conflict <= this.committed) throw new Error(`entry ${conflict} conflicts with committed entry (committed ${this.committed})`);
      this.append(conflict === entries[0]!.index ? entries : entries.slice(conflict - entries[0]!.index));
    }
    this.commitTo(Math.min(leaderCommit, lastNewIndex));
    return lastNewIndex;
  }

  append(entries: readonly Entry[]): RaftIndex {
    if (entries.length === 0) return this.lastIndex();
    const after = entries[0]!.index - 1;
    // Overwritten entries (a new leader's) must not be handed out from memory.
    if (after < this.recentOffset + this.recent.length) this.truncateRecent(after + 1);
    if (after < this.committed) throw new Error(`append after ${after} is below committed ${this.committed}`);
    if (after > this.lastIndex()) throw new Error(`append after ${after} leaves a gap (last index ${this.lastIndex()})`);
    this.unstable.truncateAndAppend(entries);
    return this.lastIndex();
  }

  /**
   * Entries in [lo, hi), at least one if lo < hi, and no more than maxBytes in total beyond the first.
   * Throws CompactedError if lo is compacted.
   */
  slice(lo: RaftIndex, hi: RaftIndex, maxBytes = Infinity): Entry[] {
    const first = this.firstIndex();
    if (lo < first) throw new CompactedError(lo, first);
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1, this.lastIndex());
    if (lo >= hi) return [];
    const offset = this.unstable.offset;
    let stored: Entry[] = [];
    if (lo < offset) {
      const storedHi = Math.min(hi, offset);
      stored = this.storage.entries(lo, storedHi, maxBytes);
      if (stored.length < storedHi - lo || hi <= offset) return stored;
    }
    const unstable = this.unstable.slice(Math.max(lo, offset), hi);
    if (maxBytes === Infinity) return stored.length === 0 ? unstable : stored.concat(unstable);
    let bytes = 0;
    for (const e of stored) bytes += entrySize(e);
    let n = 0;
    while (n < unstable.length) {
      bytes += entrySize(unstable[n]!);
      if (bytes > maxBytes && (n > 0 || stored.length > 0)) break;
      n++;
    }
    const taken = n === unstable.length ? unstable : unstable.slice(0, n);
    return stored.length === 0 ? taken : stored.concat(taken);
  }

  commitTo(index: RaftIndex): void {
    if (index <= this.committed) return;
    if (index > this.lastIndex()) throw new Error(`commit ${index} is beyond the last index ${this.lastIndex()}`);
    this.committed = index;
  }

  appliedTo(index: RaftIndex): void {
    if (index === 0) return;
    if (index > this.committed || index < this.applied) {
      throw new Error(`applied ${index} is out of range [applied ${this.applied}, committed ${this.committed}]`);
    }
    this.applied = index;
    // Applied entries leave memory; the array is compacted once its dead head outweighs the rest.
    const recent = this.recent;
    while (this.recentHead < recent.length && this.recentOffset + this.recentHead <= index) {
      this.recentBytes -= entrySize(recent[this.recentHead]!);
      this.recentHead++;
    }
    if (this.recentHead === recent.length) {
      this.clearRecent(index + 1);
    } else if (this.recentHead > 1024 && this.recentHead * 2 > recent.length) {
      this.recent = recent.slice(this.recentHead);
      this.recentOffset += this.recentHead;
      this.recentHead = 0;
    }
  }

  /** Whether there are committed entries to apply. Not while a snapshot is pending: it must be applied first. */
  hasNextCommittedEntries(): boolean {
    return this.committed > this.applied && this.unstable.snapshot === undefined;
  }

  /**
   * Committed entries not yet applied, up to maxBytes. May include entries of the Ready being built: the host
   * persists a Ready's entries before it applies its committed entries.
   */
  nextCommittedEntries(maxBytes: number): Entry[] {
    if (!this.hasNextCommittedEntries()) return [];
    const lo = this.applied + 1;
    const hi = this.committed + 1;
    const at = lo - this.recentOffset;
    if (at < this.recentHead || at >= this.recent.length) return this.slice(lo, hi, maxBytes);
    // From memory as far as it reaches (the next Ready continues where this one stops).
    const end = Math.min(this.recent.length, hi - this.recentOffset);
    let bytes = 0;
    let n = at;
    while (n < end) {
      bytes += entrySize(this.recent[n]!);
      if (bytes > maxBytes && n > at) break;
      n++;
    }
    return this.recent.slice(at, n);
  }

  /** The snapshot to send a follower that needs compacted entries: a pending one, else storage's latest. */
  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  /** A snapshot from the leader replaces the whole log; applied moves when the host has applied it. */
  restore(snapshot: Snapshot): void {
    this.committed = snapshot.metadata.index;
    this.unstable.restore(snapshot);
    this.clearRecent(snapshot.metadata.index + 1);
  }

  stableTo(index: RaftIndex, term: Term): void {
    const u = this.unstable;
    const from = u.offset;
    if (index >= from && u.maybeTerm(index) === term) this.keepRecent(u.entries, index + 1 - from, from);
    u.stableTo(index, term);
  }

  /** Keeps the first `count` of `entries` (starting at index `from`), unless that would break the run or its bound. */
  private keepRecent(entries: readonly Entry[], count: number, from: RaftIndex): void {
    if (this.recentOffset + this.recent.length !== from) {
      if (this.recentHead < this.recent.length) return; // a gap (an earlier batch was past the bound): stay as is
      this.clearRecent(from);
    }
    for (let i = 0; i < count; i++) {
      const e = entries[i]!;
      // Below the applied index (a restart re-stabilizing nothing new) there is nothing to hand out.
      if (e.index <= this.applied && this.recentHead === this.recent.length) {
        this.clearRecent(e.index + 1);
        continue;
      }
      const size = entrySize(e);
      if (this.recentBytes + size > MAX_RECENT_BYTES) return;
      this.recent.push(e);
      this.recentBytes += size;
    }
  }

  private truncateRecent(from: RaftIndex): void {
    const keep = Math.max(this.recentHead, from - this.recentOffset);
    for (let i = keep; i < this.recent.length; i++) this.recentBytes -= entrySize(this.recent[i]!);
    this.recent.length = keep;
  }

  private clearRecent(offset: RaftIndex): void {
    this.recent = [];
    this.recentOffset = offset;
    this.recentHead = 0;
    this.recentBytes = 0;
  }

  stableSnapTo(index: RaftIndex): void {
    this.unstable.stableSnapTo(index);
  }
}
