// Fetched data waiting for the application, and each assigned partition's state. The buffer is bounded in bytes:
// the fetcher asks for more only while there is room, so a slow application slows fetching (backpressure) rather
// than growing memory. Chunks keep their fetch epoch: a seek bumps the partition's epoch and every older chunk of
// that partition is dropped unread.
import { CorruptBatchError } from '../errors';
import { CorruptRecordBatchError, forEachRecord } from '../protocol';
import { ConsumerRecord } from './record';
import { StartPosition } from './types';

export interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  /** Next offset to fetch; undefined while the start position is being resolved. */
  fetchOffset: number | undefined;
  /** Next offset to hand to the application. */
  position: number | undefined;
  start: StartPosition;
  paused: boolean;
  /** Included in a fetch that has not answered yet. */
  fetching: boolean;
  /** A catch-up fetch found nothing more: the partition waits for its broker's next long poll. */
  caughtUp: boolean;
  /** Bumped by seek (and reset): results fetched before it are stale. */
  epoch: number;
  /** A failure that stops this partition until the next seek. */
  failed: boolean;
  retryAtMs: number;
  errorCount: number;
  highWatermark: number;
  logStartOffset: number;
}

export interface Chunk {
  readonly state: PartitionState;
  readonly epoch: number;
  /** Batches may start before the fetch offset (a batch is served whole): records before it are skipped. */
  readonly fromOffset: number;
  readonly batches: Uint8Array[];
  readonly bytes: number;
  readonly highWatermark: number;
  /** Decoded lazily, when the application reaches the chunk. */
  records?: ConsumerRecord[];
  /** Set with records when a batch of the chunk cannot be decoded: surfaced once the records before it are out. */
  failure?: CorruptBatchError;
  /** Index of the next record to deliver. */
  next: number;
  /** Set instead of batches: an error to surface in order, e.g. OFFSET_OUT_OF_RANGE with policy 'error'. */
  readonly error?: unknown;
}

export function partitionKey(topic: string, partition: number): string {
  return `${partition}\u0000${topic}`;
}

/**
 * Decodes a chunk's batches in offset order up to the first one that cannot be decoded: the records before it, and
 * the failure naming it. Nothing from that batch or after it is returned.
 */
export function decodeChunk(chunk: Chunk): { records: ConsumerRecord[]; failure?: CorruptBatchError } {
  const { topic, partition } = chunk.state;
  const records: ConsumerRecord[] = [];
  let expectedOffset = chunk.fromOffset;
  for (const bytes of chunk.batches) {
    try {
      const header = forEachRecord(bytes, (r) => {
        if (r.offset >= chunk.fromOffset) records.push(new ConsumerRecord(topic, partition, r.offset, r.timestampMs, r.key, r.value, r.headers));
      });
      expectedOffset = header.baseOffset + header.recordCount;
    } catch (error) {
      const corrupt = error instanceof CorruptRecordBatchError ? error : undefined;
      const reason = corrupt?.reason ?? (error as Error).message;
      return { records, failure: new CorruptBatchError({ topic, partition }, corrupt?.baseOffset ?? expectedOffset, reason) };
    }
  }
  return { records };
}

export class FetchBuffer {
  private chunks: Chunk[] = [];
  bufferedBytes = 0;
  private waiters: (() => void)[] = [];

  constructor(readonly maxBufferedBytes: number) {}

  get hasRoom(): boolean {
    return this.bufferedBytes < this.maxBufferedBytes;
  }

  push(chunk: Chunk): void {
    this.chunks.push(chunk);
    this.bufferedBytes += chunk.bytes;
    this.wake();
  }

  /** Puts a partly delivered chunk back at the front (its partition was paused mid-chunk, or the loop broke). */
  unshift(chunk: Chunk): void {
    this.chunks.unshift(chunk);
    this.bufferedBytes += chunk.bytes;
  }

  /** Takes the first deliverable chunk: not paused, not stale. Stale chunks are dropped on the way. */
  take(): Chunk | undefined {
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i];
      if (chunk.epoch !== chunk.state.epoch) {
        this.chunks.splice(i--, 1);
        this.bufferedBytes -= chunk.bytes;
        continue;
      }
      if (chunk.state.paused) continue;
      this.chunks.splice(i, 1);
      this.bufferedBytes -= chunk.bytes;
      return chunk;
    }
    return undefined;
  }

  /** Drops every chunk of one partition (seek, unassign). */
  drop(state: PartitionState): void {
    this.chunks = this.chunks.filter((c) => {
      if (c.state !== state) return true;
      this.bufferedBytes -= c.bytes;
      return false;
    });
  }

  /** Resolves when something may have become deliverable: new data, a resume, a seek, or close. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
