// A test fixture, not a broker: a single-node, in-memory stand-in that speaks rafter.Frame over a real WebSocket
// on 127.0.0.1:0, so SDK tests exercise the real transport and codec. Logs are arrays of stamped batches; errors
// can be injected per (topic, partition) to drive the retry paths, and acknowledgements can be lost after a write.
// Idempotent batches are checked against the request's producer token and de-duplicated by the broker's own
// ProducerStateTable, as a partition leader does.
import { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { Rafter } from '../../../client';
import type { RetryPolicy } from '../../../client/retry';
import {
  batchMaxTimestampMs,
  decodeRecordBatch,
  decodeFrame,
  encodeFrame,
  ErrorCode,
  rafter,
  readBatchHeader,
  stampBatch,
} from '../../../client/protocol';
import { ProducerStateTable } from '../../../broker/partition/producer-state';
import { checkProducerCredential, issueProducerIdentity, producerIdOf } from '../../../broker/server/init-producer';

export interface FakePartition {
  batches: Uint8Array[];
  /** First offset of each batch, parallel to batches. */
  baseOffsets: number[];
  logStartOffset: number;
  logEndOffset: number;
  producers: ProducerStateTable;
}

export interface FakeTopic {
  name: string;
  partitioning: rafter.Partitioning;
  splitKeys: Uint8Array[];
  partitions: FakePartition[];
}

type Body = Omit<rafter.Frame.$Properties, 'correlationId'>;

interface Parked {
  deadline: NodeJS.Timeout;
  retry(): boolean;
}

export class FakeBroker {
  readonly topics = new Map<string, FakeTopic>();
  readonly requests: rafter.Frame[] = [];
  /** Errors to answer the next produce/fetch for a partition with, one per request, keyed `topic/partition`. */
  readonly injectedErrors = new Map<string, { code: ErrorCode; leaderId?: number }[]>();
  /** When set, produce requests get no answer at all (to drive request timeouts). */
  silent = false;
  /**
   * Produce requests to write as usual and then lose the answer of: 'drop' sends none (the client times out),
   * 'disconnect' cuts the connection instead. One entry per request, consumed in order.
   */
  readonly lostAcks: ('drop' | 'disconnect')[] = [];
  /** While set, produce answers wait for releaseAcks() (writes still happen at once): keeps batches in flight. */
  holdAcks = false;
  private held: (() => void)[] = [];
  /** While set, metadata answers wait for releaseMetadata(), which answers them with the topics as they are then. */
  holdMetadata = false;
  private heldMetadata: (() => void)[] = [];
  /** When set, metadata and list-topics answers hold at most this many topics and say truncated when there are more. */
  topicsPerAnswer?: number;
  /** InitProducerId answers without a producer token, as a broker from before tokens did. */
  tokenlessProducerIds = false;
  /** Errors to answer the next InitProducerId requests with, one per request. */
  readonly initProducerIdErrors: ErrorCode[] = [];
  private readonly sockets = new Set<WebSocket>();
  private parked: Parked[] = [];
  nodeId = 1;

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => this.handle(socket, decodeFrame(new Uint8Array(data as Buffer))));
    });
  }

  static start(): Promise<FakeBroker> {
    return new Promise((resolve) => {
      const wss: WebSocketServer = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => resolve(new FakeBroker(wss)));
    });
  }

  /** A fake broker and a client bootstrapped on it; short retries by default so failing paths stay fast. */
  static async withClient(retry: Partial<RetryPolicy> = { initialRetryTimeMs: 5, maxRetryTimeMs: 20, retries: 3 }): Promise<{ broker: FakeBroker; client: Rafter }> {
    const broker = await FakeBroker.start();
    return { broker, client: new Rafter({ brokers: [broker.address], retry }) };
  }

  /** The values stored in a partition, in offset order. */
  storedValues(topic: string, partition: number): string[] {
    return this.topics.get(topic)!.partitions[partition].batches.flatMap((b) =>
      decodeRecordBatch(b).records.map((r) => Buffer.from(r.value!).toString()),
    );
  }

  get port(): number {
    return (this.wss.address() as AddressInfo).port;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  requestsOf(body: NonNullable<rafter.Frame['body']>): rafter.Frame[] {
    return this.requests.filter((f) => f.body === body);
  }

  createTopic(name: string, partitions: number, options: { range?: string[] } = {}): void {
    this.topics.set(name, {
      name,
      partitioning: options.range ? rafter.Partitioning.RANGE : rafter.Partitioning.HASH,
      splitKeys: (options.range ?? []).map((k) => Buffer.from(k)),
      partitions: Array.from({ length: partitions }, () => ({
        batches: [], baseOffsets: [], logStartOffset: 0, logEndOffset: 0, producers: new ProducerStateTable(),
      })),
    });
  }

  /** Stores a batch as it is, unchecked, at the log end (as a broker that failed to validate it would). */
  storeUnchecked(topic: string, partition: number, batch: Uint8Array): void {
    const p = this.topics.get(topic)!.partitions[partition];
    const stored = Uint8Array.from(batch);
    stampBatch(stored, p.logEndOffset, 1_000);
    p.batches.push(stored);
    p.baseOffsets.push(p.logEndOffset);
    p.logEndOffset += readCount(stored);
  }

  /** Removes a log prefix, as retention would. */
  truncateBefore(topic: string, partition: number, offset: number): void {
    const p = this.topics.get(topic)!.partitions[partition];
    while (p.batches.length > 0 && p.baseOffsets[0] + readCount(p.batches[0]) <= offset) {
      p.batches.shift();
      p.baseOffsets.shift();
    }
    p.logStartOffset = offset;
  }

  /** Sends the held produce answers, in the order the requests came. */
  releaseAcks(): void {
    this.holdAcks = false;
    for (const send of this.held.splice(0)) send();
  }

  /** Answers the held metadata requests; `hold` keeps holding the ones that come after. */
  releaseMetadata(hold = false): void {
    this.holdMetadata = hold;
    for (const answer of this.heldMetadata.splice(0)) answer();
  }

  get heldMetadataCount(): number {
    return this.heldMetadata.length;
  }

  dropClients(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  stop(): Promise<void> {
    for (const p of this.parked) clearTimeout(p.deadline);
    this.parked = [];
    this.dropClients();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private send(socket: WebSocket, correlationId: number, body: Body): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(encodeFrame({ correlationId, ...body }));
  }

  private handle(socket: WebSocket, frame: rafter.Frame): void {
    this.requests.push(frame);
    const reply = (body: Body) => this.send(socket, frame.correlationId, body);
    switch (frame.body) {
      case 'metadataRequest': {
        const answer = () => reply({ metadataResponse: this.metadata(frame.metadataRequest!.topics ?? []) });
        if (this.holdMetadata) this.heldMetadata.push(answer);
        else answer();
        return;
      }
      case 'createTopicRequest': {
        const r = frame.createTopicRequest!;
        if (this.topics.has(r.name!)) return reply({ createTopicResponse: { error: ErrorCode.TOPIC_ALREADY_EXISTS, errorMessage: `topic ${r.name} exists` } });
        this.createTopic(r.name!, r.partitions!, r.partitioning === rafter.Partitioning.RANGE ? { range: (r.splitKeys ?? []).map((k) => Buffer.from(k).toString()) } : {});
        return reply({ createTopicResponse: { topic: this.topicMetadata(r.name!) } });
      }
      case 'listTopicsRequest': {
        const after = frame.listTopicsRequest!.afterTopic ?? '';
        const names = [...this.topics.keys()].sort().filter((n) => n > after);
        return reply({ listTopicsResponse: { ...this.page(names.map((n) => this.topicMetadata(n))) } });
      }
      case 'describeTopicRequest': {
        const t = this.topics.get(frame.describeTopicRequest!.name!);
        if (!t) return reply({ describeTopicResponse: { error: ErrorCode.UNKNOWN_TOPIC } });
        return reply({
          describeTopicResponse: {
            topic: this.topicMetadata(t.name),
            partitions: t.partitions.map((p, i) => ({
              partition: i, logStartOffset: p.logStartOffset, logEndOffset: p.logEndOffset, highWatermark: p.logEndOffset,
              sizeBytes: p.batches.reduce((n, b) => n + b.length, 0), leaderId: this.nodeId,
            })),
          },
        });
      }
      case 'produceRequest':
        return this.produce(frame.produceRequest!, reply, socket);
      case 'initProducerIdRequest': {
        const error = this.initProducerIdErrors.shift();
        if (error !== undefined) return reply({ initProducerIdResponse: { error, errorMessage: 'injected' } });
        const identity = issueProducerIdentity();
        return reply({ initProducerIdResponse: this.tokenlessProducerIds ? { ...identity, producerToken: undefined } : identity });
      }
      case 'fetchRequest':
        return this.fetch(frame.fetchRequest!, reply);
      case 'listOffsetsRequest':
        return reply({ listOffsetsResponse: { partitions: frame.listOffsetsRequest!.partitions!.map((q) => this.listOffset(q)) } });
      default:
        return reply({ errorResponse: { error: ErrorCode.UNSUPPORTED } });
    }
  }

  private metadata(names: string[]): rafter.MetadataResponse.$Properties {
    const wanted = names.length > 0 ? names : [...this.topics.keys()];
    return {
      brokers: [{ id: this.nodeId, host: '127.0.0.1', port: this.port }],
      controllerId: this.nodeId,
      clusterId: 'fake',
      ...this.page(wanted.map((n) => (this.topics.has(n) ? this.topicMetadata(n) : { name: n, error: ErrorCode.UNKNOWN_TOPIC }))),
    };
  }

  private page(topics: rafter.TopicMetadata.$Properties[]): { topics: rafter.TopicMetadata.$Properties[]; truncated: boolean } {
    const limit = this.topicsPerAnswer ?? Infinity;
    return { topics: topics.slice(0, limit), truncated: topics.length > limit };
  }

  private topicMetadata(name: string): rafter.TopicMetadata.$Properties {
    const t = this.topics.get(name)!;
    return {
      name,
      partitioning: t.partitioning,
      splitKeys: t.splitKeys,
      replicationFactor: 1,
      partitions: t.partitions.map((_, i) => ({ partition: i, leaderId: this.nodeId, replicas: [this.nodeId], inSyncReplicas: [this.nodeId] })),
    };
  }

  private takeInjected(topic: string, partition: number): { code: ErrorCode; leaderId?: number } | undefined {
    const list = this.injectedErrors.get(`${topic}/${partition}`);
    return list?.shift();
  }

  private produce(request: rafter.ProduceRequest.$Properties, reply: (body: Body) => void, socket: WebSocket): void {
    if (this.silent) return;
    const results = (request.partitions ?? []).map((pp) => {
      const where = { topic: pp.topic!, partition: pp.partition! };
      const injected = this.takeInjected(where.topic, where.partition);
      if (injected) return { ...where, error: injected.code, leaderId: injected.leaderId ?? -1 };
      const p = this.topics.get(where.topic)?.partitions[where.partition];
      if (!p) return { ...where, error: ErrorCode.UNKNOWN_TOPIC };
      const header = readBatchHeader(pp.batch!);
      if (typeof header === 'string') return { ...where, error: ErrorCode.CORRUPT_BATCH, errorMessage: header };
      const foreign = checkProducerCredential(header, producerIdOf(request.producerToken ?? undefined));
      if (foreign) return { ...where, error: foreign.error, errorMessage: foreign.message };
      const decision = p.producers.check(header);
      if (decision.kind === 'duplicate') return { ...where, baseOffset: decision.baseOffset, appendTimeMs: 1_000 };
      if (decision.kind === 'error') return { ...where, error: decision.code, errorMessage: decision.message };
      const stored = Uint8Array.from(pp.batch!);
      const baseOffset = p.logEndOffset;
      stampBatch(stored, baseOffset, 1_000);
      p.batches.push(stored);
      p.baseOffsets.push(baseOffset);
      p.logEndOffset += header.recordCount;
      // One node: written is committed, so the table is applied at once.
      p.producers.apply({ ...header, baseOffset, appendTimeMs: 1_000 });
      return { ...where, baseOffset, appendTimeMs: 1_000 };
    });
    this.wakeParked();
    const lost = this.lostAcks.shift();
    if (lost === 'disconnect') socket.terminate();
    if (lost || request.acks === rafter.Acks.ACKS_NONE) return;
    if (this.holdAcks) this.held.push(() => reply({ produceResponse: { partitions: results } }));
    else reply({ produceResponse: { partitions: results } });
  }

  private fetch(request: rafter.FetchRequest.$Properties, reply: (body: Body) => void): void {
    const answer = (): rafter.FetchPartitionResult.$Properties[] =>
      (request.partitions ?? []).map((fp) => {
        const where = { topic: fp.topic!, partition: fp.partition! };
        const injected = this.takeInjected(where.topic, where.partition);
        if (injected) return { ...where, error: injected.code, leaderId: injected.leaderId ?? -1 };
        const p = this.topics.get(where.topic)?.partitions[where.partition];
        if (!p) return { ...where, error: ErrorCode.UNKNOWN_TOPIC };
        const offset = fp.offset ?? 0;
        if (offset < p.logStartOffset || offset > p.logEndOffset) return { ...where, error: ErrorCode.OFFSET_OUT_OF_RANGE };
        const batches: Uint8Array[] = [];
        let bytes = 0;
        for (let i = 0; i < p.batches.length; i++) {
          if (p.baseOffsets[i] + readCount(p.batches[i]) <= offset) continue;
          if (batches.length > 0 && bytes + p.batches[i].length > (fp.maxBytes || request.maxBytes || Infinity)) break;
          batches.push(p.batches[i]);
          bytes += p.batches[i].length;
        }
        return { ...where, highWatermark: p.logEndOffset, logStartOffset: p.logStartOffset, batches };
      });
    const first = answer();
    const hasData = first.some((r) => (r.batches?.length ?? 0) > 0 || (r.error ?? 0) !== 0);
    if (hasData || !request.maxWaitMs) return reply({ fetchResponse: { partitions: first } });
    // Long poll: answer when data arrives or maxWaitMs passes, whichever is first.
    const parked: Parked = {
      deadline: setTimeout(() => {
        this.parked = this.parked.filter((p) => p !== parked);
        reply({ fetchResponse: { partitions: answer() } });
      }, request.maxWaitMs),
      retry: () => {
        const again = answer();
        if (!again.some((r) => (r.batches?.length ?? 0) > 0)) return false;
        clearTimeout(parked.deadline);
        reply({ fetchResponse: { partitions: again } });
        return true;
      },
    };
    this.parked.push(parked);
  }

  private wakeParked(): void {
    this.parked = this.parked.filter((p) => !p.retry());
  }

  private listOffset(q: rafter.ListOffsetsPartition.$Properties): rafter.ListOffsetsPartitionResult.$Properties {
    const where = { topic: q.topic!, partition: q.partition! };
    const p = this.topics.get(where.topic)?.partitions[where.partition];
    if (!p) return { ...where, error: ErrorCode.UNKNOWN_TOPIC };
    const ts = q.timestampMs ?? -1;
    if (ts === -2) return { ...where, offset: p.logStartOffset, timestampMs: -1 };
    if (ts === -1) return { ...where, offset: p.logEndOffset, timestampMs: -1 };
    // By batch: the first batch whose newest record is at or after the timestamp (record-level is the broker's job).
    const i = p.batches.findIndex((b) => batchMaxTimestampMs(b) >= ts);
    return { ...where, offset: i < 0 ? -1 : p.baseOffsets[i], timestampMs: ts };
  }
}

function readCount(batch: Uint8Array): number {
  const header = readBatchHeader(batch);
  if (typeof header === 'string') throw new Error(header);
  return header.recordCount;
}
