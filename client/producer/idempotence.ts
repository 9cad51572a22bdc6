// The idempotent producer's bookkeeping (KIP-98, as Kafka's TransactionManager and librdkafka's idempotence state):
// the producer id of this session, and per partition the next sequence number, the batches sent but not yet
// acknowledged (in sequence order) and how many are in flight. Pure state: the Producer does the I/O and asks here
// what each outcome means.
//
// What it guarantees, per producer instance (one session of one Producer object): each batch gets its sequence
// numbers once, when it is first sent, and every retry resends the same bytes; the partition leader writes a
// sequence at most once and answers a retry of a written batch with the offset it was first written at. So a retry
// after a lost acknowledgement never writes a record twice, and batches of a partition are written in send order even
// with up to 5 in flight. It does not cover a new Producer (or a restarted process) resending what an earlier one
// may have written — that has a new producer id — nor atomic writes across partitions (no transactions). There is
// no epoch bump (KIP-360) yet: if a batch fails for good while later batches of its partition may have been written,
// the sequence cannot be repaired and the producer stops with a fatal error. The broker's half is the partition's
// ProducerStateTable (broker/partition/producer-state.ts): until a partition leader checks batches against it, a
// broker stores stamped batches like any others.
import { incrementSequence, type ProducerStamp } from '../protocol';
import type { ProducerBatch } from './accumulator';

/** Kafka's bound: brokers remember the last 5 batches of each producer, so at most 5 may be in flight. */
export const MAX_IDEMPOTENT_IN_FLIGHT = 5;

export interface ProducerIdentity {
  producerId: number;
  producerEpoch: number;
  /** Proves the id is this producer's: sent with every produce request, never shown to anyone else. */
  producerToken: Uint8Array;
}

interface PartitionSequence {
  nextSequence: number;
  /** Sent at least once, not yet settled, in sequence order. */
  unacked: ProducerBatch[];
  inFlight: number;
  /** Some batch of this session was acknowledged here: the broker knows this producer, so pipelining is safe. */
  acked: boolean;
  /** A batch that failed for good but may have been written: its sequences, until the broker shows which. */
  uncertain: { baseSequence: number; nextSequence: number } | undefined;
}

/** What the producer does with a batch the broker refused with OUT_OF_ORDER_SEQUENCE. */
export type OutOfOrderVerdict = 'retry' | 'fatal';

export function partitionKey(topic: string, partition: number): string {
  return `${partition}\u0000${topic}`;
}

export class IdempotenceState {
  identity: ProducerIdentity | undefined;
  private readonly partitions = new Map<string, PartitionSequence>();

  constructor(private readonly maxInFlight: number) {}

  private of(batch: { topic: string; partition: number }): PartitionSequence {
    const key = partitionKey(batch.topic, batch.partition);
    let state = this.partitions.get(key);
    if (!state) this.partitions.set(key, (state = { nextSequence: 0, unacked: [], inFlight: 0, acked: false, uncertain: undefined }));
    return state;
  }

  /**
   * Whether another batch of the partition may go out now. One at a time until the partition has acknowledged a
   * batch of this session (a leader that does not know the producer accepts any sequence, so a second batch could
   * land before a refused first one) and while an earlier batch is being retried (so the retry goes first).
   */
  canSend(topic: string, partition: number): boolean {
    if (!this.identity) return false;
    const state = this.partitions.get(partitionKey(topic, partition));
    if (!state) return true;
    const pipelined = state.acked && !state.unacked.some((b) => b.lastError !== undefined);
    return state.inFlight < (pipelined ? this.maxInFlight : 1);
  }

  /** The stamp for a batch sent for the first time: its sequence numbers are taken now, once. */
  stamp(batch: ProducerBatch): ProducerStamp {
    const identity = this.identity!;
    const state = this.of(batch);
    const baseSequence = state.nextSequence;
    state.nextSequence = incrementSequence(baseSequence, batch.recordCount);
    state.unacked.push(batch);
    return { producerId: identity.producerId, producerEpoch: identity.producerEpoch, baseSequence };
  }

  onSent(batch: ProducerBatch): void {
    this.of(batch).inFlight++;
    batch.inFlight = true;
  }

  /** An attempt settled, whatever its outcome. */
  onAttemptSettled(batch: ProducerBatch): void {
    this.of(batch).inFlight--;
    batch.inFlight = false;
  }

  /** The broker wrote the batch (or had written it: a duplicate). */
  onAcked(batch: ProducerBatch): void {
    const state = this.of(batch);
    remove(state.unacked, batch);
    state.acked = true;
    state.uncertain = undefined;
  }

  /**
   * OUT_OF_ORDER_SEQUENCE is expected for a batch behind one that is being retried (the broker had not written the
   * earlier one yet): retry it after that one. For the oldest unacknowledged batch right after one that failed for
   * good but may have been written, it says that one was not written: this batch and those after it take its
   * sequences over (when none of them can have been written) and go again. Otherwise it means the broker lost or
   * never had sequences it acknowledged, which no retry repairs.
   */
  outOfOrder(batch: ProducerBatch): OutOfOrderVerdict {
    const state = this.of(batch);
    const at = state.unacked.indexOf(batch);
    if (at > 0) return 'retry';
    const uncertain = state.uncertain;
    if (at < 0 || !uncertain || batch.baseSequence !== uncertain.nextSequence) return 'fatal';
    const later = state.unacked.slice(1);
    if (later.some((b) => b.maybePersisted || b.inFlight)) return 'fatal';
    state.uncertain = undefined;
    this.resequence(state, state.unacked, uncertain.baseSequence);
    return 'retry';
  }

  /**
   * A stamped batch failed for good, leaving a hole in its partition's sequences that the broker will never see
   * filled. If it may have been written, its sequences may be taken and the batches after it keep theirs (until
   * the broker says otherwise: see outOfOrder). If it was
   * certainly not written, the later batches take its sequences over (restamped in place: none of them can have been
   * written either, as the broker refuses a gap). Returns false when neither is safe — a later batch is in flight or
   * may have been written — which leaves the producer unable to continue in order.
   */
  onFailed(batch: ProducerBatch): boolean {
    const state = this.of(batch);
    const at = state.unacked.indexOf(batch);
    if (at < 0) return true;
    state.unacked.splice(at, 1);
    if (batch.maybePersisted) {
      state.uncertain = { baseSequence: batch.baseSequence, nextSequence: incrementSequence(batch.baseSequence, batch.recordCount) };
      return true;
    }
    const later = state.unacked.slice(at);
    if (later.some((b) => b.maybePersisted || b.inFlight)) return false;
    this.resequence(state, later, batch.baseSequence);
    return true;
  }

  /** Restamps batches that were certainly never written with consecutive sequences from `from`. */
  private resequence(state: PartitionSequence, batches: ProducerBatch[], from: number): void {
    let sequence = from;
    for (const b of batches) {
      b.restampSequence(sequence);
      sequence = incrementSequence(sequence, b.recordCount);
    }
    state.nextSequence = sequence;
  }
}

function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
