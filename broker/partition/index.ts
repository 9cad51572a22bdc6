export { Partition } from './partition';
export type { AppendResult, PartitionError, PartitionOptions, ReadResult } from './partition';
export { LocalReplicatedLog } from './replicated-log';
export type { OffsetIndexEntry, ReplicatedLog } from './replicated-log';
export { PartitionMetrics } from './partition-metrics';
export type { PartitionCounters } from './partition-metrics';
