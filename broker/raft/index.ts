// broker/raft's public surface: a pure Raft state machine in the etcd-io/raft style.
export * from './types';
export * from './storage';
export type { RaftConfig } from './config';
export { MessageType, VOTE_TRANSFER, type Message } from './message';
export type { Ready, SoftState } from './ready';
export type { StateRole } from './raft';
export { RaftNode, type RaftStatus, type ProgressStatus } from './raw-node';
export { ConfChangeType, encodeConfChange, decodeConfChange, type ConfChange } from './conf-change';
export { ProposalRefusedError, NotLeaderError, LeaderTransferInProgressError, ConfChangeRefusedError } from './errors';
export { MemoryStorage } from './memory-storage';
