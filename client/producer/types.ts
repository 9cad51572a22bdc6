// The producer's public types.
import type { BytesLike } from '../bytes';
import type { RafterError } from '../errors';
import type { RetryPolicy } from '../retry';
import type { Partitioner } from './partitioners';

/** 'all': after the write commits on a quorum (default); 'leader': after the leader's fsync; 'none': no answer. */
export type Acks = 'all' | 'leader' | 'none';

export interface MessageHeaders {
  [key: string]: BytesLike;
}

export interface Message {
  key?: BytesLike | null;
  /** null: a tombstone. */
  value: BytesLike | null;
  headers?: MessageHeaders;
  /** Defaults to the time of send(). */
  timestampMs?: number;
  /** Overrides the partitioner. */
  partition?: number;
}

export interface ProducerRecord {
  topic: string;
  messages: readonly Message[];
  acks?: Acks;
}

/** One message with its topic: the single-message form of send(). */
export interface TopicMessage extends Message {
  topic: string;
  acks?: Acks;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** -1 with acks 'none', which gets no answer. */
  offset: number;
  /** The broker's append time when it gave one, else the record's own timestamp. */
  timestampMs: number;
}

export interface ProducerOptions {
  /**
   * Default true: the producer gets a producer id and numbers each partition's records, and partition leaders write
   * each batch once however often it is retried, in order, with up to maxInFlightRequests (at most 5) batches of a
   * partition in flight. It covers this Producer object's own retries; it does not de-duplicate across producers or
   * process restarts, and it is not transactions. Requires acks 'all'. Left unset, it turns itself off when acks is
   * 'leader' or 'none' or maxInFlightRequests is above 5; set to true with those, the producer refuses to construct.
   */
  idempotent?: boolean;
  /** Default 'all'. An idempotent producer sends with 'all' only. */
  acks?: Acks;
  /** How long a batch waits for more records before it is sent. Default 5. */
  lingerMs?: number;
  /**
   * A batch is sent once it holds this many bytes (or after lingerMs, whichever is first). Default 256 KiB.
   * Why: a partition's throughput is bounded by batchBytes × batches in flight / round trip, and a round trip waits
   * for a quorum fsync (~10-20 ms); with one batch in flight (idempotent: false) 64 KiB caps a partition near
   * 4 MB/s. Measured on one broker (`npm run bench -- --phases produce --batch-bytes B`, 1 KiB records, 4
   * partitions, fsync on, a busy 2-core machine): 64 KiB 40-48 MB/s, 256 KiB 73-85 MB/s, 1 MiB 67-70 MB/s — past
   * 256 KiB batches only grow the per-write latency and the memory a partition holds. Latency at low rates is
   * unchanged: a batch that does not fill leaves after lingerMs. 1 MiB would also sit at the broker's default
   * maxMessageBytes (1 MiB), where a batch is refused.
   */
  batchBytes?: number;
  /** Bound on the batches carried by one ProduceRequest. Default 1 MiB. */
  maxRequestBytes?: number;
  /** ProduceRequests in flight per broker, and (idempotent only) batches in flight per partition. Default 5. */
  maxInFlightRequests?: number;
  /** A record fails with RafterDeliveryTimeoutError if not acknowledged within this, retries included. Default 120000. */
  deliveryTimeoutMs?: number;
  /** Bound on bytes buffered in the producer; send() waits for room beyond it. Default 32 MiB. */
  maxBufferedBytes?: number;
  /** Backoff between retries of a failed batch (the number of retries is bounded by deliveryTimeoutMs). */
  retry?: Partial<Pick<RetryPolicy, 'initialRetryTimeMs' | 'maxRetryTimeMs'>>;
  partitioner?: Partitioner;
}

export interface ProducerBatchEvent {
  topic: string;
  partition: number;
  recordCount: number;
  bytes: number;
  baseOffset: number;
  attempts: number;
  latencyMs: number;
}

export interface ProducerEvents {
  /** A batch was acknowledged. */
  batch: ProducerBatchEvent;
  /** A batch failed an attempt and will be retried. */
  retry: { topic: string; partition: number; attempts: number; error: unknown };
  /** An idempotent producer stopped for good (see Producer.fatalError). */
  fatal: { error: RafterError };
  /** A produce request to a broker was answered, or failed (`error`). */
  request: ProducerRequestEvent;
}

export interface ProducerRequestEvent {
  broker: number;
  batches: number;
  /** Record batch bytes the request carried. */
  bytes: number;
  latencyMs: number;
  error?: unknown;
}
