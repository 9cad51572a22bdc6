// The log in memory: what tests and the simulator use (the simulator models durability itself, so sync() is
// immediate). The compaction point (snapIndex, snapTerm) stands in for the entries dropped before firstIndex.
import { CompactedError, UnavailableError, type RaftLogStore } from './storage';
import { pushAll } from './unstable-log';
import {
  EMPTY_HARD_STATE, EMPTY_SNAPSHOT, entrySize, type ConfState, type Entry, type HardState, type RaftIndex,
  type Snapshot, type Term,
} from './types';

export class MemoryStorage implements RaftLogStore {
  private hardState: HardState = EMPTY_HARD_STATE;
  private latestSnapshot: Snapshot = EMPTY_SNAPSHOT;
  private snapIndex: RaftIndex = 0;
  private snapTerm: Term = 0;
  /** ents[i] has index snapIndex + 1 + i. */
  private ents: Entry[] = [];

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: this.hardState, confState: this.latestSnapshot.metadata.confState };
  }

  entries(lo: RaftIndex, hi: RaftIndex, maxBytes = Infinity): Entry[] {
    if (lo <= this.snapIndex) throw new CompactedError(lo, this.firstIndex());
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1, this.lastIndex());
    if (lo >= hi) return [];
    const from = lo - this.snapIndex - 1;
    let to = hi - this.snapIndex - 1;
    if (maxBytes !== Infinity) {
      let bytes = entrySize(this.ents[from]!);
      for (let i = from + 1; i < to; i++) {
        bytes += entrySize(this.ents[i]!);
        if (bytes > maxBytes) {
          to = i;
          break;
        }
      }
    }
    return this.ents.slice(from, to);
  }

  term(index: RaftIndex): Term {
    if (index === this.snapIndex) return this.snapTerm;
    if (index < this.snapIndex) throw new CompactedError(index, this.firstIndex());
    if (index > this.lastIndex()) throw new UnavailableError(index, this.lastIndex());
    return this.ents[index - this.snapIndex - 1]!.term;
  }

  firstIndex(): RaftIndex {
    return this.snapIndex + 1;
  }

  lastIndex(): RaftIndex {
    return this.snapIndex + this.ents.length;
  }

  snapshot(): Snapshot {
    return this.latestSnapshot;
  }

  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const first = entries[0]!.index;
    if (first > this.lastIndex() + 1) {
      throw new RangeError(`append at ${first} leaves a gap after the last index ${this.lastIndex()}`);
    }
    // Entries at or before the compaction point are already in the snapshot.
    const skip = Math.max(0, this.firstIndex() - first);
    if (skip >= entries.length) return;
    const keep = first + skip - this.snapIndex - 1;
    if (keep < this.ents.length) this.ents.length = keep;
    pushAll(this.ents, skip === 0 ? entries : entries.slice(skip));
  }

  setHardState(hardState: HardState): void {
    this.hardState = hardState;
  }

  applySnapshot(snapshot: Snapshot): void {
    const { index, term } = snapshot.metadata;
    if (index < this.snapIndex) throw new RangeError(`snapshot at ${index} is older than the compaction point ${this.snapIndex}`);
    // Keep the entries after the snapshot if the log agrees with it at its index; drop everything otherwise.
    const agrees = index <= this.lastIndex() && this.term(index) === term;
    this.ents = agrees ? this.ents.slice(index - this.snapIndex) : [];
    this.snapIndex = index;
    this.snapTerm = term;
    this.latestSnapshot = snapshot;
  }

  compact(index: RaftIndex, snapshot?: Snapshot): void {
    if (index > this.lastIndex()) throw new UnavailableError(index, this.lastIndex());
    if (snapshot !== undefined) this.latestSnapshot = snapshot;
    if (index <= this.snapIndex) return;
    const term = this.term(index);
    this.ents = this.ents.slice(index - this.snapIndex);
    this.snapIndex = index;
    this.snapTerm = term;
  }

  /**
   * Records a snapshot of the state machine at `index` (which must still be in the log), for Raft to send to
   * followers that need compacted entries. Call it before compact(index).
   */
  createSnapshot(index: RaftIndex, confState: ConfState, data: Uint8Array): Snapshot {
    if (index <= this.latestSnapshot.metadata.index) {
      throw new RangeError(`snapshot at ${index} is not newer than the snapshot at ${this.latestSnapshot.metadata.index}`);
    }
    const snapshot: Snapshot = { metadata: { index, term: this.term(index), confState }, data };
    this.latestSnapshot = snapshot;
    return snapshot;
  }

  sync(): Promise<void> {
    return Promise.resolve();
  }
}
