// Record batches whose header lies about their records, each with a correct CRC: what a hostile or broken producer
// can send. The broker must refuse each with CORRUPT_BATCH (checkRecordSet) and a consumer must never hand out
// records from one.
import { crc32, encodeRecordBatch, rafter, RECORD_BATCH_LAYOUT, type ProducerStamp } from '../../../client/protocol';

const text = (s: string) => new Uint8Array(Buffer.from(s));

/** A batch around arbitrary `records` bytes: header fields as given (record count 1 unless said), CRC correct. */
export function batchAround(records: Uint8Array, fields: { recordCount?: number; firstTimestampMs?: number; maxTimestampMs?: number } = {},
  stamp?: ProducerStamp): Uint8Array {
  const template = encodeRecordBatch([{ value: text('x'), timestampMs: fields.firstTimestampMs ?? 1_000 }], stamp);
  const L = RECORD_BATCH_LAYOUT;
  const length: number[] = [];
  for (let n = records.length; ; n >>>= 7) {
    if (n < 0x80) {
      length.push(n);
      break;
    }
    length.push((n & 0x7f) | 0x80);
  }
  const out = new Uint8Array(L.recordsLength + length.length + records.length);
  out.set(template.subarray(0, L.recordsLength));
  out.set(length, L.recordsLength);
  out.set(records, L.recordsLength + length.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(L.crc, crc32(records), true);
  dv.setUint32(L.recordCount, fields.recordCount ?? 1, true);
  if (fields.maxTimestampMs !== undefined) {
    dv.setUint32(L.maxTimestampMs, fields.maxTimestampMs % 2 ** 32, true);
    dv.setUint32(L.maxTimestampMs + 4, Math.floor(fields.maxTimestampMs / 2 ** 32), true);
  }
  return out;
}

export function recordSet(records: rafter.IRecord[]): Uint8Array {
  return rafter.RecordSet.encode({ records }).finish();
}

const values = (n: number): rafter.IRecord[] => Array.from({ length: n }, (_, i) => ({ offsetDelta: i, value: text(`v${i}`) }));

/** Each lie the broker once stored: name, the batch (stamped if given), and the field the refusal must name. */
export function lyingBatches(stamp?: ProducerStamp): Array<{ name: string; batch: Uint8Array; field: RegExp }> {
  return [
    { name: 'record_count 1 for 5 records', batch: batchAround(recordSet(values(5)), { recordCount: 1 }, stamp), field: /record_count 1/ },
    {
      name: 'record_count 104 for one record',
      batch: batchAround(recordSet([{ offsetDelta: 0, value: new Uint8Array(200).fill(0x61) }]), { recordCount: 104 }, stamp),
      field: /record_count 104/,
    },
    {
      name: 'offset_delta 2^32-1',
      batch: batchAround(recordSet([{ offsetDelta: 2 ** 32 - 1, value: text('v') }]), {}, stamp),
      field: /offset_delta 4294967295/,
    },
    {
      name: 'offset deltas repeated',
      batch: batchAround(recordSet([{ offsetDelta: 0, value: text('a') }, { offsetDelta: 0, value: text('b') }]), { recordCount: 2 }, stamp),
      field: /record 1: offset_delta 0, expected 1/,
    },
    {
      name: 'a timestamp past max_timestamp_ms',
      batch: batchAround(recordSet([{ offsetDelta: 0, timestampDeltaMs: 3_600_000, value: text('v') }]), { maxTimestampMs: 1_000 }, stamp),
      field: /timestamp_delta_ms 3600000/,
    },
    {
      name: 'a timestamp before first_timestamp_ms',
      batch: batchAround(recordSet([{ offsetDelta: 0, timestampDeltaMs: -5, value: text('v') }]), {}, stamp),
      field: /timestamp_delta_ms -5/,
    },
    { name: 'records that are not a RecordSet', batch: batchAround(text('these bytes are no RecordSet'), {}, stamp), field: /records: field/ },
    {
      name: 'a record cut short',
      batch: batchAround(Uint8Array.from([0x0a, 0x05, 0x10, 0x00, 0x22, 0x09, 0x61]), {}, stamp),
      field: /value has length 9/,
    },
  ];
}
