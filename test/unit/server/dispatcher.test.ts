import { decodeFrame, decodeRecordBatch, encodeFrame, encodeRecordBatch, ErrorCode, rafter } from '../../../client/protocol';
import { resolveBrokerConfig } from '../../../broker/config';
import { LocalReplicatedLog, PartitionMetrics } from '../../../broker/partition';
import { Dispatcher, type BrokerContext, type ClientConnection, type Reply } from '../../../broker/server';
import type { ResponseBody } from '../../../broker/server/responses';
import { TopicManager } from '../../../broker/topics';
import { openTempStore, type TempStore } from './store-fixture';

interface Answer { body: ResponseBody | undefined; error: ErrorCode; skipped: boolean }

/** A reply that records what the dispatcher answered, and a connection that is always writable. */
function recorder(): { reply: Reply; answered: Promise<Answer> } {
  let resolve!: (a: Answer) => void;
  const answered = new Promise<Answer>((r) => { resolve = r; });
  let done = false;
  const reply: Reply = {
    get done() { return done; },
    send(body, error) { if (!done) { done = true; resolve({ body, error, skipped: false }); } },
    skip(error) { if (!done) { done = true; resolve({ body: undefined, error, skipped: true }); } },
  };
  return { reply, answered };
}
const connection: ClientConnection = { isOpen: true, whenWritable: (fn) => fn(true) };
const text = (s: string) => new Uint8Array(Buffer.from(s));

describe('dispatcher', () => {
  let temp: TempStore;
  let dispatcher: Dispatcher;
  let context: BrokerContext;

  const call = (body: Omit<rafter.Frame.$Properties, 'correlationId'>) => {
    const { reply, answered } = recorder();
    dispatcher.dispatch(decodeFrame(encodeFrame({ correlationId: 1, ...body })), connection, reply);
    return answered;
  };

  beforeEach(async () => {
    temp = openTempStore();
    const config = resolveBrokerConfig({ dataDir: temp.dataDir, port: 0, maxFetchWaitMs: 2_000 });
    const replicated = new LocalReplicatedLog(temp.store);
    let topics: TopicManager | undefined;
    const metrics = new PartitionMetrics(temp.registry, () => topics?.allPartitions() ?? []);
    topics = new TopicManager({ store: temp.store, replicated, metrics,
      limits: { maxPartitionsPerTopic: 16, defaultMaxMessageBytes: 1 << 20, maxMessageBytesCeiling: 4 << 20, maxSplitKeyBytes: 1024, maxSplitKeysBytesPerTopic: 64 << 10, brokerCount: 1 } });
    context = { config, topics, brokerId: 1, advertisedHost: '127.0.0.1', port: 9999, clusterId: 'c', leaderEpoch: 1 };
    dispatcher = new Dispatcher(context);
    await call({ createTopicRequest: { name: 't', partitions: 2 } });
  });
  afterEach(() => temp.dispose());

  it('persists created topics with partition groups from 1 upward', async () => {
    await call({ createTopicRequest: { name: 'u', partitions: 3 } });
    await temp.reopen();
    const reopened = new TopicManager({ store: temp.store, replicated: new LocalReplicatedLog(temp.store),
      metrics: new PartitionMetrics(temp.registry, () => []),
      limits: { maxPartitionsPerTopic: 16, defaultMaxMessageBytes: 1 << 20, maxMessageBytesCeiling: 4 << 20, maxSplitKeyBytes: 1024, maxSplitKeysBytesPerTopic: 64 << 10, brokerCount: 1 } });
    expect(reopened.list().map((t) => [t.record.spec.name, t.record.groupIds])).toEqual([['t', [1, 2]], ['u', [3, 4, 5]]]);
  });

  it('answers metadata with this broker as leader and the advertised address', async () => {
    const { body } = await call({ metadataRequest: {} });
    expect(body!.metadataResponse).toMatchObject({
      brokers: [{ id: 1, host: '127.0.0.1', port: 9999 }], controllerId: 1, clusterId: 'c',
      topics: [{ name: 't', partitions: [{ partition: 0, leaderId: 1 }, { partition: 1, leaderId: 1 }] }],
    });
  });

  it('bounds metadata and topic listings by maxMetadataResponseBytes: a page at a time, in name order, cut at a topic', async () => {
    for (let i = 0; i < 12; i++) await call({ createTopicRequest: { name: `p${String(i).padStart(2, '0')}`, partitions: 2 } });
    dispatcher = new Dispatcher({ ...context, config: resolveBrokerConfig({ ...context.config, maxMetadataResponseBytes: 1024 }) });
    const all = ['p00', 'p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11', 't'];
    const pages: string[][] = [];
    for (let afterTopic = ''; ;) {
      const { body } = await call({ listTopicsRequest: { afterTopic } });
      const { topics, truncated } = body!.listTopicsResponse!;
      pages.push(topics!.map((t) => t.name!));
      if (!truncated) break;
      afterTopic = topics![topics!.length - 1].name!;
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.flat()).toEqual(all);
    // Named topics come in request order; those that did not fit are for the client to ask again.
    const { body } = await call({ metadataRequest: { topics: [...all].reverse() } });
    const named = body!.metadataResponse!;
    expect(named.truncated).toBe(true);
    expect(named.topics!.map((t) => t.name)).toEqual([...all].reverse().slice(0, named.topics!.length));
    expect((await call({ metadataRequest: {} })).body!.metadataResponse!.topics!.map((t) => t.name)).toEqual(pages[0]);
  });

  it('refuses a produce or fetch request that names a partition twice', async () => {
    const batch = encodeRecordBatch([{ value: text('a') }]);
    const twice = [{ topic: 't', partition: 1 }, { topic: 't', partition: 0 }, { topic: 't', partition: 1 }];
    for (const body of [
      { produceRequest: { partitions: twice.map((p) => ({ ...p, batch })) } },
      { fetchRequest: { partitions: twice } },
    ]) {
      const { error, body: answer } = await call(body);
      expect(error).toBe(ErrorCode.INVALID_REQUEST);
      expect(JSON.stringify(answer)).toContain('partition t/1 is named more than once');
    }
    const { body } = await call({ fetchRequest: { partitions: [{ topic: 't', partition: 0 }] } });
    expect(body!.fetchResponse!.partitions).toHaveLength(1);
  });

  it('answers each partition of a produce request on its own, and acks=none not at all', async () => {
    const { body, error } = await call({ produceRequest: { partitions: [
      { topic: 't', partition: 0, batch: encodeRecordBatch([{ value: text('a') }]) },
      { topic: 't', partition: 9, batch: encodeRecordBatch([{ value: text('b') }]) },
      { topic: 't', partition: 1, batch: new Uint8Array([1, 2, 3]) },
    ] } });
    expect(error).toBe(ErrorCode.UNKNOWN_PARTITION);
    expect(body!.produceResponse!.partitions!.map((p) => [p.partition, p.error ?? 0, p.baseOffset])).toEqual([
      [0, ErrorCode.NONE, 0], [9, ErrorCode.UNKNOWN_PARTITION, undefined], [1, ErrorCode.CORRUPT_BATCH, undefined],
    ]);
    const quiet = await call({ produceRequest: { acks: rafter.Acks.ACKS_NONE, partitions: [{ topic: 't', partition: 0, batch: encodeRecordBatch([{ value: text('q') }]) }] } });
    expect(quiet).toMatchObject({ skipped: true, error: ErrorCode.NONE });
  });

  it('holds a fetch at the high watermark until a produce commits, then returns the new batch', async () => {
    const fetching = call({ fetchRequest: { maxWaitMs: 2_000, minBytes: 1, partitions: [{ topic: 't', partition: 1, offset: 0 }] } });
    let answered = false;
    void fetching.then(() => { answered = true; });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answered).toBe(false);
    await call({ produceRequest: { partitions: [{ topic: 't', partition: 1, batch: encodeRecordBatch([{ value: text('late') }]) }] } });
    const { body } = await fetching;
    const result = body!.fetchResponse!.partitions![0];
    expect(result.highWatermark).toBe(1);
    expect(decodeRecordBatch(result.batches![0]).records.map((r) => Buffer.from(r.value!).toString())).toEqual(['late']);
  });

  it('waits for minBytes across several commits', async () => {
    const fetching = call({ fetchRequest: { maxWaitMs: 2_000, minBytes: 150, partitions: [{ topic: 't', partition: 0, offset: 0 }] } });
    let answered = false;
    void fetching.then(() => { answered = true; });
    const batch = () => encodeRecordBatch([{ value: new Uint8Array(60) }]);
    await call({ produceRequest: { partitions: [{ topic: 't', partition: 0, batch: batch() }] } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    await call({ produceRequest: { partitions: [{ topic: 't', partition: 0, batch: batch() }] } });
    const { body } = await fetching;
    expect(body!.fetchResponse!.partitions![0].batches).toHaveLength(2);
  });

  it('bounds a fetch response by maxBytes, always returning the first batch whole', async () => {
    for (let i = 0; i < 3; i++) {
      await call({ produceRequest: { partitions: [{ topic: 't', partition: 0, batch: encodeRecordBatch([{ value: new Uint8Array(500) }]) }] } });
    }
    const { body } = await call({ fetchRequest: { maxBytes: 10, partitions: [{ topic: 't', partition: 0, offset: 0 }, { topic: 't', partition: 1, offset: 0 }] } });
    const [p0, p1] = body!.fetchResponse!.partitions!;
    expect(p0.batches).toHaveLength(1);
    expect(p1).toMatchObject({ highWatermark: 0 });
    expect(p1.batches ?? []).toEqual([]);
  });

  it('on shutdown answers waiting fetches at once and refuses new requests', async () => {
    const fetching = call({ fetchRequest: { maxWaitMs: 2_000, minBytes: 1, partitions: [{ topic: 't', partition: 0, offset: 0 }] } });
    const startedAt = Date.now();
    await dispatcher.shutdown(1_000);
    const { error } = await fetching;
    expect(error).toBe(ErrorCode.NONE);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    const refused = await call({ produceRequest: { partitions: [{ topic: 't', partition: 0, batch: encodeRecordBatch([{ value: text('x') }]) }] } });
    expect(refused.body!.produceResponse!.partitions![0].error).toBe(ErrorCode.BROKER_SHUTTING_DOWN);
    expect((await call({ metadataRequest: {} })).body!.errorResponse!.error).toBe(ErrorCode.BROKER_SHUTTING_DOWN);
  });
});

describe('dispatcher, for partitions this broker does not host', () => {
  it('names the hinted leader in NOT_LEADER answers, and never itself', async () => {
    const temp = openTempStore();
    try {
      const config = resolveBrokerConfig({ dataDir: temp.dataDir, port: 0 });
      // Broker 1 holds no replica of t/0 (broker 3 does), and knows of nobody for t/1.
      const topics = {
        partition: (_topic: string, partition: number) => ({
          error: ErrorCode.NOT_LEADER, message: `broker 1 holds no replica of t/${partition}`, leaderId: partition === 0 ? 3 : 0,
        }),
      };
      const context: BrokerContext = { config, topics, brokerId: 1, advertisedHost: '127.0.0.1', port: 9999, clusterId: 'c', leaderEpoch: 1 };
      const dispatcher = new Dispatcher(context);
      const call = (body: Omit<rafter.Frame.$Properties, 'correlationId'>) => {
        const { reply, answered } = recorder();
        dispatcher.dispatch(decodeFrame(encodeFrame({ correlationId: 1, ...body })), connection, reply);
        return answered;
      };
      const partitions = [0, 1];
      const produced = await call({ produceRequest: { partitions: partitions.map((partition) => ({ topic: 't', partition, batch: encodeRecordBatch([{ value: text('a') }]) })) } });
      const fetched = await call({ fetchRequest: { maxWaitMs: 0, partitions: partitions.map((partition) => ({ topic: 't', partition, offset: 0 })) } });
      const listed = await call({ listOffsetsRequest: { partitions: partitions.map((partition) => ({ topic: 't', partition, timestampMs: -1 })) } });
      for (const results of [produced.body!.produceResponse!.partitions!, fetched.body!.fetchResponse!.partitions!, listed.body!.listOffsetsResponse!.partitions!]) {
        expect(results.map((r) => [r.error, r.leaderId])).toEqual([[ErrorCode.NOT_LEADER, 3], [ErrorCode.NOT_LEADER, -1]]);
      }
    } finally {
      temp.dispose();
    }
  });
});
