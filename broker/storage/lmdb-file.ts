// What the broker reads of an LMDB data file without LMDB: its two meta pages. LMDB maps the file and trusts it, so a
// file shorter than the pages its newest meta page says are in use makes the first read past the end fault the
// process (SIGBUS) with nothing on stderr. Reading the meta pages first turns that into a message. The layout is
// that of the LMDB lmdb-js builds (dependencies/lmdb/libraries/liblmdb/mdb.c, 64-bit): every page starts with a
// 24-byte header (pgno u64, txnid u64, pad u16, flags u16, lower/upper or overflow count u32); pages 0 and 1 are
// meta pages, each an MDB_meta after the header; transaction N writes meta page N % 2.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export const LMDB_PAGE_HEADER_BYTES = 24;
export const LMDB_MAGIC = 0xbeefc0de;
export const LMDB_DATA_VERSION = 2;
/** Page flags (mp_flags). */
export const LmdbPageFlag = { Branch: 0x01, Leaf: 0x02, Overflow: 0x04, Meta: 0x08 } as const;
/** Bytes of an MDB_db record (a B-tree's root and counts): pad u32, flags u16, depth u16, 4 × u64, root u64. */
export const LMDB_DB_RECORD_BYTES = 48;

/** MDB_meta, relative to the end of the page header. */
const META = {
  magic: 0,
  version: 4,
  /** mm_dbs[FREE_DBI].md_pad holds the page size. */
  pageSize: 24,
  mainDb: 24 + LMDB_DB_RECORD_BYTES,
  lastPage: 24 + 2 * LMDB_DB_RECORD_BYTES,
  txnId: 24 + 2 * LMDB_DB_RECORD_BYTES + 8,
  end: 24 + 2 * LMDB_DB_RECORD_BYTES + 16,
} as const;
/** A meta page header and the MDB_meta fields read here: the least a file must hold to have one meta page. */
export const LMDB_META_BYTES = LMDB_PAGE_HEADER_BYTES + META.end;
const MIN_PAGE_SIZE = 512;
const MAX_PAGE_SIZE = 65536;

export interface LmdbMeta {
  /** 0 or 1. */
  readonly page: number;
  readonly pageSize: number;
  /** The last page in use: the file must hold pages 0..lastPage. */
  readonly lastPage: number;
  readonly txnId: number;
  /** The root page of the main database (whose records name the named databases), -1 when it is empty. */
  readonly mainRoot: number;
}

/** The newest valid meta page, or why there is none; and the file's size. */
export type LmdbHeader =
  | { readonly ok: true; readonly fileBytes: number; readonly meta: LmdbMeta; readonly neededBytes: number }
  | { readonly ok: false; readonly fileBytes: number; readonly problem: string; readonly neededBytes?: number };

function readU64LE(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at + 4) * 0x1_0000_0000 + buf.readUInt32LE(at);
}

/** MDB_db.md_root is at byte 40 of the record; P_INVALID (all ones) means an empty tree. */
export function lmdbDbRoot(record: Buffer, at: number): number {
  return record.readUInt32LE(at + 44) === 0xffffffff && record.readUInt32LE(at + 40) === 0xffffffff ? -1 : readU64LE(record, at + 40);
}

/** One meta page read from `page` (the page at `at` bytes), or a reason it is not one. */
function parseMeta(bytes: Buffer, page: number): LmdbMeta | string {
  if (bytes.length < LMDB_META_BYTES) return `meta page ${page} is cut off`;
  const flags = bytes.readUInt16LE(18);
  if ((flags & LmdbPageFlag.Meta) === 0) return `page ${page} is not a meta page (flags 0x${flags.toString(16)})`;
  const m = LMDB_PAGE_HEADER_BYTES;
  const magic = bytes.readUInt32LE(m + META.magic);
  if (magic !== LMDB_MAGIC) return `meta page ${page} has no LMDB magic number (0x${magic.toString(16)})`;
  const version = bytes.readUInt32LE(m + META.version);
  if (version !== LMDB_DATA_VERSION) return `meta page ${page} is of LMDB data version ${version}, not ${LMDB_DATA_VERSION}`;
  const pageSize = bytes.readUInt32LE(m + META.pageSize);
  if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE || (pageSize & (pageSize - 1)) !== 0) {
    return `meta page ${page} gives an impossible page size ${pageSize}`;
  }
  return {
    page,
    pageSize,
    lastPage: readU64LE(bytes, m + META.lastPage),
    txnId: readU64LE(bytes, m + META.txnId),
    mainRoot: lmdbDbRoot(bytes, m + META.mainDb),
  };
}

function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const read = readSync(fd, buf, 0, length, at);
  return buf.subarray(0, read);
}

/**
 * Reads both meta pages of an LMDB data file and picks the newest valid one, as LMDB does (the greater txn id), then
 * says how many bytes the file needs for the pages that meta page counts as in use.
 */
export function readLmdbHeader(file: string): LmdbHeader {
  const fd = openSync(file, 'r');
  try {
    const fileBytes = fstatSync(fd).size;
    const first = parseMeta(readAt(fd, 0, LMDB_META_BYTES), 0);
    if (typeof first === 'string') {
      return { ok: false, fileBytes, problem: first, neededBytes: fileBytes < LMDB_META_BYTES ? LMDB_META_BYTES : undefined };
    }
    const second = parseMeta(readAt(fd, first.pageSize, LMDB_META_BYTES), 1);
    const meta = typeof second === 'string' || second.txnId < first.txnId ? first : second;
    // Both meta pages are always written (page 1 at creation), so a file without the second is cut short.
    const neededBytes = Math.max((meta.lastPage + 1) * meta.pageSize, 2 * meta.pageSize);
    return { ok: true, fileBytes, meta, neededBytes };
  } finally {
    closeSync(fd);
  }
}
