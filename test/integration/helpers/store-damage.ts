// Damage a STOPPED broker's data directory the way a disk would: one flipped bit in a stored value, or a data file cut
// short. The values are found by walking LMDB's B-trees in the file itself (from the newest meta page: the main
// database names the `entries` and `offsets` databases; small values sit inline in leaf pages, large ones in
// overflow pages, never compressed), so only live pages are touched, never stale copies in free pages. Every helper
// fails loudly when its target is not found exactly once, and returns what it changed, for the test's messages.
//
//   flipBitInRecord(dir, 'marker-17')                               a bit inside a record (found by its bytes)
//   flipBitInBatchHeader(dir, { groupId: 1, offset: 500 }, 'baseOffset', 2)   base_offset 500 → 504
//   flipBitInEntryHeader(dir, { marker: 'marker-17' }, 'term')       the storage entry header
//   flipBitInOffsetIndex(dir, { groupId: 1, offset: 500 })          the offset index points at another Raft index
//   truncateStore(dir, 64 * 1024)                                   the data file cut to 64 KiB
//
// Group ids: topics get Raft groups from 1 upward in creation order, partition by partition (group 0 is a cluster's
// controller); `storedEntries(dir)` lists what is there.
import { closeSync, fsyncSync, openSync, readFileSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { RECORD_BATCH_LAYOUT } from '../../../client/protocol';
import { STORE_FILE_NAME } from '../../../broker/storage';
import {
  LMDB_PAGE_HEADER_BYTES, LmdbPageFlag, lmdbDbRoot, readLmdbHeader,
} from '../../../broker/storage/lmdb-file';
import { ENTRY_HEADER_LAYOUT, entryHeaderBytes, keyGroupId, keyPosition, positionKey } from '../../../broker/storage/layout';

/** The named databases of a broker store (see docs/architecture.md, Storage). */
export type StoreDb = 'entries' | 'offsets' | 'state' | 'meta';

/** One stored key/value pair and where its value's bytes are in the data file. */
export interface StoredValue {
  readonly key: Buffer;
  readonly value: Buffer;
  /** Byte position of the value's first byte in the data file. */
  readonly fileOffset: number;
}

/** A stored Raft entry: its group and index, the storage entry format (1 or 2) and where its data starts. */
export interface StoredEntry extends StoredValue {
  readonly groupId: number;
  readonly index: number;
  readonly format: number;
  /** Byte position of the entry's data (for a record batch: the batch) in the data file. */
  readonly dataFileOffset: number;
}

/** Which entry: the one whose data contains `marker` (e.g. a record value), or a group's batch at a base offset, or a group's entry at a Raft index. */
export type EntryTarget =
  | { readonly marker: string | Uint8Array }
  | { readonly groupId: number; readonly offset: number }
  | { readonly groupId: number; readonly index: number };

/** What a helper changed. */
export interface Damage {
  readonly file: string;
  readonly fileOffset: number;
  readonly before: number;
  readonly after: number;
  /** e.g. "group 1 index 7: record batch baseOffset bit 2". */
  readonly description: string;
  readonly groupId?: number;
  readonly index?: number;
}

export type BatchField = keyof typeof RECORD_BATCH_LAYOUT;
export type EntryHeaderField = 'type' | 'term' | 'cumulativeBytes' | 'checksum';

export function storeFile(dataDir: string): string {
  return path.join(dataDir, STORE_FILE_NAME);
}

// --- reading the file --------------------------------------------------------------------------------------------

const F_BIGDATA = 0x01;
const F_SUBDATA = 0x02;
const NODE_HEADER_BYTES = 8;

class LmdbFile {
  readonly bytes: Buffer;
  readonly pageSize: number;
  private readonly mainRoot: number;

  constructor(readonly file: string) {
    const header = readLmdbHeader(file);
    if (!header.ok) throw new Error(`store-damage: ${file} is not a readable LMDB file: ${header.problem}`);
    if (header.fileBytes < header.neededBytes) throw new Error(`store-damage: ${file} is already truncated`);
    this.bytes = readFileSync(file);
    this.pageSize = header.meta.pageSize;
    this.mainRoot = header.meta.mainRoot;
  }

  /** Every key/value of a named database, in key order. */
  values(db: StoreDb): StoredValue[] {
    // lmdb-js stores a database's name with its terminating NUL.
    const named = this.walk(this.mainRoot).find((n) => n.key.toString('latin1').replace(/\0$/, '') === db);
    if (!named) throw new Error(`store-damage: no database "${db}" in ${this.file}`);
    if ((named.flags & F_SUBDATA) === 0) throw new Error(`store-damage: "${db}" is not a named database`);
    const root = lmdbDbRoot(this.bytes, named.dataAt);
    return this.walk(root).map((n) => {
      if ((n.flags & F_BIGDATA) === 0) return { key: n.key, value: this.bytes.subarray(n.dataAt, n.dataAt + n.size), fileOffset: n.dataAt };
      const page = this.u64(n.dataAt);
      const at = page * this.pageSize + LMDB_PAGE_HEADER_BYTES;
      return { key: n.key, value: this.bytes.subarray(at, at + n.size), fileOffset: at };
    });
  }

  /** The leaf nodes of the tree rooted at `root` (-1: empty), depth first. */
  private walk(root: number): Array<{ key: Buffer; flags: number; size: number; dataAt: number }> {
    const out: Array<{ key: Buffer; flags: number; size: number; dataAt: number }> = [];
    if (root < 0) return out;
    const pages = [root];
    while (pages.length > 0) {
      const page = pages.pop()!;
      const base = page * this.pageSize;
      if (base + this.pageSize > this.bytes.length) throw new Error(`store-damage: page ${page} is past the end of the file`);
      const flags = this.bytes.readUInt16LE(base + 18);
      const count = this.bytes.readUInt16LE(base + 20) >> 1;
      const children: number[] = [];
      for (let i = 0; i < count; i++) {
        const node = base + LMDB_PAGE_HEADER_BYTES + this.bytes.readUInt16LE(base + LMDB_PAGE_HEADER_BYTES + 2 * i);
        const lo = this.bytes.readUInt16LE(node);
        const hi = this.bytes.readUInt16LE(node + 2);
        const nodeFlags = this.bytes.readUInt16LE(node + 4);
        const keySize = this.bytes.readUInt16LE(node + 6);
        const key = this.bytes.subarray(node + NODE_HEADER_BYTES, node + NODE_HEADER_BYTES + keySize);
        if (flags & LmdbPageFlag.Branch) {
          children.push(lo + hi * 0x1_0000 + nodeFlags * 0x1_0000_0000);
        } else if (flags & LmdbPageFlag.Leaf) {
          out.push({ key: Buffer.from(key), flags: nodeFlags, size: lo + hi * 0x1_0000, dataAt: node + NODE_HEADER_BYTES + keySize });
        } else {
          throw new Error(`store-damage: page ${page} is neither branch nor leaf (flags 0x${flags.toString(16)})`);
        }
      }
      // Reversed so that popping visits children in key order.
      pages.push(...children.reverse());
    }
    return out;
  }

  private u64(at: number): number {
    return this.bytes.readUInt32LE(at + 4) * 0x1_0000_0000 + this.bytes.readUInt32LE(at);
  }
}

/** Every key/value pair of one of the store's databases, with the value's position in the data file. */
export function storedValues(dataDir: string, db: StoreDb): StoredValue[] {
  return new LmdbFile(storeFile(dataDir)).values(db);
}

/** Every stored Raft entry (all groups), in (group, index) order. */
export function storedEntries(dataDir: string): StoredEntry[] {
  return storedValues(dataDir, 'entries').map(toEntry);
}

function toEntry(v: StoredValue): StoredEntry {
  const format = v.value[ENTRY_HEADER_LAYOUT.format];
  return {
    ...v, groupId: keyGroupId(v.key), index: keyPosition(v.key), format, dataFileOffset: v.fileOffset + entryHeaderBytes(format),
  };
}

function exactlyOne<T>(found: readonly T[], what: string): T {
  if (found.length !== 1) throw new Error(`store-damage: expected exactly one ${what}, found ${found.length}`);
  return found[0];
}

function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.equals(b);
}

/** The offset index's entry for a batch at exactly `offset` (a batch's base offset) in a group. */
function offsetIndexValue(dataDir: string, groupId: number, offset: number): StoredValue {
  const key = positionKey(groupId, offset);
  return exactlyOne(storedValues(dataDir, 'offsets').filter((v) => sameKey(v.key, key)), `offset index entry for group ${groupId} offset ${offset}`);
}

/** The one stored entry a target names; throws unless exactly one matches. */
export function findStoredEntry(dataDir: string, target: EntryTarget): StoredEntry {
  const entries = storedEntries(dataDir);
  if ('marker' in target) {
    const marker = Buffer.from(target.marker);
    const holding = entries.filter((e) => e.value.indexOf(marker) >= 0);
    const entry = exactlyOne(holding, `stored entry containing ${JSON.stringify(marker.toString('latin1'))}`);
    if (entry.value.indexOf(marker, entry.value.indexOf(marker) + 1) >= 0) {
      throw new Error(`store-damage: ${JSON.stringify(marker.toString('latin1'))} occurs more than once in group ${entry.groupId} index ${entry.index}`);
    }
    return entry;
  }
  const index = 'index' in target ? target.index : readIndex(offsetIndexValue(dataDir, target.groupId, target.offset).value);
  return exactlyOne(entries.filter((e) => e.groupId === target.groupId && e.index === index), `stored entry of group ${target.groupId} at index ${index}`);
}

function readIndex(value: Buffer): number {
  return value.readUInt32BE(0) * 0x1_0000_0000 + value.readUInt32BE(4);
}

// --- damaging it -------------------------------------------------------------------------------------------------

/** Flips one bit (0 = least significant) of the byte at `fileOffset` in place, and syncs the file. */
export function flipBitAt(file: string, fileOffset: number, bit: number, description: string): Damage {
  if (!Number.isInteger(bit) || bit < 0 || bit > 7) throw new Error(`store-damage: bit ${bit} is not 0..7 of a byte`);
  const fd = openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    if (readSync(fd, byte, 0, 1, fileOffset) !== 1) throw new Error(`store-damage: ${file} has no byte at ${fileOffset}`);
    const before = byte[0];
    byte[0] ^= 1 << bit;
    writeSync(fd, byte, 0, 1, fileOffset);
    fsyncSync(fd);
    return { file, fileOffset, before, after: byte[0], description };
  } finally {
    closeSync(fd);
  }
}

/** Flips bit `bit` (0 = least significant) of the first byte of `marker`, which must occur in exactly one stored entry, once. */
export function flipBitInRecord(dataDir: string, marker: string | Uint8Array, bit = 0): Damage {
  const entry = findStoredEntry(dataDir, { marker });
  const at = entry.fileOffset + entry.value.indexOf(Buffer.from(marker));
  return {
    ...flipBitAt(storeFile(dataDir), at, bit % 8, `group ${entry.groupId} index ${entry.index}: record bytes at ${at - entry.dataFileOffset}`),
    groupId: entry.groupId,
    index: entry.index,
  };
}

/**
 * Flips bit `bit` of a fixed record batch header field of the target entry's batch. Fields are little-endian (as
 * RECORD_BATCH_LAYOUT): bit 0 is the least significant bit of the value, so bit 2 of baseOffset moves it by 4.
 */
export function flipBitInBatchHeader(dataDir: string, target: EntryTarget, field: BatchField, bit = 0): Damage {
  const entry = findStoredEntry(dataDir, target);
  if (entry.value[entry.dataFileOffset - entry.fileOffset] !== 0x09) {
    throw new Error(`store-damage: group ${entry.groupId} index ${entry.index} does not hold a record batch`);
  }
  const at = entry.dataFileOffset + RECORD_BATCH_LAYOUT[field] + (bit >> 3);
  return {
    ...flipBitAt(storeFile(dataDir), at, bit & 7, `group ${entry.groupId} index ${entry.index}: record batch ${field} bit ${bit}`),
    groupId: entry.groupId,
    index: entry.index,
  };
}

/** Flips bit `bit` of a field of the storage entry header (big-endian: bit 0 is the value's least significant bit). */
export function flipBitInEntryHeader(dataDir: string, target: EntryTarget, field: EntryHeaderField, bit = 0): Damage {
  const entry = findStoredEntry(dataDir, target);
  const widths: Record<EntryHeaderField, number> = { type: 1, term: 8, cumulativeBytes: 8, checksum: 4 };
  if (field === 'checksum' && entry.format === 1) throw new Error('store-damage: format 1 entries have no checksum');
  if (bit >= widths[field] * 8) throw new Error(`store-damage: ${field} has ${widths[field] * 8} bits`);
  const at = entry.fileOffset + ENTRY_HEADER_LAYOUT[field] + widths[field] - 1 - (bit >> 3);
  return {
    ...flipBitAt(storeFile(dataDir), at, bit & 7, `group ${entry.groupId} index ${entry.index}: entry header ${field} bit ${bit}`),
    groupId: entry.groupId,
    index: entry.index,
  };
}

/**
 * Flips bit `bit` of the Raft index stored in the offset index for the batch at base offset `offset` of group
 * `groupId` (big-endian: bit 0 makes it name the next or previous entry; bit 40 names an entry that does not exist).
 */
export function flipBitInOffsetIndex(dataDir: string, target: { groupId: number; offset: number }, bit = 0): Damage {
  if (!Number.isInteger(bit) || bit < 0 || bit > 63) throw new Error(`store-damage: the index has 64 bits, not bit ${bit}`);
  const stored = offsetIndexValue(dataDir, target.groupId, target.offset);
  const at = stored.fileOffset + 7 - (bit >> 3);
  return {
    ...flipBitAt(storeFile(dataDir), at, bit & 7, `group ${target.groupId} offset ${target.offset}: offset index value bit ${bit}`),
    groupId: target.groupId,
    index: readIndex(stored.value),
  };
}

/** Cuts the data file to `bytes` (which must be shorter than it is). */
export function truncateStore(dataDir: string, bytes: number): Damage {
  const file = storeFile(dataDir);
  const size = statSync(file).size;
  if (!Number.isInteger(bytes) || bytes < 0 || bytes >= size) throw new Error(`store-damage: ${file} has ${size} bytes; cannot truncate to ${bytes}`);
  truncateSync(file, bytes);
  return { file, fileOffset: bytes, before: size, after: bytes, description: `${file} truncated from ${size} to ${bytes} bytes` };
}
