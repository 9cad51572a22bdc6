// One partition on its Raft group's log. The leader validates each producer batch by its header and CRC (records
// are never decoded here), assigns offsets by patching the header in place, appends one entry per batch with the
// sparse offset index beside it, and moves the high watermark once the entry is committed. Fetches read stored
// batch bytes up to the high watermark and return them as they are.
import {
  ErrorCode, batchMaxTimestampMs, readBatchHeader, stampBatch, verifyBatchCrc, type BatchHeader,
} from '../../client/protocol';
import { EntryType, type Entry, type RaftIndex } from '../raft/types';
import type { GroupLog } from '../storage';
import type { PartitionCounters } from './partition-metrics';
import type { ReplicatedLog } from './replicated-log';

export interface PartitionError {
  error: ErrorCode;
  message: string;
}

export interface AppendResult {
  baseOffset: number;
  appendTimeMs: number;
}

export type ReadResult = { batches: Uint8Array[] } | PartitionError;

export interface PartitionOptions {
  topic: string;
  partition: number;
  groupId: number;
  log: GroupLog;
  replicated: ReplicatedLog;
  maxMessageBytes: number;
  counters: PartitionCounters;
}

/** Bytes read per step when scanning the log for a timestamp. */
const TIMESTAMP_SCAN_BYTES = 1024 * 1024;

export class Partition {
  readonly topic: string;
  readonly partition: number;
  readonly groupId: number;
  readonly maxMessageBytes: number;
  /** First offset still stored. */
  logStartOffset = 0;
  /** The offset the next appended record gets. */
  logEndOffset = 0;
  /** Records below it are committed; fetches never read at or past it. */
  highWatermark = 0;
  /** Bytes of batches committed since this broker started: long polls measure new data by its growth. */
  committedBytes = 0;

  private readonly log: GroupLog;
  private readonly replicated: ReplicatedLog;
  private readonly counters: PartitionCounters;
  /** Raft index of the last committed entry: the read bound that matches the high watermark. */
  private committedIndex: RaftIndex;
  private nextIndex: RaftIndex;
  private failure: Error | undefined;
  private readonly listeners = new Set<() => void>();
  private notifyScheduled = false;

  constructor(options: PartitionOptions) {
    this.topic = options.topic;
    this.partition = options.partition;
    this.groupId = options.groupId;
    this.log = options.log;
    this.replicated = options.replicated;
    this.maxMessageBytes = options.maxMessageBytes;
    this.counters = options.counters;
    this.committedIndex = this.log.lastIndex();
    this.nextIndex = this.committedIndex + 1;
    this.recover();
  }

  /**
   * Offsets after a restart come from the log itself: the last batch's base offset and count give the log end,
   * the first batch gives the log start. On a single-member group everything stored is committed.
   */
  private recover(): void {
    const first = this.log.firstIndex();
    const last = this.log.lastIndex();
    for (let index = last; index >= first; index--) {
      const header = this.batchHeaderAt(index);
      if (header) {
        this.logEndOffset = header.baseOffset + header.recordCount;
        break;
      }
    }
    this.logStartOffset = this.logEndOffset;
    for (let index = first; index <= last; index++) {
      const header = this.batchHeaderAt(index);
      if (header) {
        this.logStartOffset = header.baseOffset;
        break;
      }
    }
    this.highWatermark = this.logEndOffset;
  }

  private batchHeaderAt(index: RaftIndex): BatchHeader | undefined {
    const [entry] = this.log.entries(index, index + 1);
    if (!entry || entry.type !== EntryType.Normal) return undefined;
    const header = readBatchHeader(entry.data);
    return typeof header === 'string' ? undefined : header;
  }

  /** Checks a producer batch without decoding its records: header shape, size, then CRC (which reads every byte). */
  checkBatch(batch: Uint8Array): BatchHeader | PartitionError {
    if (batch.length > this.maxMessageBytes) {
      return {
        error: ErrorCode.MESSAGE_TOO_LARGE,
        message: `batch of ${batch.length} bytes exceeds max.message.bytes ${this.maxMessageBytes} of ${this.topic}`,
      };
    }
    const header = readBatchHeader(batch);
    if (typeof header === 'string') return { error: ErrorCode.CORRUPT_BATCH, message: header };
    if (!verifyBatchCrc(batch, header)) {
      return { error: ErrorCode.CORRUPT_BATCH, message: `batch CRC mismatch: header says 0x${header.crc.toString(16)}` };
    }
    return header;
  }

  /** A failed store fails every later write: what was staged may not have reached the disk. */
  get storageFailure(): Error | undefined {
    return this.failure;
  }

  /**
   * Assigns offsets to a checked batch, patching it in place (the caller hands over the bytes), and resolves once it
   * is committed. Offsets are assigned at once, so batches appended in one turn keep their order.
   */
  append(batch: Uint8Array, header: BatchHeader, appendTimeMs: number): Promise<AppendResult> {
    if (this.failure) return Promise.reject(this.failure);
    const baseOffset = this.logEndOffset;
    stampBatch(batch, baseOffset, appendTimeMs);
    const index = this.nextIndex++;
    this.logEndOffset = baseOffset + header.recordCount;
    const entry: Entry = { term: this.replicated.term, index, type: EntryType.Normal, data: batch };
    const endOffset = this.logEndOffset;
    return this.replicated.appendCommitted(this.log, [entry], [{ baseOffset, index }]).then(
      () => {
        this.advanceCommitted(index, endOffset, batch.length, header.recordCount);
        return { baseOffset, appendTimeMs };
      },
      (err: unknown) => {
        this.failure ??= err instanceof Error ? err : new Error(String(err));
        throw this.failure;
      },
    );
  }

  private advanceCommitted(index: RaftIndex, endOffset: number, bytes: number, records: number): void {
    // Commits resolve in log order; max() keeps the watermark monotonic should two resolve in one turn.
    if (index > this.committedIndex) this.committedIndex = index;
    if (endOffset > this.highWatermark) this.highWatermark = endOffset;
    this.committedBytes += bytes;
    this.counters.recordsAppended.inc(records);
    this.counters.bytesAppended.inc(bytes);
    if (!this.notifyScheduled && this.listeners.size > 0) {
      // Many batches commit together; waiters hear about it once.
      this.notifyScheduled = true;
      queueMicrotask(() => {
        this.notifyScheduled = false;
        for (const listener of [...this.listeners]) listener();
      });
    }
  }

  /** Calls listener whenever the high watermark moves; returns the unsubscribe function. */
  onHighWatermark(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  offsetProblem(offset: number): PartitionError | undefined {
    if (!Number.isSafeInteger(offset) || offset < this.logStartOffset || offset > this.highWatermark) {
      return {
        error: ErrorCode.OFFSET_OUT_OF_RANGE,
        message: `offset ${offset} is outside [${this.logStartOffset}, ${this.highWatermark}] of ${this.topic}/${this.partition}`,
      };
    }
    return undefined;
  }

  /**
   * Committed batches from the one holding `offset`, up to maxBytes (the first batch always whole). The first batch
   * may start before `offset`: batches are served as stored and the client skips the records it did not ask for.
   */
  read(offset: number, maxBytes: number): ReadResult {
    const problem = this.offsetProblem(offset);
    if (problem) return problem;
    if (offset === this.highWatermark) return { batches: [] };
    const index = this.log.indexOfOffset(offset);
    if (index === undefined) {
      return { error: ErrorCode.OFFSET_OUT_OF_RANGE, message: `offset ${offset} is not in the offset index of ${this.topic}/${this.partition}` };
    }
    try {
      return { batches: this.log.readBatches(index, this.committedIndex + 1, Math.max(1, maxBytes)) };
    } catch (err) {
      return { error: ErrorCode.STORAGE_ERROR, message: (err as Error).message };
    }
  }

  /**
   * The first offset whose batch's max timestamp is at or after timestampMs (batch precision: records are not
   * decoded), or the high watermark when there is none. A linear scan: listing by time is rare.
   */
  offsetForTimestamp(timestampMs: number): { offset: number; timestampMs: number } | PartitionError {
    let index = this.log.firstIndex();
    const end = this.committedIndex + 1;
    try {
      while (index < end) {
        const batches = this.log.readBatches(index, end, TIMESTAMP_SCAN_BYTES);
        if (batches.length === 0) break;
        for (const batch of batches) {
          const maxTs = batchMaxTimestampMs(batch);
          if (maxTs >= timestampMs) {
            const header = readBatchHeader(batch);
            if (typeof header === 'string') continue;
            return { offset: Math.max(header.baseOffset, this.logStartOffset), timestampMs: maxTs };
          }
        }
        const lastOffset = readBatchHeader(batches[batches.length - 1]);
        if (typeof lastOffset === 'string') break;
        const next = this.log.indexOfOffset(lastOffset.baseOffset);
        if (next === undefined) break;
        index = next + 1;
      }
    } catch (err) {
      return { error: ErrorCode.STORAGE_ERROR, message: (err as Error).message };
    }
    return { offset: this.highWatermark, timestampMs: -1 };
  }

  sizeBytes(): number {
    return this.log.sizeBytes();
  }
}
