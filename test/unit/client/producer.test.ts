// The producer against the in-memory fixture broker, over a real WebSocket on loopback.
import { decodeRecordBatch, ErrorCode, rafter } from '../../../client/protocol';
import {
  hashPartition,
  Rafter,
  RafterDeliveryTimeoutError,
  RafterInvalidArgumentError,
  RafterProtocolError,
} from '../../../client';
import { FakeBroker } from './fake-broker';

describe('Producer', () => {
  let broker: FakeBroker;
  let client: Rafter;

  beforeEach(async () => {
    ({ broker, client } = await FakeBroker.withClient());
  });

  afterEach(async () => {
    await client.close();
    await broker.stop();
  });


  it('resolves each message with its partition and consecutive offsets, in message order', async () => {
    broker.createTopic('t', 1);
    const producer = client.producer();
    const results = await producer.send({ topic: 't', messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
    expect(results.map((r) => [r.partition, r.offset])).toEqual([[0, 0], [0, 1], [0, 2]]);
    const single = await producer.send({ topic: 't', value: 'd' });
    expect(single).toMatchObject({ topic: 't', partition: 0, offset: 3 });
    expect(broker.storedValues('t', 0)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('routes keyed messages by murmur2 as Kafka does and sends all partitions of a broker in one request', async () => {
    broker.createTopic('keys', 4);
    const producer = client.producer({ lingerMs: 20 });
    const keys = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
    const results = await producer.send({ topic: 'keys', messages: keys.map((key) => ({ key, value: key })) });
    expect(results.map((r) => r.partition)).toEqual(keys.map((k) => hashPartition(Buffer.from(k), 4)));
    const produces = broker.requestsOf('produceRequest');
    expect(produces).toHaveLength(1);
    expect(produces[0].produceRequest!.partitions!.length).toBe(new Set(results.map((r) => r.partition)).size);
  });

  it('gathers sends made within lingerMs into one batch', async () => {
    broker.createTopic('linger', 1);
    const producer = client.producer({ lingerMs: 30 });
    const sends = Array.from({ length: 10 }, (_, i) => producer.send({ topic: 'linger', value: `v${i}` }));
    const results = await Promise.all(sends);
    expect(results.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(broker.topics.get('linger')!.partitions[0].batches).toHaveLength(1);
  });

  it('closes a batch at batchBytes and keeps the partition in order across batches', async () => {
    broker.createTopic('big', 1);
    const producer = client.producer({ lingerMs: 100, batchBytes: 1024 });
    const value = 'x'.repeat(300);
    const results = await producer.send({ topic: 'big', messages: Array.from({ length: 10 }, () => ({ value })) });
    expect(results.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const batches = broker.topics.get('big')!.partitions[0].batches;
    expect(batches.length).toBeGreaterThanOrEqual(3);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(1024 + 100);
  });

  it('retries NOT_LEADER after refreshing metadata and keeps later batches behind the retried one', async () => {
    broker.createTopic('moved', 1);
    broker.injectedErrors.set('moved/0', [{ code: ErrorCode.NOT_LEADER }, { code: ErrorCode.LEADER_NOT_AVAILABLE }]);
    const producer = client.producer({ lingerMs: 0 });
    const retries: number[] = [];
    producer.events.on('retry', (e) => retries.push(e.attempts));
    const first = producer.send({ topic: 'moved', value: 'first' });
    const second = producer.send({ topic: 'moved', value: 'second' });
    await expect(Promise.all([first, second])).resolves.toMatchObject([{ offset: 0 }, { offset: 1 }]);
    expect(broker.storedValues('moved', 0)).toEqual(['first', 'second']);
    expect(retries).toEqual([1, 2]);
    expect(broker.requestsOf('metadataRequest').length).toBeGreaterThanOrEqual(2);
  });

  it('fails at once on a non-retriable error, persisted: no', async () => {
    broker.createTopic('strict', 1);
    broker.injectedErrors.set('strict/0', [{ code: ErrorCode.MESSAGE_TOO_LARGE }]);
    const error = await client.producer().send({ topic: 'strict', value: 'v' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RafterProtocolError);
    expect(error).toMatchObject({ code: 'MESSAGE_TOO_LARGE', retriable: false, persisted: 'no', topic: 'strict', partition: 0 });
  });

  it('gives up after deliveryTimeoutMs with persisted: maybe when attempts timed out', async () => {
    await client.close();
    client = new Rafter({ brokers: [broker.address], requestTimeoutMs: 40, retry: { initialRetryTimeMs: 5, maxRetryTimeMs: 10, retries: 2 } });
    broker.createTopic('silent', 1);
    broker.silent = true;
    const error = await client.producer({ deliveryTimeoutMs: 150, lingerMs: 0 }).send({ topic: 'silent', value: 'v' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RafterDeliveryTimeoutError);
    expect(error).toMatchObject({ persisted: 'maybe', retriable: false, code: 'DELIVERY_TIMEOUT' });
    expect((error as Error).cause).toMatchObject({ code: 'REQUEST_TIMEOUT' });
  });

  it('with acks none resolves on write with offset -1, and the broker still stores the records', async () => {
    broker.createTopic('fire', 1);
    const results = await client.producer({ acks: 'none' }).send({ topic: 'fire', messages: [{ value: 'a' }, { value: 'b' }] });
    expect(results.map((r) => r.offset)).toEqual([-1, -1]);
    await new Promise((r) => setTimeout(r, 20));
    expect(broker.requestsOf('produceRequest')[0].produceRequest!.acks).toBe(rafter.Acks.ACKS_NONE);
    expect(broker.storedValues('fire', 0)).toEqual(['a', 'b']);
  });

  it('sticks null-key records to one partition per batch, then moves on', async () => {
    broker.createTopic('sticky', 8);
    const producer = client.producer({ lingerMs: 10 });
    const first = await producer.send({ topic: 'sticky', messages: Array.from({ length: 5 }, (_, i) => ({ value: `a${i}` })) });
    expect(new Set(first.map((r) => r.partition)).size).toBe(1);
    const second = await producer.send({ topic: 'sticky', messages: Array.from({ length: 5 }, (_, i) => ({ value: `b${i}` })) });
    expect(new Set(second.map((r) => r.partition)).size).toBe(1);
    expect(second[0].partition).not.toBe(first[0].partition);
  });

  it('uses range split keys for keyed records on range topics', async () => {
    broker.createTopic('ranged', 3, { range: ['g', 'p'] });
    const results = await client.producer().send({ topic: 'ranged', messages: ['a', 'g', 'o', 'p', 'z'].map((key) => ({ key, value: key })) });
    expect(results.map((r) => r.partition)).toEqual([0, 1, 1, 2, 2]);
  });

  it('carries keys, headers and timestamps to the stored batch', async () => {
    broker.createTopic('rich', 1);
    await client.producer().send({ topic: 'rich', messages: [{ key: Buffer.from('k'), value: null, headers: { h: 'v' }, timestampMs: 1234 }] });
    const [record] = decodeRecordBatch(broker.topics.get('rich')!.partitions[0].batches[0]).records;
    expect(Buffer.from(record.key!).toString()).toBe('k');
    expect(record.value).toBeNull();
    expect(record.timestampMs).toBe(1234);
    expect(record.headers.map((h) => [h.key, Buffer.from(h.value).toString()])).toEqual([['h', 'v']]);
    // Idempotent by default: the batch carries the producer id the broker handed out and the partition's first sequence.
    const header = decodeRecordBatch(broker.topics.get('rich')!.partitions[0].batches[0]).header;
    expect(header).toMatchObject({ producerEpoch: 0, baseSequence: 0 });
    expect(header.producerId).toBeGreaterThan(0);
  });

  it('rejects bad arguments synchronously-typed, naming the field', async () => {
    broker.createTopic('args', 2);
    const producer = client.producer();
    await expect(producer.send({ topic: 'args', value: 'v', partition: 5 })).rejects.toMatchObject({ field: 'messages[0].partition' });
    await expect(producer.send({ topic: 'args', value: 42 as unknown as string })).rejects.toBeInstanceOf(RafterInvalidArgumentError);
    expect(() => client.producer({ lingerMs: -1 })).toThrow(RafterInvalidArgumentError);
    expect(() => client.producer({ acks: 'some' as 'all' })).toThrow(/acks/);
  });

  it('flush() sends lingering batches at once', async () => {
    broker.createTopic('flush', 1);
    const producer = client.producer({ lingerMs: 60_000 });
    const pending = producer.send({ topic: 'flush', value: 'v' });
    await new Promise((r) => setTimeout(r, 20));
    expect(broker.requestsOf('produceRequest')).toHaveLength(0);
    await producer.flush();
    await expect(pending).resolves.toMatchObject({ offset: 0 });
  });

  it('client close() fails what the producer still holds, promptly', async () => {
    broker.createTopic('held', 1);
    const producer = client.producer({ lingerMs: 60_000 });
    const pending = producer.send({ topic: 'held', value: 'v' });
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await client.close();
    await expect(pending).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    expect(Date.now() - started).toBeLessThan(200);
  });
});
