// The consumer's public types.
import type { ConsumerRecord, RecordBatch } from './record';

/** Where an assigned partition starts: named for what it does, with no group or committed offset involved. */
export type StartPosition = 'earliest' | 'latest' | { offset: number } | { timestampMs: number };

/** What to do when the position falls outside the log (retention removed it, or it is past the end). */
export type OffsetResetPolicy = 'earliest' | 'latest' | 'error';

export interface ConsumerOptions {
  /** Start position for assignments that name none. Default 'latest'. */
  start?: StartPosition;
  offsetReset?: OffsetResetPolicy;
  /** Long poll: how long a broker holds a fetch waiting for minBytes. Default 500. */
  maxWaitMs?: number;
  minBytes?: number;
  /** Bound on one fetch response. Default 8 MiB. */
  maxBytes?: number;
  /** Bound per partition in one fetch. Default 1 MiB. */
  maxPartitionBytes?: number;
  /** Fetched but not yet consumed bytes; fetching pauses above it (backpressure). Default 16 MiB. */
  maxBufferedBytes?: number;
}

export interface TopicPartitionAssignment {
  topic: string;
  /** All partitions of the topic when omitted. */
  partition?: number;
  start?: StartPosition;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

export type RunOptions =
  | { eachRecord: (record: ConsumerRecord) => Promise<void> | void; eachBatch?: never }
  | { eachBatch: (batch: RecordBatch) => Promise<void> | void; eachRecord?: never };

export interface ConsumerEvents {
  /** A partition's position was reset by the offset reset policy. */
  offsetReset: { topic: string; partition: number; from: number; to: number; policy: OffsetResetPolicy };
  /** A fetch failed and will be retried (transient: not leader, connection lost, ...). */
  fetchRetry: { broker: number; error: unknown };
  /** Where an assigned partition starts, once resolved. */
  started: { topic: string; partition: number; offset: number };
  /** A fetch request was answered: what it brought per partition and how far behind the consumer still is. */
  fetch: ConsumerFetchEvent;
}

export interface ConsumerFetchEvent {
  broker: number;
  /** The whole request, long poll included. */
  latencyMs: number;
  /** The partitions answered without an error. */
  partitions: Array<{
    topic: string;
    partition: number;
    records: number;
    bytes: number;
    highWatermark: number;
    /** Records between the next offset to fetch and the high watermark. */
    lag: number;
  }>;
}
