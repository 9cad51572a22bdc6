// Storage failures the layers above must tell apart: a damaged stored value (answered with STORAGE_ERROR, never served)
// and a store that can no longer write (nothing more is acknowledged until the broker restarts).
import type { RaftIndex } from '../raft/types';

/** A stored value failed its check: a record batch's CRC, an entry header, or a missing entry inside the log. */
export class StorageCorruptionError extends Error {
  override readonly name = 'StorageCorruptionError';
  constructor(readonly groupId: number, readonly index: RaftIndex, reason: string) {
    super(`storage corruption in group ${groupId} at index ${index}: ${reason}`);
  }
}

/** A transaction failed; the store refuses further writes, since what it staged can no longer be made durable. */
export class StorageFailedError extends Error {
  override readonly name = 'StorageFailedError';
  constructor(override readonly cause: unknown) {
    super(`storage failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
