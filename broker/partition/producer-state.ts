// Idempotent-producer state of one partition (KIP-98): for each producer id, its epoch and the last few batches it
// wrote, so that the leader can answer a retried batch with the offset it was first written at and refuse a gap.
// Pure: no I/O, no clock. Time is the append time the leader stamped into each batch, so every replica that applies
// the same log holds the same table.
//
// How the partition wires it in (one table per partition, on every replica):
//
//  1. LEADER, before proposing a producer batch (after the header and CRC checks):
//       const decision = table.check(header);
//       'append'    → assign offsets and stamp as usual, propose the entry, then table.addPending(header, baseOffset).
//                     addPending must happen in the same turn as the check, before the next batch is checked, so
//                     that two in-flight batches of one producer are ordered (and a retry of either is recognised).
//       'duplicate' → do NOT propose. Answer error NONE with decision.baseOffset (the ORIGINAL base offset), so the
//                     SDK resolves the send as a success. If decision.pending is true the original is still in
//                     flight through Raft: answer only once it is committed (high watermark > baseOffset) — answer
//                     as the original's own request would be answered, including NOT_LEADER if it is lost.
//       'error'     → answer decision.code / decision.message for that partition (OUT_OF_ORDER_SEQUENCE,
//                     PRODUCER_FENCED, DUPLICATE_SEQUENCE, INVALID_REQUEST); nothing is proposed.
//
//  2. EVERY REPLICA (leader included), when a batch entry is APPLIED (committed, in log order):
//       table.apply(readBatchHeader(entry.data))   — the stored header, which carries base offset and append time.
//     Call it for every batch entry, idempotent or not: non-idempotent batches only advance the expiry clock.
//     apply() also retires the matching pending entry on the leader.
//
//  3. LEADERSHIP: on losing leadership (or whenever uncommitted proposals are dropped) call table.clearPending().
//     On becoming leader, call table.addPending(header, header.baseOffset) for every batch entry in the log after
//     the last applied index, in log order: Raft commits all of a leader's own log, so those batches will be
//     written, and a retry of one of them must be recognised as a duplicate rather than written twice.
//
//  4. SNAPSHOTS: table.snapshot() goes into the partition's Raft snapshot at the applied index it was taken at;
//     table.restore(bytes) when installing one. After a restart, restore the latest snapshot and re-apply the log
//     entries after it (step 2); nothing else needs storing. Retention may delete batches freely: the table is not
//     rebuilt from them. Partitions have no Raft snapshots of their own yet, so the leader also proposes the
//     table into the log now and then (producer-state-checkpoint.ts): a restart replays from the latest one.
//
// Rules, as Kafka's ProducerStateManager:
//  - producer id 0 is not idempotent: always appended, nothing recorded.
//  - an unknown producer (never seen, or expired) is accepted at any sequence (Kafka after KIP-360), so a producer
//    idle for longer than producerExpiryMs keeps working.
//  - an older epoch than the latest seen is fenced (PRODUCER_FENCED); a newer epoch must start at sequence 0.
//  - same epoch: a batch whose (base, last) sequence equals one of the last `batchWindow` batches (or of a pending
//    one) is a duplicate; one that starts right after the last sequence is appended; one that lies wholly or partly
//    at or before the last sequence but matches no retained batch is DUPLICATE_SEQUENCE (its offset is no longer
//    known); anything else is a gap, OUT_OF_ORDER_SEQUENCE.
//  - sequences wrap from 2^31-1 to 0.
// Producers are expired once idle longer than producerExpiryMs, measured on the table's clock: the latest append
// time applied. A leader whose wall clock runs ahead moves that clock forward for everyone; it never moves back.
import { ErrorCode, incrementSequence, MAX_SEQUENCE, type BatchHeader } from '../../client/protocol';

/** The header fields a check needs. */
export type ProducerBatchHeader = Pick<BatchHeader, 'producerId' | 'producerEpoch' | 'baseSequence' | 'recordCount'>;
/** The header fields apply needs: a stored batch's, stamped with its offset and append time. */
export type AppliedBatchHeader = ProducerBatchHeader & Pick<BatchHeader, 'baseOffset' | 'appendTimeMs'>;

export type ProducerCheck =
  | { kind: 'append' }
  /** pending: the original is proposed but not yet committed. */
  | { kind: 'duplicate'; baseOffset: number; pending: boolean }
  | { kind: 'error'; code: ErrorCode; message: string };

export interface ProducerStateOptions {
  /** Batches remembered per producer for de-duplication: a client may have this many in flight. Default 5. */
  batchWindow?: number;
  /** A producer idle longer than this (by batch append times) is forgotten. Default one day, as Kafka. */
  producerExpiryMs?: number;
}

export const DEFAULT_BATCH_WINDOW = 5;
export const DEFAULT_PRODUCER_EXPIRY_MS = 24 * 60 * 60 * 1000;
const SNAPSHOT_VERSION = 1;
const SNAPSHOT_HEADER_BYTES = 1 + 8 + 4;
const PRODUCER_BYTES = 8 + 4 + 8 + 1;
const BATCH_BYTES = 4 + 4 + 8;

interface BatchRecord {
  baseSequence: number;
  lastSequence: number;
  baseOffset: number;
}

interface ProducerEntry {
  epoch: number;
  /** Oldest first, at most batchWindow. */
  batches: BatchRecord[];
  /** The table's clock when this producer last wrote. */
  lastSeenMs: number;
}

interface PendingBatch extends BatchRecord {
  epoch: number;
}

const APPEND: ProducerCheck = { kind: 'append' };

export function lastSequenceOf(header: Pick<ProducerBatchHeader, 'baseSequence' | 'recordCount'>): number {
  return incrementSequence(header.baseSequence, header.recordCount - 1);
}

/** How far `later` is ahead of `earlier` on the wrapping sequence circle, in [0, 2^31). */
function sequenceDistance(earlier: number, later: number): number {
  return (later - earlier + MAX_SEQUENCE + 1) % (MAX_SEQUENCE + 1);
}

export class ProducerStateTable {
  readonly batchWindow: number;
  readonly producerExpiryMs: number;
  /** Insertion order is last-write order (an entry is re-inserted on every write), so expiry pops from the front. */
  private producers = new Map<number, ProducerEntry>();
  /** Leader only: batches checked and proposed but not yet applied, in log order. */
  private readonly pending = new Map<number, PendingBatch[]>();
  private clockMs = 0;

  constructor(options: ProducerStateOptions = {}) {
    this.batchWindow = options.batchWindow ?? DEFAULT_BATCH_WINDOW;
    this.producerExpiryMs = options.producerExpiryMs ?? DEFAULT_PRODUCER_EXPIRY_MS;
    if (!Number.isInteger(this.batchWindow) || this.batchWindow < 1 || this.batchWindow > 255) {
      throw new RangeError(`batchWindow must be an integer in 1..255, got ${this.batchWindow}`);
    }
    if (!(this.producerExpiryMs > 0)) throw new RangeError(`producerExpiryMs must be > 0, got ${this.producerExpiryMs}`);
  }

  /** Producers remembered (applied state). */
  get size(): number {
    return this.producers.size;
  }

  /** Batches added with addPending and not yet applied. */
  get pendingCount(): number {
    let n = 0;
    for (const list of this.pending.values()) n += list.length;
    return n;
  }

  /** The latest append time applied: the clock expiry runs on. */
  get nowMs(): number {
    return this.clockMs;
  }

  /** Whether the leader may append this batch, against applied state and the pending batches ahead of it. */
  check(header: ProducerBatchHeader): ProducerCheck {
    const id = header.producerId;
    if (id === 0) return APPEND;
    if (header.baseSequence < 0 || header.baseSequence > MAX_SEQUENCE) {
      return invalid(ErrorCode.INVALID_REQUEST, `batch of producer ${id} has no valid sequence (${header.baseSequence})`);
    }
    const applied = this.producers.get(id);
    const pending = this.pending.get(id);
    const latestPending = pending?.[pending.length - 1];
    const epoch = latestPending?.epoch ?? applied?.epoch;
    if (epoch === undefined) return APPEND;
    if (header.producerEpoch < epoch) {
      return invalid(ErrorCode.PRODUCER_FENCED, `producer ${id} epoch ${header.producerEpoch} is fenced by epoch ${epoch}`);
    }
    const lastSequence = lastSequenceOf(header);
    if (pending) {
      for (const p of pending) {
        if (p.epoch === header.producerEpoch && p.baseSequence === header.baseSequence && p.lastSequence === lastSequence) {
          return { kind: 'duplicate', baseOffset: p.baseOffset, pending: true };
        }
      }
    }
    if (applied && applied.epoch === header.producerEpoch) {
      for (const b of applied.batches) {
        if (b.baseSequence === header.baseSequence && b.lastSequence === lastSequence) {
          return { kind: 'duplicate', baseOffset: b.baseOffset, pending: false };
        }
      }
    }
    if (header.producerEpoch > epoch) {
      if (header.baseSequence === 0) return APPEND;
      return invalid(ErrorCode.OUT_OF_ORDER_SEQUENCE,
        `producer ${id} epoch ${header.producerEpoch} is new here and must start at sequence 0, not ${header.baseSequence}`);
    }
    const latest = latestPending ?? applied!.batches[applied!.batches.length - 1];
    if (!latest) return APPEND;
    if (header.baseSequence === incrementSequence(latest.lastSequence, 1)) return APPEND;
    // Half the circle behind the last sequence counts as "already written": a client never has 2^30 in flight.
    if (sequenceDistance(header.baseSequence, latest.lastSequence) < 2 ** 30) {
      return invalid(ErrorCode.DUPLICATE_SEQUENCE,
        `producer ${id} sequences ${header.baseSequence}..${lastSequence} were already written (last ${latest.lastSequence}) ` +
        `but match none of the last ${this.batchWindow} batches`);
    }
    return invalid(ErrorCode.OUT_OF_ORDER_SEQUENCE,
      `producer ${id} sent sequence ${header.baseSequence}, expected ${incrementSequence(latest.lastSequence, 1)}`);
  }

  /** Leader: records a batch that check() accepted and that has now been proposed at baseOffset. */
  addPending(header: ProducerBatchHeader, baseOffset: number): void {
    if (header.producerId === 0 || header.baseSequence < 0) return;
    const entry: PendingBatch = {
      epoch: header.producerEpoch, baseSequence: header.baseSequence, lastSequence: lastSequenceOf(header), baseOffset,
    };
    const list = this.pending.get(header.producerId);
    if (list) list.push(entry);
    else this.pending.set(header.producerId, [entry]);
  }

  /** Leader: forgets every pending batch (leadership lost, uncommitted proposals dropped). */
  clearPending(): void {
    this.pending.clear();
  }

  /** Every replica, for every committed batch entry in log order. Never refuses: the log is the truth. */
  apply(header: AppliedBatchHeader): void {
    if (header.appendTimeMs > this.clockMs) this.clockMs = header.appendTimeMs;
    const id = header.producerId;
    if (id !== 0 && header.baseSequence >= 0) {
      this.retirePending(id, header.producerEpoch, header.baseSequence);
      this.record(id, header);
    }
    this.expire();
  }

  private retirePending(id: number, epoch: number, baseSequence: number): void {
    const list = this.pending.get(id);
    if (!list) return;
    const at = list.findIndex((p) => p.epoch === epoch && p.baseSequence === baseSequence);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.pending.delete(id);
  }

  private record(id: number, header: AppliedBatchHeader): void {
    let entry = this.producers.get(id);
    // A stale epoch cannot pass the leader's check; should one be in the log anyway, it changes nothing.
    if (entry && header.producerEpoch < entry.epoch) return;
    if (!entry || header.producerEpoch > entry.epoch) entry = { epoch: header.producerEpoch, batches: [], lastSeenMs: 0 };
    const lastSequence = lastSequenceOf(header);
    if (!entry.batches.some((b) => b.baseSequence === header.baseSequence && b.lastSequence === lastSequence)) {
      entry.batches.push({ baseSequence: header.baseSequence, lastSequence, baseOffset: header.baseOffset });
      if (entry.batches.length > this.batchWindow) entry.batches.shift();
    }
    entry.lastSeenMs = this.clockMs;
    this.producers.delete(id);
    this.producers.set(id, entry);
  }

  private expire(): void {
    const horizon = this.clockMs - this.producerExpiryMs;
    for (const [id, entry] of this.producers) {
      if (entry.lastSeenMs >= horizon) break;
      this.producers.delete(id);
    }
  }

  /**
   * The applied state (not the pending overlay), for a Raft snapshot. Little-endian: version u8, clock u64,
   * producer count u32; per producer in last-write order: id u64, epoch u32, lastSeenMs u64, batch count u8; per
   * batch: base sequence i32, last sequence i32, base offset u64.
   */
  snapshot(): Uint8Array {
    let size = SNAPSHOT_HEADER_BYTES;
    for (const entry of this.producers.values()) size += PRODUCER_BYTES + entry.batches.length * BATCH_BYTES;
    const out = new Uint8Array(size);
    const dv = new DataView(out.buffer);
    dv.setUint8(0, SNAPSHOT_VERSION);
    setU64(dv, 1, this.clockMs);
    dv.setUint32(9, this.producers.size, true);
    let at = SNAPSHOT_HEADER_BYTES;
    for (const [id, entry] of this.producers) {
      setU64(dv, at, id);
      dv.setUint32(at + 8, entry.epoch, true);
      setU64(dv, at + 12, entry.lastSeenMs);
      dv.setUint8(at + 20, entry.batches.length);
      at += PRODUCER_BYTES;
      for (const b of entry.batches) {
        dv.setInt32(at, b.baseSequence, true);
        dv.setInt32(at + 4, b.lastSequence, true);
        setU64(dv, at + 8, b.baseOffset);
        at += BATCH_BYTES;
      }
    }
    return out;
  }

  /** Replaces the applied state with a snapshot's and drops the pending overlay. Throws on malformed bytes. */
  restore(bytes: Uint8Array): void {
    const parsed = parseSnapshot(bytes, this.batchWindow);
    if (typeof parsed === 'string') throw new Error(`producer state snapshot is malformed: ${parsed}`);
    this.producers = parsed.producers;
    this.clockMs = parsed.clockMs;
    this.pending.clear();
  }
}

/** Why `bytes` is not a producer state snapshot that restore() takes, or undefined. Reads, builds nothing kept. */
export function producerStateProblem(bytes: Uint8Array): string | undefined {
  const parsed = parseSnapshot(bytes, DEFAULT_BATCH_WINDOW);
  return typeof parsed === 'string' ? `producer state snapshot is malformed: ${parsed}` : undefined;
}

function parseSnapshot(bytes: Uint8Array, batchWindow: number): { producers: Map<number, ProducerEntry>; clockMs: number } | string {
  if (bytes.length < SNAPSHOT_HEADER_BYTES) return `${bytes.length} bytes is shorter than its header`;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint8(0) !== SNAPSHOT_VERSION) return `unknown version ${dv.getUint8(0)}`;
  const clockMs = getU64(dv, 1);
  const count = dv.getUint32(9, true);
  const producers = new Map<number, ProducerEntry>();
  let at = SNAPSHOT_HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (at + PRODUCER_BYTES > bytes.length) return `producer ${i} of ${count} is cut off`;
    const id = getU64(dv, at);
    const entry: ProducerEntry = { epoch: dv.getUint32(at + 8, true), batches: [], lastSeenMs: getU64(dv, at + 12) };
    const batches = dv.getUint8(at + 20);
    at += PRODUCER_BYTES;
    if (at + batches * BATCH_BYTES > bytes.length) return `batches of producer ${id} are cut off`;
    for (let j = 0; j < batches; j++) {
      entry.batches.push({ baseSequence: dv.getInt32(at, true), lastSequence: dv.getInt32(at + 4, true), baseOffset: getU64(dv, at + 8) });
      at += BATCH_BYTES;
    }
    // A snapshot from a table with a larger window keeps the newest batches this one can hold.
    if (entry.batches.length > batchWindow) entry.batches.splice(0, entry.batches.length - batchWindow);
    producers.set(id, entry);
  }
  if (at !== bytes.length) return `${bytes.length - at} trailing bytes`;
  return { producers, clockMs };
}

function invalid(code: ErrorCode, message: string): ProducerCheck {
  return { kind: 'error', code, message };
}

function getU64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x1_0000_0000;
}

function setU64(dv: DataView, at: number, value: number): void {
  dv.setUint32(at, value % 0x1_0000_0000, true);
  dv.setUint32(at + 4, Math.floor(value / 0x1_0000_0000), true);
}
