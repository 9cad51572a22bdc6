// The topic table as persisted in the store's `meta` db: every topic's spec and the Raft group id of each of its
// partitions. Group 0 is the controller's, so partition groups are allocated from 1 upward and never reused.
// (The cluster's controller will own this table in its own log; until then it lives in the local meta db.)
import { rafter } from '../../client/protocol';
import type { TopicSpec } from './topic-spec';

export const TOPIC_TABLE_META_KEY = 'topics';
export const FIRST_PARTITION_GROUP_ID = 1;

export interface TopicRecord {
  spec: TopicSpec;
  /** groupIds[p] is the Raft group of partition p. */
  groupIds: number[];
  createdAtMs: number;
}

export interface TopicTableState {
  nextGroupId: number;
  topics: TopicRecord[];
}

interface StoredTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  partitioning: 'hash' | 'range';
  splitKeysBase64: string[];
  config: TopicSpec['config'];
  groupIds: number[];
  createdAtMs: number;
}

interface StoredTable {
  version: 1;
  nextGroupId: number;
  topics: StoredTopic[];
}

export function encodeTopicTable(state: TopicTableState): Uint8Array {
  const stored: StoredTable = {
    version: 1,
    nextGroupId: state.nextGroupId,
    topics: state.topics.map(({ spec, groupIds, createdAtMs }) => ({
      name: spec.name,
      partitions: spec.partitions,
      replicationFactor: spec.replicationFactor,
      partitioning: spec.partitioning === rafter.Partitioning.RANGE ? 'range' : 'hash',
      splitKeysBase64: spec.splitKeys.map((k) => Buffer.from(k).toString('base64')),
      config: spec.config,
      groupIds,
      createdAtMs,
    })),
  };
  return Buffer.from(JSON.stringify(stored), 'utf8');
}

export function decodeTopicTable(bytes: Uint8Array | undefined): TopicTableState {
  if (!bytes) return { nextGroupId: FIRST_PARTITION_GROUP_ID, topics: [] };
  const stored = JSON.parse(Buffer.from(bytes).toString('utf8')) as StoredTable;
  if (stored.version !== 1) throw new Error(`topic table version ${String(stored.version)} is not supported`);
  return {
    nextGroupId: stored.nextGroupId,
    topics: stored.topics.map((t) => ({
      spec: {
        name: t.name,
        partitions: t.partitions,
        replicationFactor: t.replicationFactor,
        partitioning: t.partitioning === 'range' ? rafter.Partitioning.RANGE : rafter.Partitioning.HASH,
        splitKeys: t.splitKeysBase64.map((k) => new Uint8Array(Buffer.from(k, 'base64'))),
        config: t.config,
      },
      groupIds: t.groupIds,
      createdAtMs: t.createdAtMs,
    })),
  };
}
