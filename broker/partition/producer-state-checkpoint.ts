// A producer-state checkpoint: a partition log entry (not a record batch) holding the ProducerStateTable as of an
// applied index. Partitions have no Raft snapshots of their own (their log is their data), so without it a restart
// would rebuild the table by re-reading the whole log. The leader proposes one every so many bytes or batches of
// log; every replica stores it like any entry, and a restart restores the latest one at or before the commit point
// and re-applies only the batches after the index it records. Replicated rather than written aside, so every
// replica's log (and its restart) is the same.
//
// Layout: tag u8 (never the 0x09 a record batch starts with), applied index u64 little-endian, table snapshot.
import { EntryType, type Entry, type RaftIndex } from '../raft/types';

const CHECKPOINT_TAG = 0x50;
const HEADER_BYTES = 1 + 8;

export interface ProducerStateCheckpoint {
  /** The table reflects the log through this index (entries after it were in flight when it was taken). */
  appliedIndex: RaftIndex;
  state: Uint8Array;
}

export function encodeProducerStateCheckpoint(appliedIndex: RaftIndex, state: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + state.length);
  const dv = new DataView(bytes.buffer);
  bytes[0] = CHECKPOINT_TAG;
  dv.setUint32(1, appliedIndex % 0x1_0000_0000, true);
  dv.setUint32(5, Math.floor(appliedIndex / 0x1_0000_0000), true);
  bytes.set(state, HEADER_BYTES);
  return bytes;
}

export function isProducerStateCheckpoint(e: Entry): boolean {
  return e.type === EntryType.Normal && e.data.length >= HEADER_BYTES && e.data[0] === CHECKPOINT_TAG;
}

/** The checkpoint in `e`, or undefined if `e` is none. */
export function decodeProducerStateCheckpoint(e: Entry): ProducerStateCheckpoint | undefined {
  if (!isProducerStateCheckpoint(e)) return undefined;
  const dv = new DataView(e.data.buffer, e.data.byteOffset, e.data.byteLength);
  return {
    appliedIndex: dv.getUint32(1, true) + dv.getUint32(5, true) * 0x1_0000_0000,
    state: e.data.subarray(HEADER_BYTES),
  };
}
