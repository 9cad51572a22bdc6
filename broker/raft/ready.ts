import type { Message } from './message';
import type { StateRole } from './raft';
import type { Entry, HardState, NodeId, Snapshot } from './types';

export interface SoftState {
  readonly leaderId: NodeId;
  readonly role: StateRole;
}

/**
 * What a RaftNode asks of its host, all at once (etcd's Ready). The host owes, in this order:
 * 1. send `messages` — they need nothing durable (a leader's appends go out before its own entries are on disk);
 * 2. persist `snapshot` (if any), `entries` (appending, overwriting any conflicting suffix) and `hardState` (if any),
 *    durably (fsync) when `mustSync`; a crash may lose an unsynced Ready, never half-apply a synced one;
 * 3. send `messagesAfterPersist` — acks and votes promise what step 2 made durable;
 * 4. apply `snapshot` (if any) and then `committedEntries` to the state machine, calling applyConfChange() for
 *    each ConfChange entry as it is applied;
 * 5. call advance(). ready() may not be called again before advance(); step()/tick()/propose() may be.
 * A Snap message in `messages` must have its fate reported with reportSnapshot(); a peer that cannot be reached
 * should be reported with reportUnreachable().
 */
export interface Ready {
  /** Present when term, vote or commit changed: persist it before sending messagesAfterPersist. */
  readonly hardState?: HardState;
  /** To append to storage; may start below the stored last index (overwrite that suffix). */
  readonly entries: readonly Entry[];
  /** A snapshot from the leader to persist and apply before committedEntries. */
  readonly snapshot?: Snapshot;
  /**
   * To apply, in order. Committed on a quorum; may include entries of this Ready's `entries`, which the host has
   * persisted by the time it applies (step 2 before step 4).
   */
  readonly committedEntries: readonly Entry[];
  /** May be sent at once. */
  readonly messages: readonly Message[];
  /** Only after hardState, entries and snapshot are durable. */
  readonly messagesAfterPersist: readonly Message[];
  /** Whether the writes must be fsynced before messagesAfterPersist go (false: only commit moved). */
  readonly mustSync: boolean;
  /** Present when the leader or role changed. */
  readonly softState?: SoftState;
  /**
   * Present (false) when the node left recovery in this Ready: persist the cleared flag in the same write as
   * hardState (which then records the leader's term and vote), before any of messagesAfterPersist goes. mustSync.
   */
  readonly recovering?: boolean;
}
