// The producer keeps the order in which send() was called for records of one partition, whatever each call found:
// metadata not cached yet, or a full buffer. Against the in-memory fixture broker over a real WebSocket.
import { Rafter } from '../../../client';
import { FakeBroker } from './fake-broker';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await sleep(5);
  if (!condition()) throw new Error('condition not reached within 1 s');
}

describe('Producer ordering', () => {
  let broker: FakeBroker;
  let client: Rafter;

  beforeEach(async () => {
    // A long first backoff: a send that found its topic missing sleeps well past anything the test does meanwhile.
    ({ broker, client } = await FakeBroker.withClient({ initialRetryTimeMs: 200, maxRetryTimeMs: 400, retries: 3 }));
  });

  afterEach(async () => {
    await client.close();
    await broker.stop();
  });


  it.each([true, false])('appends a send made while an earlier one waits for metadata after it (idempotent %s)', async (idempotent) => {
    const producer = client.producer({ lingerMs: 0, idempotent });
    broker.holdMetadata = true;
    const first = producer.send({ topic: 'late', value: 'a' });
    await until(() => broker.heldMetadataCount > 0);
    // The topic does not exist yet: the first send is told UNKNOWN_TOPIC and backs off before asking again.
    broker.releaseMetadata();
    await sleep(20);
    broker.createTopic('late', 1);
    // The topic is there now: without call order this send would look it up and be written before the first.
    const second = producer.send({ topic: 'late', value: 'b' });
    const third = producer.send({ topic: 'late', messages: [{ value: 'c' }, { value: 'd' }] });
    await Promise.all([first, second, third]);
    expect(broker.storedValues('late', 0)).toEqual(['a', 'b', 'c', 'd']);
    expect((await second).offset).toBe(1);
  });

  it('keeps per-key order for many sends issued while metadata is delayed', async () => {
    broker.createTopic('keys', 4);
    const producer = client.producer({ lingerMs: 0 });
    broker.holdMetadata = true;
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) sends.push(producer.send({ topic: 'keys', key: `k${i % 4}`, value: `k${i % 4}-${i}` }));
    await until(() => broker.heldMetadataCount > 0);
    broker.releaseMetadata();
    // Sends made as the answer is being applied join the same queue.
    for (let i = 40; i < 60; i++) sends.push(producer.send({ topic: 'keys', key: `k${i % 4}`, value: `k${i % 4}-${i}` }));
    await Promise.all(sends);
    const byKey = new Map<string, number[]>();
    for (let p = 0; p < 4; p++) {
      for (const value of broker.storedValues('keys', p)) {
        const [key, n] = value.split('-');
        byKey.set(key, [...(byKey.get(key) ?? []), Number(n)]);
      }
    }
    for (const [key, order] of byKey) {
      expect(order).toEqual(Array.from({ length: 15 }, (_, j) => Number(key.slice(1)) + 4 * j));
    }
  });

  it('does not let a small send overtake an earlier one waiting for buffer room', async () => {
    broker.createTopic('room', 1);
    const producer = client.producer({ lingerMs: 0, idempotent: false, maxBufferedBytes: 1024, batchBytes: 1024 });
    await producer.send({ topic: 'room', value: 'w' });
    broker.holdAcks = true;
    const held = producer.send({ topic: 'room', value: 'x'.repeat(600) });
    await until(() => broker.requestsOf('produceRequest').length === 2);
    // No room for this one until the held batch is acknowledged...
    const big = producer.send({ topic: 'room', value: 'a'.repeat(600) });
    // ...while this one would fit at once, but was called later.
    const small = producer.send({ topic: 'room', value: 'b' });
    await sleep(20);
    broker.releaseAcks();
    await Promise.all([held, big, small]);
    expect(broker.storedValues('room', 0).map((v) => v[0])).toEqual(['w', 'x', 'a', 'b']);
  });

  it('flush() waits for sends still waiting for metadata, and close() fails them if they cannot be appended', async () => {
    broker.createTopic('f', 1);
    const producer = client.producer({ lingerMs: 60_000 });
    broker.holdMetadata = true;
    const pending = producer.send({ topic: 'f', value: 'v' });
    const flushed = producer.flush();
    await until(() => broker.heldMetadataCount > 0);
    broker.releaseMetadata();
    await flushed;
    await expect(pending).resolves.toMatchObject({ offset: 0 });

    broker.holdMetadata = true;
    const other = producer.send({ topic: 'missing', value: 'v' });
    await until(() => broker.heldMetadataCount > 0);
    await producer.close({ flush: false });
    await expect(other).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    broker.releaseMetadata();
  });
});
