// The one seam between a partition and the way its entries become committed. A partition is its group's state
// machine (GroupStateMachine: the host stages, persists and applies entries through its hooks) and proposes its
// record batches through a GroupReplica. Two implementations:
// - LocalReplicatedLog: a single-member group without Raft machinery — an entry is committed once the broker's
//   store has fsynced it; no election, one fsync per group commit. The single-broker mode.
// - RaftReplicatedLog (raft-replicated-log.ts): the partition's Raft group on the broker's RaftHost.
import type { GroupStateMachine, Leadership } from '../replication';
import type { BrokerStore, GroupLog } from '../storage';
import { EntryType, NO_NODE, type Entry, type RaftIndex, type Term } from '../raft/types';

export interface ReplicatedLog {
  /** Binds a partition (its group's state machine) to its group. Calls no hook before it returns. */
  open(groupId: number, log: GroupLog, stateMachine: GroupStateMachine): GroupReplica;
}

/** A partition's handle on its group. */
export interface GroupReplica {
  /** The stored log is known committed up to here at open: the partition's high watermark starts there. */
  readonly committedAtOpen: RaftIndex;
  /** Leadership at open; changes arrive through onLeadershipChange. */
  readonly initialLeadership: Leadership;
  /**
   * Proposes one entry in `term` (the leadership the caller's log end offset belongs to); returns its index.
   * Throws a ProposalRefusedError (NotLeaderError, …) when this replica does not lead in that term.
   */
  propose(data: Uint8Array, term: Term): RaftIndex;
  /** Stops driving the group (the partition goes away or moves). */
  close(): void;
}

const LOCAL_TERM: Term = 1;

/** Single-member groups: an entry is committed once the broker's store has fsynced it. */
export class LocalReplicatedLog implements ReplicatedLog {
  /** The leader's term: always 1, there is no election. */
  readonly term: Term = LOCAL_TERM;
  private scheduled: Promise<void> | undefined;

  constructor(private readonly store: BrokerStore) {}

  open(_groupId: number, log: GroupLog, stateMachine: GroupStateMachine): GroupReplica {
    return new LocalGroupReplica(this, log, stateMachine);
  }

  /**
   * One commit for everything staged in this event-loop turn: uWS hands over all frames that arrived together in
   * one turn, so pipelined produce requests on many connections and partitions share a transaction and an fsync.
   * The store itself gathers what is staged while a commit is in flight into the next one.
   */
  commitSoon(): Promise<void> {
    if (!this.scheduled) {
      this.scheduled = new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          this.scheduled = undefined;
          try {
            this.store.commit().then(resolve, reject);
          } catch (err) {
            reject(err);
          }
        });
      });
    }
    return this.scheduled;
  }
}

class LocalGroupReplica implements GroupReplica {
  readonly committedAtOpen: RaftIndex;
  readonly initialLeadership: Leadership = { role: 'leader', leaderId: NO_NODE, term: LOCAL_TERM };
  /** Entries staged and not yet applied, one batch per store commit that writes them, oldest first. */
  private batches: Array<{ entries: Entry[]; commit: Promise<void> }> = [];
  private closed = false;

  constructor(private readonly shared: LocalReplicatedLog, private readonly log: GroupLog, private readonly sm: GroupStateMachine) {
    this.committedAtOpen = log.lastIndex();
  }

  propose(data: Uint8Array, _term: Term): RaftIndex {
    const entry: Entry = { term: LOCAL_TERM, index: this.log.lastIndex() + 1, type: EntryType.Normal, data };
    const entries = [entry];
    this.log.append(entries);
    this.sm.onEntriesStaged?.(entries);
    const commit = this.shared.commitSoon();
    const newest = this.batches[this.batches.length - 1];
    if (newest?.commit === commit) {
      newest.entries.push(entry);
    } else {
      // A later commit: what is staged from now on may miss the transaction of the earlier one.
      const batch = { entries, commit };
      this.batches.push(batch);
      commit.then(
        () => this.applyThrough(batch),
        (err: unknown) => this.sm.onFailure?.(err instanceof Error ? err : new Error(String(err))),
      );
    }
    return entry.index;
  }

  /**
   * The commit of `batch` is durable, and so is every batch staged before it (transactions take what is staged in
   * order and complete in order). Commit promises may settle out of order (one may be chained a step deeper inside
   * the store), so this applies every batch up to `batch`, oldest first, and a later call for one of them is a no-op.
   */
  private applyThrough(batch: { entries: Entry[]; commit: Promise<void> }): void {
    const upTo = this.batches.indexOf(batch);
    if (upTo < 0 || this.closed) return;
    const done = this.batches.splice(0, upTo + 1);
    for (const { entries } of done) {
      this.sm.onPersisted?.(entries);
      this.sm.apply(entries);
    }
  }

  close(): void {
    this.closed = true;
  }
}
