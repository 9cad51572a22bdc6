// What a partition's Raft log holds, and the checks that keep anything else out of it. A normal entry is one of:
// - empty: a new leader's first entry, or a recovery floor (broker/raft);
// - a record batch (client/protocol/record-batch.ts), stamped with its offsets by the leader;
// - a producer-state checkpoint (producer-state-checkpoint.ts).
// A partition's Raft snapshot is its end offset (u64 big-endian) and then its producer state (absent in older ones).
//
// Every replica applies what it stores without asking again, and apply reads the batch header in place (base
// offset, record count): an entry a leader never proposed — a byte too few, a batch whose records lie — would throw
// there or serve offsets it does not hold. So the same checks the leader runs on a producer's batch (checkBatchFormat)
// run on every entry a peer sends, before Raft sees it (broker/replication/peer-message-validation.ts).
import { checkRecordSet, readBatchHeader, verifyBatchCrc, type BatchHeader } from '../../client/protocol';
import { EntryType, type Entry } from '../raft/types';
import type { GroupContentRules } from '../replication';
import { decodeProducerStateCheckpoint } from './producer-state-checkpoint';
import { producerStateProblem } from './producer-state';

/** The tag every record batch starts with (field 1, 64-bit); a partition's other entries start with other bytes. */
const BATCH_FIRST_BYTE = 0x09;
const SNAPSHOT_END_OFFSET_BYTES = 8;

export function isBatchEntry(e: Entry): boolean {
  return e.type === EntryType.Normal && e.data.length > 0 && e.data[0] === BATCH_FIRST_BYTE;
}

/**
 * A record batch's header, its CRC (which reads every byte) and its records against the header (checkRecordSet):
 * the header, or why the bytes are no batch. Records are walked, never decoded.
 */
export function checkBatchFormat(batch: Uint8Array): BatchHeader | string {
  const header = readBatchHeader(batch);
  if (typeof header === 'string') return header;
  if (!verifyBatchCrc(batch, header)) return `batch CRC mismatch: header says 0x${header.crc.toString(16)}`;
  // A correct CRC over records that contradict the header would be stored and served as offsets it does not hold.
  return checkRecordSet(batch, header) ?? header;
}

/** Why `e` is no entry a partition leader writes, or undefined. Membership changes are the Raft layer's to check. */
export function partitionEntryProblem(e: Entry): string | undefined {
  if (e.type !== EntryType.Normal || e.data.length === 0) return undefined;
  if (isBatchEntry(e)) {
    const header = checkBatchFormat(e.data);
    if (typeof header === 'string') return `record batch at index ${e.index}: ${header}`;
    // Offsets and times are JS numbers everywhere downstream: past 2^53 they would silently lose precision.
    if (!Number.isSafeInteger(header.baseOffset + header.recordCount) || !Number.isSafeInteger(header.appendTimeMs)) {
      return `record batch at index ${e.index}: base offset ${header.baseOffset} or append time ${header.appendTimeMs} is beyond 2^53`;
    }
    return undefined;
  }
  const checkpoint = decodeProducerStateCheckpoint(e);
  if (checkpoint) {
    // The leader checkpoints the state it has applied, which is always before the checkpoint's own entry.
    if (checkpoint.appliedIndex >= e.index) {
      return `producer-state checkpoint at index ${e.index} claims to reflect index ${checkpoint.appliedIndex}`;
    }
    const problem = producerStateProblem(checkpoint.state);
    return problem && `producer-state checkpoint at index ${e.index}: ${problem}`;
  }
  return `entry at index ${e.index} of ${e.data.length} bytes starting 0x${e.data[0].toString(16)} is neither a record `
    + 'batch nor a producer-state checkpoint';
}

export function encodePartitionSnapshot(endOffset: number, producerState: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(SNAPSHOT_END_OFFSET_BYTES + producerState.length);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(endOffset));
  bytes.set(producerState, SNAPSHOT_END_OFFSET_BYTES);
  return bytes;
}

/** The end offset a partition snapshot records; 0 for an empty one. */
export function snapshotEndOffset(data: Uint8Array): number {
  if (data.length < SNAPSHOT_END_OFFSET_BYTES) return 0;
  return Number(new DataView(data.buffer, data.byteOffset, SNAPSHOT_END_OFFSET_BYTES).getBigUint64(0));
}

/** The producer state part of a partition snapshot; empty in older snapshots. */
export function snapshotProducerState(data: Uint8Array): Uint8Array {
  return data.length > SNAPSHOT_END_OFFSET_BYTES ? data.subarray(SNAPSHOT_END_OFFSET_BYTES) : new Uint8Array(0);
}

/** Why `data` is no partition snapshot restore() can install, or undefined. */
export function partitionSnapshotProblem(data: Uint8Array): string | undefined {
  if (data.length === 0) return undefined;
  if (data.length < SNAPSHOT_END_OFFSET_BYTES) return `partition snapshot of ${data.length} bytes is shorter than its end offset`;
  const endOffset = new DataView(data.buffer, data.byteOffset, SNAPSHOT_END_OFFSET_BYTES).getBigUint64(0);
  if (endOffset > BigInt(Number.MAX_SAFE_INTEGER)) return `partition snapshot end offset ${endOffset} is beyond 2^53`;
  return data.length > SNAPSHOT_END_OFFSET_BYTES ? producerStateProblem(snapshotProducerState(data)) : undefined;
}

/** What the peer message validator checks a partition group's entries and snapshots against. */
export const PARTITION_CONTENT_RULES: GroupContentRules = {
  entryProblem: partitionEntryProblem,
  snapshotProblem: partitionSnapshotProblem,
};
