// The contract every RaftLogStore keeps (broker/raft/storage.ts), run against each implementation: the LMDB GroupLog
// and the in-memory MemoryStorage. Raft and the simulator rely on exactly these behaviours.
import { CompactedError, UnavailableError, type RaftLogStore } from '../../../broker/raft/storage';
import {
  EMPTY_HARD_STATE, EntryType, entrySize, type ConfState, type Entry, type Snapshot, type Term,
} from '../../../broker/raft/types';

export interface RaftStorageHarness {
  /** A new, empty store. */
  readonly store: RaftLogStore;
  /** The store after a restart: it holds what was synced before. */
  restart(): Promise<RaftLogStore>;
  /**
   * Called between a test's writes and its reads; returns the store to read from. Lets one implementation run the
   * contract with reads of staged writes (nothing), of committed ones (sync), and of reopened ones (sync + restart).
   */
  settle?(): Promise<RaftLogStore>;
  dispose(): Promise<void>;
}

export function entry(index: number, term: Term, data: string | Uint8Array = `e${index}`, type = EntryType.Normal): Entry {
  return { index, term, type, data: typeof data === 'string' ? Buffer.from(data) : data };
}

export function run(from: number, to: number, term: Term): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push(entry(i, term));
  return out;
}

const VOTERS: ConfState = { voters: [1, 2, 3], learners: [4], votersOutgoing: [] };

function snapshotAt(index: number, term: Term, data = `state@${index}`): Snapshot {
  return { metadata: { index, term, confState: VOTERS }, data: Buffer.from(data) };
}

/** Comparable view of entries: the data as text, so expectations read plainly. */
function shape(entries: readonly Entry[]): Array<[number, Term, EntryType, string]> {
  return entries.map((e) => [e.index, e.term, e.type, Buffer.from(e.data).toString()]);
}

export function describeRaftStorageContract(name: string, makeStore: () => Promise<RaftStorageHarness>): void {
  describe(`RaftLogStore contract: ${name}`, () => {
    let harness: RaftStorageHarness;
    let store: RaftLogStore;

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });

    const settle = async (): Promise<void> => {
      if (harness.settle) store = await harness.settle();
    };

    afterEach(async () => {
      await harness.dispose();
    });

    it('starts empty: first index 1, last index 0, term 0 at index 0, empty hard state and snapshot', async () => {
      expect(store.firstIndex()).toBe(1);
      expect(store.lastIndex()).toBe(0);
      expect(store.term(0)).toBe(0);
      expect(store.entries(1, 1)).toEqual([]);
      expect(store.initialState().hardState).toEqual(EMPTY_HARD_STATE);
      expect(store.snapshot().metadata.index).toBe(0);
      expect(store.snapshot().data.length).toBe(0);
    });

    it('appends and reads entries back, with their terms and types', async () => {
      store.append([entry(1, 1), entry(2, 1, 'conf', EntryType.ConfChange), entry(3, 2)]);
      await settle();
      expect(store.lastIndex()).toBe(3);
      expect(shape(store.entries(1, 4))).toEqual([[1, 1, 0, 'e1'], [2, 1, 1, 'conf'], [3, 2, 0, 'e3']]);
      expect(shape(store.entries(2, 3))).toEqual([[2, 1, 1, 'conf']]);
      expect([store.term(1), store.term(2), store.term(3)]).toEqual([1, 1, 2]);
    });

    it('replaces a conflicting suffix on append', async () => {
      store.append(run(1, 5, 1));
      await settle();
      store.append([entry(3, 2, 'new3'), entry(4, 2, 'new4')]);
      await settle();
      expect(store.lastIndex()).toBe(4);
      expect(shape(store.entries(1, 5))).toEqual([[1, 1, 0, 'e1'], [2, 1, 0, 'e2'], [3, 2, 0, 'new3'], [4, 2, 0, 'new4']]);
      expect(() => store.term(5)).toThrow(UnavailableError);
      store.append([entry(5, 3)]);
      await settle();
      expect(store.term(5)).toBe(3);
    });

    it('overwrites from the very first entry', async () => {
      store.append(run(1, 3, 1));
      await settle();
      store.append([entry(1, 2, 'x')]);
      await settle();
      expect(shape(store.entries(1, 2))).toEqual([[1, 2, 0, 'x']]);
      expect(store.lastIndex()).toBe(1);
    });

    it('refuses an append that leaves a gap', async () => {
      store.append(run(1, 3, 1));
      await settle();
      expect(() => store.append([entry(5, 1)])).toThrow();
      expect(store.lastIndex()).toBe(3);
    });

    it('bounds entries(): compacted below the first index, unavailable past the last', async () => {
      store.append(run(1, 5, 1));
      await settle();
      expect(() => store.entries(1, 7)).toThrow(UnavailableError);
      expect(() => store.term(6)).toThrow(UnavailableError);
      store.compact(2);
      await settle();
      expect(() => store.entries(2, 4)).toThrow(CompactedError);
      expect(() => store.term(1)).toThrow(CompactedError);
      expect(shape(store.entries(3, 6)).map(([index]) => index)).toEqual([3, 4, 5]);
    });

    it('limits entries() by maxBytes, always returning at least one entry', async () => {
      const data = Buffer.alloc(100, 1);
      store.append([1, 2, 3, 4].map((i) => entry(i, 1, data)));
      await settle();
      const one = entrySize(entry(1, 1, data));
      expect(store.entries(1, 5, 0)).toHaveLength(1);
      expect(store.entries(1, 5, one)).toHaveLength(1);
      expect(store.entries(1, 5, 2 * one)).toHaveLength(2);
      expect(store.entries(1, 5, 3 * one - 1)).toHaveLength(2);
      expect(store.entries(2, 5, 100 * one)).toHaveLength(3);
      expect(store.entries(1, 5)).toHaveLength(4);
    });

    it('keeps the hard state', async () => {
      store.setHardState({ term: 3, vote: 2, commit: 0 });
      await settle();
      store.append(run(1, 2, 3));
      await settle();
      store.setHardState({ term: 3, vote: 2, commit: 2 });
      await settle();
      expect(store.initialState().hardState).toEqual({ term: 3, vote: 2, commit: 2 });
    });

    it('compacts a prefix: first index moves, the compaction point keeps its term, the snapshot stays', async () => {
      store.append([...run(1, 4, 1), ...run(5, 8, 2)]);
      await settle();
      store.compact(5);
      await settle();
      expect(store.firstIndex()).toBe(6);
      expect(store.lastIndex()).toBe(8);
      expect(store.term(5)).toBe(2);
      expect(store.snapshot().metadata.index).toBe(0);
      expect(shape(store.entries(6, 9)).map(([index]) => index)).toEqual([6, 7, 8]);
      store.compact(4);
      await settle();
      expect(store.firstIndex()).toBe(6);
      expect(() => store.compact(9)).toThrow(UnavailableError);
      store.compact(8);
      await settle();
      expect(store.firstIndex()).toBe(9);
      expect(store.lastIndex()).toBe(8);
      store.append([entry(9, 3)]);
      await settle();
      expect(store.term(9)).toBe(3);
    });

    it('compact() with a snapshot records it as the latest snapshot', async () => {
      store.append(run(1, 6, 1));
      await settle();
      store.compact(4, snapshotAt(4, 1, 'four'));
      await settle();
      const snap = store.snapshot();
      expect(snap.metadata).toEqual({ index: 4, term: 1, confState: VOTERS });
      expect(Buffer.from(snap.data).toString()).toBe('four');
      expect(store.initialState().confState).toEqual(VOTERS);
    });

    it('applies a snapshot to an empty log: the log continues after it', async () => {
      store.applySnapshot(snapshotAt(10, 4));
      await settle();
      expect(store.firstIndex()).toBe(11);
      expect(store.lastIndex()).toBe(10);
      expect(store.term(10)).toBe(4);
      expect(() => store.term(9)).toThrow(CompactedError);
      expect(store.initialState().confState).toEqual(VOTERS);
      const snap = store.snapshot();
      expect(snap.metadata).toEqual({ index: 10, term: 4, confState: VOTERS });
      expect(Buffer.from(snap.data).toString()).toBe('state@10');
      store.append([entry(11, 4)]);
      await settle();
      expect(shape(store.entries(11, 12))).toEqual([[11, 4, 0, 'e11']]);
    });

    it('applying a snapshot the log diverges from drops every entry', async () => {
      store.append(run(1, 5, 1));
      await settle();
      store.applySnapshot(snapshotAt(3, 2));
      await settle();
      expect(store.firstIndex()).toBe(4);
      expect(store.lastIndex()).toBe(3);
      expect(store.term(3)).toBe(2);
      expect(() => store.entries(4, 5)).toThrow(UnavailableError);
    });

    it('applying a snapshot beyond the log drops every entry', async () => {
      store.append(run(1, 5, 1));
      await settle();
      store.applySnapshot(snapshotAt(20, 3));
      await settle();
      expect(store.firstIndex()).toBe(21);
      expect(store.lastIndex()).toBe(20);
    });

    it('applying a snapshot the log contains keeps the entries after it', async () => {
      store.append(run(1, 5, 1));
      await settle();
      store.applySnapshot(snapshotAt(3, 1));
      await settle();
      expect(store.firstIndex()).toBe(4);
      expect(store.lastIndex()).toBe(5);
      expect(shape(store.entries(4, 6)).map(([index]) => index)).toEqual([4, 5]);
    });

    it('after a restart, holds everything synced: entries, hard state, snapshot, compaction point', async () => {
      store.applySnapshot(snapshotAt(2, 1, 'two'));
      await settle();
      store.append([...run(3, 6, 1), ...run(7, 9, 2)]);
      await settle();
      store.setHardState({ term: 2, vote: 1, commit: 8 });
      await settle();
      store.compact(4);
      await settle();
      store.append([entry(9, 3, 'replaced'), entry(10, 3)]);
      await settle();
      await store.sync();
      const reopened = await harness.restart();
      expect(reopened.firstIndex()).toBe(5);
      expect(reopened.lastIndex()).toBe(10);
      expect(reopened.term(4)).toBe(1);
      expect(reopened.initialState()).toEqual({ hardState: { term: 2, vote: 1, commit: 8 }, confState: VOTERS });
      expect(shape(reopened.entries(5, 11))).toEqual([
        [5, 1, 0, 'e5'], [6, 1, 0, 'e6'], [7, 2, 0, 'e7'], [8, 2, 0, 'e8'], [9, 3, 0, 'replaced'], [10, 3, 0, 'e10'],
      ]);
      const snap = reopened.snapshot();
      expect(snap.metadata).toEqual({ index: 2, term: 1, confState: VOTERS });
      expect(Buffer.from(snap.data).toString()).toBe('two');
    });
  });
}
