// An assign-based consumer (no groups yet): the application names partitions and start positions; the consumer
// keeps one long-poll fetch outstanding per leader broker for the partitions it leads, issues the next as soon as
// the previous answer is buffered (so fetching overlaps processing), and stops asking while the buffer is full.
// A partition that becomes fetchable while its broker's long poll is out (a seek, resume or new assignment) does not
// wait for it: a catch-up fetch with no wait takes it from its new position at once, and keeps doing so while it
// brings data; once it comes back empty the partition rejoins the broker's next long poll. So a broker has at most
// one long poll and one catch-up fetch in flight, and an idle consumer converges to one long poll per broker.
// Records come out through `for await`, batches(), or run(); pause/resume keep the position and the buffer.
import { Clock, Rng } from '../clock';
import { Cluster } from '../cluster/cluster';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets, OffsetQuery } from '../cluster/offsets';
import {
  CorruptBatchError,
  createErrorFromCode,
  NotLeaderError,
  OffsetOutOfRangeError,
  RafterClosedError,
  RafterError,
  RafterInvalidArgumentError,
  RafterInvariantError,
} from '../errors';
import { Emitter } from '../events';
import { ResponseBody } from '../network/requests';
import { ErrorCode, batchBaseOffset, batchRecordCount } from '../protocol';
import { backoffMs, RetryPolicy } from '../retry';
import { WorkScheduler } from '../work-scheduler';
import { MetadataRefresher } from '../cluster/metadata-refresher';
import { Chunk, decodeChunk, FetchBuffer, partitionKey, PartitionState } from './fetch-buffer';
import { ConsumerRecord, RecordBatch } from './record';
import {
  ConsumerEvents,
  ConsumerFetchEvent,
  ConsumerOptions,
  OffsetResetPolicy,
  RunOptions,
  StartPosition,
  TopicPartition,
  TopicPartitionAssignment,
} from './types';

export interface ConsumerContext {
  cluster: Cluster;
  clock: Clock;
  rng: Rng;
  requestTimeoutMs: number;
  retry: RetryPolicy;
}

interface ResolvedOptions {
  start: StartPosition;
  offsetReset: OffsetResetPolicy;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  maxPartitionBytes: number;
  maxBufferedBytes: number;
}

function checkStart(field: string, start: StartPosition): StartPosition {
  const ok =
    start === 'earliest' ||
    start === 'latest' ||
    (typeof start === 'object' && start !== null &&
      (('offset' in start && Number.isInteger(start.offset) && start.offset >= 0) ||
        ('timestampMs' in start && Number.isFinite(start.timestampMs) && start.timestampMs >= 0)));
  if (!ok) throw new RafterInvalidArgumentError(field, "must be 'earliest', 'latest', { offset } or { timestampMs }");
  return start;
}

function resolveOptions(options: ConsumerOptions): ResolvedOptions {
  const int = (field: keyof ConsumerOptions, fallback: number, min: number): number => {
    const value = (options[field] as number | undefined) ?? fallback;
    if (!Number.isInteger(value) || value < min) throw new RafterInvalidArgumentError(field, `must be an integer >= ${min}`);
    return value;
  };
  const offsetReset = options.offsetReset ?? 'latest';
  if (!['earliest', 'latest', 'error'].includes(offsetReset)) throw new RafterInvalidArgumentError('offsetReset', "must be 'earliest', 'latest' or 'error'");
  return {
    start: checkStart('start', options.start ?? 'latest'),
    offsetReset,
    maxWaitMs: int('maxWaitMs', 500, 0),
    minBytes: int('minBytes', 1, 0),
    maxBytes: int('maxBytes', 8 * 1024 * 1024, 1024),
    maxPartitionBytes: int('maxPartitionBytes', 1024 * 1024, 1024),
    maxBufferedBytes: int('maxBufferedBytes', 16 * 1024 * 1024, 1024),
  };
}

export class Consumer implements AsyncIterable<ConsumerRecord> {
  readonly events = new Emitter<ConsumerEvents>();
  private readonly options: ResolvedOptions;
  private readonly states = new Map<string, PartitionState>();
  private readonly buffer: FetchBuffer;
  /** Leader brokers with a long poll outstanding: one at a time per broker. */
  private readonly longPolling = new Set<number>();
  /** Leader brokers with a catch-up fetch (no wait) outstanding: one at a time per broker. */
  private readonly catchingUp = new Set<number>();
  private resolving = false;
  private readonly fetcher: WorkScheduler;
  private readonly metadata: MetadataRefresher;
  private closed = false;

  constructor(private readonly ctx: ConsumerContext, options: ConsumerOptions = {}) {
    this.options = resolveOptions(options);
    this.buffer = new FetchBuffer(this.options.maxBufferedBytes);
    this.fetcher = new WorkScheduler(ctx.clock, () => this.maybeFetch());
    this.metadata = new MetadataRefresher(ctx.cluster, ctx.clock, ctx.rng, ctx.retry, (retryAtMs) => this.fetcher.at(retryAtMs));
  }

  /** Adds partitions (every partition of a topic when none is named). Re-assigning one moves it to its new start. */
  async assign(assignments: readonly TopicPartitionAssignment[]): Promise<void> {
    if (this.closed) throw new RafterClosedError('consumer');
    const resolved: { topic: string; partition: number; start: StartPosition }[] = [];
    for (const [i, a] of assignments.entries()) {
      const start = checkStart(`assignments[${i}].start`, a.start ?? this.options.start);
      const topic = await this.ctx.cluster.topicWithRetry(a.topic);
      const partitions = a.partition === undefined ? topic.partitions.map((p) => p.partition) : [a.partition];
      for (const partition of partitions) {
        if (!Number.isInteger(partition) || partition < 0 || partition >= topic.partitions.length) {
          throw new RafterInvalidArgumentError(`assignments[${i}].partition`, `${partition} is not a partition of ${a.topic}`);
        }
        resolved.push({ topic: a.topic, partition, start });
      }
    }
    for (const { topic, partition, start } of resolved) {
      const existing = this.states.get(partitionKey(topic, partition));
      if (existing) this.restart(existing, start);
      else this.states.set(partitionKey(topic, partition), newState(topic, partition, start));
    }
    this.fetcher.soon();
  }

  /** Stops consuming partitions and drops what was buffered for them. */
  unassign(partitions: readonly TopicPartition[]): void {
    for (const { topic, partition } of partitions) {
      const state = this.states.get(partitionKey(topic, partition));
      if (!state) continue;
      state.epoch++;
      this.buffer.drop(state);
      this.states.delete(partitionKey(topic, partition));
    }
    this.fetcher.soon();
  }

  assignment(): TopicPartition[] {
    return [...this.states.values()].map(({ topic, partition }) => ({ topic, partition }));
  }

  /** The next offset the application will receive, or undefined while the start is being resolved. */
  position(tp: TopicPartition): number | undefined {
    return this.stateOf(tp).position;
  }

  /** The high watermark seen in the partition's latest fetch (-1 before any). */
  highWatermark(tp: TopicPartition): number {
    return this.stateOf(tp).highWatermark;
  }

  /** Moves a partition to `offset`: buffered and in-flight data for it is dropped; a failed partition restarts. */
  seek(tp: TopicPartition & { offset: number }): void {
    if (!Number.isInteger(tp.offset) || tp.offset < 0) throw new RafterInvalidArgumentError('offset', 'must be an integer >= 0');
    this.restart(this.stateOf(tp), { offset: tp.offset });
    this.fetcher.soon();
  }

  /** Stops fetching and delivering these partitions; their position and buffered data are kept. */
  pause(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.stateOf(tp).paused = true;
  }

  resume(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) {
      const state = this.stateOf(tp);
      state.paused = false;
      // Left out of fetches while paused: it catches up at once rather than waiting for the next long poll.
      state.caughtUp = false;
    }
    this.buffer.wake();
    this.fetcher.soon();
  }

  paused(): TopicPartition[] {
    return [...this.states.values()].filter((s) => s.paused).map(({ topic, partition }) => ({ topic, partition }));
  }

  /** Stops fetching; iterators finish and run() resolves. Prompt: does not wait for outstanding long polls. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fetcher.stop();
    for (const state of this.states.values()) state.epoch++;
    this.states.clear();
    this.buffer.wake();
    this.events.clear();
  }

  [Symbol.asyncIterator](): AsyncIterator<ConsumerRecord> {
    return this.records();
  }

  /** Records one at a time, in offset order per partition. Breaking out keeps the position for the next loop. */
  async *records(): AsyncGenerator<ConsumerRecord> {
    for (;;) {
      const chunk = await this.nextChunk();
      if (!chunk) return;
      let delivered = false;
      try {
        const records = chunk.records!;
        while (chunk.next < records.length) {
          if (chunk.epoch !== chunk.state.epoch) break;
          if (chunk.state.paused) {
            this.buffer.unshift(chunk);
            break;
          }
          const record = records[chunk.next++];
          chunk.state.position = record.offset + 1;
          yield record;
        }
        delivered = true;
      } finally {
        // A `break` in the caller's loop lands here mid-chunk: keep the rest for the next iteration.
        if (!delivered && chunk.next < chunk.records!.length && chunk.epoch === chunk.state.epoch) this.buffer.unshift(chunk);
        this.fetcher.soon();
      }
    }
  }

  /** Batches of records, one partition each: cheaper per record than records() for high-rate consumers. */
  async *batches(): AsyncGenerator<RecordBatch> {
    for (;;) {
      const chunk = await this.nextChunk();
      if (!chunk) return;
      const records = chunk.records!.slice(chunk.next);
      chunk.next = chunk.records!.length;
      this.fetcher.soon();
      if (records.length === 0) continue;
      chunk.state.position = records[records.length - 1].offset + 1;
      yield { topic: chunk.state.topic, partition: chunk.state.partition, records, highWatermark: chunk.highWatermark };
    }
  }

  /**
   * Calls the handler for each record (or batch) until close(). If the handler throws, run() rejects with that
   * error and the partition's position stays at the failed record, so a later run() delivers it again.
   */
  async run(options: RunOptions): Promise<void> {
    const { eachRecord, eachBatch } = options as { eachRecord?: RunOptions['eachRecord']; eachBatch?: RunOptions['eachBatch'] };
    if ((eachRecord === undefined) === (eachBatch === undefined)) throw new RafterInvalidArgumentError('run', 'give exactly one of eachRecord or eachBatch');
    if (eachBatch) {
      for await (const batch of this.batches()) {
        try {
          await eachBatch(batch);
        } catch (error) {
          this.rewind(batch.topic, batch.partition, batch.records[0].offset);
          throw error;
        }
      }
      return;
    }
    for await (const record of this.records()) {
      try {
        await eachRecord!(record);
      } catch (error) {
        this.rewind(record.topic, record.partition, record.offset);
        throw error;
      }
    }
  }

  private rewind(topic: string, partition: number, offset: number): void {
    if (this.states.has(partitionKey(topic, partition))) this.seek({ topic, partition, offset });
  }

  private async nextChunk(): Promise<Chunk | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const chunk = this.buffer.take();
      if (chunk) {
        this.fetcher.soon();
        if (chunk.error !== undefined) throw chunk.error;
        if (chunk.records === undefined) {
          const { records, failure } = decodeChunk(chunk);
          chunk.records = records;
          if (failure) this.stopAtCorruptBatch(chunk, failure);
        }
        if (chunk.next < chunk.records.length) return chunk;
        continue;
      }
      this.fetcher.soon();
      await this.buffer.changed();
    }
  }

  private stateOf({ topic, partition }: TopicPartition): PartitionState {
    const state = this.states.get(partitionKey(topic, partition));
    if (!state) throw new RafterInvalidArgumentError('partition', `${topic}/${partition} is not assigned to this consumer`);
    return state;
  }

  private restart(state: PartitionState, start: StartPosition): void {
    state.epoch++;
    this.buffer.drop(state);
    state.start = start;
    state.failed = false;
    state.errorCount = 0;
    state.retryAtMs = 0;
    state.fetching = false;
    state.caughtUp = false;
    if (typeof start === 'object' && 'offset' in start) state.fetchOffset = state.position = start.offset;
    else state.fetchOffset = state.position = undefined;
    this.buffer.wake();
  }

  /** The fetcher: resolve start positions, then one fetch per leader broker for the partitions ready to fetch. */
  private maybeFetch(): void {
    if (this.closed) return;
    const nowMs = this.ctx.clock.nowMs();
    const unresolved: PartitionState[] = [];
    const longPolls = new Map<number, PartitionState[]>();
    const catchUps = new Map<number, PartitionState[]>();
    let missingLeader = false;
    let nextRetryAtMs = Infinity;
    for (const state of this.states.values()) {
      if (state.failed || state.paused || state.fetching) continue;
      if (state.retryAtMs > nowMs) {
        nextRetryAtMs = Math.min(nextRetryAtMs, state.retryAtMs);
        continue;
      }
      if (state.fetchOffset === undefined) {
        unresolved.push(state);
        continue;
      }
      const leader = this.ctx.cluster.leaderOf(state.topic, state.partition);
      if (leader < 0 || !this.ctx.cluster.hasBroker(leader)) {
        missingLeader = true;
        continue;
      }
      let kind: Map<number, PartitionState[]>;
      if (!this.longPolling.has(leader)) kind = longPolls;
      else if (!this.catchingUp.has(leader) && !state.caughtUp) kind = catchUps;
      else continue;
      const list = kind.get(leader);
      if (list) list.push(state);
      else kind.set(leader, [state]);
    }
    if (nextRetryAtMs < Infinity) this.fetcher.at(nextRetryAtMs);
    if (unresolved.length > 0) this.resolveStarts(unresolved);
    if (missingLeader) this.metadata.refresh();
    if (!this.buffer.hasRoom) return;
    for (const [leader, states] of longPolls) void this.fetch(leader, states, true);
    for (const [leader, states] of catchUps) void this.fetch(leader, states, false);
  }

  private async fetch(leader: number, states: PartitionState[], longPoll: boolean): Promise<void> {
    const outstanding = longPoll ? this.longPolling : this.catchingUp;
    outstanding.add(leader);
    const epochs = states.map((s) => s.epoch);
    const offsets = states.map((s) => s.fetchOffset!);
    for (const s of states) {
      s.fetching = true;
      if (longPoll) s.caughtUp = false;
    }
    const sentAtMs = this.ctx.clock.nowMs();
    try {
      const response = await this.ctx.cluster.connectionTo(leader).request(
        'fetchRequest',
        {
          maxWaitMs: longPoll ? this.options.maxWaitMs : 0,
          minBytes: this.options.minBytes,
          maxBytes: this.options.maxBytes,
          partitions: states.map((s, i) => ({ topic: s.topic, partition: s.partition, offset: offsets[i], maxBytes: this.options.maxPartitionBytes })),
        },
        { timeoutMs: this.ctx.requestTimeoutMs + this.options.maxWaitMs },
      );
      this.handleFetchResponse(states, epochs, offsets, response, longPoll);
      if (this.events.has('fetch')) this.emitFetched(leader, response, this.ctx.clock.nowMs() - sentAtMs);
    } catch (error) {
      if (this.closed) return;
      this.events.emit('fetchRetry', { broker: leader, error });
      if (error instanceof RafterError && error.refreshMetadata) this.ctx.cluster.markStale();
      for (const [i, s] of states.entries()) if (s.epoch === epochs[i]) this.backOff(s);
      if (!(error instanceof RafterError && error.retriable)) {
        for (const [i, s] of states.entries()) if (s.epoch === epochs[i]) this.fail(s, error);
      }
    } finally {
      outstanding.delete(leader);
      for (const [i, s] of states.entries()) if (s.epoch === epochs[i]) s.fetching = false;
      this.fetcher.soon();
    }
  }

  private handleFetchResponse(states: PartitionState[], epochs: number[], offsets: number[], response: ResponseBody<'fetchRequest'>, longPoll: boolean): void {
    const results = new Map(response.partitions.map((r) => [partitionKey(r.topic, r.partition), r]));
    for (const [i, state] of states.entries()) {
      // Seeked, unassigned or closed meanwhile, or stopped at a batch it could not decode.
      if (state.epoch !== epochs[i] || this.closed || state.failed) continue;
      const result = results.get(partitionKey(state.topic, state.partition));
      if (!result) continue; // left out (response bound reached): fetched again next round
      if (result.error !== ErrorCode.NONE) {
        this.handlePartitionError(state, offsets[i], createErrorFromCode(result.error, result.errorMessage, {
          topic: state.topic, partition: state.partition, leaderId: result.leaderId, offset: offsets[i],
        }));
        continue;
      }
      state.errorCount = 0;
      state.highWatermark = result.highWatermark;
      state.logStartOffset = result.logStartOffset;
      if (result.batches.length === 0) {
        // Nothing more at its position: wait in the broker's long poll rather than ask again with no wait.
        if (!longPoll) state.caughtUp = true;
        continue;
      }
      const last = result.batches[result.batches.length - 1];
      const nextOffset = batchBaseOffset(last) + batchRecordCount(last);
      let bytes = 0;
      for (const b of result.batches) bytes += b.length;
      if (nextOffset > offsets[i]) state.fetchOffset = nextOffset;
      this.buffer.push({ state, epoch: state.epoch, fromOffset: offsets[i], batches: result.batches, bytes, highWatermark: result.highWatermark, next: 0 });
    }
  }

  private emitFetched(broker: number, response: ResponseBody<'fetchRequest'>, latencyMs: number): void {
    const partitions: ConsumerFetchEvent['partitions'] = [];
    for (const r of response.partitions) {
      if (r.error !== ErrorCode.NONE) continue;
      let records = 0;
      let bytes = 0;
      for (const b of r.batches) {
        records += batchRecordCount(b);
        bytes += b.length;
      }
      const next = this.states.get(partitionKey(r.topic, r.partition))?.fetchOffset ?? r.highWatermark;
      partitions.push({
        topic: r.topic, partition: r.partition, records, bytes, highWatermark: r.highWatermark, lag: Math.max(0, r.highWatermark - next),
      });
    }
    this.events.emit('fetch', { broker, latencyMs, partitions });
  }

  private handlePartitionError(state: PartitionState, offset: number, error: RafterError): void {
    if (error instanceof OffsetOutOfRangeError) {
      const policy = this.options.offsetReset;
      if (policy === 'error') return this.fail(state, error);
      this.restart(state, policy);
      this.pendingResets.set(state, offset);
      return;
    }
    if (error instanceof NotLeaderError) this.ctx.cluster.applyLeaderHint(state.topic, state.partition, error.leaderId);
    else if (error.refreshMetadata) this.ctx.cluster.markStale(state.topic);
    if (error.retriable) this.backOff(state);
    else this.fail(state, error);
  }

  /** Where a reset started from, so the offsetReset event can report both ends. */
  private readonly pendingResets = new Map<PartitionState, number>();

  private backOff(state: PartitionState): void {
    state.errorCount++;
    state.retryAtMs = this.ctx.clock.nowMs() + backoffMs(this.ctx.retry, state.errorCount - 1, this.ctx.rng);
  }

  /**
   * A batch of `chunk` cannot be decoded: the partition stops there until a seek. The records before it are still
   * delivered, then the error; what was fetched after it is dropped, so nothing past it is ever handed out.
   */
  private stopAtCorruptBatch(chunk: Chunk, failure: CorruptBatchError): void {
    const { state } = chunk;
    state.failed = true;
    this.buffer.drop(state);
    this.buffer.unshift({ state, epoch: state.epoch, fromOffset: 0, batches: [], bytes: 0, highWatermark: chunk.highWatermark, next: 0, error: failure });
  }

  /** Stops a partition until the next seek and surfaces `error` to the application, in order with its data. */
  private fail(state: PartitionState, error: unknown): void {
    state.failed = true;
    this.buffer.push({ state, epoch: state.epoch, fromOffset: 0, batches: [], bytes: 0, highWatermark: state.highWatermark, next: 0, error });
  }

  private resolveStarts(states: PartitionState[]): void {
    if (this.resolving) return;
    this.resolving = true;
    const epochs = states.map((s) => s.epoch);
    const queries: OffsetQuery[] = states.map((s) => ({ topic: s.topic, partition: s.partition, timestampMs: startTimestamp(s.start) }));
    listOffsets(this.ctx, queries)
      .then((answers) => this.applyStarts(states, epochs, answers.map((a) => a.offset)))
      .catch((error: unknown) => {
        if (this.closed) return;
        for (const [i, s] of states.entries()) {
          if (s.epoch !== epochs[i]) continue;
          if (error instanceof RafterError && error.retriable) this.backOff(s);
          else this.fail(s, error);
        }
      })
      .finally(() => {
        this.resolving = false;
        this.fetcher.soon();
      });
  }

  private async applyStarts(states: PartitionState[], epochs: number[], offsets: number[]): Promise<void> {
    for (const [i, state] of states.entries()) {
      if (state.epoch !== epochs[i] || this.closed) continue;
      let offset = offsets[i];
      // A timestamp after the last record has no offset: start at the end, as 'latest' does.
      if (offset < 0) offset = (await listOffsets(this.ctx, [{ topic: state.topic, partition: state.partition, timestampMs: LATEST_TIMESTAMP }]))[0].offset;
      if (state.epoch !== epochs[i] || this.closed) continue;
      state.fetchOffset = state.position = offset;
      const from = this.pendingResets.get(state);
      if (from !== undefined) {
        this.pendingResets.delete(state);
        this.events.emit('offsetReset', { topic: state.topic, partition: state.partition, from, to: offset, policy: this.options.offsetReset });
      }
      this.events.emit('started', { topic: state.topic, partition: state.partition, offset });
    }
  }
}

function newState(topic: string, partition: number, start: StartPosition): PartitionState {
  const offset = typeof start === 'object' && 'offset' in start ? start.offset : undefined;
  return {
    topic, partition, start, fetchOffset: offset, position: offset, paused: false, fetching: false, caughtUp: false, epoch: 0,
    failed: false, retryAtMs: 0, errorCount: 0, highWatermark: -1, logStartOffset: -1,
  };
}

function startTimestamp(start: StartPosition): number {
  if (start === 'earliest') return EARLIEST_TIMESTAMP;
  if (start === 'latest') return LATEST_TIMESTAMP;
  if ('timestampMs' in start) return start.timestampMs;
  throw new RafterInvariantError('an { offset } start needs no offset lookup');
}
