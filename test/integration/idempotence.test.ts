// Idempotent producers against a real broker process: a batch sent twice with the same producer id and sequence is
// written once and both sends get its offset, also across a SIGKILL and restart (the producer state is rebuilt from
// the log); and an SDK producer streaming while the broker is frozen (its requests time out and are retried) and
// then killed loses no acknowledged record and writes none twice.
import { Rafter } from '../../client';
import { encodeRecordBatch, ErrorCode, type ProducerStamp } from '../../client/protocol';
import { makeTempDataDir, startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../../tools/broker-process';
import { RawClient } from './helpers/raw-client';
import { initProducerId, produceBatch, readPartition } from './helpers/raw-log';
import { take } from './helpers/take';

const text = (s: string) => new Uint8Array(Buffer.from(s));
const batchOf = (stamp: ProducerStamp, ...values: string[]) => encodeRecordBatch(values.map((v) => ({ value: text(v) })), stamp);

const address = (broker: BrokerProcess) => `127.0.0.1:${broker.port}`;

describe('idempotent producers against a broker process', () => {
  afterAll(() => stopAllBrokerProcesses());

  it('writes a batch sent twice once, answers both with its offset, and still does after SIGKILL and restart', async () => {
    const dataDir = makeTempDataDir();
    let broker = await startBrokerProcess({ dataDir });
    let client = await RawClient.connect(broker.url);
    try {
      const topic = 'idem-raw';
      const created = await client.request({ createTopicRequest: { name: topic, partitions: 1 } });
      expect(created.createTopicResponse!.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
      const id = await initProducerId(client);
      expect(id.producerId).toBeGreaterThan(0);
      const stamp = (baseSequence: number) => ({ producerId: id.producerId, producerEpoch: id.producerEpoch, baseSequence });
      const send = (batch: Uint8Array) => produceBatch(client, topic, batch, { producerToken: id.producerToken });

      const first = batchOf(stamp(0), 'a', 'b');
      const once = await send(first.slice());
      const twice = await send(first.slice());
      expect(once).toMatchObject({ baseOffset: 0 });
      expect(once.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
      expect(twice.error ?? ErrorCode.NONE).toBe(ErrorCode.NONE);
      expect(Number(twice.baseOffset)).toBe(0);
      expect(Number(twice.appendTimeMs)).toBe(Number(once.appendTimeMs));

      // Pipelined: the retry arrives while the original is still being committed.
      const second = batchOf(stamp(2), 'c');
      const [original, retry] = await Promise.all([send(second.slice()), send(second.slice())]);
      expect([original.error ?? 0, retry.error ?? 0]).toEqual([ErrorCode.NONE, ErrorCode.NONE]);
      expect([Number(original.baseOffset), Number(retry.baseOffset)]).toEqual([2, 2]);

      const gap = await send(batchOf(stamp(9), 'gap'));
      expect(gap.error).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE);
      expect(await readPartition(client, topic)).toEqual([[0, 'a'], [1, 'b'], [2, 'c']]);

      client.close();
      await broker.kill();
      broker = await startBrokerProcess({ dataDir });
      client = await RawClient.connect(broker.url);
      // The same producer's retries after the crash: recognised from the log, not written again.
      expect(Number((await send(first.slice())).baseOffset)).toBe(0);
      expect(Number((await send(second.slice())).baseOffset)).toBe(2);
      expect(await send(batchOf(stamp(3), 'd'))).toMatchObject({ baseOffset: 3 });
      expect(await readPartition(client, topic)).toEqual([[0, 'a'], [1, 'b'], [2, 'c'], [3, 'd']]);
    } finally {
      client.close();
    }
  });

  it('an SDK producer streaming through SIGKILL and restart loses no acknowledged record and writes none twice', async () => {
    const dataDir = makeTempDataDir();
    let broker = await startBrokerProcess({ dataDir });
    const topic = 'idem-sdk';
    // Requests time out while the broker is frozen below: the producer retries batches the broker did write.
    const writer = new Rafter({ brokers: [address(broker)], requestTimeoutMs: 300, retry: { retries: 0 } });
    await writer.admin().createTopic({ topic, partitions: 2 });
    const producer = writer.producer({ acks: 'all', lingerMs: 1, batchBytes: 8 * 1024 });
    let retries = 0;
    producer.events.on('retry', () => retries++);
    const acknowledged = new Set<string>();
    let next = 0;
    const loops = Array.from({ length: 4 }, async () => {
      for (;;) {
        const values = Array.from({ length: 40 }, () => `s1-${next++}`);
        await producer.send({ topic, messages: values.map((value) => ({ value })) });
        for (const v of values) acknowledged.add(v);
      }
    });
    const stopped = Promise.allSettled(loops);
    const acknowledgedAtLeast = async (n: number) => {
      while (acknowledged.size < n) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await acknowledgedAtLeast(1_000);
    process.kill(broker.pid, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    process.kill(broker.pid, 'SIGCONT');
    await acknowledgedAtLeast(acknowledged.size + 1_000);
    expect(retries).toBeGreaterThan(0);
    await broker.kill();
    await writer.close();
    await stopped;
    const sentBeforeKill = next;

    // A new port (the old one is in TIME_WAIT): a new client, so a new producer session.
    broker = await startBrokerProcess({ dataDir });
    const client = new Rafter({ brokers: [address(broker)] });
    try {
      const second = client.producer({ acks: 'all', lingerMs: 1 });
      const more = Array.from({ length: 500 }, (_, i) => `s2-${i}`);
      await Promise.all(Array.from({ length: 5 }, (_, k) => second.send({ topic, messages: more.slice(k * 100, (k + 1) * 100).map((value) => ({ value })) })));
      for (const v of more) acknowledged.add(v);

      const offsets = await client.admin().fetchTopicOffsets(topic);
      const stored = offsets.reduce((n, o) => n + o.high - o.low, 0);
      const consumer = client.consumer({ start: 'earliest' });
      await consumer.assign([{ topic }]);
      const records = await take(consumer, stored);
      await consumer.close();
      const values = records.map((r) => r.valueString() ?? '');
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      expect([...acknowledged].filter((v) => !counts.has(v))).toEqual([]);
      expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
      // Nothing but what was sent: session 1's unacknowledged sends may or may not be there.
      expect(values.every((v) => more.includes(v) || (v.startsWith('s1-') && Number(v.slice(3)) < sentBeforeKill))).toBe(true);
    } finally {
      await client.close();
    }
  });
});
