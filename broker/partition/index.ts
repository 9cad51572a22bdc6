export { Partition, PartitionWriteError } from './partition';
export type { AppendResult, PartitionError, PartitionOptions, PartitionProducerStateOptions, ReadResult } from './partition';
export { ProducerStateTable, DEFAULT_BATCH_WINDOW, DEFAULT_PRODUCER_EXPIRY_MS, lastSequenceOf } from './producer-state';
export type { AppliedBatchHeader, ProducerBatchHeader, ProducerCheck, ProducerStateOptions } from './producer-state';
export { LocalReplicatedLog } from './replicated-log';
export type { GroupReplica, ReplicatedLog } from './replicated-log';
export { RaftReplicatedLog, type GroupMembership } from './raft-replicated-log';
export { PartitionMetrics } from './partition-metrics';
export type { PartitionCounters } from './partition-metrics';
