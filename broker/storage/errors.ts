// Storage failures the layers above must tell apart: a damaged stored value (answered with STORAGE_ERROR, never served)
// and a store that can no longer write (nothing more is acknowledged until the broker restarts).
import type { RaftIndex } from '../raft/types';

/**
 * Which check found the damage (the `check` label of rafter_storage_corruptions_detected_total):
 * - entry_checksum: a stored entry's checksum does not match its key, header and data;
 * - batch_crc: the record batch CRC of an entry of the first format (which has no entry checksum);
 * - entry_header: an entry header or the record batch header in it is malformed;
 * - entry_missing: an entry inside the log is not stored;
 * - offset_index: an offset index value fails its checksum, or names an entry that does not hold a batch;
 * - offset_mismatch: a batch found through the offset index does not start at the indexed offset, or its records
 *   run past the next indexed offset, or offsets go backwards;
 * - group_state: a group's hard state or log metadata is malformed.
 */
export const CORRUPTION_CHECKS = [
  'entry_checksum', 'batch_crc', 'entry_header', 'entry_missing', 'offset_index', 'offset_mismatch', 'group_state',
] as const;
export type CorruptionCheck = (typeof CORRUPTION_CHECKS)[number];

/** A stored value failed its check. `index` is the Raft index of the entry concerned (0: the group's state). */
export class StorageCorruptionError extends Error {
  override readonly name = 'StorageCorruptionError';
  constructor(readonly groupId: number, readonly index: RaftIndex, readonly check: CorruptionCheck, readonly reason: string) {
    super(`storage corruption in group ${groupId} at index ${index} (${check}): ${reason}`);
  }
}

/** A transaction failed; the store refuses further writes, since what it staged can no longer be made durable. */
export class StorageFailedError extends Error {
  override readonly name = 'StorageFailedError';
  constructor(override readonly cause: unknown) {
    super(`storage failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The data file cannot be opened: it is cut short, not an LMDB file, or LMDB refused it. Nothing was changed. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
  constructor(readonly file: string, readonly problem: string) {
    super(`cannot open the store ${file}: ${problem}`);
  }
}
