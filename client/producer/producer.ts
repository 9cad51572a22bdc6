// The producer: send() picks each message's partition and appends it to the accumulator; the sender turns ready
// batches into one ProduceRequest per leader broker (bounded in flight per broker), completes each send() with
// per-message offsets, and retries retriable failures with backoff until deliveryTimeoutMs.
//
// Idempotent (the default): the producer gets a producer id from the cluster before its first batch leaves, and
// stamps every batch with (producer id, epoch, base sequence), the sequence counting records per partition. The
// partition leader writes each sequence once: a retry after a lost acknowledgement is answered with the offset of
// the first write. Up to maxInFlightRequests (at most 5) batches of a partition may be in flight; a retried batch
// is resent ahead of the batches sent after it, so order holds. What this covers and what not: see idempotence.ts.
// The id comes with a token that every produce request carries: brokers refuse batches whose id is not the token's.
// Errors that break the sequence for good (PRODUCER_FENCED, UNKNOWN_PRODUCER_ID, INVALID_PRODUCER_EPOCH,
// OUT_OF_ORDER_SEQUENCE on the oldest unacknowledged batch) are fatal: `fatalError` is set, what is queued fails
// with it, and later sends reject with it.
//
// Not idempotent (idempotent: false, or acks 'leader'/'none' without idempotent: true): a partition has one batch in
// flight, so a retry can never overtake a later batch, but a retry after an ambiguous failure (timeout, lost
// connection) may duplicate, and the final error says persisted: 'maybe'.
import { BytesLike, toBytes, toBytesOrNull } from '../bytes';
import { Clock, Rng } from '../clock';
import { Cluster } from '../cluster/cluster';
import { TopicInfo } from '../cluster/metadata';
import {
  createErrorFromCode,
  isRetriable,
  NotLeaderError,
  RafterClosedError,
  RafterDeliveryTimeoutError,
  RafterError,
  RafterInvalidArgumentError,
  RafterInvariantError,
  RafterProtocolError,
} from '../errors';
import { Emitter } from '../events';
import { ErrorCode, rafter, RecordInput } from '../protocol';
import { backoffMs, RetryPolicy } from '../retry';
import { WorkScheduler } from '../work-scheduler';
import { MetadataRefresher } from '../cluster/metadata-refresher';
import { estimateRecordBytes, PendingSend, ProducerBatch, RecordAccumulator } from './accumulator';
import { IdempotenceState, MAX_IDEMPOTENT_IN_FLIGHT, partitionKey } from './idempotence';
import { defaultPartition, Partitioner, StickyPartitioner } from './partitioners';
import { Acks, Message, ProducerEvents, ProducerOptions, ProducerRecord, RecordMetadata, TopicMessage } from './types';

/** See ProducerOptions.batchBytes for why this size. */
const DEFAULT_BATCH_BYTES = 256 * 1024;

const WIRE_ACKS: Record<Acks, rafter.Acks> = { all: rafter.Acks.ACKS_ALL, leader: rafter.Acks.ACKS_LEADER, none: rafter.Acks.ACKS_NONE };

export interface ProducerContext {
  cluster: Cluster;
  clock: Clock;
  rng: Rng;
  requestTimeoutMs: number;
  retry: RetryPolicy;
}

/** A send() not yet appended: it waits for its topic's metadata, or for room in the buffer. */
interface Admission {
  readonly topic: string;
  readonly messages: readonly Message[];
  readonly records: RecordInput[];
  readonly bytes: number;
  readonly acks: Acks;
  resolve(results: RecordMetadata[]): void;
  reject(error: unknown): void;
}

interface ResolvedOptions {
  acks: Acks;
  lingerMs: number;
  batchBytes: number;
  maxRequestBytes: number;
  maxInFlightRequests: number;
  deliveryTimeoutMs: number;
  maxBufferedBytes: number;
  retry: RetryPolicy;
  partitioner: Partitioner | undefined;
  idempotent: boolean;
}

function positive(field: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min) throw new RafterInvalidArgumentError(field, `must be a number >= ${min}, got ${value}`);
  return v;
}

function resolveOptions(options: ProducerOptions, ctx: ProducerContext): ResolvedOptions {
  const acks = options.acks ?? 'all';
  if (!(acks in WIRE_ACKS)) throw new RafterInvalidArgumentError('acks', `must be 'all', 'leader' or 'none', got ${String(acks)}`);
  const batchBytes = positive('batchBytes', options.batchBytes, DEFAULT_BATCH_BYTES, 128);
  const maxRequestBytes = positive('maxRequestBytes', options.maxRequestBytes, 1024 * 1024, 128);
  if (maxRequestBytes < batchBytes) throw new RafterInvalidArgumentError('maxRequestBytes', `must be >= batchBytes (${batchBytes})`);
  const maxBufferedBytes = positive('maxBufferedBytes', options.maxBufferedBytes, 32 * 1024 * 1024, 1024);
  if (maxBufferedBytes < batchBytes) throw new RafterInvalidArgumentError('maxBufferedBytes', `must be >= batchBytes (${batchBytes})`);
  const maxInFlightRequests = positive('maxInFlightRequests', options.maxInFlightRequests, MAX_IDEMPOTENT_IN_FLIGHT);
  return {
    acks,
    lingerMs: positive('lingerMs', options.lingerMs, 5, 0),
    batchBytes,
    maxRequestBytes,
    maxInFlightRequests,
    idempotent: resolveIdempotence(options.idempotent, acks, maxInFlightRequests),
    deliveryTimeoutMs: positive('deliveryTimeoutMs', options.deliveryTimeoutMs, 120_000),
    maxBufferedBytes,
    retry: { ...ctx.retry, ...options.retry },
    partitioner: options.partitioner,
  };
}

/**
 * Idempotence is on unless turned off, or unless acks or maxInFlightRequests were chosen that it cannot honour and it
 * was not asked for explicitly (as Kafka's producer since 3.0). Asked for explicitly, such options are an error.
 */
function resolveIdempotence(requested: boolean | undefined, acks: Acks, maxInFlightRequests: number): boolean {
  if (requested !== undefined && typeof requested !== 'boolean') {
    throw new RafterInvalidArgumentError('idempotent', `must be true or false, got ${String(requested)}`);
  }
  const compatible = acks === 'all' && maxInFlightRequests <= MAX_IDEMPOTENT_IN_FLIGHT;
  if (requested !== true) return requested ?? compatible;
  if (acks !== 'all') {
    throw new RafterInvalidArgumentError('acks', `idempotent: true requires acks 'all', got '${acks}' (set idempotent: false to use acks '${acks}')`);
  }
  if (maxInFlightRequests > MAX_IDEMPOTENT_IN_FLIGHT) {
    throw new RafterInvalidArgumentError('maxInFlightRequests',
      `idempotent: true allows at most ${MAX_IDEMPOTENT_IN_FLIGHT} requests in flight, got ${maxInFlightRequests}`);
  }
  return true;
}

export class Producer {
  readonly events = new Emitter<ProducerEvents>();
  private readonly options: ResolvedOptions;
  private readonly accumulator: RecordAccumulator;
  private readonly sticky: StickyPartitioner;
  private readonly muted = new Set<string>();
  private readonly inFlightBatches = new Set<ProducerBatch>();
  private readonly inFlightRequests = new Map<number, number>();
  private readonly bufferWaiters: (() => void)[] = [];
  /**
   * Per topic, sends waiting to be appended, in call order. While a topic has any, later sends to it queue behind
   * them: records of a partition are appended (and so written) in the order send() was called, whatever the
   * metadata or buffer state each call found.
   */
  private readonly waiting = new Map<string, Admission[]>();
  private readonly admittedWaiters: (() => void)[] = [];
  private readonly sender: WorkScheduler;
  private readonly metadata: MetadataRefresher;
  /** Leaders still missing after a refresh (an election under way) are asked for again from this time. */
  private metadataRetryAtMs = 0;
  private closed = false;
  /** Present when idempotent. */
  private readonly idempotence: IdempotenceState | undefined;
  private initializing = false;
  private initRetryAtMs = 0;
  private initFailures = 0;
  private fatal: RafterError | undefined;

  constructor(private readonly ctx: ProducerContext, options: ProducerOptions = {}) {
    this.options = resolveOptions(options, ctx);
    if (this.options.idempotent) this.idempotence = new IdempotenceState(this.options.maxInFlightRequests);
    this.accumulator = new RecordAccumulator({ lingerMs: this.options.lingerMs, batchBytes: this.options.batchBytes });
    this.sticky = new StickyPartitioner(ctx.rng);
    this.sender = new WorkScheduler(ctx.clock, () => this.sendReady());
    this.metadata = new MetadataRefresher(ctx.cluster, ctx.clock, ctx.rng, this.options.retry, (retryAtMs) => {
      this.metadataRetryAtMs = retryAtMs;
      this.sender.soon();
    });
  }

  /** Whether batches carry a producer id and sequence numbers (see ProducerOptions.idempotent). */
  get idempotent(): boolean {
    return this.idempotence !== undefined;
  }

  /**
   * The error that stopped an idempotent producer for good (fenced, or its sequence broken), else undefined. Once
   * set, every queued record has failed with it and send() rejects with it: create a new producer to go on.
   */
  get fatalError(): RafterError | undefined {
    return this.fatal;
  }

  /** Sends messages to one topic; resolves with each message's partition and offset, in message order. */
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  /** Sends one message; resolves with its topic, partition and offset. */
  send(message: TopicMessage): Promise<RecordMetadata>;
  async send(input: ProducerRecord | TopicMessage): Promise<RecordMetadata[] | RecordMetadata> {
    if ('messages' in input) return this.sendMessages(input.topic, input.messages, input.acks);
    const [result] = await this.sendMessages(input.topic, [input], input.acks);
    return result;
  }

  /** Sends every buffered batch now and waits until all of them (and those in flight) are settled. */
  async flush(): Promise<void> {
    // Sends still waiting for metadata or room were called before flush(): they are part of what it flushes.
    while (this.waiting.size > 0 && !this.closed) await new Promise<void>((resolve) => this.admittedWaiters.push(resolve));
    const batches = [...this.accumulator.flushAll(), ...this.inFlightBatches];
    this.sender.soon();
    await Promise.all(batches.map((b) => b.done));
  }

  /** Flushes (unless flush: false), then fails anything left with RafterClosedError. */
  async close(options: { flush?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    if (options.flush !== false) await this.flush();
    this.abort();
  }

  /**
   * Closes at once: queued and in-flight sends fail with RafterClosedError. Used by Rafter.close(). persisted is
   * 'maybe' for a batch in flight or waiting to be retried after an attempt that may have been written (a lost
   * answer, a timeout, a leader that lost leadership while the write was pending), 'no' only for one never sent or
   * only ever definitely refused: resending what says 'no' never duplicates.
   */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    this.sender.stop();
    for (const batch of this.accumulator.takeAll()) this.finish(batch, new RafterClosedError('producer', batch.maybePersisted ? 'maybe' : 'no'));
    for (const batch of this.inFlightBatches) batch.fail(new RafterClosedError('producer', 'maybe'));
    this.rejectWaiting(new RafterClosedError('producer'));
    for (const wake of this.bufferWaiters.splice(0)) wake();
    this.events.clear();
  }

  private async sendMessages(topicName: string, messages: readonly Message[], acksOverride: Acks | undefined): Promise<RecordMetadata[]> {
    if (this.closed) throw new RafterClosedError('producer');
    if (this.fatal) throw this.fatal;
    if (typeof topicName !== 'string' || topicName === '') throw new RafterInvalidArgumentError('topic', 'must be a non-empty string');
    if (!Array.isArray(messages)) throw new RafterInvalidArgumentError('messages', 'must be an array');
    const acks = acksOverride ?? this.options.acks;
    if (!(acks in WIRE_ACKS)) throw new RafterInvalidArgumentError('acks', `must be 'all', 'leader' or 'none', got ${String(acks)}`);
    if (this.idempotence && acks !== 'all') {
      throw new RafterInvalidArgumentError('acks', `an idempotent producer sends with acks 'all' only, got '${acks}'`);
    }
    if (messages.length === 0) return [];
    const nowMs = this.ctx.clock.nowMs();
    const records = messages.map((m, i) => toRecordInput(m, i, nowMs));
    let bytes = 0;
    for (const r of records) bytes += estimateRecordBytes(r);
    return new Promise<RecordMetadata[]>((resolve, reject) => {
      const admission: Admission = { topic: topicName, messages, records, bytes, acks, resolve, reject };
      const queue = this.waiting.get(topicName);
      if (queue) queue.push(admission);
      else if (!this.tryAppend(admission)) {
        this.waiting.set(topicName, [admission]);
        void this.admitInOrder(topicName);
      }
    });
  }

  /** The fast path: appends at once when the topic's metadata is cached and the buffer has room. */
  private tryAppend(admission: Admission): boolean {
    const topic = this.ctx.cluster.freshTopic(admission.topic);
    if (!topic || !this.hasRoom(admission.bytes)) return false;
    this.append(admission, topic);
    return true;
  }

  /** Appends a topic's waiting sends one by one in call order, each once metadata and buffer room allow. */
  private async admitInOrder(topicName: string): Promise<void> {
    const queue = this.waiting.get(topicName)!;
    while (queue.length > 0) {
      const head = queue[0];
      let topic = this.ctx.cluster.freshTopic(topicName);
      if (!topic) {
        try {
          topic = await this.ctx.cluster.topicWithRetry(topicName);
        } catch (error) {
          // Every send queued now waited for this same answer: they share its failure.
          for (const admission of queue.splice(0)) admission.reject(error);
          break;
        }
      }
      while (!this.hasRoom(head.bytes) && !this.closed && !this.fatal) await this.waitForRoom();
      if (queue[0] !== head) continue; // abort() or a fatal error settled it meanwhile
      queue.shift();
      if (this.closed) head.reject(new RafterClosedError('producer'));
      else if (this.fatal) head.reject(this.fatal);
      else this.append(head, topic);
    }
    if (this.waiting.get(topicName) === queue) this.waiting.delete(topicName);
    if (this.waiting.size === 0) for (const wake of this.admittedWaiters.splice(0)) wake();
  }

  private append(admission: Admission, topic: TopicInfo): void {
    const { records, messages, acks } = admission;
    let partitions: number[];
    try {
      partitions = messages.map((m, i) => this.choosePartition(topic, m, records[i].key ?? null, i));
    } catch (error) {
      admission.reject(error);
      return;
    }
    const results: RecordMetadata[] = new Array(records.length);
    const send: PendingSend = { results, remaining: records.length, failed: false, resolve: () => admission.resolve(results), reject: admission.reject };
    const appendedAtMs = this.ctx.clock.nowMs();
    let full = false;
    for (let i = 0; i < records.length; i++) {
      full = this.accumulator.append(admission.topic, partitions[i], acks, records[i], send, i, appendedAtMs).full || full;
    }
    if (full || this.options.lingerMs === 0) this.sender.soon();
    else this.sender.at(appendedAtMs + this.options.lingerMs);
  }

  private rejectWaiting(error: unknown): void {
    for (const queue of this.waiting.values()) for (const admission of queue.splice(0)) admission.reject(error);
    this.waiting.clear();
    for (const wake of this.admittedWaiters.splice(0)) wake();
  }

  private choosePartition(topic: TopicInfo, message: Message, key: Uint8Array | null, index: number): number {
    const count = topic.partitions.length;
    let partition = message.partition;
    if (partition === undefined && this.options.partitioner) {
      partition = this.options.partitioner({ topic: topic.name, key, partitionCount: count, partitioning: topic.partitioning, splitKeys: topic.splitKeys });
    }
    partition ??= defaultPartition(topic, key, this.sticky);
    if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
      throw new RafterInvalidArgumentError(`messages[${index}].partition`, `${partition} is not a partition of ${topic.name} (0..${count - 1})`);
    }
    return partition;
  }

  private hasRoom(bytes: number): boolean {
    // One oversized send may exceed the bound when the buffer is empty; otherwise wait for batches to complete.
    return this.accumulator.bufferedBytes === 0 || this.accumulator.bufferedBytes + bytes <= this.options.maxBufferedBytes;
  }

  /** Resolves when a batch completes (or the producer stops): the caller checks for room again. */
  private waitForRoom(): Promise<void> {
    return new Promise<void>((resolve) => this.bufferWaiters.push(resolve));
  }

  /** The sender: expire, drain what is ready, send one request per leader, and plan the next wake-up. */
  private sendReady(): void {
    if (this.closed) return;
    this.sender.clearWake();
    const nowMs = this.ctx.clock.nowMs();
    for (const batch of this.accumulator.expire(nowMs, this.options.deliveryTimeoutMs)) {
      this.finish(batch, new RafterDeliveryTimeoutError(this.options.deliveryTimeoutMs, batch.maybePersisted ? 'maybe' : 'no', batch.lastError));
    }
    const idempotence = this.idempotence;
    if (idempotence && !idempotence.identity) this.maybeInitProducerId(nowMs);
    const isMuted = idempotence
      ? (topic: string, partition: number) => !idempotence.canSend(topic, partition)
      : (topic: string, partition: number) => this.muted.has(partitionKey(topic, partition));
    const { byLeader, missingLeader } = this.accumulator.drain({
      nowMs,
      isMuted,
      stamp: idempotence && ((batch) => idempotence.stamp(batch)),
      leaderOf: (topic, partition) => {
        const leader = this.ctx.cluster.leaderOf(topic, partition);
        return this.ctx.cluster.hasBroker(leader) ? leader : -1;
      },
      capacityBytes: (leader) =>
        (this.inFlightRequests.get(leader) ?? 0) < this.options.maxInFlightRequests ? this.options.maxRequestBytes : 0,
    });
    for (const [leaderId, batches] of byLeader) this.sendToLeader(leaderId, batches, nowMs);
    // A drain takes one batch per partition: with a window of several, the next ones may be ready now too.
    if (idempotence && byLeader.size > 0) this.sender.soon();
    if (missingLeader && nowMs >= this.metadataRetryAtMs) this.metadata.refresh();
    const next = this.accumulator.nextWakeAtMs(nowMs, this.options.deliveryTimeoutMs, isMuted);
    if (next !== undefined) this.sender.at(next);
    if (missingLeader && !this.metadata.inFlight) this.sender.at(this.metadataRetryAtMs);
  }

  private sendToLeader(leaderId: number, batches: ProducerBatch[], nowMs: number): void {
    // Several acks levels may be ready for one broker; acks is per request, so each gets its own.
    const byAcks = new Map<Acks, ProducerBatch[]>();
    for (const batch of batches) {
      const list = byAcks.get(batch.acks);
      if (list) list.push(batch);
      else byAcks.set(batch.acks, [batch]);
      if (this.idempotence) this.idempotence.onSent(batch);
      else this.muted.add(partitionKey(batch.topic, batch.partition));
      this.inFlightBatches.add(batch);
      batch.attempts++;
      if (batch.attempts === 1) this.stickyAfterSend(batch);
    }
    for (const [acks, list] of byAcks) void this.produce(leaderId, acks, list, nowMs);
  }

  private stickyAfterSend(batch: ProducerBatch): void {
    const topic = this.ctx.cluster.freshTopic(batch.topic);
    if (topic) this.sticky.onBatchSent(topic, batch.partition);
  }

  private async produce(leaderId: number, acks: Acks, batches: ProducerBatch[], startedAtMs: number): Promise<void> {
    this.inFlightRequests.set(leaderId, (this.inFlightRequests.get(leaderId) ?? 0) + 1);
    const sentAtMs = this.ctx.clock.nowMs();
    let failure: unknown;
    try {
      const connection = this.ctx.cluster.connectionTo(leaderId);
      const response = await connection.request(
        'produceRequest',
        {
          acks: WIRE_ACKS[acks],
          timeoutMs: this.ctx.requestTimeoutMs,
          partitions: batches.map((b) => ({ topic: b.topic, partition: b.partition, batch: b.encoded! })),
          producerToken: this.idempotence?.identity?.producerToken,
        },
        { expectResponse: acks !== 'none' },
      );
      if (acks === 'none') for (const batch of batches) this.succeed(batch, -1, 0, startedAtMs);
      else this.handleResponse(batches, response, startedAtMs);
    } catch (error) {
      failure = error;
      for (const batch of batches) this.retryOrFail(batch, error);
    } finally {
      if (this.events.has('request')) {
        let bytes = 0;
        for (const b of batches) bytes += b.encoded?.length ?? 0;
        const latencyMs = this.ctx.clock.nowMs() - sentAtMs;
        this.events.emit('request', { broker: leaderId, batches: batches.length, bytes, latencyMs, ...(failure === undefined ? {} : { error: failure }) });
      }
      this.inFlightRequests.set(leaderId, (this.inFlightRequests.get(leaderId) ?? 1) - 1);
      for (const batch of batches) {
        this.inFlightBatches.delete(batch);
        if (this.idempotence) this.idempotence.onAttemptSettled(batch);
        else this.muted.delete(partitionKey(batch.topic, batch.partition));
      }
      this.sender.soon();
    }
  }

  private handleResponse(batches: ProducerBatch[], response: { partitions: rafter.ProducePartitionResult.$Properties[] }, startedAtMs: number): void {
    const results = new Map<string, rafter.ProducePartitionResult.$Properties>();
    for (const r of response.partitions) results.set(`${r.partition}\u0000${r.topic}`, r);
    for (const batch of batches) {
      const result = results.get(`${batch.partition}\u0000${batch.topic}`);
      if (!result) {
        this.finish(batch, new RafterInvariantError(`broker left ${batch.topic}/${batch.partition} out of its produce response`));
        continue;
      }
      const code = result.error ?? ErrorCode.NONE;
      if (code === ErrorCode.NONE) {
        this.idempotence?.onAcked(batch);
        this.succeed(batch, result.baseOffset ?? 0, result.appendTimeMs ?? 0, startedAtMs);
        continue;
      }
      const where = { topic: batch.topic, partition: batch.partition, leaderId: result.leaderId ?? -1 };
      const error = createErrorFromCode(code, result.errorMessage ?? '', where);
      if (this.idempotence && this.handleSequenceError(batch, error)) continue;
      if (error instanceof NotLeaderError) this.ctx.cluster.applyLeaderHint(batch.topic, batch.partition, error.leaderId);
      else if (error.refreshMetadata) this.ctx.cluster.markStale(batch.topic);
      this.retryOrFail(batch, error);
    }
  }

  private succeed(batch: ProducerBatch, baseOffset: number, appendTimeMs: number, startedAtMs: number): void {
    this.release(batch);
    batch.complete(baseOffset, appendTimeMs);
    if (this.events.has('batch')) {
      this.events.emit('batch', {
        topic: batch.topic,
        partition: batch.partition,
        recordCount: batch.recordCount,
        bytes: batch.encoded?.length ?? 0,
        baseOffset,
        attempts: batch.attempts,
        latencyMs: this.ctx.clock.nowMs() - startedAtMs,
      });
    }
  }

  /** The idempotence errors: returns whether it dealt with the batch. */
  private handleSequenceError(batch: ProducerBatch, error: RafterProtocolError): boolean {
    switch (error.errorCode) {
      case ErrorCode.OUT_OF_ORDER_SEQUENCE:
        // Behind a batch being retried, the refusal is expected: go again after it, in order.
        if (this.idempotence!.outOfOrder(batch) === 'retry') this.retryOrFail(batch, error, true);
        else {
          this.becomeFatal(error);
          this.finish(batch, error);
        }
        return true;
      case ErrorCode.PRODUCER_FENCED:
      // The broker does not take this producer's id or epoch as its own: nothing under this identity will be written.
      case ErrorCode.UNKNOWN_PRODUCER_ID:
      case ErrorCode.INVALID_PRODUCER_EPOCH:
        this.becomeFatal(error);
        this.finish(batch, error);
        return true;
      case ErrorCode.DUPLICATE_SEQUENCE:
        // Written long ago, so its sequences are taken and the ones after it stand; only its offsets are lost.
        this.idempotence!.onAcked(batch);
        this.finish(batch, error);
        return true;
      default:
        return false;
    }
  }

  private retryOrFail(batch: ProducerBatch, error: unknown, retriable = isRetriable(error)): void {
    if (this.closed) return; // abort() already failed it
    batch.lastError = error;
    if (error instanceof RafterError && error.persisted === 'maybe') batch.maybePersisted = true;
    if (error instanceof RafterError && error.refreshMetadata && !(error instanceof NotLeaderError)) this.ctx.cluster.markStale(batch.topic);
    if (this.fatal) {
      this.finish(batch, this.fatal);
      return;
    }
    const nowMs = this.ctx.clock.nowMs();
    const retryAtMs = nowMs + backoffMs(this.options.retry, batch.attempts - 1, this.ctx.rng);
    if (retriable && retryAtMs - batch.createdAtMs < this.options.deliveryTimeoutMs) {
      batch.retryAtMs = retryAtMs;
      this.accumulator.reenqueue(batch);
      this.events.emit('retry', { topic: batch.topic, partition: batch.partition, attempts: batch.attempts, error });
      return;
    }
    const final = retriable
      ? new RafterDeliveryTimeoutError(this.options.deliveryTimeoutMs, batch.maybePersisted ? 'maybe' : 'no', error)
      : error;
    this.finish(batch, final);
  }

  /**
   * Fails a batch for good. Whatever the last attempt was told, an earlier attempt that may have been written (a lost
   * answer, a timeout) makes the outcome 'maybe': a refusal speaks only for the attempt it answers.
   */
  private finish(batch: ProducerBatch, failure: unknown): void {
    const error = withPersisted(failure, batch.maybePersisted);
    this.release(batch);
    if (this.idempotence && batch.baseSequence >= 0 && !this.fatal && !this.closed && !this.idempotence.onFailed(batch)) {
      this.becomeFatal(new RafterError(
        `idempotent producer cannot continue ${batch.topic}/${batch.partition} in order: a batch failed for good ` +
        `while later batches may have been written; create a new producer`,
        { code: 'OUT_OF_ORDER_SEQUENCE', persisted: 'no', cause: error },
      ));
    }
    batch.fail(error);
  }

  /** Stops the producer for good: queued records fail with the error, later sends reject with it. */
  private becomeFatal(error: RafterError): void {
    if (this.fatal) return;
    this.fatal = error;
    for (const batch of this.accumulator.takeAll()) {
      this.release(batch);
      batch.fail(withPersisted(error, batch.maybePersisted));
    }
    this.rejectWaiting(error);
    for (const wake of this.bufferWaiters.splice(0)) wake();
    this.events.emit('fatal', { error });
  }

  /** Single flight, retried with backoff; the sender sends nothing idempotent until it has the id. */
  private maybeInitProducerId(nowMs: number): void {
    if (this.initializing || this.fatal) return;
    if (nowMs < this.initRetryAtMs) {
      this.sender.at(this.initRetryAtMs);
      return;
    }
    this.initializing = true;
    this.ctx.cluster
      .requestController('initProducerIdRequest', {})
      .then((response) => {
        if (response.error !== ErrorCode.NONE) throw createErrorFromCode(response.error, response.errorMessage);
        if (!(response.producerId > 0)) throw new RafterInvariantError(`broker gave producer id ${response.producerId}`);
        if (response.producerToken.length === 0) {
          throw createErrorFromCode(ErrorCode.UNSUPPORTED, 'the broker gave a producer id without a producer token: it is older than this client');
        }
        this.idempotence!.identity = {
          producerId: response.producerId, producerEpoch: response.producerEpoch, producerToken: response.producerToken,
        };
        this.initFailures = 0;
      })
      .catch((error: unknown) => {
        if (this.closed) return;
        if (isRetriable(error)) {
          this.initRetryAtMs = this.ctx.clock.nowMs() + backoffMs(this.options.retry, this.initFailures++, this.ctx.rng);
          // The controller we asked may be dead or moved: without fresh metadata every retry would ask it again.
          if (error instanceof RafterError && error.refreshMetadata) return this.ctx.cluster.refresh().catch(() => undefined);
          return;
        }
        const code = error instanceof RafterError ? error.code : 'UNKNOWN';
        this.becomeFatal(new RafterError(
          `idempotent producer cannot get a producer id (idempotent: false sends without one): ${(error as Error).message}`,
          { code, cause: error },
        ));
      })
      .finally(() => {
        this.initializing = false;
        this.sender.soon();
      });
  }

  private release(batch: ProducerBatch): void {
    this.accumulator.release(batch);
    for (const wake of this.bufferWaiters.splice(0)) wake();
  }
}

function withPersisted(error: unknown, maybePersisted: boolean): unknown {
  if (!maybePersisted || !(error instanceof RafterError) || error.persisted === 'maybe') return error;
  // An earlier attempt may have been stored even though this one was refused.
  return new RafterError(error.message, { code: error.code, retriable: false, persisted: 'maybe', cause: error });
}

function toRecordInput(message: Message, index: number, nowMs: number): RecordInput {
  if (message === null || typeof message !== 'object') throw new RafterInvalidArgumentError(`messages[${index}]`, 'must be an object');
  const headers = message.headers ? Object.entries(message.headers).map(([key, value]) => ({ key, value: toBytes(value as BytesLike, `messages[${index}].headers.${key}`) })) : undefined;
  const timestampMs = message.timestampMs ?? nowMs;
  if (!Number.isFinite(timestampMs) || timestampMs < 0) throw new RafterInvalidArgumentError(`messages[${index}].timestampMs`, 'must be a number >= 0');
  return {
    key: toBytesOrNull(message.key, `messages[${index}].key`),
    value: toBytesOrNull(message.value, `messages[${index}].value`),
    headers,
    timestampMs,
  };
}
