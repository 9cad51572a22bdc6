// The idempotent producer against the fixture broker, which de-duplicates with the partition's ProducerStateTable:
// lost acknowledgements, pipelining with in-order retries, fatal states, producer ids, and config validation.
import { decodeRecordBatch, ErrorCode, readBatchHeader } from '../../../client/protocol';
import { Rafter, RafterInvalidArgumentError, type ProducerOptions } from '../../../client';
import { producerIdOf } from '../../../broker/server/init-producer';
import { FakeBroker } from './fake-broker';

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('idempotent producer', () => {
  let broker: FakeBroker;
  let client: Rafter;

  beforeEach(async () => {
    broker = await FakeBroker.start();
    client = new Rafter({ brokers: [broker.address], requestTimeoutMs: 150, retry: { initialRetryTimeMs: 5, maxRetryTimeMs: 20, retries: 3 } });
    broker.createTopic('t', 1);
  });

  afterEach(async () => {
    await client.close();
    await broker.stop();
  });

  const stored = () => broker.topics.get('t')!.partitions[0].batches.flatMap((b) =>
    decodeRecordBatch(b).records.map((r) => Buffer.from(r.value!).toString()));
  const sentHeaders = () => broker.requestsOf('produceRequest').map((f) => {
    const header = readBatchHeader(f.produceRequest!.partitions![0].batch!);
    if (typeof header === 'string') throw new Error(header);
    return header;
  });
  /** Records of ~100 bytes: each fills a 128-byte batch on its own. */
  const big = (s: string) => s.padEnd(100, '.');
  const pipelining: ProducerOptions = { lingerMs: 0, batchBytes: 128 };

  it.each(['drop', 'disconnect'] as const)('a retry after a lost acknowledgement (%s) resends the same sequence and gets the original offset', async (loss) => {
    const producer = client.producer({ lingerMs: 0 });
    broker.lostAcks.push(loss);
    const result = await producer.send({ topic: 't', messages: [{ value: 'a' }, { value: 'b' }] });
    expect(result.map((r) => r.offset)).toEqual([0, 1]);
    expect(stored()).toEqual(['a', 'b']);
    const [first, retry] = broker.requestsOf('produceRequest').map((f) => f.produceRequest!.partitions![0].batch!);
    expect(Buffer.from(retry)).toEqual(Buffer.from(first));
    const { producerId } = sentHeaders()[0];
    expect(producerId).toBeGreaterThan(0);
    expect(sentHeaders().map((h) => [h.producerId, h.baseSequence])).toEqual([[producerId, 0], [producerId, 0]]);
    // The sequence goes on from there.
    await expect(producer.send({ topic: 't', value: 'c' })).resolves.toMatchObject({ offset: 2 });
    expect(sentHeaders()[2].baseSequence).toBe(2);
    expect(stored()).toEqual(['a', 'b', 'c']);
  });

  it('without idempotence the same lost acknowledgement writes the records twice', async () => {
    const producer = client.producer({ lingerMs: 0, idempotent: false });
    broker.lostAcks.push('drop');
    await expect(producer.send({ topic: 't', value: 'a' })).resolves.toMatchObject({ offset: 1 });
    expect(stored()).toEqual(['a', 'a']);
    expect(sentHeaders()[0]).toMatchObject({ producerId: 0, baseSequence: -1 });
    expect(broker.requestsOf('initProducerIdRequest')).toHaveLength(0);
  });

  it('asks for a producer id once, on the first send, and proves it with the token in every produce request', async () => {
    const producer = client.producer({ lingerMs: 0 });
    expect(broker.requestsOf('initProducerIdRequest')).toHaveLength(0);
    await producer.send({ topic: 't', value: 'a' });
    await producer.send({ topic: 't', value: 'b' });
    expect(broker.requestsOf('initProducerIdRequest')).toHaveLength(1);
    expect(producer.idempotent).toBe(true);
    const tokens = broker.requestsOf('produceRequest').map((f) => Buffer.from(f.produceRequest!.producerToken!).toString('hex'));
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(1);
    expect(producerIdOf(broker.requestsOf('produceRequest')[0].produceRequest!.producerToken!)).toBe(sentHeaders()[0].producerId);
  });

  it('keeps up to 5 batches of a partition in flight once the partition has acknowledged one', async () => {
    const producer = client.producer(pipelining);
    await producer.send({ topic: 't', value: big('first') });
    broker.holdAcks = true;
    const sends = Array.from({ length: 7 }, (_, i) => producer.send({ topic: 't', value: big(`v${i}`) }));
    await until(() => broker.requestsOf('produceRequest').length === 6);
    await new Promise((r) => setTimeout(r, 20));
    expect(broker.requestsOf('produceRequest')).toHaveLength(6);
    broker.releaseAcks();
    const results = await Promise.all(sends);
    expect(results.map((r) => r.offset)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(stored().map((v) => v.replace(/\.+$/, ''))).toEqual(['first', 'v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6']);
    const sequences = sentHeaders().map((h) => h.baseSequence);
    expect(sequences).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('retries in order when the first of several in-flight batches fails: the later ones come after it, written once', async () => {
    const producer = client.producer(pipelining);
    const retried: unknown[] = [];
    producer.events.on('retry', (e) => retried.push(e.error));
    await producer.send({ topic: 't', value: big('first') });
    broker.holdAcks = true;
    // The first of the next batches is refused; the leader then refuses the ones behind it as out of order (a gap).
    broker.injectedErrors.set('t/0', [{ code: ErrorCode.NOT_LEADER }]);
    const sends = ['a', 'b', 'c'].map((v) => producer.send({ topic: 't', value: big(v) }));
    await until(() => broker.requestsOf('produceRequest').length === 4);
    broker.releaseAcks();
    const results = await Promise.all(sends);
    expect(results.map((r) => r.offset)).toEqual([1, 2, 3]);
    expect(stored().map((v) => v.replace(/\.+$/, ''))).toEqual(['first', 'a', 'b', 'c']);
    expect(producer.fatalError).toBeUndefined();
    expect(retried.map((e) => (e as { code: string }).code)).toEqual(['NOT_LEADER', 'OUT_OF_ORDER_SEQUENCE', 'OUT_OF_ORDER_SEQUENCE']);
    // Three in flight at once, then each retried with its own sequence, in order and one at a time.
    expect(sentHeaders().map((h) => h.baseSequence)).toEqual([0, 1, 2, 3, 1, 2, 3]);
  });

  it('gives a failed batch\'s sequences to the next batch when it was certainly not written', async () => {
    const producer = client.producer({ lingerMs: 0 });
    broker.injectedErrors.set('t/0', [{ code: ErrorCode.MESSAGE_TOO_LARGE }]);
    await expect(producer.send({ topic: 't', value: 'refused' })).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE', persisted: 'no' });
    await expect(producer.send({ topic: 't', value: 'next' })).resolves.toMatchObject({ offset: 0 });
    expect(sentHeaders().map((h) => h.baseSequence)).toEqual([0, 0]);
    expect(producer.fatalError).toBeUndefined();
  });

  it('after a batch that may have been written fails for good, a gap reported right behind it is repaired, not fatal', async () => {
    const producer = client.producer({ lingerMs: 0, deliveryTimeoutMs: 250 });
    await producer.send({ topic: 't', value: 'ok' });
    // The broker takes nothing and answers nothing: the batch times out in flight, so it may have been written.
    broker.silent = true;
    await expect(producer.send({ topic: 't', value: 'lost' })).rejects.toMatchObject({ code: 'DELIVERY_TIMEOUT', persisted: 'maybe' });
    broker.silent = false;
    // The next batch (sequence 2) is refused as a gap, which shows sequence 1 was never written: it takes it over.
    await expect(producer.send({ topic: 't', value: 'next' })).resolves.toMatchObject({ offset: 1 });
    expect(producer.fatalError).toBeUndefined();
    expect(stored()).toEqual(['ok', 'next']);
    expect(sentHeaders().map((h) => h.baseSequence).slice(-2)).toEqual([2, 1]);
  });

  it.each(['PRODUCER_FENCED', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'OUT_OF_ORDER_SEQUENCE'] as const)('%s on the oldest unacknowledged batch is fatal: queued records fail, later sends reject', async (name) => {
    const producer = client.producer({ lingerMs: 0 });
    const fatal: unknown[] = [];
    producer.events.on('fatal', (e) => fatal.push(e.error));
    await producer.send({ topic: 't', value: 'ok' });
    broker.injectedErrors.set('t/0', [{ code: ErrorCode[name] }]);
    const refused = producer.send({ topic: 't', value: 'refused' });
    const queued = producer.send({ topic: 't', value: 'queued' });
    await expect(refused).rejects.toMatchObject({ code: name });
    await expect(queued).rejects.toMatchObject({ code: name });
    expect(producer.fatalError).toMatchObject({ code: name, retriable: false });
    expect(fatal).toEqual([producer.fatalError]);
    await expect(producer.send({ topic: 't', value: 'later' })).rejects.toBe(producer.fatalError);
    expect(stored()).toEqual(['ok']);
  });

  // A refusal answers one attempt: it says nothing of an earlier one whose answer was lost, which may be in the log
  // (here it is). As a leader that lost the producer's state would answer the retry.
  it.each(['PRODUCER_FENCED', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'OUT_OF_ORDER_SEQUENCE'] as const)('%s on a retry of a batch an earlier attempt may have written fails it with persisted maybe', async (name) => {
    const producer = client.producer({ lingerMs: 0 });
    await producer.send({ topic: 't', value: 'ok' });
    broker.lostAcks.push('drop');
    producer.events.on('retry', () => broker.injectedErrors.set('t/0', [{ code: ErrorCode[name] }]));
    await expect(producer.send({ topic: 't', value: 'lost-ack' })).rejects.toMatchObject({ code: name, persisted: 'maybe' });
    expect(stored()).toEqual(['ok', 'lost-ack']);
    expect(producer.fatalError).toMatchObject({ code: name });
  });

  it('a fatal error on one partition fails what other partitions may have written with maybe, and lets their in-flight batches finish', async () => {
    broker.createTopic('three', 3);
    const producer = client.producer({ lingerMs: 0, retry: { initialRetryTimeMs: 60_000, maxRetryTimeMs: 60_000 } });
    for (const partition of [0, 1, 2]) await producer.send({ topic: 'three', partition, value: `first-${partition}` });
    // Partition 1: an attempt written whose answer is lost; the batch waits for its retry.
    broker.lostAcks.push('drop');
    const retried = new Promise((resolve) => producer.events.on('retry', resolve));
    const lost = producer.send({ topic: 'three', partition: 1, value: 'lost-ack' }).catch((e: unknown) => e);
    await retried;
    // Partition 2: in flight, unanswered yet, while partition 0 is refused for good.
    broker.holdAcks = true;
    const sent = broker.requestsOf('produceRequest').length;
    const inFlight = producer.send({ topic: 'three', partition: 2, value: 'in-flight' }).catch((e: unknown) => e);
    await until(() => broker.requestsOf('produceRequest').length === sent + 1);
    broker.holdAcks = false;
    broker.injectedErrors.set('three/0', [{ code: ErrorCode.OUT_OF_ORDER_SEQUENCE }]);
    await expect(producer.send({ topic: 'three', partition: 0, value: 'refused' })).rejects.toMatchObject({ code: 'OUT_OF_ORDER_SEQUENCE', persisted: 'no' });
    expect(await lost).toMatchObject({ code: 'OUT_OF_ORDER_SEQUENCE', persisted: 'maybe' });
    broker.releaseAcks();
    expect(await inFlight).toMatchObject({ partition: 2, offset: 1 });
    expect(producer.fatalError).toMatchObject({ code: 'OUT_OF_ORDER_SEQUENCE' });
  });

  it('retries InitProducerId on a retriable error and fails for good on a non-retriable one', async () => {
    broker.initProducerIdErrors.push(ErrorCode.STORAGE_ERROR);
    await expect(client.producer({ lingerMs: 0 }).send({ topic: 't', value: 'a' })).resolves.toMatchObject({ offset: 0 });
    expect(broker.requestsOf('initProducerIdRequest')).toHaveLength(2);

    broker.initProducerIdErrors.push(ErrorCode.UNSUPPORTED);
    const producer = client.producer({ lingerMs: 0 });
    await expect(producer.send({ topic: 't', value: 'b' })).rejects.toThrow(/cannot get a producer id.*idempotent: false/);
    expect(producer.fatalError).toMatchObject({ code: 'UNSUPPORTED' });
    expect(stored()).toEqual(['a']);

    // A broker from before producer tokens: its ids would be refused by every upgraded partition leader.
    broker.tokenlessProducerIds = true;
    const old = client.producer({ lingerMs: 0 });
    await expect(old.send({ topic: 't', value: 'c' })).rejects.toThrow(/without a producer token: it is older than this client/);
    expect(stored()).toEqual(['a']);
  });

  it('validates idempotence against acks and maxInFlightRequests when the producer is created', () => {
    expect(() => client.producer({ idempotent: true, acks: 'leader' })).toThrow(RafterInvalidArgumentError);
    expect(() => client.producer({ idempotent: true, acks: 'none' })).toThrow(/requires acks 'all'.*idempotent: false/);
    expect(() => client.producer({ idempotent: true, maxInFlightRequests: 6 })).toThrow(/at most 5/);
    expect(() => client.producer({ idempotent: 'yes' as unknown as boolean })).toThrow(/idempotent/);
    // Left unset, idempotence gives way to options it cannot honour; set, the options stand on their own.
    expect(client.producer().idempotent).toBe(true);
    expect(client.producer({ acks: 'leader' }).idempotent).toBe(false);
    expect(client.producer({ maxInFlightRequests: 10 }).idempotent).toBe(false);
    expect(client.producer({ idempotent: false }).idempotent).toBe(false);
  });

  it('refuses a per-send acks other than all on an idempotent producer', async () => {
    const producer = client.producer();
    await expect(producer.send({ topic: 't', value: 'v', acks: 'leader' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'acks' });
    await expect(client.producer({ idempotent: false }).send({ topic: 't', value: 'v', acks: 'leader' })).resolves.toMatchObject({ offset: 0 });
  });
});
