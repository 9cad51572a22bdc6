// RecordBatch encoding (see rafter.proto). The header is protobuf wire format with every fixed-width field present
// and in field order, so each sits at a fixed byte position: the broker validates and patches it without decoding
// the records, and any protobuf library can still decode a whole batch.
import { rafter } from './codec';
import { crc32 } from './crc32';

/** Byte position of each header field's value; each is preceded by a one-byte protobuf tag. */
export const RECORD_BATCH_LAYOUT = {
  baseOffset: 1,
  appendTimeMs: 10,
  crc: 19,
  recordCount: 24,
  producerId: 29,
  producerEpoch: 38,
  baseSequence: 43,
  firstTimestampMs: 48,
  maxTimestampMs: 57,
  attributes: 66,
  recordsTag: 70,
  recordsLength: 71,
} as const;

/** (position, tag byte) of each fixed field: field number << 3 | wire type (1: 64-bit, 5: 32-bit, 2: bytes). */
const TAGS: ReadonlyArray<readonly [number, number]> = [
  [0, 0x09], [9, 0x11], [18, 0x1d], [23, 0x25], [28, 0x29], [37, 0x35], [42, 0x3d], [47, 0x41], [56, 0x49],
  [65, 0x55], [70, 0x7a],
];

/** The smallest possible batch: the fixed header, a one-byte length and at least one byte of records. */
export const MIN_BATCH_BYTES = RECORD_BATCH_LAYOUT.recordsLength + 2;
export const COMPRESSION_MASK = 0x7;
export const NO_SEQUENCE = -1;
/** Sequence numbers run 0..MAX_SEQUENCE and then wrap to 0, as Kafka's. */
export const MAX_SEQUENCE = 0x7fff_ffff;

/** `sequence + delta` on the wrapping sequence circle (delta >= 0). */
export function incrementSequence(sequence: number, delta: number): number {
  return (sequence + delta) % (MAX_SEQUENCE + 1);
}

export interface RecordHeaderInput {
  key: string;
  value: Uint8Array;
}

export interface RecordInput {
  key?: Uint8Array | null;
  value: Uint8Array | null;
  headers?: readonly RecordHeaderInput[];
  timestampMs?: number;
}

export interface ProducerStamp {
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
}

export interface BatchHeader {
  baseOffset: number;
  appendTimeMs: number;
  crc: number;
  recordCount: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  firstTimestampMs: number;
  maxTimestampMs: number;
  attributes: number;
  recordsStart: number;
  recordsLength: number;
}

export interface ConsumedRecord {
  offset: number;
  timestampMs: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: { key: string; value: Uint8Array }[];
}

const NO_PRODUCER: ProducerStamp = { producerId: 0, producerEpoch: 0, baseSequence: NO_SEQUENCE };

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function getU64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x1_0000_0000;
}

function setU64(dv: DataView, at: number, value: number): void {
  dv.setUint32(at, value % 0x1_0000_0000, true);
  dv.setUint32(at + 4, Math.floor(value / 0x1_0000_0000), true);
}

function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    size++;
  }
  return size;
}

/** Encodes records into one batch. Offsets are left 0 for the partition leader to assign. */
export function encodeRecordBatch(records: readonly RecordInput[], stamp: ProducerStamp = NO_PRODUCER, nowMs = Date.now()): Uint8Array {
  if (records.length === 0) throw new RangeError('a batch holds at least one record');
  let first = Infinity;
  let max = -Infinity;
  for (const r of records) {
    const ts = r.timestampMs ?? nowMs;
    if (ts < first) first = ts;
    if (ts > max) max = ts;
  }
  const set = rafter.RecordSet.encode({
    records: records.map((r, i) => ({
      timestampDeltaMs: (r.timestampMs ?? nowMs) - first,
      offsetDelta: i,
      key: r.key ?? undefined,
      value: r.value ?? undefined,
      headers: r.headers as rafter.RecordHeader.$Properties[] | undefined,
    })),
  }).finish();
  const recordsStart = RECORD_BATCH_LAYOUT.recordsLength + varintSize(set.length);
  const out = new Uint8Array(recordsStart + set.length);
  for (const [at, tag] of TAGS) out[at] = tag;
  const dv = view(out);
  const L = RECORD_BATCH_LAYOUT;
  dv.setUint32(L.crc, crc32(set), true);
  dv.setUint32(L.recordCount, records.length, true);
  setU64(dv, L.producerId, stamp.producerId);
  dv.setUint32(L.producerEpoch, stamp.producerEpoch, true);
  dv.setInt32(L.baseSequence, stamp.baseSequence, true);
  setU64(dv, L.firstTimestampMs, first);
  setU64(dv, L.maxTimestampMs, max);
  let at = L.recordsLength;
  let n = set.length;
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  out[at++] = n;
  out.set(set, recordsStart);
  return out;
}

/**
 * Reads and validates a batch's fixed header without touching its records. Returns a reason string when the bytes
 * are not a well-formed batch. The CRC is checked separately (verifyBatchCrc), as it reads every byte.
 */
export function readBatchHeader(bytes: Uint8Array): BatchHeader | string {
  if (bytes.length < MIN_BATCH_BYTES) return `batch of ${bytes.length} bytes is shorter than its header`;
  for (const [at, tag] of TAGS) {
    if (bytes[at] !== tag) return `batch header byte ${at} is 0x${bytes[at].toString(16)}, expected tag 0x${tag.toString(16)}`;
  }
  const L = RECORD_BATCH_LAYOUT;
  let recordsLength = 0;
  let at = L.recordsLength;
  for (let shift = 0; ; shift += 7) {
    if (at >= bytes.length || shift > 28) return 'batch records length is malformed';
    const b = bytes[at++];
    recordsLength += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (at + recordsLength !== bytes.length) {
    return `batch records length ${recordsLength} does not match the ${bytes.length - at} bytes that follow the header`;
  }
  const dv = view(bytes);
  const header: BatchHeader = {
    baseOffset: getU64(dv, L.baseOffset),
    appendTimeMs: getU64(dv, L.appendTimeMs),
    crc: dv.getUint32(L.crc, true),
    recordCount: dv.getUint32(L.recordCount, true),
    producerId: getU64(dv, L.producerId),
    producerEpoch: dv.getUint32(L.producerEpoch, true),
    baseSequence: dv.getInt32(L.baseSequence, true),
    firstTimestampMs: getU64(dv, L.firstTimestampMs),
    maxTimestampMs: getU64(dv, L.maxTimestampMs),
    attributes: dv.getUint32(L.attributes, true),
    recordsStart: at,
    recordsLength,
  };
  if (header.recordCount === 0) return 'batch has no records';
  if (header.recordCount > recordsLength) return `batch claims ${header.recordCount} records in ${recordsLength} bytes`;
  if ((header.attributes & COMPRESSION_MASK) !== 0) return 'batch compression is not supported';
  if (header.attributes & ~COMPRESSION_MASK) return 'batch sets reserved attribute bits';
  return header;
}

/**
 * Checks that a batch's records are what its header says, without decoding keys, values or headers: a walk over the
 * RecordSet's length-delimited fields that reads only tags, lengths and the two deltas. Exactly record_count
 * records, each a well-formed Record whose offset_delta is its index (contiguous from 0) and whose timestamp lies in
 * [first_timestamp_ms, max_timestamp_ms]; no field a RecordSet, Record or RecordHeader does not have, and none of
 * the wrong wire type. Returns a reason naming the field that lies, or undefined. A batch that passes decodes
 * (forEachRecord) into record_count records at base_offset + 0, 1, 2, ...
 */
export function checkRecordSet(bytes: Uint8Array, header: BatchHeader): string | undefined {
  const { firstTimestampMs, maxTimestampMs, recordCount } = header;
  if (!Number.isSafeInteger(firstTimestampMs) || !Number.isSafeInteger(maxTimestampMs) || maxTimestampMs < firstTimestampMs) {
    return `first_timestamp_ms ${firstTimestampMs} and max_timestamp_ms ${maxTimestampMs} are no time span`;
  }
  const spanMs = maxTimestampMs - firstTimestampMs;
  const end = bytes.length;
  let pos = header.recordsStart;
  let index = 0;
  while (pos < end) {
    if (bytes[pos] !== TAG_RECORD_SET_RECORDS) return `records: ${fieldAt(bytes, pos, end)} at byte ${pos} is not a RecordSet's records field`;
    const length = readVarint(bytes, pos + 1, end);
    pos = cursor;
    if (length < 0 || length > end - pos) return `records: record ${index} ${lengthProblem(length, end - pos)}`;
    if (index === recordCount) return `record_count ${recordCount} but the RecordSet holds more records`;
    const recordEnd = pos + length;
    let offsetDelta = 0;
    let zigzagTimestampDelta = 0;
    // Every Record field number is below 16, so each tag is one byte.
    while (pos < recordEnd) {
      const tag = bytes[pos];
      if (tag === TAG_TIMESTAMP_DELTA || tag === TAG_OFFSET_DELTA) {
        const value = readVarint(bytes, pos + 1, recordEnd);
        if (value < 0) return `records: record ${index}: ${tag === TAG_OFFSET_DELTA ? 'offset_delta' : 'timestamp_delta_ms'} is a malformed varint`;
        // The last occurrence wins, as in any protobuf decoder.
        if (tag === TAG_OFFSET_DELTA) offsetDelta = value;
        else zigzagTimestampDelta = value;
        pos = cursor;
      } else if (tag === TAG_KEY || tag === TAG_VALUE || tag === TAG_HEADERS) {
        const fieldLength = readVarint(bytes, pos + 1, recordEnd);
        pos = cursor;
        if (fieldLength < 0 || fieldLength > recordEnd - pos) {
          return `records: record ${index}: ${RECORD_FIELD_NAMES[tag]} ${lengthProblem(fieldLength, recordEnd - pos)}`;
        }
        if (tag === TAG_HEADERS) {
          const problem = checkRecordHeader(bytes, pos, pos + fieldLength);
          if (problem) return `records: record ${index}: headers: ${problem}`;
        }
        pos += fieldLength;
      } else {
        return `records: record ${index}: ${fieldAt(bytes, pos, recordEnd)} is not a Record field`;
      }
    }
    if (offsetDelta !== index) return `records: record ${index}: offset_delta ${offsetDelta}, expected ${index} (deltas run 0, 1, 2, ...)`;
    // sint64 is zigzag-encoded: 0, -1, 1, -2, ... as 0, 1, 2, 3, ...
    const timestampDeltaMs = zigzagTimestampDelta % 2 === 0 ? zigzagTimestampDelta / 2 : -(zigzagTimestampDelta + 1) / 2;
    if (timestampDeltaMs < 0 || timestampDeltaMs > spanMs) {
      return `records: record ${index}: timestamp_delta_ms ${timestampDeltaMs} is outside [0, ${spanMs}] ` +
        '(max_timestamp_ms - first_timestamp_ms)';
    }
    index++;
  }
  if (index !== recordCount) return `record_count ${recordCount} but the RecordSet holds ${index} records`;
  return undefined;
}

const TAG_RECORD_SET_RECORDS = 0x0a;
const TAG_TIMESTAMP_DELTA = 0x08;
const TAG_OFFSET_DELTA = 0x10;
const TAG_KEY = 0x1a;
const TAG_VALUE = 0x22;
const TAG_HEADERS = 0x2a;
const TAG_HEADER_KEY = 0x0a;
const TAG_HEADER_VALUE = 0x12;
const RECORD_FIELD_NAMES: Record<number, string> = { [TAG_KEY]: 'key', [TAG_VALUE]: 'value', [TAG_HEADERS]: 'headers' };

function checkRecordHeader(bytes: Uint8Array, from: number, end: number): string | undefined {
  for (let pos = from; pos < end;) {
    const tag = bytes[pos];
    if (tag !== TAG_HEADER_KEY && tag !== TAG_HEADER_VALUE) return `${fieldAt(bytes, pos, end)} is not a RecordHeader field`;
    const length = readVarint(bytes, pos + 1, end);
    pos = cursor;
    if (length < 0 || length > end - pos) return `${tag === TAG_HEADER_KEY ? 'key' : 'value'} ${lengthProblem(length, end - pos)}`;
    pos += length;
  }
  return undefined;
}

/** Where readVarint stopped: module scratch rather than an object per call, on a path that runs per record. */
let cursor = 0;

/**
 * The varint at `pos` (at most 10 bytes, ending before `end`), leaving `cursor` after it; -1 if malformed. Values
 * past 2^53 lose precision, which only ever makes a bound check fail.
 */
function readVarint(bytes: Uint8Array, pos: number, end: number): number {
  if (pos < end && bytes[pos] < 0x80) {
    cursor = pos + 1;
    return bytes[pos];
  }
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10 && pos < end; i++, scale *= 128) {
    const b = bytes[pos++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      cursor = pos;
      return value;
    }
  }
  cursor = pos;
  return -1;
}

function lengthProblem(length: number, left: number): string {
  return length < 0 ? 'has a malformed length' : `has length ${length} but only ${left} bytes are left`;
}

/** "field 14 (wire type 4)": the field whose tag starts at `pos`, for a refusal. */
function fieldAt(bytes: Uint8Array, pos: number, end: number): string {
  const tag = readVarint(bytes, pos, end);
  return tag < 0 ? 'a malformed tag' : `field ${Math.floor(tag / 8)} (wire type ${tag % 8})`;
}

export function verifyBatchCrc(bytes: Uint8Array, header: BatchHeader): boolean {
  return crc32(bytes.subarray(header.recordsStart)) === header.crc;
}

/** Patches the leader-assigned fields in place: the CRC does not cover them. */
export function stampBatch(bytes: Uint8Array, baseOffset: number, appendTimeMs: number): void {
  const dv = view(bytes);
  setU64(dv, RECORD_BATCH_LAYOUT.baseOffset, baseOffset);
  setU64(dv, RECORD_BATCH_LAYOUT.appendTimeMs, appendTimeMs);
}

export function batchBaseOffset(bytes: Uint8Array): number {
  return getU64(view(bytes), RECORD_BATCH_LAYOUT.baseOffset);
}

export function batchRecordCount(bytes: Uint8Array): number {
  return view(bytes).getUint32(RECORD_BATCH_LAYOUT.recordCount, true);
}

export function batchMaxTimestampMs(bytes: Uint8Array): number {
  return getU64(view(bytes), RECORD_BATCH_LAYOUT.maxTimestampMs);
}

const NO_HEADERS: ConsumedRecord['headers'] = [];

/** A stored batch that cannot be decoded: why, and its base offset when its header can be read. */
export class CorruptRecordBatchError extends Error {
  constructor(readonly reason: string, readonly baseOffset?: number) {
    super(baseOffset === undefined ? `corrupt batch: ${reason}` : `corrupt batch at offset ${baseOffset}: ${reason}`);
    this.name = 'CorruptRecordBatchError';
  }
}

/**
 * Visits each record of a stored batch with its absolute offset and timestamp, building nothing in between: the
 * consumer turns records straight into its own objects. Throws CorruptRecordBatchError on a corrupt batch, before
 * visiting any record.
 */
export function forEachRecord(bytes: Uint8Array, visit: (record: ConsumedRecord) => void): BatchHeader {
  const header = readBatchHeader(bytes);
  if (typeof header === 'string') throw new CorruptRecordBatchError(header);
  if (!verifyBatchCrc(bytes, header)) throw new CorruptRecordBatchError('CRC mismatch', header.baseOffset);
  // A batch whose header lies about its records would hand out offsets twice or skip some: none of it is visited.
  const lie = checkRecordSet(bytes, header);
  if (lie) throw new CorruptRecordBatchError(lie, header.baseOffset);
  const set = rafter.RecordSet.decode(bytes.subarray(header.recordsStart));
  // Decoded messages carry every scalar (absent ones read the prototype's default): the class types say so.
  for (const r of set.records as rafter.Record[]) {
    const headers = r.headers as rafter.RecordHeader[];
    visit({
      offset: header.baseOffset + r.offsetDelta,
      timestampMs: header.firstTimestampMs + Number(r.timestampDeltaMs),
      key: r.key ?? null,
      value: r.value ?? null,
      headers: headers.length === 0 ? NO_HEADERS : headers.map((h) => ({ key: h.key, value: h.value })),
    });
  }
  return header;
}

/** Decodes a stored batch into records with absolute offsets and timestamps. Throws on a corrupt batch. */
export function decodeRecordBatch(bytes: Uint8Array): { header: BatchHeader; records: ConsumedRecord[] } {
  const records: ConsumedRecord[] = [];
  const header = forEachRecord(bytes, (record) => records.push(record));
  return { header, records };
}
