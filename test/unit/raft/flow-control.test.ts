// Inflights, Progress and quorum decisions on their own: the pieces of the leader's flow control and counting.
import { Inflights } from '../../../broker/raft/inflights';
import { Progress } from '../../../broker/raft/progress';
import { committedIndex, voteResult } from '../../../broker/raft/quorum';

describe('Inflights: a ring bounded by count and bytes', () => {
  it('is full at maxCount and frees everything up to an acknowledged index', () => {
    const inf = new Inflights(3, 0);
    inf.add(10, 100);
    inf.add(20, 100);
    expect(inf.full()).toBe(false);
    inf.add(30, 100);
    expect(inf.full()).toBe(true);
    expect(() => inf.add(40, 1)).toThrow(/full/);
    inf.freeLE(20);
    expect(inf.size).toBe(1);
    expect(inf.sizeBytes).toBe(100);
    inf.add(40, 5);
    inf.add(50, 5);
    expect(inf.full()).toBe(true);
    inf.freeLE(100);
    expect(inf.size).toBe(0);
    expect(inf.sizeBytes).toBe(0);
  });

  it('is full once the bytes in flight reach maxBytes', () => {
    const inf = new Inflights(100, 1000);
    inf.add(1, 600);
    expect(inf.full()).toBe(false);
    inf.add(2, 400);
    expect(inf.full()).toBe(true);
    inf.freeLE(1);
    expect(inf.full()).toBe(false);
  });

  it('wraps around its ring and keeps order across growth', () => {
    const inf = new Inflights(8, 0);
    let next = 1;
    for (let round = 0; round < 20; round++) {
      while (!inf.full()) inf.add(next++, 1);
      inf.freeLE(next - 1 - 3);
      expect(inf.size).toBe(3);
    }
    inf.freeFirstOne();
    expect(inf.size).toBe(2);
  });

  it('refuses indexes that do not increase and bad bounds', () => {
    const inf = new Inflights(4, 0);
    inf.add(5, 1);
    expect(() => inf.add(5, 1)).toThrow(/increase/);
    expect(() => new Inflights(0, 0)).toThrow(RangeError);
    expect(() => new Inflights(1, -1)).toThrow(RangeError);
  });
});

describe('Progress: probe, replicate, snapshot', () => {
  it('probe sends one append at a time; an ack moves match and unpauses', () => {
    const pr = new Progress(5, 4, 0, false);
    expect(pr.isPaused()).toBe(false);
    pr.sentEntries(2, 20);
    expect(pr.isPaused()).toBe(true);
    expect(pr.maybeUpdate(6)).toBe(true);
    expect(pr).toMatchObject({ match: 6, next: 7, msgAppFlowPaused: false });
    expect(pr.maybeUpdate(6)).toBe(false);
  });

  it('replicate streams optimistically until the inflights window is full', () => {
    const pr = new Progress(1, 2, 0, false);
    pr.becomeReplicate();
    pr.sentEntries(10, 100);
    pr.sentEntries(10, 100);
    expect(pr.next).toBe(21);
    expect(pr.isPaused()).toBe(true);
    pr.maybeUpdate(10);
    pr.inflights.freeLE(10);
    expect(pr.isPaused()).toBe(false);
  });

  it('maybeDecrTo ignores stale rejections and otherwise backs off to the hint', () => {
    const replicate = new Progress(1, 8, 0, false);
    replicate.maybeUpdate(10);
    replicate.becomeReplicate();
    replicate.sentEntries(10, 1);
    expect(replicate.maybeDecrTo(9, 0)).toBe(false);
    expect(replicate.maybeDecrTo(15, 0)).toBe(true);
    expect(replicate.next).toBe(11);

    const probe = new Progress(51, 8, 0, false);
    expect(probe.maybeDecrTo(40, 10)).toBe(false);
    expect(probe.maybeDecrTo(50, 10)).toBe(true);
    expect(probe.next).toBe(11);
    expect(probe.maybeDecrTo(10, 100)).toBe(true);
    expect(probe.next).toBe(10);
  });

  it('snapshot state pauses sends; afterwards probing resumes after the snapshot', () => {
    const pr = new Progress(3, 8, 0, false);
    pr.becomeSnapshot(100);
    expect(pr.isPaused()).toBe(true);
    expect(() => pr.sentEntries(1, 1)).toThrow();
    pr.becomeProbe();
    expect(pr).toMatchObject({ state: 'probe', next: 101 });
  });
});

describe('quorum', () => {
  const acked = (m: Record<number, number>) => (id: number) => m[id] ?? 0;

  it('committedIndex is the highest index a majority acknowledged', () => {
    expect(committedIndex([1], acked({ 1: 5 }))).toBe(5);
    expect(committedIndex([1, 2, 3], acked({ 1: 5, 2: 3, 3: 9 }))).toBe(5);
    expect(committedIndex([1, 2, 3, 4], acked({ 1: 5, 2: 3, 3: 9, 4: 7 }))).toBe(5);
    expect(committedIndex([1, 2, 3, 4, 5], acked({ 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }))).toBe(3);
    expect(committedIndex([], acked({}))).toBe(Infinity);
  });

  it('voteResult: won with a majority of grants, lost when a majority is out of reach, else pending', () => {
    const votes = (m: Record<number, boolean>) => new Map(Object.entries(m).map(([k, v]) => [Number(k), v]));
    expect(voteResult([1, 2, 3], votes({ 1: true }))).toBe('pending');
    expect(voteResult([1, 2, 3], votes({ 1: true, 2: true }))).toBe('won');
    expect(voteResult([1, 2, 3], votes({ 1: true, 2: false, 3: false }))).toBe('lost');
    expect(voteResult([1, 2, 3, 4], votes({ 1: true, 2: true, 3: false }))).toBe('pending');
    expect(voteResult([1, 2, 3], votes({ 1: true, 9: true }))).toBe('pending');
  });
});
