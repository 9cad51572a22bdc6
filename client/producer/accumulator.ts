// The record accumulator: records gather per partition into batches, which become ready to send when full
// (batchBytes), old enough (lingerMs), flushed, or behind a newer batch. Batches of one partition leave strictly
// in order; the producer decides how many of a partition may be in flight (one, or up to five when idempotent). A
// retried batch goes back into its queue ahead of every batch sent after it, so retries never reorder a partition.
import { encodeRecordBatch, NO_SEQUENCE, RECORD_BATCH_LAYOUT, RecordInput, type ProducerStamp } from '../protocol';
import type { Acks } from './types';

/** Where one record's result goes: the send() call that appended it, and its index in that call. */
export interface PendingSend {
  readonly results: { topic: string; partition: number; offset: number; timestampMs: number }[];
  remaining: number;
  failed: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

/** Fixed per-batch bytes (header, length prefix) and a per-record allowance for protobuf tags and varints. */
export const BATCH_OVERHEAD_BYTES = 80;
export const RECORD_OVERHEAD_BYTES = 24;

const NO_PRODUCER_STAMP: ProducerStamp = { producerId: 0, producerEpoch: 0, baseSequence: NO_SEQUENCE };

export function estimateRecordBytes(record: RecordInput): number {
  let size = RECORD_OVERHEAD_BYTES + (record.key?.length ?? 0) + (record.value?.length ?? 0);
  if (record.headers) for (const h of record.headers) size += 8 + h.key.length * 3 + h.value.length;
  return size;
}

export class ProducerBatch {
  readonly records: RecordInput[] = [];
  readonly sends: PendingSend[] = [];
  readonly indexes: number[] = [];
  sizeBytes = BATCH_OVERHEAD_BYTES;
  /** Set when the batch is first drained: after that the records are fixed and retries resend these bytes. */
  encoded: Uint8Array | undefined;
  /** Stamped with the encoding (NO_SEQUENCE unless idempotent). */
  baseSequence = NO_SEQUENCE;
  /** Position in the order batches were first sent: a retry is requeued by it. */
  sendOrder = 0;
  inFlight = false;
  attempts = 0;
  retryAtMs = 0;
  /** Some attempt may have reached the broker (timeout, connection lost after writing). */
  maybePersisted = false;
  lastError: unknown;
  flush = false;
  readonly done: Promise<void>;
  private resolveDone!: () => void;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly acks: Acks,
    readonly createdAtMs: number,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get recordCount(): number {
    return this.records.length;
  }

  encode(nowMs: number, stamp: ProducerStamp): Uint8Array {
    this.encoded = encodeRecordBatch(this.records, stamp, nowMs);
    this.baseSequence = stamp.baseSequence;
    return this.encoded;
  }

  /** Gives a batch that was certainly never written other sequence numbers (the CRC does not cover them). */
  restampSequence(baseSequence: number): void {
    const bytes = this.encoded!;
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setInt32(RECORD_BATCH_LAYOUT.baseSequence, baseSequence, true);
    this.baseSequence = baseSequence;
  }

  /** Hands each record its offset (offsets of one batch are consecutive) and settles the batch. */
  complete(baseOffset: number, appendTimeMs: number): void {
    for (let i = 0; i < this.sends.length; i++) {
      const send = this.sends[i];
      if (send.failed) continue;
      send.results[this.indexes[i]] = {
        topic: this.topic,
        partition: this.partition,
        offset: baseOffset < 0 ? -1 : baseOffset + i,
        timestampMs: appendTimeMs > 0 ? appendTimeMs : (this.records[i].timestampMs ?? -1),
      };
      if (--send.remaining === 0) send.resolve();
    }
    this.resolveDone();
  }

  fail(error: unknown): void {
    for (const send of this.sends) {
      if (send.failed) continue;
      send.failed = true;
      send.reject(error);
    }
    this.resolveDone();
  }
}

export interface AccumulatorOptions {
  lingerMs: number;
  batchBytes: number;
}

export interface DrainContext {
  nowMs: number;
  /** The partition may not send now (its in-flight window is full, or the producer has no id yet). */
  isMuted(topic: string, partition: number): boolean;
  /** Producer id and sequence for a batch about to be sent for the first time; none: not idempotent. */
  stamp?(batch: ProducerBatch): ProducerStamp;
  /** The leader to send to, or -1 if unknown (the batch waits for metadata). */
  leaderOf(topic: string, partition: number): number;
  /** How many more bytes of batches this broker can take now (0 when it has no free request slot). */
  capacityBytes(leaderId: number): number;
}

export interface DrainResult {
  /** Ready batches by leader id, each partition at most once, in queue order. */
  byLeader: Map<number, ProducerBatch[]>;
  /** Some ready batch has no known leader: metadata needs a refresh. */
  missingLeader: boolean;
}

function queueKey(topic: string, partition: number): string {
  return `${partition}\u0000${topic}`;
}

export class RecordAccumulator {
  private readonly queues = new Map<string, ProducerBatch[]>();
  private sent = 0;
  bufferedBytes = 0;

  constructor(private readonly options: AccumulatorOptions) {}

  get isEmpty(): boolean {
    return this.queues.size === 0;
  }

  /**
   * Appends one record. `full` says a batch is ready by size: this one reached batchBytes, or the record did not
   * fit and closed the batch before it (which is then worth sending at once, without waiting out the linger).
   */
  append(topic: string, partition: number, acks: Acks, record: RecordInput, send: PendingSend, index: number, nowMs: number): { batch: ProducerBatch; full: boolean } {
    const key = queueKey(topic, partition);
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = []));
    const size = estimateRecordBytes(record);
    let batch = queue[queue.length - 1];
    let closedPrevious = false;
    if (!batch || batch.encoded || batch.acks !== acks || batch.sizeBytes + size > this.options.batchBytes) {
      closedPrevious = batch !== undefined;
      batch = new ProducerBatch(topic, partition, acks, nowMs);
      queue.push(batch);
    }
    batch.records.push(record);
    batch.sends.push(send);
    batch.indexes.push(index);
    batch.sizeBytes += size;
    this.bufferedBytes += size;
    return { batch, full: closedPrevious || batch.sizeBytes >= this.options.batchBytes };
  }

  /** Takes the ready head batch of every unmuted partition whose leader has capacity, grouped by leader. */
  drain(ctx: DrainContext): DrainResult {
    const byLeader = new Map<number, ProducerBatch[]>();
    const usedBytes = new Map<number, number>();
    let missingLeader = false;
    for (const [key, queue] of this.queues) {
      const head = queue[0];
      if (ctx.isMuted(head.topic, head.partition) || !this.isReady(head, queue.length, ctx.nowMs)) continue;
      const leader = ctx.leaderOf(head.topic, head.partition);
      if (leader < 0) {
        missingLeader = true;
        continue;
      }
      const used = usedBytes.get(leader) ?? 0;
      const bytes = head.encoded?.length ?? head.sizeBytes;
      // A broker always takes at least one batch when it has a slot, however large that batch is.
      const capacity = ctx.capacityBytes(leader);
      if (capacity <= 0 || (used > 0 && used + bytes > capacity)) continue;
      usedBytes.set(leader, used + bytes);
      if (!head.encoded) {
        head.sendOrder = ++this.sent;
        head.encode(ctx.nowMs, ctx.stamp?.(head) ?? NO_PRODUCER_STAMP);
      }
      queue.shift();
      if (queue.length === 0) this.queues.delete(key);
      let list = byLeader.get(leader);
      if (!list) byLeader.set(leader, (list = []));
      list.push(head);
    }
    return { byLeader, missingLeader };
  }

  /** Puts a batch back in its partition's queue, ahead of every batch first sent after it and of unsent ones. */
  reenqueue(batch: ProducerBatch): void {
    const key = queueKey(batch.topic, batch.partition);
    const queue = this.queues.get(key);
    if (!queue) {
      this.queues.set(key, [batch]);
      return;
    }
    let at = 0;
    while (at < queue.length && queue[at].encoded && queue[at].sendOrder < batch.sendOrder) at++;
    queue.splice(at, 0, batch);
  }

  /** Removes and returns queued batches older than the delivery timeout (never in-flight ones: those are not queued). */
  expire(nowMs: number, deliveryTimeoutMs: number): ProducerBatch[] {
    const expired: ProducerBatch[] = [];
    for (const [key, queue] of this.queues) {
      while (queue.length > 0 && nowMs - queue[0].createdAtMs >= deliveryTimeoutMs) expired.push(queue.shift()!);
      if (queue.length === 0) this.queues.delete(key);
    }
    return expired;
  }

  /** Marks every queued batch ready regardless of linger; returns them so a flush can wait for them. */
  flushAll(): ProducerBatch[] {
    const batches: ProducerBatch[] = [];
    for (const queue of this.queues.values()) {
      for (const batch of queue) {
        batch.flush = true;
        batches.push(batch);
      }
    }
    return batches;
  }

  /** Removes every queued batch (closing without a flush). */
  takeAll(): ProducerBatch[] {
    const all = [...this.queues.values()].flat();
    this.queues.clear();
    return all;
  }

  release(batch: ProducerBatch): void {
    this.bufferedBytes -= batch.sizeBytes - BATCH_OVERHEAD_BYTES;
  }

  /**
   * The next time something queued needs the sender without any other event to trigger it: a linger or retry
   * backoff running out after `nowMs`, or the oldest batch reaching its delivery timeout. Batches ready now but
   * blocked (muted, no leader, no free request slot) are woken by the completion that unblocks them instead.
   */
  nextWakeAtMs(nowMs: number, deliveryTimeoutMs: number, isMuted: (topic: string, partition: number) => boolean): number | undefined {
    let next: number | undefined;
    for (const queue of this.queues.values()) {
      const head = queue[0];
      const expiresAt = head.createdAtMs + deliveryTimeoutMs;
      if (next === undefined || expiresAt < next) next = expiresAt;
      if (isMuted(head.topic, head.partition)) continue;
      const lingerEnds = queue.length > 1 || head.flush || head.encoded ? 0 : head.createdAtMs + this.options.lingerMs;
      const readyAt = Math.max(head.retryAtMs, lingerEnds);
      if (readyAt > nowMs && readyAt < next) next = readyAt;
    }
    return next;
  }

  private isReady(head: ProducerBatch, queueLength: number, nowMs: number): boolean {
    if (head.retryAtMs > nowMs) return false;
    return (
      head.encoded !== undefined ||
      queueLength > 1 ||
      head.flush ||
      head.sizeBytes >= this.options.batchBytes ||
      nowMs - head.createdAtMs >= this.options.lingerMs
    );
  }
}
