// A simulated broker: one replica per Raft group, one fsync in flight at a time for all of them (group commit).
import type { RaftNode, Ready, StateRole } from '../../broker/raft';
import type { MemoryStorage } from '../../broker/raft';
import type { ConfState, NodeId, RaftIndex } from '../../broker/raft/types';
import type { DurableLog } from './durable-log';

export class SimReplica {
  /** Absent while the node is down. */
  raft: RaftNode | undefined;
  /** What Raft reads: everything written, synced or not. Rebuilt from `durable` on restart. */
  storage!: MemoryStorage;
  /** The Ready whose writes the node's current fsync covers. */
  inflight: Ready | undefined;
  role: StateRole = 'follower';
  leaderTerm = 0;
  /** The app's state machine: applied index, digest of everything applied, and membership as of `applied`. */
  applied: RaftIndex = 0;
  digest = 0;
  conf: ConfState;
  /** Proposals this replica took as leader and has not yet applied: index → entry key. */
  readonly pending = new Map<RaftIndex, number>();
  /**
   * Lost its state (wiped or repaired) and not yet reported leaving recovery. The fault model allows one such
   * replica per group at a time: two lost at once can lose what only they held, which no protocol prevents.
   */
  lost = false;

  syncing(): boolean {
    return this.inflight !== undefined;
  }

  constructor(
    readonly group: number,
    readonly node: NodeId,
    /** Replaced when the replica's storage is wiped or repaired. */
    public durable: DurableLog,
  ) {
    this.conf = durable.app.confState;
  }
}

export class SimNode {
  up = false;
  /** Bumped at every start: events scheduled by an earlier life (ticks, fsyncs) are ignored. */
  incarnation = 0;
  syncing = false;
  syncWork: SimReplica[] = [];
  readonly replicas: SimReplica[] = [];

  constructor(
    readonly id: NodeId,
    readonly tickUnits: number,
  ) {}
}
