import { CompactedError, MemoryStorage, UnavailableError } from '../../../broker/raft';
import { EntryType, type Entry } from '../../../broker/raft/types';

const e = (index: number, term: number, size = 0): Entry => ({ index, term, type: EntryType.Normal, data: new Uint8Array(size) });
const conf = { voters: [1, 2, 3], learners: [], votersOutgoing: [] };

describe('MemoryStorage', () => {
  it('appends, overwrites a conflicting suffix, and refuses gaps', () => {
    const s = new MemoryStorage();
    s.append([e(1, 1), e(2, 1), e(3, 1)]);
    s.append([e(2, 2)]);
    expect(s.lastIndex()).toBe(2);
    expect(s.term(2)).toBe(2);
    expect(() => s.append([e(5, 2)])).toThrow(RangeError);
  });

  it('entries() limits bytes but returns at least one entry, and throws outside the log', () => {
    const s = new MemoryStorage();
    s.append([e(1, 1, 84), e(2, 1, 84), e(3, 1, 84)]);
    expect(s.entries(1, 4, 200).length).toBe(2);
    expect(s.entries(1, 4, 1).length).toBe(1);
    expect(() => s.entries(1, 5)).toThrow(UnavailableError);
    s.compact(1);
    expect(() => s.entries(1, 2)).toThrow(CompactedError);
    expect(s.term(1)).toBe(1);
    expect(() => s.term(0)).toThrow(CompactedError);
  });

  it('createSnapshot then compact: the snapshot is what Raft sends, the compaction point what it reads', () => {
    const s = new MemoryStorage();
    s.append([e(1, 1), e(2, 2), e(3, 2)]);
    const snap = s.createSnapshot(2, conf, new Uint8Array([7]));
    expect(snap.metadata).toEqual({ index: 2, term: 2, confState: conf });
    s.compact(2);
    expect(s.firstIndex()).toBe(3);
    expect(s.snapshot()).toBe(snap);
    expect(s.initialState().confState).toEqual(conf);
    expect(() => s.createSnapshot(2, conf, new Uint8Array())).toThrow(RangeError);
  });

  it('applySnapshot keeps a log that agrees with it and drops one that does not', () => {
    const s = new MemoryStorage();
    s.append([e(1, 1), e(2, 1), e(3, 1)]);
    s.applySnapshot({ metadata: { index: 2, term: 1, confState: conf }, data: new Uint8Array() });
    expect([s.firstIndex(), s.lastIndex()]).toEqual([3, 3]);
    s.applySnapshot({ metadata: { index: 3, term: 5, confState: conf }, data: new Uint8Array() });
    expect([s.firstIndex(), s.lastIndex(), s.term(3)]).toEqual([4, 3, 5]);
    expect(() => s.applySnapshot({ metadata: { index: 1, term: 1, confState: conf }, data: new Uint8Array() })).toThrow(RangeError);
  });

  it('keeps the hard state it is given; sync() resolves', async () => {
    const s = new MemoryStorage();
    s.setHardState({ term: 3, vote: 2, commit: 1 });
    expect(s.initialState().hardState).toEqual({ term: 3, vote: 2, commit: 1 });
    await expect(s.sync()).resolves.toBeUndefined();
  });
});
