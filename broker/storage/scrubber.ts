// The background scrubber: reads every group's stored entries and offset index, a bounded number of bytes per step,
// and checks them as reads do (entry checksums, the offset index against the batches it names). Damage in data
// nobody reads — a follower's log, an old segment of a partition — is found before a leader change or a consumer
// reaches it. What it finds is reported through the store, as any read's finding: once per group, to the store's
// corruption listeners and in the metrics. Stepping is a plain method; the broker's edge calls it on a timer.
import type { RaftIndex } from '../raft/types';
import { StorageCorruptionError } from './errors';
import type { GroupLog } from './group-log';
import type { StorageMetrics } from './storage-metrics';

/** What the scrubber needs of the store. */
export interface ScrubbedStore {
  groupIds(): number[];
  /** The group's log if it has stored data to check: not dropped meanwhile, not already found damaged. */
  scrubbable(groupId: number): GroupLog | undefined;
}

interface Cursor {
  readonly groupId: number;
  phase: 'entries' | 'offsets';
  /** Raft index (entries) or indexed offset (offsets) to go on from. */
  next: RaftIndex;
}

export class StoreScrubber {
  /** Groups still to scrub in this pass. */
  private pending: number[] = [];
  private cursor: Cursor | undefined;
  private passStarted = false;

  constructor(
    private readonly store: ScrubbedStore,
    private readonly metrics: Pick<StorageMetrics, 'scrubbedBytesTotal' | 'scrubLastPassCompletedSeconds'>,
    private readonly nowMs: () => number,
  ) {}

  /**
   * Checks about maxBytes of stored data (at least one value, so every step makes progress), moving from group to
   * group and starting a new pass after the last. Returns the bytes read. A pass that ends in this step ends it.
   */
  scrubStep(maxBytes: number): number {
    let bytes = 0;
    while (bytes < maxBytes) {
      if (!this.cursor && !this.nextGroup()) break;
      bytes += this.scrubGroup(this.cursor!, Math.max(1, maxBytes - bytes));
    }
    this.metrics.scrubbedBytesTotal.inc(bytes);
    return bytes;
  }

  /** Moves the cursor to the next group of the pass; false when a pass just ended (or there is nothing to scrub). */
  private nextGroup(): boolean {
    if (this.pending.length === 0) {
      if (this.passStarted) {
        this.passStarted = false;
        this.metrics.scrubLastPassCompletedSeconds.set(this.nowMs() / 1000);
        return false;
      }
      this.pending = this.store.groupIds();
      this.passStarted = true;
      if (this.pending.length === 0) return this.nextGroup();
    }
    this.cursor = { groupId: this.pending.shift()!, phase: 'entries', next: 0 };
    return true;
  }

  /** One stretch of one group; the cursor moves on, to the next phase or off the group. Returns the bytes read. */
  private scrubGroup(cursor: Cursor, maxBytes: number): number {
    try {
      const log = this.store.scrubbable(cursor.groupId);
      if (!log) {
        this.cursor = undefined;
        return 0;
      }
      const progress = cursor.phase === 'entries' ? log.scrubEntries(cursor.next, maxBytes) : log.scrubOffsets(cursor.next, maxBytes);
      if (progress.next !== undefined) cursor.next = progress.next;
      else if (cursor.phase === 'entries') Object.assign(cursor, { phase: 'offsets', next: 0 });
      else this.cursor = undefined;
      return progress.bytes;
    } catch (err) {
      // Reported by the group's log as it was found; the rest of a damaged group is not scrubbed.
      if (!(err instanceof StorageCorruptionError)) throw err;
      this.cursor = undefined;
      return 0;
    }
  }
}
