// The SDK against a real broker process: what a user's producer, consumer and admin see end to end — complete and
// ordered delivery with the documented partitioning, start positions, seek and pause, typed admin errors, and every
// acknowledged record still there after the broker is killed with SIGKILL and restarted on the same data.
import {
  ConsumerRecord,
  hashPartition,
  Rafter,
  RafterProtocolError,
  type Consumer,
  type RecordMetadata,
} from '../../client';
import { startBrokerProcess, stopAllBrokerProcesses, makeTempDataDir, type BrokerProcess } from '../../tools/broker-process';
import { take } from './helpers/take';

const bytes = (s: string) => new Uint8Array(Buffer.from(s));


/** Resolves once the consumer has resolved the start of `count` partitions (the 'started' event). */
function started(consumer: Consumer, count: number): Promise<Map<number, number>> {
  const offsets = new Map<number, number>();
  return new Promise((resolve) => {
    const remove = consumer.events.on('started', ({ partition, offset }) => {
      offsets.set(partition, offset);
      if (offsets.size >= count) {
        remove();
        resolve(offsets);
      }
    });
  });
}

const brokerAddress = (broker: BrokerProcess) => `127.0.0.1:${broker.port}`;

describe('SDK against a real broker', () => {
  let broker: BrokerProcess;
  let client: Rafter;

  beforeAll(async () => {
    broker = await startBrokerProcess();
    client = new Rafter({ brokers: [brokerAddress(broker)], clientId: 'sdk-integration' });
  });

  afterAll(async () => {
    await client?.close();
    await stopAllBrokerProcesses();
  });

  it('delivers 20,000 keyed records completely, in order, each in the partition murmur2 assigns', async () => {
    const topic = 'keyed';
    const partitions = 4;
    const total = 20_000;
    const keyCount = 500;
    await client.admin().createTopic({ topic, partitions });
    const producer = client.producer({ acks: 'all' });
    // The value names its key and that key's sequence number, so per-key order is checkable from the records alone.
    const messages = Array.from({ length: total }, (_, i) => ({ key: `key-${i % keyCount}`, value: `key-${i % keyCount}#${Math.floor(i / keyCount)}` }));
    const sendSize = 500;
    const sends: Promise<RecordMetadata[]>[] = [];
    for (let i = 0; i < total; i += sendSize) sends.push(producer.send({ topic, messages: messages.slice(i, i + sendSize) }));
    const acked = (await Promise.all(sends)).flat();
    await producer.close();

    // Checked record by record, but asserted once: 20,000 expect() calls would cost seconds of matcher overhead.
    const problems: string[] = [];
    expect(acked).toHaveLength(total);
    const ackedAt = new Map<string, string>();
    for (const [i, meta] of acked.entries()) {
      const want = hashPartition(bytes(messages[i].key), partitions);
      if (meta.partition !== want) problems.push(`send ${i}: acknowledged in partition ${meta.partition}, murmur2 says ${want}`);
      ackedAt.set(`${meta.partition}/${meta.offset}`, messages[i].value);
    }
    expect(ackedAt.size).toBe(total);

    const consumer = client.consumer({ start: 'earliest' });
    await consumer.assign([{ topic }]);
    const records = await take(consumer, total);
    await consumer.close();

    const nextOffset = new Array<number>(partitions).fill(0);
    const nextSeq = new Map<string, number>();
    const seen = new Set<string>();
    for (const r of records) {
      const key = r.keyString()!;
      const value = r.valueString()!;
      const at = `${r.topic}/${r.partition}/${r.offset}`;
      if (r.topic !== topic) problems.push(`${at}: wrong topic`);
      if (r.partition !== hashPartition(r.key!, partitions)) problems.push(`${at}: key ${key} is not in its murmur2 partition`);
      // Offsets of a partition arrive contiguous and increasing from 0.
      if (r.offset !== nextOffset[r.partition]) problems.push(`${at}: expected offset ${nextOffset[r.partition]}`);
      nextOffset[r.partition] = r.offset + 1;
      if (ackedAt.get(`${r.partition}/${r.offset}`) !== value) problems.push(`${at}: ${value} is not what was acknowledged there`);
      const [valueKey, seq] = value.split('#');
      if (valueKey !== key) problems.push(`${at}: value ${value} under key ${key}`);
      if (Number(seq) !== (nextSeq.get(key) ?? 0)) problems.push(`${at}: ${value} out of order for its key`);
      nextSeq.set(key, Number(seq) + 1);
      if (seen.has(value)) problems.push(`${at}: ${value} delivered twice`);
      seen.add(value);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(seen.size).toBe(total);
    expect(nextOffset.reduce((a, b) => a + b, 0)).toBe(total);
    // 500 keys over 4 partitions: murmur2 spreads them, so every partition got some.
    expect(nextOffset.every((n) => n > 0)).toBe(true);
    expect([...nextSeq.values()].every((n) => n === total / keyCount)).toBe(true);

    const described = await client.admin().describeTopic(topic);
    expect(described.partitions.map((p) => p.highWatermark)).toEqual(nextOffset);
  });

  it('routes keys of a range-partitioned topic by its split keys', async () => {
    const topic = 'ranged';
    await client.admin().createTopic({ topic, partitions: 3, splitKeys: ['g', 'p'] });
    const expected: Record<string, number> = { apple: 0, f: 0, fzz: 0, g: 1, hello: 1, ozone: 1, p: 2, pear: 2, zebra: 2 };
    const producer = client.producer();
    const keys = Object.keys(expected);
    const acked = await producer.send({ topic, messages: keys.map((key) => ({ key, value: key })) });
    expect(acked.map((m) => m.partition)).toEqual(keys.map((k) => expected[k]));

    const consumer = client.consumer({ start: 'earliest' });
    await consumer.assign([{ topic }]);
    const records = await take(consumer, keys.length);
    await consumer.close();
    expect(Object.fromEntries(records.map((r) => [r.keyString(), r.partition]))).toEqual(expected);

    const described = await client.admin().describeTopic(topic);
    expect(described.partitioning).toBe('range');
    expect(described.splitKeys.map((k) => Buffer.from(k).toString())).toEqual(['g', 'p']);
    expect(described.partitions.map((p) => p.highWatermark)).toEqual([3, 3, 3]);
  });

  describe('consumer positions', () => {
    const topic = 'positions';
    const baseTimestampMs = 1_700_000_000_000;
    const tp = { topic, partition: 0 };

    beforeAll(async () => {
      await client.admin().createTopic({ topic, partitions: 1 });
      const producer = client.producer({ lingerMs: 0 });
      // One send at a time: each record its own batch, so timestamp lookups resolve to single records.
      for (let i = 0; i < 10; i++) await producer.send({ topic, messages: [{ value: `v${i}`, timestampMs: baseTimestampMs + i * 1000 }] });
      await producer.close();
    });

    async function firstFrom(start: Parameters<Consumer['assign']>[0][number]['start']): Promise<ConsumerRecord> {
      const consumer = client.consumer();
      try {
        await consumer.assign([{ ...tp, start }]);
        return (await take(consumer, 1))[0];
      } finally {
        await consumer.close();
      }
    }

    it('starts at earliest, at an offset, and at the first record at or after a timestamp', async () => {
      expect((await firstFrom('earliest')).valueString()).toBe('v0');
      expect((await firstFrom({ offset: 7 })).valueString()).toBe('v7');
      const byTime = await firstFrom({ timestampMs: baseTimestampMs + 4500 });
      expect([byTime.offset, byTime.valueString(), byTime.timestampMs]).toEqual([5, 'v5', baseTimestampMs + 5000]);
      const exact = await firstFrom({ timestampMs: baseTimestampMs + 3000 });
      expect(exact.offset).toBe(3);
    });

    it('starts at the end for latest and for a timestamp after the last record', async () => {
      for (const start of ['latest', { timestampMs: Date.now() + 3_600_000 }] as const) {
        const consumer = client.consumer();
        const begun = started(consumer, 1);
        await consumer.assign([{ ...tp, start }]);
        const end = (await begun).get(0)!;
        const producer = client.producer({ lingerMs: 0 });
        const [meta] = await producer.send({ topic, messages: [{ value: `after-${end}` }] });
        await producer.close();
        expect(meta.offset).toBe(end);
        const [record] = await take(consumer, 1);
        expect([record.offset, record.valueString()]).toEqual([end, `after-${end}`]);
        await consumer.close();
      }
    });

    it('seeks back and forth, and keeps position and buffered records across pause/resume', async () => {
      const consumer = client.consumer({ start: 'earliest' });
      await consumer.assign([tp]);
      expect((await take(consumer, 3)).map((r) => r.offset)).toEqual([0, 1, 2]);
      expect(consumer.position(tp)).toBe(3);

      consumer.seek({ ...tp, offset: 1 });
      expect((await take(consumer, 2)).map((r) => r.valueString())).toEqual(['v1', 'v2']);
      consumer.seek({ ...tp, offset: 8 });
      expect((await take(consumer, 1))[0].valueString()).toBe('v8');

      consumer.pause([tp]);
      expect(consumer.paused()).toEqual([tp]);
      const iterator = consumer[Symbol.asyncIterator]();
      const pending = iterator.next();
      const quiet = await Promise.race([pending.then(() => 'delivered'), new Promise((resolve) => setTimeout(() => resolve('quiet'), 300))]);
      expect(quiet).toBe('quiet');
      expect(consumer.position(tp)).toBe(9);
      consumer.resume([tp]);
      const next = await pending;
      expect(next.done).toBe(false);
      expect((next.value as ConsumerRecord).offset).toBe(9);
      await iterator.return?.(undefined);
      await consumer.close();
    });

    it('keeps a paused partition quiet while others of the same consumer flow', async () => {
      const topic2 = 'pause-two';
      await client.admin().createTopic({ topic: topic2, partitions: 2 });
      const consumer = client.consumer({ start: 'earliest' });
      await consumer.assign([{ topic: topic2 }]);
      consumer.pause([{ topic: topic2, partition: 0 }]);
      const producer = client.producer();
      await producer.send({ topic: topic2, messages: [0, 1, 0, 1, 0, 1].map((partition, i) => ({ value: `m${i}`, partition })) });
      await producer.close();
      const flowing = await take(consumer, 3);
      expect(flowing.map((r) => [r.partition, r.valueString()])).toEqual([[1, 'm1'], [1, 'm3'], [1, 'm5']]);
      consumer.resume([{ topic: topic2, partition: 0 }]);
      const resumed = await take(consumer, 3);
      expect(resumed.map((r) => [r.partition, r.valueString()])).toEqual([[0, 'm0'], [0, 'm2'], [0, 'm4']]);
      await consumer.close();
    });
  });

  describe('admin', () => {
    it('creates, lists and describes topics', async () => {
      const admin = client.admin();
      const created = await admin.createTopic({ topic: 'admin-a', partitions: 3, config: { retentionMs: 60_000 } });
      expect(created).toMatchObject({ name: 'admin-a', partitioning: 'hash', replicationFactor: 1 });
      expect(created.partitions).toHaveLength(3);
      const names = (await admin.listTopics()).map((t) => t.name);
      expect(names).toEqual([...names].sort());
      expect(names).toEqual(expect.arrayContaining(['admin-a', 'keyed', 'ranged']));

      const described = await admin.describeTopic('admin-a');
      expect(described.config.retentionMs).toBe(60_000);
      expect(described.partitions).toEqual([0, 1, 2].map((partition) => expect.objectContaining({
        partition, leaderId: 1, replicas: [1], logStartOffset: 0, logEndOffset: 0, highWatermark: 0, error: 'NONE',
      })));
      expect(await admin.fetchTopicOffsets('admin-a')).toEqual([0, 1, 2].map((partition) => ({ partition, low: 0, high: 0 })));
    });

    it('answers a duplicate topic, an unknown topic and an invalid topic with typed errors', async () => {
      const admin = client.admin();
      await admin.createTopic({ topic: 'admin-dup', partitions: 1 });
      const duplicate = admin.createTopic({ topic: 'admin-dup', partitions: 2 });
      await expect(duplicate).rejects.toBeInstanceOf(RafterProtocolError);
      await expect(duplicate).rejects.toMatchObject({ code: 'TOPIC_ALREADY_EXISTS', retriable: false, topic: 'admin-dup' });
      await expect(admin.describeTopic('no-such-topic')).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC', topic: 'no-such-topic' });
      await expect(admin.createTopic({ topic: 'bad/name', partitions: 1 })).rejects.toMatchObject({ code: 'INVALID_TOPIC' });
      await expect(admin.createTopic({ topic: 'admin-r3', partitions: 1, replicationFactor: 3 })).rejects.toMatchObject({ code: 'INVALID_TOPIC' });
      // The duplicate did not change the existing topic.
      expect((await admin.describeTopic('admin-dup')).partitions).toHaveLength(1);
    });
  });
});

describe('SDK across a broker crash', () => {
  afterAll(async () => {
    await stopAllBrokerProcesses();
  });

  it('keeps every acknowledged record after SIGKILL and restart on the same data dir', async () => {
    const dataDir = makeTempDataDir();
    let broker = await startBrokerProcess({ dataDir });
    const topic = 'durable';
    const writer = new Rafter({ brokers: [brokerAddress(broker)], retry: { retries: 0 } });
    await writer.admin().createTopic({ topic, partitions: 2 });
    const producer = writer.producer({ acks: 'all', lingerMs: 1, batchBytes: 16 * 1024 });

    // Sends keep flowing while the broker dies: those acknowledged before the kill must all survive it.
    const acknowledged: { meta: RecordMetadata; value: string }[] = [];
    let next = 0;
    const sendOne = async (): Promise<void> => {
      const messages = Array.from({ length: 50 }, () => ({ key: `k${next % 7}`, value: `value-${next++}` }));
      const metas = await producer.send({ topic, messages });
      metas.forEach((meta, i) => acknowledged.push({ meta, value: messages[i].value }));
    };
    const loops = Array.from({ length: 4 }, async () => {
      for (;;) await sendOne();
    });
    const stopped = Promise.allSettled(loops);
    while (acknowledged.length < 3_000) await new Promise((resolve) => setTimeout(resolve, 5));
    await broker.kill();
    await writer.close();
    await stopped;
    // Every answer that reached the client was sent by the broker, so all of them count, not only those seen before kill().
    const ackedBeforeKill = acknowledged.slice();
    expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(3_000);

    // A new port: the old one cannot be bound again while the killed broker's connections sit in TIME_WAIT (uWS
    // listens without SO_REUSEADDR), so the reading client bootstraps from wherever the broker came back.
    broker = await startBrokerProcess({ dataDir });
    const reader = new Rafter({ brokers: [brokerAddress(broker)] });
    try {
      const offsets = await reader.admin().fetchTopicOffsets(topic);
      const stored = offsets.reduce((n, o) => n + o.high, 0);
      expect(stored).toBeGreaterThanOrEqual(ackedBeforeKill.length);
      const consumer = reader.consumer({ start: 'earliest' });
      await consumer.assign([{ topic }]);
      const records = await take(consumer, stored);
      await consumer.close();
      const byPosition = new Map(records.map((r) => [`${r.partition}/${r.offset}`, r.valueString()]));
      const missing = ackedBeforeKill.filter(({ meta, value }) => byPosition.get(`${meta.partition}/${meta.offset}`) !== value);
      expect(missing).toEqual([]);

      // The restarted broker continues each partition's offsets after what it recovered.
      const [after] = await reader.producer().send({ topic, messages: [{ value: 'after-restart', partition: 0 }] });
      expect(after.offset).toBe(offsets[0].high);
    } finally {
      await reader.close();
    }
  });
});
