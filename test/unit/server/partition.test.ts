import { decodeRecordBatch, encodeRecordBatch, ErrorCode, type BatchHeader } from '../../../client/protocol';
import { LocalReplicatedLog, Partition, PartitionMetrics } from '../../../broker/partition';
import { openTempStore, type TempStore } from './store-fixture';

const text = (s: string) => new Uint8Array(Buffer.from(s));
const batchOf = (values: string[], timestampMs?: number) => encodeRecordBatch(values.map((v) => ({ value: text(v), timestampMs })));

function checked(p: Partition, batch: Uint8Array): BatchHeader {
  const header = p.checkBatch(batch);
  if ('error' in header) throw new Error(header.message);
  return header;
}

describe('partition on the storage GroupLog', () => {
  let temp: TempStore;
  let replicated: LocalReplicatedLog;
  let metrics: PartitionMetrics;
  const partitions: Partition[] = [];

  const open = (groupId: number, maxMessageBytes = 1 << 20) => {
    const p = new Partition({
      topic: 't', partition: groupId - 1, groupId, log: temp.store.group(groupId), replicated, maxMessageBytes,
      counters: metrics.countersFor('t', groupId - 1),
    });
    partitions.push(p);
    return p;
  };

  beforeEach(() => {
    temp = openTempStore();
    replicated = new LocalReplicatedLog(temp.store);
    partitions.length = 0;
    metrics = new PartitionMetrics(temp.registry, () => partitions);
  });
  afterEach(() => temp.dispose());

  it('assigns consecutive offsets, stamps them into the batch, and moves the high watermark only once committed', async () => {
    const p = open(1);
    const a = batchOf(['a', 'b', 'c']);
    const b = batchOf(['d']);
    const pending = [p.append(a, checked(p, a), 111), p.append(b, checked(p, b), 222)];
    expect(p.logEndOffset).toBe(4);
    expect(p.highWatermark).toBe(0);
    expect(await Promise.all(pending)).toEqual([{ baseOffset: 0, appendTimeMs: 111 }, { baseOffset: 3, appendTimeMs: 222 }]);
    expect(p.highWatermark).toBe(4);
    const read = p.read(0, 1 << 20);
    if ('error' in read) throw new Error(read.message);
    expect(read.batches.flatMap((x) => decodeRecordBatch(x).records.map((r) => [r.offset, Buffer.from(r.value!).toString()])))
      .toEqual([[0, 'a'], [1, 'b'], [2, 'c'], [3, 'd']]);
    expect(decodeRecordBatch(read.batches[1]).header).toMatchObject({ baseOffset: 3, appendTimeMs: 222 });
  });

  it('shares one store commit among all appends of a turn, across partitions', async () => {
    const ps = [open(1), open(2), open(3)];
    const commit = jest.spyOn(temp.store, 'commit');
    await Promise.all(ps.flatMap((p) => [batchOf(['x']), batchOf(['y'])].map((b) => p.append(b, checked(p, b), 1))));
    expect(commit).toHaveBeenCalledTimes(1);
    expect(ps.map((p) => p.highWatermark)).toEqual([2, 2, 2]);
  });

  it('refuses oversized, malformed and corrupt batches without writing', () => {
    const p = open(1, 100);
    expect(p.checkBatch(batchOf(['x'.repeat(200)]))).toMatchObject({ error: ErrorCode.MESSAGE_TOO_LARGE });
    const corrupt = batchOf(['x']);
    corrupt[corrupt.length - 1] ^= 1;
    expect(p.checkBatch(corrupt)).toMatchObject({ error: ErrorCode.CORRUPT_BATCH, message: expect.stringMatching(/CRC/) });
    expect(p.checkBatch(new Uint8Array(10))).toMatchObject({ error: ErrorCode.CORRUPT_BATCH });
    expect(p.logEndOffset).toBe(0);
  });

  it('serves reads from the batch holding the offset up to the high watermark, and refuses offsets outside the log', async () => {
    const p = open(1);
    for (const values of [['a', 'b'], ['c', 'd'], ['e']]) {
      const b = batchOf(values);
      await p.append(b, checked(p, b), 1);
    }
    const fromMiddle = p.read(3, 1);
    if ('error' in fromMiddle) throw new Error(fromMiddle.message);
    expect(fromMiddle.batches.map((b) => decodeRecordBatch(b).header.baseOffset)).toEqual([2]);
    expect(p.read(5, 1000)).toEqual({ batches: [] });
    expect(p.read(6, 1000)).toMatchObject({ error: ErrorCode.OFFSET_OUT_OF_RANGE });
    expect(p.read(-1, 1000)).toMatchObject({ error: ErrorCode.OFFSET_OUT_OF_RANGE });
    expect(p.read(2 ** 64, 1000)).toMatchObject({ error: ErrorCode.OFFSET_OUT_OF_RANGE });
  });

  it('finds the first batch whose max timestamp reaches a time', async () => {
    const p = open(1);
    for (const [values, ts] of [[['a'], 1000], [['b', 'c'], 2000], [['d'], 3000]] as const) {
      const b = batchOf([...values], ts);
      await p.append(b, checked(p, b), 1);
    }
    expect(p.offsetForTimestamp(0)).toEqual({ offset: 0, timestampMs: 1000 });
    expect(p.offsetForTimestamp(1500)).toEqual({ offset: 1, timestampMs: 2000 });
    expect(p.offsetForTimestamp(3000)).toEqual({ offset: 3, timestampMs: 3000 });
    expect(p.offsetForTimestamp(3001)).toEqual({ offset: 4, timestampMs: -1 });
  });

  it('tells high watermark listeners once per commit', async () => {
    const p = open(1);
    let calls = 0;
    const unsubscribe = p.onHighWatermark(() => calls++);
    await Promise.all([batchOf(['a']), batchOf(['b']), batchOf(['c'])].map((b) => p.append(b, checked(p, b), 1)));
    await Promise.resolve();
    expect(calls).toBe(1);
    unsubscribe();
    const b = batchOf(['d']);
    await p.append(b, checked(p, b), 1);
    await Promise.resolve();
    expect(calls).toBe(1);
  });

  it('recovers log start, log end and high watermark from the stored log', async () => {
    const p = open(1);
    for (const values of [['a', 'b', 'c'], ['d', 'e']]) {
      const b = batchOf(values);
      await p.append(b, checked(p, b), 1);
    }
    await temp.reopen();
    replicated = new LocalReplicatedLog(temp.store);
    partitions.length = 0;
    metrics = new PartitionMetrics(temp.registry, () => partitions);
    const recovered = open(1);
    expect([recovered.logStartOffset, recovered.logEndOffset, recovered.highWatermark]).toEqual([0, 5, 5]);
    const next = batchOf(['f']);
    expect(await recovered.append(next, checked(recovered, next), 1)).toMatchObject({ baseOffset: 5 });
  });

  it('exports offsets, size and appended counts per partition', async () => {
    const p = open(1);
    const b = batchOf(['a', 'b']);
    await p.append(b, checked(p, b), 1);
    const text = await temp.registry.metrics();
    expect(text).toMatch(/rafter_partition_high_watermark\{topic="t",partition="0"\} 2/);
    expect(text).toMatch(/rafter_partition_log_end_offset\{topic="t",partition="0"\} 2/);
    expect(text).toMatch(/rafter_partition_appended_records_total\{topic="t",partition="0"\} 2/);
    expect(text).toMatch(new RegExp(`rafter_partition_appended_bytes_total\\{topic="t",partition="0"\\} ${b.length}`));
    expect(text).toMatch(/rafter_partition_size_bytes\{topic="t",partition="0"\} [1-9]/);
  });
});
