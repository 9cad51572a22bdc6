// The client's view of topics and partitions, converted once from MetadataResponse into plain typed data.
import { ErrorCode, rafter } from '../protocol';
import { Decoded } from '../network/requests';

export type Partitioning = 'hash' | 'range';

export interface TopicConfig {
  /** 0: keep forever. */
  retentionMs: number;
  /** 0: no size bound. */
  retentionBytes: number;
  /** The largest batch a producer may send; 0: the broker's default. */
  maxMessageBytes: number;
}

export interface PartitionInfo {
  partition: number;
  /** -1 when no leader is known. */
  leaderId: number;
  leaderEpoch: number;
  replicas: number[];
  inSyncReplicas: number[];
  error: ErrorCode;
}

export interface TopicInfo {
  name: string;
  partitioning: Partitioning;
  /** RANGE only: partitions - 1 sorted keys; partition i holds keys in [splitKeys[i-1], splitKeys[i]). */
  splitKeys: Uint8Array[];
  replicationFactor: number;
  /** Indexed by partition number. */
  partitions: PartitionInfo[];
  config: TopicConfig;
}

export function toPartitioning(value: rafter.Partitioning): Partitioning {
  return value === rafter.Partitioning.RANGE ? 'range' : 'hash';
}

export function fromPartitioning(value: Partitioning): rafter.Partitioning {
  return value === 'range' ? rafter.Partitioning.RANGE : rafter.Partitioning.HASH;
}

export function toTopicInfo(topic: Decoded<rafter.TopicMetadata.$Properties>): TopicInfo {
  const partitions = topic.partitions
    .map((p) => ({
      partition: p.partition,
      leaderId: p.leaderId,
      leaderEpoch: p.leaderEpoch,
      replicas: [...p.replicas],
      inSyncReplicas: [...p.inSyncReplicas],
      error: p.error,
    }))
    .sort((a, b) => a.partition - b.partition);
  return {
    name: topic.name,
    partitioning: toPartitioning(topic.partitioning),
    // Copies: decoded bytes are views into the frame's buffer, which we do not want to keep alive.
    splitKeys: topic.splitKeys.map((k) => k.slice()),
    replicationFactor: topic.replicationFactor,
    partitions,
    config: {
      retentionMs: topic.config?.retentionMs ?? 0,
      retentionBytes: topic.config?.retentionBytes ?? 0,
      maxMessageBytes: topic.config?.maxMessageBytes ?? 0,
    },
  };
}
