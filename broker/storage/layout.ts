// The on-disk layout: binary big-endian keys, so LMDB's byte order is (groupId, index) order and a group's entries,
// offsets and state are each one contiguous key range; and fixed binary values, so nothing on the hot path goes
// through a general-purpose serializer.
import { crc32 } from 'node:zlib';
import { EMPTY_CONF_STATE, type ConfState, type EntryType, type HardState, type NodeId, type RaftIndex, type Term } from '../raft/types';

const TWO_32 = 0x1_0000_0000;

function writeU64(buf: Buffer, at: number, value: number): void {
  buf.writeUInt32BE(Math.floor(value / TWO_32), at);
  buf.writeUInt32BE(value >>> 0, at + 4);
}

function readU64(buf: Uint8Array, at: number): number {
  const dv = new DataView(buf.buffer, buf.byteOffset + at, 8);
  return dv.getUint32(0) * TWO_32 + dv.getUint32(4);
}

// --- keys -------------------------------------------------------------------------------------------------------

/** (groupId u32, u64): an entry's key (u64 = Raft index) and an offset-index key (u64 = base offset). */
export const POSITION_KEY_BYTES = 12;

export function positionKey(groupId: number, position: number): Buffer {
  const key = Buffer.allocUnsafe(POSITION_KEY_BYTES);
  key.writeUInt32BE(groupId, 0);
  writeU64(key, 4, position);
  return key;
}

/** Sorts before every key of the group (and after every key of groupId - 1). */
export function groupStartKey(groupId: number): Buffer {
  const key = Buffer.allocUnsafe(4);
  key.writeUInt32BE(groupId, 0);
  return key;
}

/** Sorts after every (groupId, position) key and before every key of groupId + 1, without overflowing u32. */
export function groupEndKey(groupId: number): Buffer {
  const key = Buffer.alloc(POSITION_KEY_BYTES + 1, 0xff);
  key.writeUInt32BE(groupId, 0);
  return key;
}

export function keyGroupId(key: Uint8Array): number {
  return new DataView(key.buffer, key.byteOffset, 4).getUint32(0);
}

export function keyPosition(key: Uint8Array): number {
  return readU64(key, 4);
}

/** What a `state` key holds for its group. */
export const StateKind = {
  HardState: 1,
  /** Snapshot metadata and the log's start: see encodeLogMeta. */
  LogMeta: 2,
  SnapshotData: 3,
} as const;
export type StateKind = (typeof StateKind)[keyof typeof StateKind];

export function stateKey(groupId: number, kind: StateKind): Buffer {
  const key = Buffer.allocUnsafe(5);
  key.writeUInt32BE(groupId, 0);
  key[4] = kind;
  return key;
}

export function stateKind(key: Uint8Array): number {
  return key[4];
}

// --- entry values ---------------------------------------------------------------------------------------------------

/** Entries written before entry checksums: an 18-byte header; only a record batch's own CRC checks them. */
export const ENTRY_FORMAT_V1 = 1;
export const ENTRY_FORMAT = 2;
const ENTRY_HEADER_V1_BYTES = 18;
/**
 * format u8, entry type u8, term u64, cumulative bytes u64, checksum u32, then the entry's data. The cumulative byte
 * count (data bytes of every entry of the group up to and including this one) makes a group's stored size a
 * subtraction, so neither retention nor a restart has to scan values. The checksum (CRC-32) covers the entry's key
 * (group, index), the header before it and the data as stored, record batch fields the leader patched included: a
 * changed byte anywhere in the value, or a value under another key, fails it.
 */
export const ENTRY_HEADER_BYTES = 22;
const ENTRY_CHECKSUM_AT = ENTRY_HEADER_V1_BYTES;

/** Where the fields of an entry header are (both formats; the checksum only in ENTRY_FORMAT). */
export const ENTRY_HEADER_LAYOUT = { format: 0, type: 1, term: 2, cumulativeBytes: 10, checksum: ENTRY_CHECKSUM_AT } as const;

export function entryHeaderBytes(format: number): number {
  return format === ENTRY_FORMAT_V1 ? ENTRY_HEADER_V1_BYTES : ENTRY_HEADER_BYTES;
}

export interface EntryHeader {
  format: typeof ENTRY_FORMAT | typeof ENTRY_FORMAT_V1;
  type: EntryType;
  term: Term;
  cumulativeBytes: number;
  /** ENTRY_FORMAT only. */
  checksum: number | undefined;
  /** Where the data starts. */
  headerBytes: number;
}

/** The checksummed bytes before the data, built here so the data itself is never copied for the checksum. */
const checksumScratch = Buffer.alloc(POSITION_KEY_BYTES + ENTRY_HEADER_V1_BYTES);

/** The checksum of an ENTRY_FORMAT entry, over its key, header fields and data (computed once, when it is staged). */
export function entryChecksum(groupId: number, index: RaftIndex, type: EntryType, term: Term, cumulativeBytes: number, data: Uint8Array): number {
  const b = checksumScratch;
  b.writeUInt32BE(groupId, 0);
  writeU64(b, 4, index);
  b[POSITION_KEY_BYTES] = ENTRY_FORMAT;
  b[POSITION_KEY_BYTES + 1] = type;
  writeU64(b, POSITION_KEY_BYTES + 2, term);
  writeU64(b, POSITION_KEY_BYTES + 10, cumulativeBytes);
  return crc32(data, crc32(b));
}

export function writeEntryHeader(buf: Buffer, type: EntryType, term: Term, cumulativeBytes: number, checksum: number): void {
  buf[0] = ENTRY_FORMAT;
  buf[1] = type;
  writeU64(buf, 2, term);
  writeU64(buf, 10, cumulativeBytes);
  buf.writeUInt32BE(checksum, ENTRY_CHECKSUM_AT);
}

/** undefined when the bytes are not an entry value of either format. */
export function readEntryHeader(value: Uint8Array): EntryHeader | undefined {
  const format = value[0];
  if (format !== ENTRY_FORMAT && format !== ENTRY_FORMAT_V1) return undefined;
  const headerBytes = entryHeaderBytes(format);
  if (value.length < headerBytes || value[1] > 1) return undefined;
  return {
    format,
    type: value[1] as EntryType,
    term: readU64(value, 2),
    cumulativeBytes: readU64(value, 10),
    checksum: format === ENTRY_FORMAT ? new DataView(value.buffer, value.byteOffset + ENTRY_CHECKSUM_AT, 4).getUint32(0) : undefined,
    headerBytes,
  };
}

/** Whether a stored ENTRY_FORMAT value matches its checksum: what entryChecksum gave when it was staged. */
export function verifyEntryChecksum(groupId: number, index: RaftIndex, value: Uint8Array, header: EntryHeader): boolean {
  const data = value.subarray(header.headerBytes);
  return entryChecksum(groupId, index, header.type, header.term, header.cumulativeBytes, data) === header.checksum;
}

// --- offset index values --------------------------------------------------------------------------------------------

/** Offset index values written before their checksum: the Raft index alone. */
export const INDEX_VALUE_V1_BYTES = 8;
/** Raft index u64, then a CRC-32 over the key (group, base offset) and the index: a changed bit fails it. */
export const INDEX_VALUE_BYTES = 12;

export function encodeIndex(groupId: number, baseOffset: number, index: RaftIndex): Buffer {
  const key = positionKey(groupId, baseOffset);
  const buf = Buffer.allocUnsafe(INDEX_VALUE_BYTES);
  writeU64(buf, 0, index);
  buf.writeUInt32BE(crc32(buf.subarray(0, 8), crc32(key)), 8);
  return buf;
}

/** The Raft index an offset index value names (either format, unchecked: see checkIndexValue). */
export function decodeIndex(value: Uint8Array): RaftIndex {
  return readU64(value, 0);
}

/** The index a stored offset index value names, or what is wrong with it. */
export function checkIndexValue(key: Uint8Array, value: Uint8Array): RaftIndex | string {
  if (value.length === INDEX_VALUE_V1_BYTES) return readU64(value, 0);
  if (value.length !== INDEX_VALUE_BYTES) return `offset index value has ${value.length} bytes`;
  const stored = new DataView(value.buffer, value.byteOffset + 8, 4).getUint32(0);
  if (crc32(value.subarray(0, 8), crc32(key)) !== stored) return 'offset index value checksum mismatch';
  return readU64(value, 0);
}

// --- state values ---------------------------------------------------------------------------------------------------

/** term u64, vote u32, commit u64. */
export function encodeHardState(hs: HardState): Buffer {
  const buf = Buffer.allocUnsafe(20);
  writeU64(buf, 0, hs.term);
  buf.writeUInt32BE(hs.vote, 8);
  writeU64(buf, 12, hs.commit);
  return buf;
}

export function decodeHardState(value: Uint8Array): HardState | undefined {
  if (value.length !== 20) return undefined;
  return { term: readU64(value, 0), vote: new DataView(value.buffer, value.byteOffset + 8, 4).getUint32(0), commit: readU64(value, 12) };
}

/**
 * Where a group's log starts and its latest snapshot. They differ: compaction drops entries up to a point (the
 * snapshot Raft would send may be older, or newer once a snapshot has been applied), as in etcd's MemoryStorage.
 */
export interface LogMeta {
  /** The compaction point: entries up to it are gone. */
  compactIndex: RaftIndex;
  compactTerm: Term;
  /** Cumulative data bytes through compactIndex (see ENTRY_HEADER_BYTES). */
  compactCumulativeBytes: number;
  snapshotIndex: RaftIndex;
  snapshotTerm: Term;
  confState: ConfState;
}

const LOG_META_FORMAT = 1;
const LOG_META_FIXED_BYTES = 41;

/**
 * format u8, compact index u64, compact term u64, cumulative bytes u64, snapshot index u64, snapshot term u64, then
 * voters, learners, votersOutgoing as (count u32, ids u32…).
 */
export function encodeLogMeta(meta: LogMeta): Buffer {
  const { voters, learners, votersOutgoing } = meta.confState;
  const buf = Buffer.allocUnsafe(LOG_META_FIXED_BYTES + 4 * (3 + voters.length + learners.length + votersOutgoing.length));
  buf[0] = LOG_META_FORMAT;
  writeU64(buf, 1, meta.compactIndex);
  writeU64(buf, 9, meta.compactTerm);
  writeU64(buf, 17, meta.compactCumulativeBytes);
  writeU64(buf, 25, meta.snapshotIndex);
  writeU64(buf, 33, meta.snapshotTerm);
  let at = LOG_META_FIXED_BYTES;
  for (const ids of [voters, learners, votersOutgoing]) {
    buf.writeUInt32BE(ids.length, at);
    at += 4;
    for (const id of ids) {
      buf.writeUInt32BE(id, at);
      at += 4;
    }
  }
  return buf;
}

export function decodeLogMeta(value: Uint8Array): LogMeta | undefined {
  if (value.length < LOG_META_FIXED_BYTES + 12 || value[0] !== LOG_META_FORMAT) return undefined;
  const dv = new DataView(value.buffer, value.byteOffset, value.byteLength);
  let at = LOG_META_FIXED_BYTES;
  const lists: NodeId[][] = [];
  for (let i = 0; i < 3; i++) {
    if (at + 4 > value.length) return undefined;
    const count = dv.getUint32(at);
    at += 4;
    if (at + 4 * count > value.length) return undefined;
    const ids: NodeId[] = [];
    for (let j = 0; j < count; j++, at += 4) ids.push(dv.getUint32(at));
    lists.push(ids);
  }
  if (at !== value.length) return undefined;
  const [voters, learners, votersOutgoing] = lists;
  const empty = voters.length + learners.length + votersOutgoing.length === 0;
  return {
    compactIndex: readU64(value, 1),
    compactTerm: readU64(value, 9),
    compactCumulativeBytes: readU64(value, 17),
    snapshotIndex: readU64(value, 25),
    snapshotTerm: readU64(value, 33),
    confState: empty ? EMPTY_CONF_STATE : { voters, learners, votersOutgoing },
  };
}
