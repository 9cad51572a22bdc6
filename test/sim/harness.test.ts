// The simulator's own parts, tested without Raft: a checker that misses a violation makes every clean seed a lie,
// so each invariant is fed a history that breaks it.
import type { Entry } from '../../broker/raft/types';
import { EntryType } from '../../broker/raft/types';
import { DurableLog } from './durable-log';
import { EventQueue } from './event-queue';
import { InvariantChecker, InvariantViolation } from './invariant-checker';
import type { InvariantName } from './invariant-checker';
import { Prng } from './prng';

function entry(index: number, term: number, payload = index): Entry {
  return { index, term, type: EntryType.Normal, data: new Uint8Array([payload & 0xff, payload >> 8]) };
}

function expectViolation(invariant: InvariantName, fn: () => void): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InvariantViolation);
  expect((caught as InvariantViolation).invariant).toBe(invariant);
}

describe('Prng', () => {
  it('replays the same stream for the same seed and differs across seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const xs = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(xs);
  });

  it('distinguishes seeds that differ only above 32 bits', () => {
    expect(new Prng(1).nextU32()).not.toBe(new Prng(2 ** 32 + 1).nextU32());
  });

  it('draws uniformly enough for fault rates', () => {
    const rng = new Prng(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[rng.int(10)]!++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('EventQueue', () => {
  it('pops by time, and in insertion order among equal times', () => {
    const q = new EventQueue<string>();
    const rng = new Prng(3);
    const pushed: { time: number; seq: number }[] = [];
    for (let seq = 0; seq < 2000; seq++) {
      const time = rng.int(50);
      pushed.push({ time, seq });
      q.push(time, `${time}:${seq}`);
    }
    pushed.sort((x, y) => x.time - y.time || x.seq - y.seq);
    const popped: string[] = [];
    while (q.size > 0) popped.push(q.pop()!);
    expect(popped).toEqual(pushed.map((p) => `${p.time}:${p.seq}`));
  });
});

describe('DurableLog', () => {
  const emptySnapshot = { metadata: { index: 0, term: 0, confState: { voters: [1], learners: [], votersOutgoing: [] } }, data: new Uint8Array(0) };
  const checkpoint = { index: 0, digest: 0, confState: emptySnapshot.metadata.confState };

  it('replaces a conflicting suffix and keeps the prefix', () => {
    const d = new DurableLog(emptySnapshot, checkpoint);
    d.write({ entries: [entry(1, 1), entry(2, 1), entry(3, 1)] });
    d.write({ entries: [entry(2, 2, 99)], hardState: { term: 2, vote: 1, commit: 1 } });
    expect(d.entries.map((e) => [e.index, e.term])).toEqual([[1, 1], [2, 2]]);
    expect(d.hardState.term).toBe(2);
  });

  it('refuses a write that would leave a gap', () => {
    const d = new DurableLog(emptySnapshot, checkpoint);
    expect(() => d.write({ entries: [entry(2, 1)] })).toThrow(/gap/);
  });

  it('keeps entries after a snapshot that matches the log, and drops a diverging log', () => {
    const d = new DurableLog(emptySnapshot, checkpoint);
    d.write({ entries: [entry(1, 1), entry(2, 1), entry(3, 1)] });
    d.write({ entries: [], snapshot: { metadata: { index: 2, term: 1, confState: emptySnapshot.metadata.confState }, data: new Uint8Array(0) } });
    expect(d.entries.map((e) => e.index)).toEqual([3]);
    d.write({ entries: [], snapshot: { metadata: { index: 3, term: 5, confState: emptySnapshot.metadata.confState }, data: new Uint8Array(0) } });
    expect(d.entries).toEqual([]);
    expect(d.lastIndex).toBe(3);
  });
});

describe('InvariantChecker', () => {
  it('accepts a log that grows, is overwritten above its commit, and is applied in order', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1), entry(2, 1)]);
    c.observeAppend(0, 2, [entry(1, 1), entry(2, 1)]);
    c.observeAppend(0, 2, [entry(2, 2, 7)]);
    c.observeCommit(0, 2, 1);
    c.observeApply(0, 2, 0, entry(1, 1));
    c.observeApply(0, 1, 0, entry(1, 1));
    expect(() => c.observeLeader(0, 1, 3)).not.toThrow();
  });

  it('flags two leaders of one term', () => {
    const c = new InvariantChecker(1, 3);
    c.observeLeader(0, 1, 4);
    c.observeLeader(0, 1, 4);
    expectViolation('election safety', () => c.observeLeader(0, 2, 4));
  });

  it('flags an entry whose prefix differs between two logs', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1, 10), entry(2, 2)]);
    expectViolation('log matching', () => c.observeAppend(0, 2, [entry(1, 1, 11), entry(2, 2)]));
  });

  it('flags two different entries applied at one index', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1, 10)]);
    c.observeAppend(0, 2, [entry(1, 2, 11)]);
    c.observeApply(0, 1, 0, entry(1, 1, 10));
    expectViolation('state machine safety', () => c.observeApply(0, 2, 0, entry(1, 2, 11)));
  });

  it('names the loss of an acknowledged proposal', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1, 10)]);
    c.observeAppend(0, 2, [entry(1, 2, 11)]);
    const key = c.observeApply(0, 1, 0, entry(1, 1, 10));
    c.observeAck(0, 1, key);
    expectViolation('acknowledged proposal lost', () => c.observeApply(0, 2, 0, entry(1, 2, 11)));
  });

  it('flags applying an entry the replica does not hold, or out of order', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1), entry(2, 1)]);
    expectViolation('state machine safety', () => c.observeApply(0, 1, 0, entry(1, 1, 77)));
    expectViolation('applied in order', () => c.observeApply(0, 1, 0, entry(2, 1)));
  });

  it('flags a leader that lacks a committed entry', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1), entry(2, 1)]);
    c.observeApply(0, 1, 0, entry(1, 1));
    c.observeApply(0, 1, 1, entry(2, 1));
    c.observeAppend(0, 3, [entry(1, 1)]);
    expectViolation('leader completeness', () => c.checkLeaderCompleteness(0, 3, 2));
    c.observeAppend(0, 2, [entry(1, 1), entry(2, 2, 9)]);
    expectViolation('leader completeness', () => c.checkLeaderCompleteness(0, 2, 2));
  });

  it('flags commit moving backwards, live or durable, and truncation below commit', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1), entry(2, 1)]);
    c.observeCommit(0, 1, 2);
    expectViolation('commit monotonic', () => c.observeCommit(0, 1, 1));
    expectViolation('committed entry truncated', () => c.observeAppend(0, 1, [entry(2, 3)]));
    c.observeDurableCommit(0, 1, 2);
    expectViolation('durable commit monotonic', () => c.observeDurableCommit(0, 1, 1));
  });

  it('lets a restart resume from the durable commit, below the live one it had', () => {
    const c = new InvariantChecker(1, 3);
    c.observeAppend(0, 1, [entry(1, 1), entry(2, 1)]);
    c.observeCommit(0, 1, 2);
    c.observeDurableCommit(0, 1, 1);
    c.observeRestart(0, 1, 0, 0, [entry(1, 1)], 1);
    expect(() => c.observeAppend(0, 1, [entry(2, 1)])).not.toThrow();
  });

  it('lets a replica that lost its state start its commit over, and flags it leaving recovery without what was committed', () => {
    const c = new InvariantChecker(1, 3);
    c.observeBootstrap(0, 1, 1);
    c.observeRestart(0, 1, 1, 1, [], 1);
    c.observeAppend(0, 1, [entry(2, 1), entry(3, 1)]);
    c.observeApply(0, 1, 1, entry(2, 1));
    c.observeApply(0, 1, 2, entry(3, 1));
    c.observeCommit(0, 1, 3);
    c.observeDurableCommit(0, 1, 3);
    c.observeLoss(0, 1);
    c.observeRestart(0, 1, 1, 1, [], 1);
    c.observeCommit(0, 1, 1);
    c.observeAppend(0, 1, [entry(2, 1)]);
    expectViolation('recovery completeness', () => c.observeRecovered(0, 1, 2));
    c.observeLoss(0, 1);
    c.observeAppend(0, 1, [entry(3, 1)]);
    expect(() => c.observeRecovered(0, 1, 3)).not.toThrow();
  });

  it('flags a snapshot of an entry no log ever held', () => {
    const c = new InvariantChecker(1, 3);
    expectViolation('log matching', () => c.observeSnapshot(0, 1, 5, 2));
  });
});
