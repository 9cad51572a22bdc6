// The one seam between a partition and the way its entries become committed. Today a partition's Raft group has a
// single member, so "committed" means "durable in the local store"; the cluster work replaces LocalReplicatedLog
// with a Raft-backed one (propose, persist, replicate to a quorum) and the partition code above stays the same.
import type { BrokerStore, GroupLog } from '../storage';
import type { Entry, RaftIndex, Term } from '../raft/types';

/** A record batch at baseOffset is held by the entry at index. */
export interface OffsetIndexEntry {
  baseOffset: number;
  index: RaftIndex;
}

export interface ReplicatedLog {
  /** The leader's term: the term of entries it appends. */
  readonly term: Term;
  /**
   * Stages entries at the end of the group's log (their indexes follow log.lastIndex()) together with the offset
   * index of the record batches among them, and resolves once they are committed. Calls in the same event-loop
   * turn, across all partitions, share one commit.
   */
  appendCommitted(log: GroupLog, entries: readonly Entry[], offsets: readonly OffsetIndexEntry[]): Promise<void>;
}

/** Single-member groups: an entry is committed once the broker's store has fsynced it. */
export class LocalReplicatedLog implements ReplicatedLog {
  readonly term: Term = 1;
  private scheduled: Promise<void> | undefined;

  constructor(private readonly store: BrokerStore) {}

  appendCommitted(log: GroupLog, entries: readonly Entry[], offsets: readonly OffsetIndexEntry[]): Promise<void> {
    // After the append: an append drops the offset index of any suffix it replaces.
    log.append(entries);
    for (const { baseOffset, index } of offsets) log.indexOffset(baseOffset, index);
    return this.commitSoon();
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
