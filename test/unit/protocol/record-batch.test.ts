import {
  batchBaseOffset, checkRecordSet, crc32, decodeRecordBatch, encodeRecordBatch, rafter, readBatchHeader, RECORD_BATCH_LAYOUT,
  stampBatch, verifyBatchCrc, forEachRecord,
} from '../../../client/protocol';
import { crc32Portable } from '../../../client/protocol/crc32';
import { lyingBatches } from '../../integration/helpers/lying-batches';

const text = (s: string) => new TextEncoder().encode(s);

describe('record batch', () => {
  const records = [
    { key: text('k1'), value: text('v1'), timestampMs: 1_700_000_000_000 },
    { key: null, value: null, timestampMs: 1_700_000_000_005, headers: [{ key: 'trace', value: text('abc') }] },
    { key: new Uint8Array(0), value: new Uint8Array(300).fill(7), timestampMs: 1_699_999_999_990 },
  ];

  it('round-trips keys, values, nulls, empty keys, headers and timestamps', () => {
    const batch = encodeRecordBatch(records, { producerId: 42, producerEpoch: 3, baseSequence: 17 });
    stampBatch(batch, 1000, 1_700_000_000_100);
    const { header, records: out } = decodeRecordBatch(batch);
    expect(header).toMatchObject({ baseOffset: 1000, appendTimeMs: 1_700_000_000_100, recordCount: 3, producerId: 42,
      producerEpoch: 3, baseSequence: 17, firstTimestampMs: 1_699_999_999_990, maxTimestampMs: 1_700_000_000_005 });
    expect(out.map((r) => r.offset)).toEqual([1000, 1001, 1002]);
    expect(out.map((r) => r.timestampMs)).toEqual(records.map((r) => r.timestampMs));
    expect(Buffer.from(out[0].key!).toString()).toBe('k1');
    expect(out[1].key).toBeNull();
    expect(out[1].value).toBeNull();
    expect(out[1].headers).toEqual([{ key: 'trace', value: expect.anything() }]);
    expect(out[2].key).toEqual(new Uint8Array(0));
    expect(out[2].value).toEqual(new Uint8Array(300).fill(7));
  });

  it('is plain protobuf: a generic decoder reads the same fields', () => {
    const batch = encodeRecordBatch(records, { producerId: 5, producerEpoch: 0, baseSequence: 0 });
    stampBatch(batch, 2 ** 40, 9);
    const generic = rafter.RecordBatch.decode(batch);
    expect(generic.baseOffset).toBe(2 ** 40);
    expect(generic.recordCount).toBe(3);
    expect(rafter.RecordSet.decode(generic.records).records).toHaveLength(3);
  });

  it('stamping offsets in place leaves the CRC valid and changes nothing else', () => {
    const batch = encodeRecordBatch(records);
    const before = Buffer.from(batch.subarray(RECORD_BATCH_LAYOUT.crc - 1));
    stampBatch(batch, 123456789012, 77);
    expect(batchBaseOffset(batch)).toBe(123456789012);
    expect(Buffer.from(batch.subarray(RECORD_BATCH_LAYOUT.crc - 1))).toEqual(before);
    const header = readBatchHeader(batch);
    if (typeof header === 'string') throw new Error(header);
    expect(verifyBatchCrc(batch, header)).toBe(true);
  });

  it('detects a flipped bit in the records', () => {
    const batch = encodeRecordBatch(records);
    batch[batch.length - 5] ^= 0x10;
    const header = readBatchHeader(batch);
    if (typeof header === 'string') throw new Error(header);
    expect(verifyBatchCrc(batch, header)).toBe(false);
    expect(() => decodeRecordBatch(batch)).toThrow(/CRC/);
  });

  it.each([
    ['truncated', (b: Uint8Array) => b.subarray(0, b.length - 1), /does not match/],
    ['too short', (b: Uint8Array) => b.subarray(0, 20), /shorter/],
    ['wrong tag', (b: Uint8Array) => { const c = Uint8Array.from(b); c[9] = 0x12; return c; }, /expected tag/],
    ['compressed', (b: Uint8Array) => { const c = Uint8Array.from(b); c[RECORD_BATCH_LAYOUT.attributes] = 1; return c; }, /compression/],
  ])('rejects a malformed header: %s', (_name, mangle, reason) => {
    const result = readBatchHeader(mangle(encodeRecordBatch(records)));
    expect(typeof result).toBe('string');
    expect(result).toMatch(reason);
  });

  it('refuses an empty batch', () => {
    expect(() => encodeRecordBatch([])).toThrow(RangeError);
  });

  it('the portable CRC-32 matches the native one', () => {
    const data = new Uint8Array(4096).map((_, i) => (i * 31) & 0xff);
    expect(crc32Portable(data)).toBe(crc32(data));
    expect(crc32Portable(text('123456789'))).toBe(0xcbf43926);
  });

  describe('checkRecordSet: the records against the header, values never decoded', () => {
    const headerOf = (batch: Uint8Array) => {
      const header = readBatchHeader(batch);
      if (typeof header === 'string') throw new Error(header);
      return header;
    };

    it('passes what the encoder writes: nulls, empty keys, headers, spread timestamps, many records', () => {
      const many = Array.from({ length: 500 }, (_, i) => ({ key: text(`k${i}`), value: new Uint8Array(i % 7), timestampMs: 1_000 + (i % 13) }));
      for (const batch of [encodeRecordBatch(records), encodeRecordBatch(many), encodeRecordBatch([{ value: null }])]) {
        expect(checkRecordSet(batch, headerOf(batch))).toBeUndefined();
      }
    });

    it.each(lyingBatches().map((l) => [l.name, l.batch, l.field] as const))('refuses %s, naming the field', (_name, batch, field) => {
      const header = headerOf(batch);
      expect(verifyBatchCrc(batch, header)).toBe(true);
      expect(checkRecordSet(batch, header)).toMatch(field);
      // The consumer's decoder refuses it too, before handing out any record.
      const visited: number[] = [];
      expect(() => forEachRecord(batch, (r) => visited.push(r.offset))).toThrow(field);
      expect(visited).toEqual([]);
    });

    it('refuses a header whose max timestamp is before its first', () => {
      const batch = encodeRecordBatch([{ value: text('v'), timestampMs: 5_000 }]);
      new DataView(batch.buffer).setUint32(RECORD_BATCH_LAYOUT.maxTimestampMs, 4_000, true);
      expect(checkRecordSet(batch, headerOf(batch))).toMatch(/no time span/);
    });
  });
});
