// One Raft group's log on the broker's LMDB environment. Writes are staged in memory and reach LMDB only through the
// store's group commit, so one transaction (and one fsync) carries every group's writes. Until the transaction that
// wrote them is durable, entries stay in `tail` and reads take them from there: LMDB holds [firstIndex, tailStart),
// memory holds [tailStart, lastIndex]. Nothing else of a group's log lives in memory.
import type { Database } from 'lmdb';
import { readBatchHeader, verifyBatchCrc } from '../../client/protocol';
import { CompactedError, UnavailableError, type RaftLogStore } from '../raft/storage';
import {
  EMPTY_HARD_STATE, EMPTY_SNAPSHOT, EntryType, entrySize,
  type ConfState, type Entry, type HardState, type RaftIndex, type Snapshot, type SnapshotMetadata, type Term,
} from '../raft/types';
import { StorageCorruptionError } from './errors';
import {
  ENTRY_FORMAT, ENTRY_HEADER_BYTES, StateKind, decodeHardState, decodeIndex, decodeLogMeta, encodeHardState, encodeIndex,
  encodeLogMeta, entryChecksum, groupEndKey, groupStartKey, keyPosition, positionKey, readEntryHeader, stateKey,
  verifyEntryChecksum, writeEntryHeader, type EntryHeader, type LogMeta,
} from './layout';

export type BinaryDb = Database<Buffer, Buffer>;

/** What a GroupLog needs from the store that owns it. */
export interface GroupLogHost {
  readonly entriesDb: BinaryDb;
  readonly offsetsDb: BinaryDb;
  readonly stateDb: BinaryDb;
  /** Throws if the store can no longer write. */
  assertWritable(): void;
  /** Puts the log in the queue of the next transaction (called once per transaction). */
  enqueue(log: GroupLog): void;
  commit(): Promise<void>;
}

/** An entry not yet durable. txn: the transaction that writes it, 0 while only staged. */
interface TailItem {
  readonly entry: Entry;
  readonly cumulativeBytes: number;
  /** The stored value's checksum, computed once when staged (see entryChecksum). */
  readonly checksum: number;
  txn: number;
}

interface OffsetMark {
  readonly baseOffset: number;
  readonly index: RaftIndex;
  txn: number;
}

/** What one transaction writes for one group, taken from the staged state when the transaction starts. */
export interface GroupWrite {
  readonly log: GroupLog;
  readonly compactThrough: RaftIndex | undefined;
  readonly deleteFrom: RaftIndex | undefined;
  readonly entries: readonly TailItem[];
  readonly offsets: readonly OffsetMark[];
  readonly hardState: HardState | undefined;
  readonly logMeta: LogMeta | undefined;
  readonly snapshotData: Uint8Array | undefined;
}

/** The tag every record batch starts with (field 1, 64-bit); a partition's other commands start with other bytes. */
const BATCH_FIRST_BYTE = 0x09;
/** Keys deleted per range scan, so a large prefix delete never holds every key at once. */
const DELETE_CHUNK = 4096;
const EMPTY_DATA = new Uint8Array(0);

function isBatch(entry: Entry): boolean {
  return entry.type === EntryType.Normal && entry.data.length > 0 && entry.data[0] === BATCH_FIRST_BYTE;
}

function minDefined(a: number | undefined, b: number): number {
  return a === undefined ? b : Math.min(a, b);
}

export class GroupLog implements RaftLogStore {
  private hardState: HardState = EMPTY_HARD_STATE;
  /** The latest snapshot's metadata; its data is in snapshotData or in `state`. */
  private snapshotMeta: SnapshotMetadata = EMPTY_SNAPSHOT.metadata;
  /** The compaction point: entries up to it are gone (the snapshot may be older or newer). */
  private compactIndex: RaftIndex = 0;
  private compactTerm: Term = 0;
  private compactCumulativeBytes = 0;
  private last: RaftIndex = 0;
  private lastTerm: Term = 0;
  private lastCumulativeBytes = 0;
  private tail: TailItem[] = [];
  private tailStart: RaftIndex = 1;
  /** Offset index marks not yet durable, in offset order. */
  private marks: OffsetMark[] = [];
  /** Snapshot data held until the transaction that stores it is durable; afterwards read from `state` on demand. */
  private snapshotData: Uint8Array | undefined;
  private snapshotDataTxn = 0;
  private snapshotDataStored = false;

  // Staged for the next transaction.
  private compactThrough: RaftIndex | undefined;
  private deleteFrom: RaftIndex | undefined;
  private hardStateDirty = false;
  private logMetaDirty = false;
  private snapshotDataDirty = false;
  private queued = false;
  /** Whether the group has anything stored or staged. */
  private exists = false;
  private dropped = false;

  /** `load`: read the group's state from LMDB; false for a group whose stored data is being dropped. */
  constructor(private readonly host: GroupLogHost, readonly groupId: number, load: boolean) {
    if (load) this.load();
    if (!this.exists) this.logMetaDirty = true;
  }

  private load(): void {
    const { stateDb, entriesDb } = this.host;
    const metaValue = stateDb.get(stateKey(this.groupId, StateKind.LogMeta));
    if (metaValue === undefined) return;
    const meta = decodeLogMeta(metaValue);
    if (!meta) throw new StorageCorruptionError(this.groupId, 0, 'log metadata is malformed');
    this.exists = true;
    this.compactIndex = meta.compactIndex;
    this.compactTerm = meta.compactTerm;
    this.compactCumulativeBytes = meta.compactCumulativeBytes;
    this.snapshotMeta = { index: meta.snapshotIndex, term: meta.snapshotTerm, confState: meta.confState };
    this.snapshotDataStored = true;
    const hardStateValue = stateDb.get(stateKey(this.groupId, StateKind.HardState));
    if (hardStateValue !== undefined) {
      const hs = decodeHardState(hardStateValue);
      if (!hs) throw new StorageCorruptionError(this.groupId, 0, 'hard state is malformed');
      this.hardState = hs;
    }
    this.last = this.compactIndex;
    this.lastTerm = this.compactTerm;
    this.lastCumulativeBytes = this.compactCumulativeBytes;
    for (const key of entriesDb.getKeys({ start: groupEndKey(this.groupId), end: groupStartKey(this.groupId), reverse: true, limit: 1 })) {
      const index = keyPosition(key);
      if (index > this.compactIndex) {
        const header = this.storedHeader(index);
        this.last = index;
        this.lastTerm = header.term;
        this.lastCumulativeBytes = header.cumulativeBytes;
      }
    }
    this.tailStart = this.last + 1;
  }

  // --- RaftStorage ------------------------------------------------------------------------------------------------

  initialState(): { hardState: HardState; confState: ConfState } {
    this.assertLive();
    return { hardState: this.hardState, confState: this.snapshotMeta.confState };
  }

  firstIndex(): RaftIndex {
    this.assertLive();
    return this.compactIndex + 1;
  }

  lastIndex(): RaftIndex {
    this.assertLive();
    return this.last;
  }

  term(index: RaftIndex): Term {
    this.assertLive();
    if (index === this.compactIndex) return this.compactTerm;
    if (index < this.compactIndex) throw new CompactedError(index, this.compactIndex + 1);
    if (index > this.last) throw new UnavailableError(index, this.last);
    if (index === this.last) return this.lastTerm;
    if (index >= this.tailStart) return this.tail[index - this.tailStart].entry.term;
    return this.storedHeader(index).term;
  }

  entries(lo: RaftIndex, hi: RaftIndex, maxBytes = Infinity): Entry[] {
    this.checkBounds(lo, hi);
    const out: Entry[] = [];
    let bytes = 0;
    for (const entry of this.range(lo, hi)) {
      const size = entrySize(entry);
      if (out.length > 0 && bytes + size > maxBytes) break;
      out.push(entry);
      bytes += size;
    }
    return out;
  }

  snapshot(): Snapshot {
    this.assertLive();
    let data = this.snapshotData;
    if (data === undefined) {
      data = this.snapshotDataStored ? this.host.stateDb.get(stateKey(this.groupId, StateKind.SnapshotData)) : undefined;
    }
    return { metadata: this.snapshotMeta, data: data ?? EMPTY_DATA };
  }

  // --- RaftLogStore -----------------------------------------------------------------------------------------------

  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    this.touch();
    const first = this.compactIndex + 1;
    // Entries at or before the compaction point are already covered (a follower may receive them again).
    const skip = Math.max(0, first - entries[0].index);
    if (skip >= entries.length) return;
    const start = entries[skip].index;
    if (start > this.last + 1) throw new RangeError(`append at index ${start} leaves a gap after last index ${this.last}`);
    for (let i = skip + 1; i < entries.length; i++) {
      if (entries[i].index !== start + i - skip) throw new RangeError(`appended entries are not contiguous at ${entries[i].index}`);
    }
    if (start <= this.last) this.truncateSuffix(start);
    let cumulativeBytes = this.lastCumulativeBytes;
    for (let i = skip; i < entries.length; i++) {
      const entry = entries[i];
      cumulativeBytes += entry.data.length;
      const checksum = entryChecksum(this.groupId, entry.index, entry.type, entry.term, cumulativeBytes, entry.data);
      this.tail.push({ entry, cumulativeBytes, checksum, txn: 0 });
    }
    const lastEntry = entries[entries.length - 1];
    this.last = lastEntry.index;
    this.lastTerm = lastEntry.term;
    this.lastCumulativeBytes = cumulativeBytes;
  }

  setHardState(hardState: HardState): void {
    this.touch();
    this.hardState = hardState;
    this.hardStateDirty = true;
  }

  /** Replaces the log with a snapshot: the log continues after it, keeping later entries if it agrees at its index. */
  applySnapshot(snapshot: Snapshot): void {
    this.touch();
    const { index, term } = snapshot.metadata;
    if (index < this.compactIndex) {
      throw new RangeError(`snapshot at index ${index} is older than the compaction point ${this.compactIndex}`);
    }
    if (index <= this.last && this.term(index) === term) {
      this.compactTo(index);
    } else {
      this.discardLog(index, term);
    }
    this.setSnapshot(snapshot);
  }

  /**
   * Drops entries up to and including index (an index at or before the compaction point changes nothing), and
   * records `snapshot`, if given, as the latest snapshot.
   */
  compact(index: RaftIndex, snapshot?: Snapshot): void {
    this.touch();
    if (index > this.last) throw new UnavailableError(index, this.last);
    if (snapshot) this.setSnapshot(snapshot);
    if (index > this.compactIndex) this.compactTo(index);
  }

  /**
   * Records a snapshot of the state machine at `index` (still in the log) as the latest, for Raft to send to
   * followers that need compacted entries. Call it before compact(index). As MemoryStorage.createSnapshot.
   */
  createSnapshot(index: RaftIndex, confState: ConfState, data: Uint8Array): Snapshot {
    this.touch();
    if (index <= this.snapshotMeta.index) {
      throw new RangeError(`snapshot at ${index} is not newer than the snapshot at ${this.snapshotMeta.index}`);
    }
    const snapshot: Snapshot = { metadata: { index, term: this.term(index), confState }, data };
    this.setSnapshot(snapshot);
    return snapshot;
  }

  sync(): Promise<void> {
    return this.host.commit();
  }

  // --- partition side ---------------------------------------------------------------------------------------------

  /** Stages the sparse offset index: the record batch at baseOffset lives in the entry at index. */
  indexOffset(baseOffset: number, index: RaftIndex): void {
    this.touch();
    if (index <= this.compactIndex || index > this.last) {
      throw new RangeError(`offset ${baseOffset} indexed at ${index}, outside the log [${this.compactIndex + 1}, ${this.last}]`);
    }
    const previous = this.marks[this.marks.length - 1];
    if (previous && (baseOffset <= previous.baseOffset || index <= previous.index)) {
      throw new RangeError(`offset ${baseOffset} at index ${index} does not follow offset ${previous.baseOffset} at ${previous.index}`);
    }
    this.marks.push({ baseOffset, index, txn: 0 });
  }

  /** Raft index of the entry holding `offset`: the greatest indexed baseOffset <= offset; undefined if none. */
  indexOfOffset(offset: number): RaftIndex | undefined {
    this.assertLive();
    // Marks in memory are newer than every stored one.
    let lo = 0;
    let hi = this.marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.marks[mid].baseOffset <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) return this.marks[lo - 1].index;
    const range = this.host.offsetsDb.getRange({
      start: positionKey(this.groupId, offset), end: groupStartKey(this.groupId), reverse: true,
    });
    for (const { value } of range) {
      const index = decodeIndex(value);
      // Stored marks at or after tailStart belong to entries being replaced; their deletion is staged.
      if (index >= this.tailStart) continue;
      return index > this.compactIndex ? index : undefined;
    }
    return undefined;
  }

  /**
   * Record batches (entry data of Normal entries that hold one, in index order) from fromIndex, stopping before
   * maxIndexExclusive (and the log's end) or before the batch that would take the total past maxBytes; the first
   * batch always comes whole. Stored batches are CRC-checked. The arrays are never reused by the store.
   */
  readBatches(fromIndex: RaftIndex, maxIndexExclusive: RaftIndex, maxBytes: number): Uint8Array[] {
    const hi = Math.min(maxIndexExclusive, this.last + 1);
    this.checkBounds(fromIndex, Math.max(fromIndex, hi));
    const out: Uint8Array[] = [];
    let bytes = 0;
    for (const entry of this.range(fromIndex, hi)) {
      if (!isBatch(entry)) continue;
      if (out.length > 0 && bytes + entry.data.length > maxBytes) break;
      out.push(entry.data);
      bytes += entry.data.length;
    }
    return out;
  }

  /** Data bytes of the entries in the log. */
  sizeBytes(): number {
    this.assertLive();
    return this.lastCumulativeBytes - this.compactCumulativeBytes;
  }

  // --- the store's side -------------------------------------------------------------------------------------------

  /** Whether the group has anything stored or staged. */
  hasData(): boolean {
    return this.exists && !this.dropped;
  }

  markDropped(): void {
    this.dropped = true;
  }

  isDropped(): boolean {
    return this.dropped;
  }

  /** Hands everything staged to transaction `txn`. */
  beginWrite(txn: number): GroupWrite {
    this.queued = false;
    const write: GroupWrite = {
      log: this,
      compactThrough: this.compactThrough,
      deleteFrom: this.deleteFrom,
      entries: takeUnwritten(this.tail, txn),
      offsets: takeUnwritten(this.marks, txn),
      hardState: this.hardStateDirty ? this.hardState : undefined,
      logMeta: this.logMetaDirty
        ? {
            compactIndex: this.compactIndex,
            compactTerm: this.compactTerm,
            compactCumulativeBytes: this.compactCumulativeBytes,
            snapshotIndex: this.snapshotMeta.index,
            snapshotTerm: this.snapshotMeta.term,
            confState: this.snapshotMeta.confState,
          }
        : undefined,
      snapshotData: this.snapshotDataDirty ? this.snapshotData : undefined,
    };
    if (this.snapshotDataDirty) this.snapshotDataTxn = txn;
    this.compactThrough = undefined;
    this.deleteFrom = undefined;
    this.hardStateDirty = false;
    this.logMetaDirty = false;
    this.snapshotDataDirty = false;
    return write;
  }

  /** Transaction `txn` is durable: what it wrote is read from LMDB from now on. */
  completeWrite(txn: number): void {
    let durable = 0;
    while (durable < this.tail.length && this.tail[durable].txn !== 0 && this.tail[durable].txn <= txn) durable++;
    if (durable > 0) {
      this.tail = this.tail.slice(durable);
      this.tailStart += durable;
    }
    let marks = 0;
    while (marks < this.marks.length && this.marks[marks].txn !== 0 && this.marks[marks].txn <= txn && this.marks[marks].index < this.tailStart) {
      marks++;
    }
    if (marks > 0) this.marks = this.marks.slice(marks);
    if (this.snapshotDataTxn !== 0 && this.snapshotDataTxn <= txn && !this.snapshotDataDirty) {
      this.snapshotData = undefined;
      this.snapshotDataTxn = 0;
      this.snapshotDataStored = true;
    }
  }

  // --- internals --------------------------------------------------------------------------------------------------

  private assertLive(): void {
    if (this.dropped) throw new Error(`group ${this.groupId} was dropped`);
  }

  private touch(): void {
    this.assertLive();
    this.host.assertWritable();
    this.exists = true;
    if (!this.queued) {
      this.queued = true;
      this.host.enqueue(this);
    }
  }

  private checkBounds(lo: RaftIndex, hi: RaftIndex): void {
    this.assertLive();
    if (lo <= this.compactIndex) throw new CompactedError(lo, this.compactIndex + 1);
    if (hi > this.last + 1) throw new UnavailableError(hi - 1, this.last);
    if (lo > hi) throw new RangeError(`invalid range [${lo}, ${hi})`);
  }

  /** Entries in [lo, hi): stored ones first (checked as they are read), then those still in memory. */
  private *range(lo: RaftIndex, hi: RaftIndex): Generator<Entry> {
    const storedEnd = Math.min(hi, this.tailStart);
    if (lo < storedEnd) {
      let expected = lo;
      for (const { key, value } of this.host.entriesDb.getRange({ start: positionKey(this.groupId, lo), end: positionKey(this.groupId, storedEnd) })) {
        const index = keyPosition(key);
        if (index !== expected) throw new StorageCorruptionError(this.groupId, expected, 'entry is missing');
        yield this.decodeStored(index, value);
        expected++;
      }
      if (expected < storedEnd) throw new StorageCorruptionError(this.groupId, expected, 'entry is missing');
    }
    for (let index = Math.max(lo, this.tailStart); index < hi; index++) yield this.tail[index - this.tailStart].entry;
  }

  private decodeStored(index: RaftIndex, value: Buffer): Entry {
    const header = this.checkedHeader(index, value);
    const entry: Entry = { term: header.term, index, type: header.type, data: value.subarray(header.headerBytes) };
    if (isBatch(entry)) {
      const batch = readBatchHeader(entry.data);
      if (typeof batch === 'string') throw new StorageCorruptionError(this.groupId, index, batch);
      // The entry checksum covers the batch; entries of the first format have only the batch's own CRC.
      if (header.format !== ENTRY_FORMAT && !verifyBatchCrc(entry.data, batch)) {
        throw new StorageCorruptionError(this.groupId, index, `record batch CRC mismatch (header says 0x${batch.crc.toString(16)})`);
      }
    }
    return entry;
  }

  /** A stored value's header, once the value has passed its checksum (format 2). */
  private checkedHeader(index: RaftIndex, value: Uint8Array): EntryHeader {
    const header = readEntryHeader(value);
    if (!header) throw new StorageCorruptionError(this.groupId, index, 'entry header is malformed');
    if (header.format === ENTRY_FORMAT && !verifyEntryChecksum(this.groupId, index, value, header)) {
      throw new StorageCorruptionError(this.groupId, index, `entry checksum mismatch (header says 0x${header.checksum!.toString(16)})`);
    }
    return header;
  }

  /** The header of a stored entry, read in place (getBinaryFast: no copy of the data) and checked. */
  private storedHeader(index: RaftIndex): EntryHeader {
    const value = this.host.entriesDb.getBinaryFast(positionKey(this.groupId, index));
    if (value === undefined) throw new StorageCorruptionError(this.groupId, index, 'entry is missing');
    return this.checkedHeader(index, value);
  }

  private cumulativeBytesAt(index: RaftIndex): number {
    if (index === this.compactIndex) return this.compactCumulativeBytes;
    if (index === this.last) return this.lastCumulativeBytes;
    if (index >= this.tailStart) return this.tail[index - this.tailStart].cumulativeBytes;
    return this.storedHeader(index).cumulativeBytes;
  }

  /** Drops entries at and after index (first < index <= last): a conflicting suffix. */
  private truncateSuffix(index: RaftIndex): void {
    const term = this.term(index - 1);
    const cumulativeBytes = this.cumulativeBytesAt(index - 1);
    let stored = index < this.tailStart;
    if (stored) {
      this.tail = [];
      this.tailStart = index;
    } else {
      stored = this.tail.splice(index - this.tailStart).some((item) => item.txn !== 0);
    }
    const keep = this.marks.findIndex((mark) => mark.index >= index);
    if (keep >= 0) stored = this.marks.splice(keep).some((mark) => mark.txn !== 0) || stored;
    if (stored) this.deleteFrom = minDefined(this.deleteFrom, index);
    this.last = index - 1;
    this.lastTerm = term;
    this.lastCumulativeBytes = cumulativeBytes;
  }

  /** Moves the log's start past index (compactIndex < index <= last), keeping the entries after it. */
  private compactTo(index: RaftIndex): void {
    const term = this.term(index);
    const cumulativeBytes = this.cumulativeBytesAt(index);
    if (index >= this.tailStart) {
      this.tail = this.tail.slice(index - this.tailStart + 1);
      this.tailStart = index + 1;
    }
    const keep = this.marks.findIndex((mark) => mark.index > index);
    this.marks = keep < 0 ? [] : this.marks.slice(keep);
    this.compactThrough = Math.max(this.compactThrough ?? 0, index);
    this.compactIndex = index;
    this.compactTerm = term;
    this.compactCumulativeBytes = cumulativeBytes;
    this.logMetaDirty = true;
  }

  /** A snapshot the log does not contain: every entry goes, and the log continues from the snapshot. */
  private discardLog(index: RaftIndex, term: Term): void {
    this.compactThrough = Math.max(this.compactThrough ?? 0, index);
    this.deleteFrom = minDefined(this.deleteFrom, index + 1);
    this.tail = [];
    this.marks = [];
    this.tailStart = index + 1;
    this.compactIndex = index;
    this.compactTerm = term;
    this.compactCumulativeBytes = 0;
    this.last = index;
    this.lastTerm = term;
    this.lastCumulativeBytes = 0;
    this.logMetaDirty = true;
  }

  private setSnapshot(snapshot: Snapshot): void {
    this.snapshotMeta = snapshot.metadata;
    this.snapshotData = snapshot.data;
    this.snapshotDataTxn = 0;
    this.snapshotDataDirty = true;
    this.logMetaDirty = true;
  }
}

/** Marks the staged (txn 0) suffix of items as written by txn and returns it. Written items always form a prefix. */
function takeUnwritten<T extends { txn: number }>(items: T[], txn: number): T[] {
  let from = items.length;
  while (from > 0 && items[from - 1].txn === 0) from--;
  const taken = items.slice(from);
  for (const item of taken) item.txn = txn;
  return taken;
}

/**
 * Writes one group's share of a transaction, inside it: deletes first (a replaced suffix, a compacted prefix), then
 * entries, offset index, state. `scratch` builds each entry value (header + data) so LMDB's copy is the only other.
 * Returns the value bytes written.
 */
export function writeGroup(host: GroupLogHost, write: GroupWrite, scratch: { buffer: Buffer }): number {
  const groupId = write.log.groupId;
  const { entriesDb, offsetsDb, stateDb } = host;
  if (write.deleteFrom !== undefined) {
    const from = write.deleteFrom;
    deleteKeys(entriesDb, positionKey(groupId, from), groupEndKey(groupId));
    // The offset index follows index order, so a replaced suffix's marks are the last ones.
    deleteMarksWhile(offsetsDb, groupId, true, (index) => index >= from);
  }
  if (write.compactThrough !== undefined) {
    const through = write.compactThrough;
    deleteKeys(entriesDb, groupStartKey(groupId), positionKey(groupId, through + 1));
    deleteMarksWhile(offsetsDb, groupId, false, (index) => index <= through);
  }
  let bytes = 0;
  for (const { entry, cumulativeBytes, checksum } of write.entries) {
    const size = ENTRY_HEADER_BYTES + entry.data.length;
    if (scratch.buffer.length < size) scratch.buffer = Buffer.allocUnsafe(Math.max(size, scratch.buffer.length * 2));
    const value = scratch.buffer.subarray(0, size);
    writeEntryHeader(value, entry.type, entry.term, cumulativeBytes, checksum);
    value.set(entry.data, ENTRY_HEADER_BYTES);
    entriesDb.putSync(positionKey(groupId, entry.index), value);
    bytes += size;
  }
  for (const mark of write.offsets) {
    offsetsDb.putSync(positionKey(groupId, mark.baseOffset), encodeIndex(groupId, mark.baseOffset, mark.index));
    bytes += 8;
  }
  if (write.hardState) bytes += putState(stateDb, groupId, StateKind.HardState, encodeHardState(write.hardState));
  if (write.logMeta) bytes += putState(stateDb, groupId, StateKind.LogMeta, encodeLogMeta(write.logMeta));
  if (write.snapshotData) {
    const data = write.snapshotData;
    bytes += putState(stateDb, groupId, StateKind.SnapshotData, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  return bytes;
}

/** Deletes every stored trace of a group. */
export function deleteGroup(host: GroupLogHost, groupId: number): void {
  deleteKeys(host.entriesDb, groupStartKey(groupId), groupEndKey(groupId));
  deleteKeys(host.offsetsDb, groupStartKey(groupId), groupEndKey(groupId));
  deleteKeys(host.stateDb, groupStartKey(groupId), groupEndKey(groupId));
}

function putState(db: BinaryDb, groupId: number, kind: StateKind, value: Buffer): number {
  db.putSync(stateKey(groupId, kind), value);
  return value.length;
}

function deleteKeys(db: BinaryDb, start: Buffer, end: Buffer): void {
  for (;;) {
    const keys = Array.from(db.getKeys({ start, end, limit: DELETE_CHUNK }));
    for (const key of keys) db.removeSync(key);
    if (keys.length < DELETE_CHUNK) return;
  }
}

/** Deletes a group's offset marks from one end (the last ones when fromEnd) while their index satisfies `doomed`. */
function deleteMarksWhile(db: BinaryDb, groupId: number, fromEnd: boolean, doomed: (index: RaftIndex) => boolean): void {
  const [start, end] = fromEnd ? [groupEndKey(groupId), groupStartKey(groupId)] : [groupStartKey(groupId), groupEndKey(groupId)];
  for (;;) {
    const keys: Buffer[] = [];
    let more = true;
    for (const { key, value } of db.getRange({ start, end, reverse: fromEnd, limit: DELETE_CHUNK })) {
      if (!doomed(decodeIndex(value))) {
        more = false;
        break;
      }
      keys.push(key);
    }
    for (const key of keys) db.removeSync(key);
    if (!more || keys.length < DELETE_CHUNK) return;
  }
}
