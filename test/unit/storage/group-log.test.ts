// GroupLog as a partition uses it: record batches as entries, the sparse offset index, CRC-checked reads, suffix
// truncation and prefix deletes, sizes, drops and recovery after a reopen.
import { encodeRecordBatch, stampBatch } from '../../../client/protocol';
import { CompactedError } from '../../../broker/raft/storage';
import { EntryType, type Entry } from '../../../broker/raft/types';
import { StorageCorruptionError, type BrokerStore, type GroupLog } from '../../../broker/storage';
import { groupEndKey, groupStartKey, positionKey } from '../../../broker/storage/layout';
import { openTempStore, type TempStore } from './temp-store';

const G = 3;

/** A stamped record batch of `count` records with `valueBytes` each, at baseOffset. */
function batch(baseOffset: number, count: number, valueBytes = 10): Uint8Array {
  const records = Array.from({ length: count }, (_, i) => ({ value: Buffer.alloc(valueBytes, (baseOffset + i) & 0xff) }));
  const bytes = encodeRecordBatch(records, undefined, 1_700_000_000_000);
  stampBatch(bytes, baseOffset, 1_700_000_000_000);
  return bytes;
}

/** A partition command that is not a record batch (first byte other than the batch tag). */
const COMMAND = Uint8Array.from([0x01, 0xaa]);

interface Appended {
  entries: Entry[];
  batches: Map<number, Uint8Array>;
}

/** Appends batches of `count` records each (one entry each) from index `from`, indexing their offsets. */
function appendBatches(log: GroupLog, from: number, baseOffset: number, batches: number, count: number, term = 1): Appended {
  const entries: Entry[] = [];
  const byIndex = new Map<number, Uint8Array>();
  for (let i = 0; i < batches; i++) {
    const data = batch(baseOffset + i * count, count);
    entries.push({ index: from + i, term, type: EntryType.Normal, data });
    byIndex.set(from + i, data);
  }
  log.append(entries);
  entries.forEach((e, i) => log.indexOffset(baseOffset + i * count, e.index));
  return { entries, batches: byIndex };
}

function countKeys(store: BrokerStore, db: 'entriesDb' | 'offsetsDb', groupId: number): number {
  return Array.from(store[db].getKeys({ start: groupStartKey(groupId), end: groupEndKey(groupId) })).length;
}

describe('GroupLog (partition side)', () => {
  let temp: TempStore;

  beforeEach(() => {
    temp = openTempStore();
  });

  afterEach(async () => {
    await temp.dispose();
  });

  /** Runs a check on staged writes, again once committed, and again after a reopen. */
  async function everyWay(check: (log: GroupLog) => void): Promise<void> {
    check(temp.store.group(G));
    await temp.store.commit();
    check(temp.store.group(G));
    check((await temp.reopen()).group(G));
  }

  it('finds the entry holding an offset through the sparse index', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 4, 10); // offsets 0..39 at indexes 1..4
    await everyWay((l) => {
      expect(l.indexOfOffset(0)).toBe(1);
      expect(l.indexOfOffset(9)).toBe(1);
      expect(l.indexOfOffset(10)).toBe(2);
      expect(l.indexOfOffset(35)).toBe(4);
      expect(l.indexOfOffset(1000)).toBe(4);
    });
  });

  it('reads batches from an index, skipping entries that are not batches, up to a bound', async () => {
    const log = temp.store.group(G);
    const first = appendBatches(log, 1, 0, 2, 5);
    log.append([{ index: 3, term: 1, type: EntryType.Normal, data: COMMAND }]);
    log.append([{ index: 4, term: 1, type: EntryType.ConfChange, data: Uint8Array.from([0x09, 1, 2]) }]);
    log.append([{ index: 5, term: 1, type: EntryType.Normal, data: new Uint8Array(0) }]);
    const second = appendBatches(log, 6, 10, 2, 5);
    await everyWay((l) => {
      const all = l.readBatches(1, 100, Infinity);
      expect(all.map((b) => Buffer.from(b))).toEqual(
        [first.batches.get(1), first.batches.get(2), second.batches.get(6), second.batches.get(7)].map((b) => Buffer.from(b!)),
      );
      expect(l.readBatches(2, 7, Infinity)).toHaveLength(2); // indexes 2 and 6
      expect(l.readBatches(3, 6, Infinity)).toEqual([]);
      expect(l.readBatches(8, 100, Infinity)).toEqual([]);
    });
  });

  it('bounds a read by maxBytes, always returning the first batch whole', async () => {
    const log = temp.store.group(G);
    const { batches } = appendBatches(log, 1, 0, 4, 3);
    const size = batches.get(1)!.length;
    await everyWay((l) => {
      expect(l.readBatches(1, 5, 1)).toHaveLength(1);
      expect(l.readBatches(1, 5, size)).toHaveLength(1);
      expect(l.readBatches(1, 5, 2 * size)).toHaveLength(2);
      expect(l.readBatches(1, 5, 3 * size - 1)).toHaveLength(2);
      expect(l.readBatches(2, 5, 100 * size)).toHaveLength(3);
    });
  });

  it('returns batches that stay intact after later reads and writes', async () => {
    const log = temp.store.group(G);
    const { batches } = appendBatches(log, 1, 0, 2, 3);
    await temp.store.commit();
    const [kept] = log.readBatches(1, 2, Infinity);
    appendBatches(log, 3, 6, 2, 3);
    await temp.store.commit();
    log.readBatches(2, 5, Infinity);
    expect(Buffer.from(kept)).toEqual(Buffer.from(batches.get(1)!));
  });

  it('detects a corrupted stored batch by the entry checksum, naming group and index', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 3, 4);
    await temp.store.commit();
    const key = positionKey(G, 2);
    const value = Buffer.from(temp.store.entriesDb.get(key)!);
    value[value.length - 1] ^= 0xff; // a record byte: headers intact, checksum wrong
    temp.store.entriesDb.putSync(key, value);
    expect(log.readBatches(1, 2, Infinity)).toHaveLength(1);
    expect(() => log.readBatches(1, 4, Infinity)).toThrow(StorageCorruptionError);
    expect(() => log.readBatches(1, 4, Infinity)).toThrow(`storage corruption in group ${G} at index 2: entry checksum mismatch`);
    expect(() => log.entries(2, 3)).toThrow(StorageCorruptionError);
  });

  it('detects a damaged entry header and a missing entry', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 3, 4);
    await temp.store.commit();
    temp.store.entriesDb.putSync(positionKey(G, 1), Buffer.from([0x7f, 0, 1]));
    temp.store.entriesDb.removeSync(positionKey(G, 2));
    expect(() => log.entries(1, 2)).toThrow(/group 3 at index 1: entry header is malformed/);
    expect(() => log.entries(2, 4)).toThrow(/group 3 at index 2: entry is missing/);
  });

  it('an append that replaces a suffix drops its offsets, in memory and on disk', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 5, 10); // offsets 0..49 at 1..5
    await temp.store.commit();
    // A new leader's log from index 3: one batch of 4 records at offset 20.
    const replacement = batch(20, 4);
    log.append([{ index: 3, term: 2, type: EntryType.Normal, data: replacement }]);
    log.indexOffset(20, 3);
    await everyWay((l) => {
      expect(l.lastIndex()).toBe(3);
      expect(l.indexOfOffset(19)).toBe(2);
      expect(l.indexOfOffset(20)).toBe(3);
      expect(l.indexOfOffset(45)).toBe(3);
      expect(l.readBatches(3, 100, Infinity).map((b) => Buffer.from(b))).toEqual([Buffer.from(replacement)]);
    });
    expect(countKeys(temp.store, 'offsetsDb', G)).toBe(3);
    expect(countKeys(temp.store, 'entriesDb', G)).toBe(3);
  });

  it('a suffix replaced while its transaction is in flight is replaced on disk by the next one', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 5, 10);
    const inflight = temp.store.commit();
    appendBatches(log, 4, 30, 1, 2, 2); // replaces indexes 4..5 with one batch at offset 30
    expect(log.lastIndex()).toBe(4);
    expect(log.indexOfOffset(45)).toBe(4);
    await inflight;
    expect(log.indexOfOffset(45)).toBe(4);
    expect(log.term(4)).toBe(2);
    await temp.store.commit();
    const reopened = (await temp.reopen()).group(G);
    expect(reopened.lastIndex()).toBe(4);
    expect(reopened.term(4)).toBe(2);
    expect(reopened.indexOfOffset(45)).toBe(4);
    expect(countKeys(temp.store, 'entriesDb', G)).toBe(4);
  });

  it('deletes a prefix: its entries, offsets and bytes go, on disk too', async () => {
    const log = temp.store.group(G);
    const { batches } = appendBatches(log, 1, 0, 6, 10);
    const total = [...batches.values()].reduce((sum, b) => sum + b.length, 0);
    expect(log.sizeBytes()).toBe(total);
    await temp.store.commit();
    log.compact(3);
    const kept = total - batches.get(1)!.length - batches.get(2)!.length - batches.get(3)!.length;
    await everyWay((l) => {
      expect(l.firstIndex()).toBe(4);
      expect(l.sizeBytes()).toBe(kept);
      expect(l.indexOfOffset(29)).toBeUndefined();
      expect(l.indexOfOffset(30)).toBe(4);
      expect(() => l.readBatches(3, 10, Infinity)).toThrow(CompactedError);
      expect(l.readBatches(4, 10, Infinity)).toHaveLength(3);
    });
    expect(countKeys(temp.store, 'entriesDb', G)).toBe(3);
    expect(countKeys(temp.store, 'offsetsDb', G)).toBe(3);
  });

  it('compacting entries still in memory means they are never written', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 4, 10);
    log.compact(2);
    await temp.store.commit();
    expect(countKeys(temp.store, 'entriesDb', G)).toBe(2);
    expect(countKeys(temp.store, 'offsetsDb', G)).toBe(2);
    expect((await temp.reopen()).group(G).indexOfOffset(25)).toBe(3);
  });

  it('keeps groups apart and lists the groups that have data', async () => {
    appendBatches(temp.store.group(1), 1, 0, 2, 10);
    appendBatches(temp.store.group(2), 1, 100, 3, 10);
    temp.store.group(9); // looked at, never written
    expect(temp.store.groupIds()).toEqual([1, 2]);
    await temp.store.commit();
    const store = await temp.reopen();
    expect(store.groupIds()).toEqual([1, 2]);
    expect(store.group(1).lastIndex()).toBe(2);
    expect(store.group(2).lastIndex()).toBe(3);
    expect(store.group(2).indexOfOffset(5)).toBeUndefined();
    expect(store.group(2).indexOfOffset(125)).toBe(3);
    expect(store.group(9).lastIndex()).toBe(0);
  });

  it('drops a group: its data goes, and the id starts afresh', async () => {
    appendBatches(temp.store.group(1), 1, 0, 2, 10);
    const doomed = temp.store.group(2);
    appendBatches(doomed, 1, 0, 3, 10);
    doomed.setHardState({ term: 1, vote: 1, commit: 3 });
    await temp.store.commit();
    temp.store.dropGroup(2);
    expect(() => doomed.lastIndex()).toThrow(/dropped/);
    expect(temp.store.groupIds()).toEqual([1]);
    const reborn = temp.store.group(2);
    expect(reborn.lastIndex()).toBe(0);
    appendBatches(reborn, 1, 500, 1, 1);
    await temp.store.commit();
    const store = await temp.reopen();
    expect(store.groupIds()).toEqual([1, 2]);
    expect(store.group(2).lastIndex()).toBe(1);
    expect(store.group(2).initialState().hardState.commit).toBe(0);
    expect(store.group(2).indexOfOffset(500)).toBe(1);
    expect(countKeys(store, 'offsetsDb', 2)).toBe(1);
    store.dropGroup(2);
    await store.commit();
    expect((await temp.reopen()).groupIds()).toEqual([1]);
  });

  it('keeps broker metadata: staged values are read at once and survive a reopen once committed', async () => {
    expect(temp.store.getMeta('cluster.id')).toBeUndefined();
    temp.store.putMeta('cluster.id', Buffer.from('abc'));
    expect(Buffer.from(temp.store.getMeta('cluster.id')!).toString()).toBe('abc');
    await temp.store.commit();
    temp.store.putMeta('lost', Buffer.from('x'));
    const store = await temp.reopen();
    expect(Buffer.from(store.getMeta('cluster.id')!).toString()).toBe('abc');
    expect(store.getMeta('lost')).toBeUndefined();
  });

  it('loses what was staged but never committed', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 2, 10);
    await temp.store.commit();
    appendBatches(log, 3, 20, 2, 10);
    log.setHardState({ term: 5, vote: 1, commit: 4 });
    const reopened = (await temp.reopen()).group(G);
    expect(reopened.lastIndex()).toBe(2);
    expect(reopened.initialState().hardState.term).toBe(0);
    expect(reopened.indexOfOffset(25)).toBe(2);
  });

  it('keeps a created snapshot apart from the compaction point, across a reopen', async () => {
    const log = temp.store.group(G);
    appendBatches(log, 1, 0, 6, 10);
    const voters = { voters: [1, 2, 3], learners: [], votersOutgoing: [] };
    log.createSnapshot(4, voters, Buffer.from('state@4'));
    expect(() => log.createSnapshot(3, voters, Buffer.from('older'))).toThrow(RangeError);
    log.compact(2);
    await everyWay((l) => {
      expect(l.firstIndex()).toBe(3);
      const snapshot = l.snapshot();
      expect(snapshot.metadata).toEqual({ index: 4, term: 1, confState: voters });
      expect(Buffer.from(snapshot.data).toString()).toBe('state@4');
      expect(l.initialState().confState).toEqual(voters);
    });
  });

  it('recovers the bounds and stored size of the log after a reopen', async () => {
    const log = temp.store.group(G);
    const { batches } = appendBatches(log, 1, 0, 5, 10);
    log.compact(2);
    await temp.store.commit();
    const expected = batches.get(3)!.length + batches.get(4)!.length + batches.get(5)!.length;
    const reopened = (await temp.reopen()).group(G);
    expect(reopened.sizeBytes()).toBe(expected);
    expect([reopened.firstIndex(), reopened.lastIndex(), reopened.term(5)]).toEqual([3, 5, 1]);
  });
});
