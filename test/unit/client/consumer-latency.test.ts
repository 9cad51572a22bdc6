// A position change (seek, resume, a new assignment) takes effect at once, not after the long poll already out to
// the partition's broker: maxWaitMs here is far longer than any bound the tests allow. Against the fixture broker.
import { ConsumerRecord, Rafter } from '../../../client';
import { FakeBroker } from './fake-broker';

const MAX_WAIT_MS = 5_000;
/** Well under MAX_WAIT_MS, well over a loopback round trip on a loaded machine. */
const PROMPT_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function take(iterable: AsyncIterable<ConsumerRecord>, n: number): Promise<ConsumerRecord[]> {
  const out: ConsumerRecord[] = [];
  for await (const record of iterable) {
    out.push(record);
    if (out.length === n) break;
  }
  return out;
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

describe('Consumer position changes', () => {
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
    await client.producer({ lingerMs: 0 }).send({ topic, messages: values.map((value) => ({ value, partition })) });
  }

  function longPolls(): number {
    return broker.requestsOf('fetchRequest').filter((f) => f.fetchRequest!.maxWaitMs! > 0).length;
  }

  /** Waits until the consumer's long poll is parked at the broker (it has asked and got no answer yet). */
  async function parked(count: number): Promise<void> {
    for (let i = 0; i < 100 && longPolls() < count; i++) await sleep(5);
    expect(longPolls()).toBe(count);
    await sleep(20);
  }

  it('after seek(), records at the new position arrive without waiting out the long poll', async () => {
    broker.createTopic('seek', 1);
    await produce('seek', ['a', 'b', 'c']);
    const consumer = client.consumer({ maxWaitMs: MAX_WAIT_MS });
    await consumer.assign([{ topic: 'seek', start: 'latest' }]);
    await parked(1);
    consumer.seek({ topic: 'seek', partition: 0, offset: 1 });
    const { value, ms } = await timed(take(consumer, 2));
    expect(value.map((r) => r.valueString())).toEqual(['b', 'c']);
    expect(ms).toBeLessThan(PROMPT_MS);
    // The long poll still out is for the old position: its answer must not be delivered, nor move the position.
    await produce('seek', ['d']);
    expect((await take(consumer, 1)).map((r) => [r.offset, r.valueString()])).toEqual([[3, 'd']]);
  });

  it('after resume(), buffered-at-the-broker records of the partition arrive at once', async () => {
    broker.createTopic('pr', 2);
    await produce('pr', ['p0a', 'p0b'], 0);
    const consumer = client.consumer({ maxWaitMs: MAX_WAIT_MS });
    await consumer.assign([{ topic: 'pr', start: 'earliest' }]);
    consumer.pause([{ topic: 'pr', partition: 0 }]);
    // Only partition 1, which is empty, is in the long poll.
    await parked(1);
    consumer.resume([{ topic: 'pr', partition: 0 }]);
    const { value, ms } = await timed(take(consumer, 2));
    expect(value.map((r) => r.valueString())).toEqual(['p0a', 'p0b']);
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  it('a newly assigned partition is fetched while the long poll for the others is out', async () => {
    broker.createTopic('idle', 1);
    broker.createTopic('busy', 1);
    await produce('busy', ['x']);
    const consumer = client.consumer({ maxWaitMs: MAX_WAIT_MS });
    await consumer.assign([{ topic: 'idle', start: 'latest' }]);
    await parked(1);
    const { value, ms } = await timed(consumer.assign([{ topic: 'busy', start: 'earliest' }]).then(() => take(consumer, 1)));
    expect(value.map((r) => r.valueString())).toEqual(['x']);
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  it('keeps one long poll per broker: a caught-up partition rejoins it instead of polling with no wait', async () => {
    broker.createTopic('join', 2);
    await produce('join', ['a'], 0);
    const consumer = client.consumer({ maxWaitMs: 200 });
    await consumer.assign([{ topic: 'join', partition: 1, start: 'latest' }]);
    await parked(1);
    await consumer.assign([{ topic: 'join', partition: 0, start: 'earliest' }]);
    expect((await take(consumer, 1)).map((r) => r.valueString())).toEqual(['a']);
    // The catch-up fetch that finds nothing more is the last one without a wait; the next long poll has both.
    await sleep(450);
    const fetches = broker.requestsOf('fetchRequest').map((f) => f.fetchRequest!);
    const noWait = fetches.filter((f) => f.maxWaitMs === 0);
    expect(noWait.length).toBeGreaterThanOrEqual(1);
    expect(noWait.length).toBeLessThanOrEqual(2);
    const last = fetches[fetches.length - 1];
    expect(last.maxWaitMs).toBe(200);
    expect(last.partitions!.map((p) => p.partition).sort()).toEqual([0, 1]);
    // Records produced now reach the consumer through that long poll.
    await produce('join', ['b'], 0);
    expect((await take(consumer, 1)).map((r) => r.valueString())).toEqual(['b']);
  });
});
