// The background scrubber: reads every group's stored entries and offset index, a bounded number of bytes per step,
// and checks them as reads do (entry checksums, the offset index against the batches it names). Damage in data
// nobody reads — a follower's log, an old segment of a partition — is found before a leader change or a consumer
// reaches it. What it finds is reported through the store, as any read's finding: once per group, to the store's
// corruption listeners and in the metrics. Stepping is a plain method; the broker's edge calls it on a timer.
import type { RaftIndex } from '../raft/types';
import { StorageCorruptionError } from './errors';
import type { GroupLog, OffsetScrubCursor } from './group-log';
import type { StorageMetrics } from './storage-metrics';

/** What the scrubber needs of the store. */
export interface ScrubbedStore {
  groupIds(): number[];
  /** The group's log if it has stored data to check: not dropped meanwhile, not already found damaged. */
  scrubbable(groupId: number): GroupLog | undefined;
}

/** A group's entries first (from `entries`), then its offset index (after `offsets`). */
interface Cursor {
  readonly groupId: number;
  entries: RaftIndex | 'done';
  offsets: OffsetScrubCursor | undefined;
}

export interface ScrubStep {
  /** Bytes of stored values read and checked. */
  readonly bytes: number;
  /** Whether this step finished a pass over every group (the next one starts a new pass). */
  readonly passCompleted: boolean;
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
   * group and starting a new pass after the last. A pass that ends in this step ends the step.
   */
  scrubStep(maxBytes: number): ScrubStep {
    let bytes = 0;
    let passCompleted = false;
    while (bytes < maxBytes && !passCompleted) {
      if (this.cursor || this.nextGroup()) bytes += this.scrubGroup(this.cursor!, Math.max(1, maxBytes - bytes));
      else passCompleted = true;
    }
    this.metrics.scrubbedBytesTotal.inc(bytes);
    return { bytes, passCompleted };
  }

  /** Moves the cursor to the next group of the pass; false when the pass is over (it is stamped). */
  private nextGroup(): boolean {
    if (this.pending.length === 0) {
      if (this.passStarted) {
        this.passStarted = false;
        this.metrics.scrubLastPassCompletedSeconds.set(this.nowMs() / 1000);
        return false;
      }
      this.pending = this.store.groupIds();
      this.passStarted = true;
      return this.nextGroup();
    }
    this.cursor = { groupId: this.pending.shift()!, entries: 0, offsets: undefined };
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
      if (cursor.entries !== 'done') {
        const progress = log.scrubEntries(cursor.entries, maxBytes);
        cursor.entries = progress.next ?? 'done';
        return progress.bytes;
      }
      const progress = log.scrubOffsets(cursor.offsets, maxBytes);
      if (progress.next) cursor.offsets = progress.next;
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
