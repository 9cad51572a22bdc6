// The accumulator on its own, with time passed in explicitly (no timers involved).
import { PendingSend, RecordAccumulator } from '../../../client/producer/accumulator';

function pending(n: number): PendingSend & { settled: string[] } {
  const settled: string[] = [];
  return { results: new Array(n), remaining: n, failed: false, settled, resolve: () => settled.push('ok'), reject: (e) => settled.push(`err:${(e as Error).message}`) };
}

const value = (size: number) => ({ value: new Uint8Array(size) });
const notMuted = () => false;

function drain(acc: RecordAccumulator, nowMs: number, opts: { leader?: number; muted?: Set<string>; capacity?: number } = {}) {
  return acc.drain({
    nowMs,
    isMuted: (t, p) => opts.muted?.has(`${t}/${p}`) ?? false,
    leaderOf: () => opts.leader ?? 1,
    capacityBytes: () => opts.capacity ?? 1 << 20,
  });
}

describe('RecordAccumulator', () => {
  it('holds a batch until lingerMs has passed', () => {
    const acc = new RecordAccumulator({ lingerMs: 5, batchBytes: 1024 });
    acc.append('t', 0, 'all', value(10), pending(1), 0, 100);
    expect(drain(acc, 104).byLeader.size).toBe(0);
    expect(acc.nextWakeAtMs(104, 60_000, notMuted)).toBe(105);
    const ready = drain(acc, 105).byLeader.get(1)!;
    expect(ready.map((b) => [b.topic, b.partition, b.recordCount])).toEqual([['t', 0, 1]]);
    expect(acc.isEmpty).toBe(true);
  });

  it('closes a batch when the next record would take it past batchBytes, and says so', () => {
    const acc = new RecordAccumulator({ lingerMs: 1000, batchBytes: 300 });
    const send = pending(3);
    expect(acc.append('t', 0, 'all', value(100), send, 0, 0).full).toBe(false);
    // 80 bytes of batch overhead + 2 x (100 + 24) > 300: the second record opens a new batch, the first is ready.
    expect(acc.append('t', 0, 'all', value(100), send, 1, 0).full).toBe(true);
    expect(acc.append('t', 0, 'all', value(100), send, 2, 0).full).toBe(true);
    expect(drain(acc, 0).byLeader.get(1)!.map((b) => b.recordCount)).toEqual([1]);
    expect(drain(acc, 0).byLeader.get(1)!.map((b) => b.recordCount)).toEqual([1]);
    // The last batch is alone in its queue: it waits out the linger.
    expect(drain(acc, 1).byLeader.size).toBe(0);
    expect(drain(acc, 1000).byLeader.get(1)!.map((b) => b.recordCount)).toEqual([1]);
  });

  it('a single record larger than batchBytes still gets a batch of its own, ready at once', () => {
    const acc = new RecordAccumulator({ lingerMs: 1000, batchBytes: 300 });
    expect(acc.append('t', 0, 'all', value(1000), pending(1), 0, 0).full).toBe(true);
    expect(drain(acc, 0).byLeader.get(1)!.map((b) => b.recordCount)).toEqual([1]);
  });

  it('sends a partition one batch at a time (muted while in flight), in order, and a retry goes first', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 150 });
    const send = pending(3);
    for (let i = 0; i < 3; i++) acc.append('t', 0, 'all', value(100), send, i, 0);
    const [b1] = drain(acc, 0).byLeader.get(1)!;
    expect(drain(acc, 0, { muted: new Set(['t/0']) }).byLeader.size).toBe(0);
    acc.reenqueue(b1);
    const [again] = drain(acc, 0).byLeader.get(1)!;
    expect(again).toBe(b1);
    const [b2] = drain(acc, 0).byLeader.get(1)!;
    expect(b2).not.toBe(b1);
    expect(b2.indexes).toEqual([1]);
  });

  it('honours a retry backoff before a batch may leave again', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 1024 });
    acc.append('t', 0, 'all', value(10), pending(1), 0, 0);
    const [b] = drain(acc, 0).byLeader.get(1)!;
    b.retryAtMs = 50;
    acc.reenqueue(b);
    expect(drain(acc, 49).byLeader.size).toBe(0);
    expect(acc.nextWakeAtMs(49, 60_000, notMuted)).toBe(50);
    expect(drain(acc, 50).byLeader.get(1)).toEqual([b]);
  });

  it('groups ready partitions by leader and reports partitions without one', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 1024 });
    for (let p = 0; p < 3; p++) acc.append('t', p, 'all', value(10), pending(1), 0, 0);
    const result = acc.drain({ nowMs: 0, isMuted: () => false, leaderOf: (_t, p) => (p === 2 ? -1 : p + 1), capacityBytes: () => 1 << 20 });
    expect([...result.byLeader.keys()].sort()).toEqual([1, 2]);
    expect(result.missingLeader).toBe(true);
  });

  it('puts at least one batch in a request, and no more than the broker capacity after that', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 1024 });
    for (let p = 0; p < 3; p++) acc.append('t', p, 'all', value(500), pending(1), 0, 0);
    expect(drain(acc, 0, { capacity: 100 }).byLeader.get(1)).toHaveLength(1);
    expect(drain(acc, 0, { capacity: 0 }).byLeader.size).toBe(0);
    expect(drain(acc, 0, { capacity: 1 << 20 }).byLeader.get(1)).toHaveLength(2);
  });

  it('expires queued batches at the delivery timeout', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 1024 });
    acc.append('t', 0, 'all', value(10), pending(1), 0, 0);
    expect(acc.expire(999, 1000)).toHaveLength(0);
    expect(acc.nextWakeAtMs(999, 1000, () => true)).toBe(1000);
    expect(acc.expire(1000, 1000)).toHaveLength(1);
    expect(acc.isEmpty).toBe(true);
  });

  it('completes every record of a send with consecutive offsets and settles the send once', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 1024 });
    const send = pending(2);
    acc.append('t', 3, 'all', value(1), send, 0, 0);
    acc.append('t', 3, 'all', value(1), send, 1, 0);
    const [b] = drain(acc, 0).byLeader.get(1)!;
    b.complete(40, 7);
    expect(send.results).toEqual([{ topic: 't', partition: 3, offset: 40, timestampMs: 7 }, { topic: 't', partition: 3, offset: 41, timestampMs: 7 }]);
    expect(send.settled).toEqual(['ok']);
  });

  it('does not mix acks levels in one batch', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 1024 });
    acc.append('t', 0, 'all', value(1), pending(1), 0, 0);
    acc.append('t', 0, 'none', value(1), pending(1), 0, 0);
    const [first] = drain(acc, 0).byLeader.get(1)!;
    const [second] = drain(acc, 0).byLeader.get(1)!;
    expect([first.acks, second.acks]).toEqual(['all', 'none']);
  });

  it('tracks buffered bytes and releases them', () => {
    const acc = new RecordAccumulator({ lingerMs: 0, batchBytes: 1024 });
    acc.append('t', 0, 'all', value(100), pending(1), 0, 0);
    expect(acc.bufferedBytes).toBeGreaterThanOrEqual(100);
    const [b] = drain(acc, 0).byLeader.get(1)!;
    acc.release(b);
    expect(acc.bufferedBytes).toBe(0);
  });
});
