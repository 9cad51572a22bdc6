// The consumer and admin client against the in-memory fixture broker, over a real WebSocket on loopback.
import { ConsumerRecord, CorruptBatchError, OffsetOutOfRangeError, Rafter } from '../../../client';
import { batchRecordCount, encodeRecordBatch } from '../../../client/protocol';
import { lyingBatches } from '../../integration/helpers/lying-batches';
import { FakeBroker } from './fake-broker';

async function take(iterable: AsyncIterable<ConsumerRecord>, n: number): Promise<ConsumerRecord[]> {
  const out: ConsumerRecord[] = [];
  if (n === 0) return out;
  for await (const record of iterable) {
    out.push(record);
    if (out.length === n) break;
  }
  return out;
}

describe('Consumer', () => {
  let broker: FakeBroker;
  let client: Rafter;

  beforeEach(async () => {
    ({ broker, client } = await FakeBroker.withClient());
  });

  afterEach(async () => {
    await client.close();
    await broker.stop();
  });

  async function produce(topic: string, values: string[], partition = 0): Promise<void> {
    await client.producer({ lingerMs: 0 }).send({ topic, messages: values.map((value) => ({ value, partition, key: `k-${value}` })) });
  }

  it('reads from earliest in offset order with keys, values and helpers', async () => {
    broker.createTopic('t', 1);
    await produce('t', ['a', 'b']);
    await produce('t', ['c']);
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 't', start: 'earliest' }]);
    const records = await take(consumer, 3);
    expect(records.map((r) => [r.offset, r.valueString(), r.keyString()])).toEqual([[0, 'a', 'k-a'], [1, 'b', 'k-b'], [2, 'c', 'k-c']]);
    expect(records[0]).toMatchObject({ topic: 't', partition: 0 });
    expect(consumer.position({ topic: 't', partition: 0 })).toBe(3);
  });

  it("starts at 'latest' by default and long-polls for new records", async () => {
    broker.createTopic('live', 1);
    await produce('live', ['old']);
    const consumer = client.consumer({ maxWaitMs: 200 });
    await consumer.assign([{ topic: 'live' }]);
    const next = take(consumer, 1);
    await new Promise((r) => setTimeout(r, 50));
    await produce('live', ['new']);
    expect((await next).map((r) => r.valueString())).toEqual(['new']);
  });

  it('starts at an explicit offset, skipping earlier records of the same stored batch', async () => {
    broker.createTopic('mid', 1);
    await produce('mid', ['a', 'b', 'c', 'd']);
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 'mid', partition: 0, start: { offset: 2 } }]);
    expect((await take(consumer, 2)).map((r) => r.offset)).toEqual([2, 3]);
  });

  it('seek() drops buffered data and continues from the new offset', async () => {
    broker.createTopic('seek', 1);
    await produce('seek', ['a', 'b', 'c']);
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 'seek', start: 'earliest' }]);
    expect((await take(consumer, 2)).map((r) => r.valueString())).toEqual(['a', 'b']);
    consumer.seek({ topic: 'seek', partition: 0, offset: 0 });
    expect((await take(consumer, 3)).map((r) => r.valueString())).toEqual(['a', 'b', 'c']);
  });

  it('breaking out of a loop keeps the position for the next loop', async () => {
    broker.createTopic('resume', 1);
    await produce('resume', ['a', 'b', 'c', 'd']);
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 'resume', start: 'earliest' }]);
    expect((await take(consumer, 1)).map((r) => r.offset)).toEqual([0]);
    expect((await take(consumer, 3)).map((r) => r.offset)).toEqual([1, 2, 3]);
  });

  it('pause() holds a partition back without losing its place; resume() continues', async () => {
    broker.createTopic('pp', 2);
    await produce('pp', ['p0a', 'p0b'], 0);
    await produce('pp', ['p1a'], 1);
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 'pp', start: 'earliest' }]);
    consumer.pause([{ topic: 'pp', partition: 0 }]);
    expect((await take(consumer, 1)).map((r) => r.valueString())).toEqual(['p1a']);
    expect(consumer.paused()).toEqual([{ topic: 'pp', partition: 0 }]);
    consumer.resume([{ topic: 'pp', partition: 0 }]);
    expect((await take(consumer, 2)).map((r) => r.valueString())).toEqual(['p0a', 'p0b']);
  });

  it("resets to earliest on OFFSET_OUT_OF_RANGE with policy 'earliest', and reports it", async () => {
    broker.createTopic('gone', 1);
    await produce('gone', ['a', 'b']);
    await produce('gone', ['c']);
    broker.truncateBefore('gone', 0, 2);
    const consumer = client.consumer({ maxWaitMs: 50, offsetReset: 'earliest' });
    const resets: unknown[] = [];
    consumer.events.on('offsetReset', (e) => resets.push(e));
    await consumer.assign([{ topic: 'gone', start: { offset: 0 } }]);
    expect((await take(consumer, 1)).map((r) => r.valueString())).toEqual(['c']);
    expect(resets).toEqual([{ topic: 'gone', partition: 0, from: 0, to: 2, policy: 'earliest' }]);
  });

  it("surfaces OFFSET_OUT_OF_RANGE to the loop with policy 'error'", async () => {
    broker.createTopic('strict', 1);
    const consumer = client.consumer({ maxWaitMs: 50, offsetReset: 'error' });
    await consumer.assign([{ topic: 'strict', start: { offset: 5 } }]);
    await expect(take(consumer, 1)).rejects.toBeInstanceOf(OffsetOutOfRangeError);
  });

  it.each(lyingBatches().map((l) => [l.name, l.batch, l.field] as const))(
    'delivers the records before an undecodable batch (%s), then reports exactly that batch, and skips nothing',
    async (_name, lie, field) => {
      broker.createTopic('lies', 1);
      broker.storeUnchecked('lies', 0, encodeRecordBatch([{ value: Buffer.from('a') }, { value: Buffer.from('b') }]));
      broker.storeUnchecked('lies', 0, lie);
      const liesAt = 2;
      broker.storeUnchecked('lies', 0, encodeRecordBatch([{ value: Buffer.from('after') }]));
      const consumer = client.consumer({ maxWaitMs: 50 });
      await consumer.assign([{ topic: 'lies', start: 'earliest' }]);
      const seen: string[] = [];
      let failure: unknown;
      try {
        for await (const record of consumer) seen.push(record.valueString()!);
      } catch (error) {
        failure = error;
      }
      expect(seen).toEqual(['a', 'b']);
      expect(failure).toBeInstanceOf(CorruptBatchError);
      expect(failure).toMatchObject({ code: 'CORRUPT_BATCH', topic: 'lies', partition: 0, baseOffset: liesAt, reason: expect.stringMatching(field) });
      expect((failure as Error).message).toMatch(/^CORRUPT_BATCH \(lies\/0\): the batch at offset 2 cannot be decoded: /);
      // Stopped at the batch, not past it: the application decides whether to skip it.
      expect(consumer.position({ topic: 'lies', partition: 0 })).toBe(liesAt);
      consumer.seek({ topic: 'lies', partition: 0, offset: liesAt + batchRecordCount(lie) });
      expect((await take(consumer, 1)).map((r) => r.valueString())).toEqual(['after']);
    },
  );

  it('run() stops at a failing handler and leaves the position at the failed record', async () => {
    broker.createTopic('run', 1);
    await produce('run', ['a', 'b', 'c']);
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 'run', start: 'earliest' }]);
    const seen: string[] = [];
    const failure = new Error('handler failed');
    await expect(
      consumer.run({
        eachRecord: (r) => {
          seen.push(r.valueString()!);
          if (r.offset === 1) throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect(consumer.position({ topic: 'run', partition: 0 })).toBe(1);
    expect((await take(consumer, 2)).map((r) => r.valueString())).toEqual(['b', 'c']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('run({ eachBatch }) delivers batches and ends when the consumer closes', async () => {
    broker.createTopic('batches', 1);
    await produce('batches', ['a', 'b']);
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 'batches', start: 'earliest' }]);
    const values: string[] = [];
    const running = consumer.run({
      eachBatch: async (batch) => {
        values.push(...batch.records.map((r) => r.valueString()!));
        expect(batch.highWatermark).toBe(2);
        await consumer.close();
      },
    });
    await expect(running).resolves.toBeUndefined();
    expect(values).toEqual(['a', 'b']);
  });

  it('stops fetching while the buffer is full (backpressure) and fetches again as the app consumes', async () => {
    broker.createTopic('bp', 1);
    const value = 'x'.repeat(2000);
    for (let i = 0; i < 4; i++) await produce('bp', [value]);
    const consumer = client.consumer({ maxWaitMs: 50, maxBufferedBytes: 1024, maxPartitionBytes: 1024, maxBytes: 1024 });
    await consumer.assign([{ topic: 'bp', start: 'earliest' }]);
    await new Promise((r) => setTimeout(r, 100));
    // One response fills the buffer; nothing more is asked for until the application reads.
    expect(broker.requestsOf('fetchRequest')).toHaveLength(1);
    expect((await take(consumer, 4)).map((r) => r.offset)).toEqual([0, 1, 2, 3]);
  });

  it('close() ends a waiting loop promptly', async () => {
    broker.createTopic('idle', 1);
    const consumer = client.consumer({ maxWaitMs: 5000 });
    await consumer.assign([{ topic: 'idle' }]);
    const loop = take(consumer, 1);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await client.close();
    await expect(loop).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('starts at a timestamp via ListOffsets', async () => {
    broker.createTopic('ts', 1);
    await client.producer({ lingerMs: 0 }).send({ topic: 'ts', messages: [{ value: 'old', timestampMs: 1000 }] });
    await client.producer({ lingerMs: 0 }).send({ topic: 'ts', messages: [{ value: 'new', timestampMs: 5000 }] });
    const consumer = client.consumer({ maxWaitMs: 50 });
    await consumer.assign([{ topic: 'ts', start: { timestampMs: 3000 } }]);
    expect((await take(consumer, 1)).map((r) => r.valueString())).toEqual(['new']);
  });
});

describe('Admin', () => {
  let broker: FakeBroker;
  let client: Rafter;

  beforeEach(async () => {
    ({ broker, client } = await FakeBroker.withClient({ initialRetryTimeMs: 5, maxRetryTimeMs: 20, retries: 2 }));
  });

  afterEach(async () => {
    await client.close();
    await broker.stop();
  });

  it('creates, lists and describes topics, with per-partition offsets', async () => {
    const admin = client.admin();
    const created = await admin.createTopic({ topic: 'orders', partitions: 3, partitioning: 'range', splitKeys: ['g', 'p'] });
    expect(created).toMatchObject({ name: 'orders', partitioning: 'range' });
    expect(created.splitKeys.map((k) => Buffer.from(k).toString())).toEqual(['g', 'p']);
    await client.producer().send({ topic: 'orders', messages: [{ key: 'a', value: '1' }, { key: 'z', value: '2' }] });
    expect((await admin.listTopics()).map((t) => t.name)).toEqual(['orders']);
    const described = await admin.describeTopic('orders');
    expect(described.partitions.map((p) => [p.partition, p.highWatermark, p.error])).toEqual([[0, 1, 'NONE'], [1, 0, 'NONE'], [2, 1, 'NONE']]);
    expect(await admin.fetchTopicOffsets('orders')).toEqual([{ partition: 0, low: 0, high: 1 }, { partition: 1, low: 0, high: 0 }, { partition: 2, low: 0, high: 1 }]);
  });

  it('reports TOPIC_ALREADY_EXISTS and validates range split keys before sending', async () => {
    const admin = client.admin();
    await admin.createTopic({ topic: 'dup', partitions: 1 });
    await expect(admin.createTopic({ topic: 'dup', partitions: 1 })).rejects.toMatchObject({ code: 'TOPIC_ALREADY_EXISTS', retriable: false });
    await expect(admin.createTopic({ topic: 'r', partitions: 3, partitioning: 'range', splitKeys: ['a'] })).rejects.toMatchObject({ field: 'splitKeys' });
  });

  it('lists every topic, and finds every topic it produces to, through answers bounded to a few topics each', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `page-${i}`);
    for (const name of names) broker.createTopic(name, 1);
    broker.topicsPerAnswer = 2;
    expect((await client.admin().listTopics()).map((t) => t.name)).toEqual(names);
    expect(broker.requestsOf('listTopicsRequest').map((f) => f.listTopicsRequest!.afterTopic ?? '')).toEqual(['', 'page-1', 'page-3', 'page-5']);
    const producer = client.producer({ lingerMs: 0 });
    for (const name of names) await expect(producer.send({ topic: name, value: 'v' })).resolves.toMatchObject({ offset: 0 });
    // The refresh for the last topic names all seven: each answer leaves some out, which are asked for again.
    const asked = broker.requestsOf('metadataRequest').map((f) => f.metadataRequest!.topics!.length);
    expect(asked.slice(-4)).toEqual([7, 5, 3, 1]);
  });

  it('describing an unknown topic fails with UNKNOWN_TOPIC', async () => {
    await expect(client.admin().describeTopic('nope')).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC' });
  });
});
