// Partitions as Raft groups on the broker's RaftHost: each partition is its group's state machine. Which brokers
// replicate a group comes from `membership` (the controller's placement; a single-broker setup answers [own id]).
import type { CreateGroupOptions, GroupStateMachine, Leadership, RaftGroup, RaftHost } from '../replication';
import type { GroupLog } from '../storage';
import type { RaftIndex, Term } from '../raft/types';
import type { GroupReplica, ReplicatedLog } from './replicated-log';

export type GroupMembership = Pick<CreateGroupOptions, 'voters' | 'learners' | 'join' | 'recovering'>;

export class RaftReplicatedLog implements ReplicatedLog {
  constructor(private readonly host: RaftHost, private readonly membership: (groupId: number) => GroupMembership) {}

  open(groupId: number, log: GroupLog, stateMachine: GroupStateMachine): GroupReplica {
    // The partition's state at any committed index follows from the log itself (offsets are in the batches), so
    // it recovers at the stored commit index and Raft re-delivers only entries committed after it.
    const committedAtOpen = log.initialState().hardState.commit;
    const group = this.host.createGroup(groupId, { ...this.membership(groupId), stateMachine, appliedIndex: committedAtOpen });
    return new RaftGroupReplica(this.host, group, committedAtOpen);
  }
}

class RaftGroupReplica implements GroupReplica {
  readonly initialLeadership: Leadership;

  constructor(private readonly host: RaftHost, private readonly group: RaftGroup, readonly committedAtOpen: RaftIndex) {
    this.initialLeadership = group.leadership();
  }

  propose(data: Uint8Array, term: Term): RaftIndex {
    return this.group.propose(data, term);
  }

  close(): void {
    this.host.removeGroup(this.group.groupId);
  }
}
