// The topics this broker holds and their partitions: loaded from the persisted topic table at startup (each
// partition recovering its offsets from its own log), extended by CreateTopic once the new table is durable.
import { ErrorCode, type rafter } from '../../client/protocol';
import { Partition, PartitionMetrics, type PartitionError, type ReplicatedLog } from '../partition';
import type { BrokerStore } from '../storage';
import {
  TOPIC_TABLE_META_KEY, decodeTopicTable, encodeTopicTable, type TopicRecord,
} from './topic-table';
import { validateCreateTopic, type TopicError, type TopicLimits } from './topic-spec';

export interface Topic {
  readonly record: TopicRecord;
  readonly partitions: readonly Partition[];
}

export interface TopicManagerOptions {
  store: BrokerStore;
  replicated: ReplicatedLog;
  metrics: PartitionMetrics;
  limits: TopicLimits;
}

export class TopicManager {
  private readonly topics = new Map<string, Topic>();
  /** Every record in the persisted table, including creations whose commit is still in flight. */
  private readonly records: TopicRecord[];
  private nextGroupId: number;

  constructor(private readonly options: TopicManagerOptions) {
    const table = decodeTopicTable(options.store.getMeta(TOPIC_TABLE_META_KEY));
    this.records = table.topics;
    this.nextGroupId = table.nextGroupId;
    for (const record of table.topics) this.topics.set(record.spec.name, this.openTopic(record));
  }

  private openTopic(record: TopicRecord): Topic {
    const { spec } = record;
    const partitions = record.groupIds.map((groupId, partition) => new Partition({
      topic: spec.name,
      partition,
      groupId,
      log: this.options.store.group(groupId),
      replicated: this.options.replicated,
      maxMessageBytes: spec.config.maxMessageBytes,
      counters: this.options.metrics.countersFor(spec.name, partition),
    }));
    return { record, partitions };
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  list(): Topic[] {
    return [...this.topics.values()].sort((a, b) => (a.record.spec.name < b.record.spec.name ? -1 : 1));
  }

  *allPartitions(): Iterable<Partition> {
    for (const topic of this.topics.values()) yield* topic.partitions;
  }

  partition(topic: string, partition: number): Partition | PartitionError {
    const t = this.topics.get(topic);
    if (!t) return { error: ErrorCode.UNKNOWN_TOPIC, message: `topic "${topic}" does not exist` };
    const p = t.partitions[partition];
    if (!p) {
      return { error: ErrorCode.UNKNOWN_PARTITION, message: `topic "${topic}" has partitions 0..${t.partitions.length - 1}, not ${partition}` };
    }
    return p;
  }

  /** Validates, persists the new table (durably) and opens the partitions. */
  async create(request: rafter.ICreateTopicRequest): Promise<Topic | TopicError> {
    const spec = validateCreateTopic(request, this.options.limits);
    if ('error' in spec) return spec;
    if (this.records.some((r) => r.spec.name === spec.name)) {
      return { error: ErrorCode.TOPIC_ALREADY_EXISTS, message: `topic "${spec.name}" already exists` };
    }
    const groupIds = Array.from({ length: spec.partitions }, (_, i) => this.nextGroupId + i);
    const record: TopicRecord = { spec, groupIds, createdAtMs: Date.now() };
    this.nextGroupId += spec.partitions;
    this.records.push(record);
    this.options.store.putMeta(TOPIC_TABLE_META_KEY, encodeTopicTable({ nextGroupId: this.nextGroupId, topics: this.records }));
    try {
      await this.options.store.commit();
    } catch (err) {
      return { error: ErrorCode.STORAGE_ERROR, message: `could not persist topic "${spec.name}": ${(err as Error).message}` };
    }
    const topic = this.openTopic(record);
    this.topics.set(spec.name, topic);
    return topic;
  }
}
