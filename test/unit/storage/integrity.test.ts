// What the store checks of what it reads back: the entry checksum (format 2) over key, header and data as stored,
// entries of the first format still read and checked by their batch CRC, the offset index against the batches it
// names, damage reported once per group, and a store it cannot open refused before LMDB maps it.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { encodeRecordBatch, stampBatch } from '../../../client/protocol';
import { EntryType, type Entry } from '../../../broker/raft/types';
import {
  BrokerStore, STORE_FILE_NAME, StorageCorruptionError, StoreOpenError, moveStoreAside, type GroupLog, type StoreScrubber,
} from '../../../broker/storage';
import {
  ENTRY_FORMAT_V1, StateKind, encodeLogMeta, positionKey, stateKey, type LogMeta,
} from '../../../broker/storage/layout';
import { readLmdbHeader } from '../../../broker/storage/lmdb-file';
import { metricValue, openTempStore, type TempStore } from './temp-store';

const G = 4;

function batch(baseOffset: number, count: number): Uint8Array {
  const bytes = encodeRecordBatch(Array.from({ length: count }, (_, i) => ({ value: Buffer.from(`v${baseOffset + i}`) })), undefined, 1_700_000_000_000);
  stampBatch(bytes, baseOffset, 1_700_000_000_000);
  return bytes;
}

/** `count` batches of 4 records at indexes 1.., offsets 0.., each indexed. */
function appendBatches(log: GroupLog, count: number): void {
  const entries: Entry[] = Array.from({ length: count }, (_, i) => ({ index: i + 1, term: 1, type: EntryType.Normal, data: batch(4 * i, 4) }));
  log.append(entries);
  entries.forEach((e, i) => log.indexOffset(4 * i, e.index));
}

function corruption(fn: () => unknown): StorageCorruptionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StorageCorruptionError) return err;
    throw err;
  }
  throw new Error('no StorageCorruptionError thrown');
}

/** Changes one byte of a stored value in place, as the disk would (the store's own write path is not involved). */
function damageStored(store: BrokerStore, db: 'entriesDb' | 'offsetsDb', key: Buffer, at: (value: Buffer) => number): void {
  const value = Buffer.from(store[db].get(key)!);
  value[at(value)] ^= 0x04;
  store[db].putSync(key, value);
}

describe('entry checksum', () => {
  let temp: TempStore;

  beforeEach(async () => {
    temp = openTempStore();
    appendBatches(temp.store.group(G), 6);
    await temp.store.commit();
  });

  afterEach(async () => {
    await temp.dispose();
  });

  it('covers the batch fields the batch CRC does not (base offset) and the entry header (term)', () => {
    const log = temp.store.group(G);
    // Byte 1 of the batch is its base offset's lowest byte, byte 9 of the entry header its term's lowest byte.
    damageStored(temp.store, 'entriesDb', positionKey(G, 2), () => 22 + 1);
    damageStored(temp.store, 'entriesDb', positionKey(G, 4), () => 9);
    expect(corruption(() => log.readBatches(2, 3, Infinity))).toMatchObject({ groupId: G, index: 2, check: 'entry_checksum' });
    expect(corruption(() => log.term(4))).toMatchObject({ index: 4, check: 'entry_checksum' });
    expect(log.readBatches(3, 4, Infinity)).toHaveLength(1);
  });

  it('covers the key: an intact value stored under another index fails', () => {
    temp.store.entriesDb.putSync(positionKey(G, 3), temp.store.entriesDb.get(positionKey(G, 2))!);
    expect(corruption(() => temp.store.group(G).entries(3, 4))).toMatchObject({ index: 3, check: 'entry_checksum' });
  });

  it('is checked on a restart: the last entry, read at open', async () => {
    await temp.store.close();
    temp = { ...temp, store: BrokerStore.open({ dataDir: temp.dataDir }) };
    damageStored(temp.store, 'entriesDb', positionKey(G, 6), (v) => v.length - 1);
    await temp.reopen();
    expect(corruption(() => temp.store.group(G))).toMatchObject({ index: 6, check: 'entry_checksum' });
  });

  it('reports each damaged group once: listeners, damagedGroups() and the metric by check', async () => {
    const seen: StorageCorruptionError[] = [];
    temp.store.onCorruption((err) => seen.push(err));
    damageStored(temp.store, 'entriesDb', positionKey(G, 2), (v) => v.length - 1);
    damageStored(temp.store, 'entriesDb', positionKey(G, 5), (v) => v.length - 1);
    const log = temp.store.group(G);
    corruption(() => log.entries(2, 3));
    corruption(() => log.entries(5, 6));
    corruption(() => log.entries(2, 3));
    expect(seen.map((e) => [e.groupId, e.index, e.check])).toEqual([[G, 2, 'entry_checksum']]);
    expect(temp.store.damagedGroups().map((e) => e.index)).toEqual([2]);
    const metrics = await temp.registry.getSingleMetricAsString('rafter_storage_corruptions_detected_total');
    expect(metrics).toContain('rafter_storage_corruptions_detected_total{check="entry_checksum"} 1');
    expect(metrics).toContain('rafter_storage_corruptions_detected_total{check="offset_index"} 0');
    expect(await temp.registry.getSingleMetricAsString('rafter_storage_damaged_groups')).toContain('rafter_storage_damaged_groups 1');
    // A dropped group's damage goes with its data.
    temp.store.dropGroup(G);
    await temp.store.commit();
    expect(temp.store.damagedGroups()).toEqual([]);
  });
});

describe('offset index read back', () => {
  let temp: TempStore;

  beforeEach(() => {
    temp = openTempStore();
  });

  afterEach(async () => {
    await temp.dispose();
  });

  it('serves from the batch at the indexed offset, staged, committed and after a reopen', async () => {
    appendBatches(temp.store.group(G), 5);
    const check = (log: GroupLog) => {
      expect(log.readBatchesAt(9, 6, Infinity)!.map((b) => readBase(b))).toEqual([8, 12, 16]);
      expect(log.readBatchesAt(9, 6, 1)!.map((b) => readBase(b))).toEqual([8]);
      expect(log.readBatchesAt(30, 6, Infinity)!.map((b) => readBase(b))).toEqual([16]);
      expect(log.readBatchesAt(9, 4, Infinity)!.map((b) => readBase(b))).toEqual([8]);
      expect(log.readBatchesAt(9, 3, Infinity)).toEqual([]);
    };
    check(temp.store.group(G));
    await temp.store.commit();
    check(temp.store.group(G));
    check((await temp.reopen()).group(G));
  });

  it('an index value that fails its checksum is damage, never an index', async () => {
    appendBatches(temp.store.group(G), 5);
    await temp.store.commit();
    damageStored(temp.store, 'offsetsDb', positionKey(G, 8), () => 7);
    const log = temp.store.group(G);
    expect(corruption(() => log.readBatchesAt(9, 6, Infinity))).toMatchObject({ index: 0, check: 'offset_index' });
    expect(corruption(() => log.indexOfOffset(8)).message).toMatch(/offset index entry for offset 8: offset index value checksum mismatch/);
  });

  it('a batch found through the index must start at the indexed offset and end by the next one', async () => {
    const log = temp.store.group(G);
    // Offsets 0..9 in one batch, but the next batch is indexed at 5: the first runs past it.
    log.append([
      { index: 1, term: 1, type: EntryType.Normal, data: batch(0, 10) },
      { index: 2, term: 1, type: EntryType.Normal, data: batch(5, 4) },
      { index: 3, term: 1, type: EntryType.Normal, data: batch(20, 4) },
    ]);
    log.indexOffset(0, 1);
    log.indexOffset(5, 2);
    log.indexOffset(19, 3);
    await temp.store.commit();
    expect(corruption(() => log.readBatchesAt(0, 4, Infinity))).toMatchObject({ index: 1, check: 'offset_mismatch' });
    expect(corruption(() => log.readBatchesAt(19, 4, Infinity)).message).toMatch(/found through the offset index at offset 19 starts at offset 20/);
  });

  it('no batch served may start before the one before it ends', async () => {
    const log = temp.store.group(G);
    log.append([
      { index: 1, term: 1, type: EntryType.Normal, data: batch(0, 4) },
      { index: 2, term: 1, type: EntryType.Normal, data: batch(2, 4) },
    ]);
    log.indexOffset(0, 1);
    expect(corruption(() => log.readBatchesAt(0, 3, Infinity))).toMatchObject({ index: 2, check: 'offset_mismatch' });
  });

  it('an index naming an entry without a batch is damage', async () => {
    const log = temp.store.group(G);
    log.append([
      { index: 1, term: 1, type: EntryType.Normal, data: Uint8Array.from([0x01, 0x02]) },
      { index: 2, term: 1, type: EntryType.Normal, data: batch(0, 4) },
    ]);
    log.indexOffset(0, 1);
    await temp.store.commit();
    expect(corruption(() => log.readBatchesAt(0, 3, Infinity))).toMatchObject({ index: 1, check: 'offset_index' });
  });
});

function readBase(batchBytes: Uint8Array): number {
  return Number(Buffer.from(batchBytes).readBigUInt64LE(1));
}

/**
 * A group as the first storage format wrote it: 18-byte entry headers (format 1, type, term, cumulative bytes) and
 * 8-byte offset index values, with the state records, which did not change.
 */
function writeFormat1Group(store: BrokerStore, groupId: number, batches: Uint8Array[]): void {
  let cumulative = 0;
  let offset = 0;
  batches.forEach((data, i) => {
    cumulative += data.length;
    const value = Buffer.alloc(18 + data.length);
    value[0] = ENTRY_FORMAT_V1;
    value[1] = EntryType.Normal;
    value.writeBigUInt64BE(1n, 2);
    value.writeBigUInt64BE(BigInt(cumulative), 10);
    value.set(data, 18);
    store.entriesDb.putSync(positionKey(groupId, i + 1), value);
    const index = Buffer.alloc(8);
    index.writeBigUInt64BE(BigInt(i + 1));
    store.offsetsDb.putSync(positionKey(groupId, offset), index);
    offset += 4;
  });
  const meta: LogMeta = {
    compactIndex: 0, compactTerm: 0, compactCumulativeBytes: 0, snapshotIndex: 0, snapshotTerm: 0,
    confState: { voters: [], learners: [], votersOutgoing: [] },
  };
  store.stateDb.putSync(stateKey(groupId, StateKind.LogMeta), encodeLogMeta(meta));
}

describe('a store written in the first format', () => {
  let temp: TempStore;
  const batches = Array.from({ length: 5 }, (_, i) => batch(4 * i, 4));

  beforeEach(async () => {
    temp = openTempStore();
    writeFormat1Group(temp.store, G, batches);
    await temp.reopen();
  });

  afterEach(async () => {
    await temp.dispose();
  });

  it('opens and reads as before, and new entries follow in the new format', async () => {
    const log = temp.store.group(G);
    expect(log.lastIndex()).toBe(5);
    expect(log.readBatches(1, 6, Infinity).map((b) => Buffer.from(b))).toEqual(batches.map((b) => Buffer.from(b)));
    expect(log.readBatchesAt(9, 6, Infinity)!.map(readBase)).toEqual([8, 12, 16]);
    const sizeBefore = log.sizeBytes();
    const next = batch(20, 4);
    log.append([{ index: 6, term: 1, type: EntryType.Normal, data: next }]);
    log.indexOffset(20, 6);
    await temp.store.commit();
    const reopened = (await temp.reopen()).group(G);
    expect(reopened.sizeBytes()).toBe(sizeBefore + next.length);
    expect(reopened.readBatchesAt(17, 7, Infinity)!.map(readBase)).toEqual([16, 20]);
    expect(reopened.entries(1, 7).map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(temp.store.scrubber(() => 0).scrubStep(1 << 20).passCompleted).toBe(true);
    expect(temp.store.damagedGroups()).toEqual([]);
  });

  it('checks its batches by their CRC, and its base offsets against the offset index', () => {
    // A record byte: the batch CRC catches it. The base offset: not under the CRC, but the index says 8, not 12.
    damageStored(temp.store, 'entriesDb', positionKey(G, 2), (v) => v.length - 1);
    damageStored(temp.store, 'entriesDb', positionKey(G, 3), () => 18 + 1);
    const log = temp.store.group(G);
    expect(corruption(() => log.entries(2, 3))).toMatchObject({ index: 2, check: 'batch_crc' });
    expect(corruption(() => log.readBatchesAt(8, 6, Infinity))).toMatchObject({ index: 3, check: 'offset_mismatch' });
  });

  it('an offset index value naming another batch is caught by the batch it names', () => {
    temp.store.offsetsDb.putSync(positionKey(G, 8), Buffer.from([0, 0, 0, 0, 0, 0, 0, 4]));
    expect(corruption(() => temp.store.group(G).readBatchesAt(8, 6, Infinity)).message).toMatch(/indexed at offset 8 starts at offset 12|offset 8 starts at offset 12/);
  });
});

describe('scrubber', () => {
  let temp: TempStore;

  beforeEach(async () => {
    temp = openTempStore();
    for (const groupId of [1, 2, 3]) appendBatches(temp.store.group(groupId), 20);
    await temp.store.commit();
  });

  afterEach(async () => {
    await temp.dispose();
  });

  /** Steps until a pass ends, returning the bytes of each step. */
  function pass(scrubber: StoreScrubber, maxBytes: number): number[] {
    const steps: number[] = [];
    for (;;) {
      const step = scrubber.scrubStep(maxBytes);
      steps.push(step.bytes);
      if (step.passCompleted) return steps;
    }
  }

  it('reads every group at the pace it is given and stamps the end of each full pass', async () => {
    let now = 5_000;
    const scrubber = temp.store.scrubber(() => now);
    const entryBytes = 22 + batch(0, 4).length;
    const steps = pass(scrubber, 10 * entryBytes);
    // 3 groups × 20 entries, then their offset index (value and the batch it names): bounded steps, all read.
    expect(Math.max(...steps)).toBeLessThan(10 * entryBytes + entryBytes);
    const stored = [...temp.store.entriesDb.getRange()].reduce((sum, { value }) => sum + value.length, 0);
    // Each index value (12 bytes) and the batch it names (its entry less the 22-byte header) are read again.
    expect(steps.reduce((a, b) => a + b, 0)).toBe(stored + 3 * 20 * (12 - 22) + stored);
    expect(await metricValue(temp.registry, 'rafter_storage_scrub_last_pass_completed_timestamp_seconds')).toBe(5);
    expect(await metricValue(temp.registry, 'rafter_storage_scrubbed_bytes_total')).toBe(steps.reduce((a, b) => a + b, 0));
    now = 9_000;
    pass(scrubber, 1 << 20);
    expect(await metricValue(temp.registry, 'rafter_storage_scrub_last_pass_completed_timestamp_seconds')).toBe(9);
    expect(temp.store.damagedGroups()).toEqual([]);
  });

  it('makes progress however small the step', () => {
    // One value a step (the last step ends the pass having read nothing more).
    expect(pass(temp.store.scrubber(() => 0), 1).filter((bytes) => bytes > 0)).toHaveLength(3 * 20 + 3 * 20);
  });

  it('finds damage in entries and in the offset index, each group once, and skips it afterwards', () => {
    const seen: StorageCorruptionError[] = [];
    temp.store.onCorruption((err) => seen.push(err));
    damageStored(temp.store, 'entriesDb', positionKey(1, 7), (v) => v.length - 1);
    damageStored(temp.store, 'entriesDb', positionKey(1, 9), (v) => v.length - 1);
    damageStored(temp.store, 'offsetsDb', positionKey(3, 40), () => 3);
    const scrubber = temp.store.scrubber(() => 0);
    pass(scrubber, 4096);
    pass(scrubber, 4096);
    expect(seen.map((e) => [e.groupId, e.index, e.check])).toEqual([[1, 7, 'entry_checksum'], [3, 0, 'offset_index']]);
  });

  it('finds a first-format offset index value that names the wrong batch', () => {
    temp.store.offsetsDb.putSync(positionKey(2, 40), Buffer.from([0, 0, 0, 0, 0, 0, 0, 12]));
    pass(temp.store.scrubber(() => 0), 1 << 20);
    expect(temp.store.damagedGroups().map((e) => [e.groupId, e.index, e.check])).toEqual([[2, 12, 'offset_mismatch']]);
  });

  it('leaves groups dropped meanwhile alone', async () => {
    const scrubber = temp.store.scrubber(() => 0);
    scrubber.scrubStep(1);
    temp.store.dropGroup(2);
    await temp.store.commit();
    expect(pass(scrubber, 1 << 20).length).toBeGreaterThan(0);
    expect(temp.store.damagedGroups()).toEqual([]);
  });
});

describe('opening a store', () => {
  let dataDir: string;
  const file = () => path.join(dataDir, STORE_FILE_NAME);

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-open-'));
    const store = BrokerStore.open({ dataDir });
    appendBatches(store.group(G), 50);
    await store.commit();
    await store.close();
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  function openError(): StoreOpenError {
    try {
      const store = BrokerStore.open({ dataDir, registry: new Registry() });
      void store.close();
    } catch (err) {
      if (err instanceof StoreOpenError) return err;
      throw err;
    }
    throw new Error('the store opened');
  }

  it('reads the newest meta page: page size, last page, and the bytes the file needs', () => {
    const header = readLmdbHeader(file());
    expect(header).toMatchObject({ ok: true, meta: { pageSize: 4096 } });
    if (!header.ok) return;
    expect(header.neededBytes).toBe((header.meta.lastPage + 1) * header.meta.pageSize);
    expect(header.fileBytes).toBeGreaterThanOrEqual(header.neededBytes);
  });

  it('refuses a file shorter than its meta page says, before LMDB maps it', () => {
    const header = readLmdbHeader(file());
    if (!header.ok) throw new Error(header.problem);
    truncateSync(file(), header.neededBytes - 4096);
    expect(openError().message).toBe(
      `cannot open the store ${file()}: truncated (${header.neededBytes - 4096} bytes, the store needs at least ${header.neededBytes})`,
    );
    truncateSync(file(), 5000);
    expect(openError().problem).toMatch(/^truncated \(5000 bytes, the store needs at least \d+\)$/);
    truncateSync(file(), 0);
    expect(openError().problem).toMatch(/^truncated \(0 bytes, the store needs at least \d+\)$/);
  });

  it('refuses a file that is not LMDB, and reports an LMDB error at open the same way', () => {
    writeFileSync(file(), Buffer.alloc(64 * 1024, 0x41));
    expect(openError().problem).toMatch(/^not a valid LMDB data file \(page 0 is not a meta page/);
    rmSync(file());
    mkdirSync(file());
    expect(openError().problem).toMatch(/^it cannot be read \(EISDIR/);
  });

  it('moves a store aside with its lock file, so the next open starts fresh', async () => {
    const moved = moveStoreAside(dataDir, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(moved.map((p) => path.basename(p))).toEqual(['rafter.lmdb.damaged-20260102T030405Z', 'rafter.lmdb-lock.damaged-20260102T030405Z']);
    const store = BrokerStore.open({ dataDir });
    expect(store.createdFresh).toBe(true);
    expect(store.groupIds()).toEqual([]);
    await store.close();
  });
});
