// Why a proposal was refused. These are operating conditions, not bugs: the caller retries elsewhere or later.
import type { NodeId } from './types';

/** Base of every refusal of propose/proposeBatch/proposeConfChange/transferLeader input. */
export class ProposalRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** This node does not lead; `leaderId` is the leader it knows of, or NO_NODE (0). Raft does not forward. */
export class NotLeaderError extends ProposalRefusedError {
  constructor(readonly leaderId: NodeId) {
    super(leaderId === 0 ? 'not the leader; no leader known' : `not the leader; the leader is ${leaderId}`);
  }
}

/**
 * The leader is handing leadership to `transfereeId` and drops proposals until the transfer ends (etcd's
 * ErrProposalDropped): entries appended now could keep the transferee from catching up.
 */
export class LeaderTransferInProgressError extends ProposalRefusedError {
  constructor(readonly transfereeId: NodeId) {
    super(`leadership is being transferred to ${transfereeId}`);
  }
}

/** A membership change the leader refuses: one is already pending, or it would leave no voter. */
export class ConfChangeRefusedError extends ProposalRefusedError {}
