// RaftLog over MemoryStorage plus UnstableLog: the persisted part, the not-yet-persisted part, and their seams.
import { MemoryStorage } from '../../../broker/raft';
import { RaftLog } from '../../../broker/raft/log';
import { UnstableLog } from '../../../broker/raft/unstable-log';
import { CompactedError } from '../../../broker/raft/storage';
import { EntryType, type Entry } from '../../../broker/raft/types';

const e = (index: number, term: number, size = 0): Entry => ({ index, term, type: EntryType.Normal, data: new Uint8Array(size) });
const terms = (es: readonly Entry[]) => es.map((x) => x.term);

function storedLog(entries: Entry[]): { log: RaftLog; storage: MemoryStorage } {
  const storage = new MemoryStorage();
  storage.append(entries);
  return { log: new RaftLog(storage), storage };
}

describe('UnstableLog', () => {
  it('appends, truncates a conflicting suffix, and hands out only what is not yet in progress', () => {
    const u = new UnstableLog(5);
    u.truncateAndAppend([e(5, 1), e(6, 1), e(7, 1)]);
    expect(u.nextEntries().map((x) => x.index)).toEqual([5, 6, 7]);
    u.acceptInProgress();
    expect(u.nextEntries()).toEqual([]);
    u.truncateAndAppend([e(7, 2), e(8, 2)]);
    expect(u.offsetInProgress).toBe(7);
    expect(terms(u.nextEntries())).toEqual([2, 2]);
    u.truncateAndAppend([e(4, 3)]);
    expect(u.offset).toBe(4);
    expect(terms(u.entries)).toEqual([3]);
  });

  it('stableTo drops entries only if they are still there with the same term', () => {
    const u = new UnstableLog(1);
    u.truncateAndAppend([e(1, 1), e(2, 1), e(3, 1)]);
    u.acceptInProgress();
    u.stableTo(2, 9);
    expect(u.offset).toBe(1);
    u.stableTo(2, 1);
    expect(u.offset).toBe(3);
    expect(u.entries.map((x) => x.index)).toEqual([3]);
  });

  it('does not grow an array the caller handed in', () => {
    const given = [e(1, 1)];
    const u = new UnstableLog(1);
    u.truncateAndAppend(given);
    u.truncateAndAppend([e(2, 1)]);
    expect(given).toHaveLength(1);
  });

  it('a pending snapshot gives the first index and the term at its index', () => {
    const u = new UnstableLog(1);
    u.restore({ metadata: { index: 10, term: 4, confState: { voters: [1], learners: [], votersOutgoing: [] } }, data: new Uint8Array() });
    expect(u.maybeFirstIndex()).toBe(11);
    expect(u.maybeLastIndex()).toBe(10);
    expect(u.maybeTerm(10)).toBe(4);
    expect(u.maybeTerm(9)).toBeUndefined();
  });
});

describe('RaftLog', () => {
  it('reads terms from storage below the unstable offset and from the unstable log above it', () => {
    const { log } = storedLog([e(1, 1), e(2, 1)]);
    log.append([e(3, 2)]);
    expect(log.term(2)).toBe(1);
    expect(log.term(3)).toBe(2);
    expect(log.term(4)).toBeUndefined();
    expect(log.lastIndex()).toBe(3);
    expect(terms(log.slice(1, 4))).toEqual([1, 1, 2]);
  });

  it('maybeAppend matches on (prevIndex, prevTerm), truncates at the first conflict and commits up to the last new entry', () => {
    const { log } = storedLog([e(1, 1), e(2, 1), e(3, 1)]);
    expect(log.maybeAppend(3, 2, 3, [e(4, 2)])).toBeUndefined();
    expect(log.maybeAppend(1, 1, 10, [e(2, 1), e(3, 2)])).toBe(3);
    expect(terms(log.slice(1, 4))).toEqual([1, 1, 2]);
    expect(log.committed).toBe(3);
    // A stale, shorter append that agrees changes nothing.
    expect(log.maybeAppend(1, 1, 3, [e(2, 1)])).toBe(2);
    expect(log.lastIndex()).toBe(3);
    expect(() => log.maybeAppend(1, 1, 3, [e(2, 5)])).toThrow(/committed/);
  });

  it('findConflictByTerm skips every entry of a term above the given one', () => {
    const { log } = storedLog([e(1, 1), e(2, 2), e(3, 2), e(4, 4), e(5, 4), e(6, 4)]);
    expect(log.findConflictByTerm(6, 3)).toEqual({ index: 3, term: 2 });
    expect(log.findConflictByTerm(6, 4)).toEqual({ index: 6, term: 4 });
    expect(log.findConflictByTerm(6, 0)).toEqual({ index: 0, term: 0 });
  });

  it('isUpToDate compares last term first, then last index (§5.4.1)', () => {
    const { log } = storedLog([e(1, 1), e(2, 2)]);
    expect(log.isUpToDate(1, 3)).toBe(true);
    expect(log.isUpToDate(2, 2)).toBe(true);
    expect(log.isUpToDate(1, 2)).toBe(false);
    expect(log.isUpToDate(9, 1)).toBe(false);
  });

  it('slice honours maxBytes across the stored and unstable parts, always returning at least one entry', () => {
    const { log } = storedLog([e(1, 1, 84), e(2, 1, 84)]);
    log.append([e(3, 1, 84), e(4, 1, 84)]);
    expect(log.slice(1, 5, 250).map((x) => x.index)).toEqual([1, 2]);
    expect(log.slice(2, 5, 250).map((x) => x.index)).toEqual([2, 3]);
    expect(log.slice(3, 5, 10).map((x) => x.index)).toEqual([3]);
    expect(log.slice(1, 5).length).toBe(4);
  });

  it('slice of compacted entries throws CompactedError; commitTo never passes the last index', () => {
    const { log, storage } = storedLog([e(1, 1), e(2, 1), e(3, 1)]);
    storage.compact(2);
    expect(() => log.slice(1, 3)).toThrow(CompactedError);
    expect(() => log.commitTo(9)).toThrow(/beyond/);
    log.commitTo(3);
    log.commitTo(1);
    expect(log.committed).toBe(3);
  });

  it('nextCommittedEntries hands out (applied, committed] and nothing while a snapshot is pending', () => {
    const { log } = storedLog([e(1, 1), e(2, 1), e(3, 1)]);
    log.commitTo(2);
    expect(log.nextCommittedEntries(Infinity).map((x) => x.index)).toEqual([1, 2]);
    log.appliedTo(2);
    expect(log.hasNextCommittedEntries()).toBe(false);
    log.restore({ metadata: { index: 10, term: 2, confState: { voters: [1], learners: [], votersOutgoing: [] } }, data: new Uint8Array() });
    expect(log.committed).toBe(10);
    expect(log.hasNextCommittedEntries()).toBe(false);
  });
});
