export { Partition, PartitionWriteError } from './partition';
export type { AppendResult, PartitionError, PartitionOptions, ReadResult } from './partition';
export { LocalReplicatedLog } from './replicated-log';
export type { GroupReplica, ReplicatedLog } from './replicated-log';
export { RaftReplicatedLog, type GroupMembership } from './raft-replicated-log';
export { PartitionMetrics } from './partition-metrics';
export type { PartitionCounters } from './partition-metrics';
