// Topic administration and offset queries. Data (producer, consumer) and administration are separate objects,
// as nats.js splits jetstream() from jetstreamManager().
import { BytesLike, toBytes } from '../bytes';
import { Cluster } from '../cluster/cluster';
import { fromPartitioning, Partitioning, TopicConfig, TopicInfo, toTopicInfo } from '../cluster/metadata';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets, OffsetsContext } from '../cluster/offsets';
import { createErrorFromCode, RafterError, RafterInvalidArgumentError } from '../errors';
import { ErrorCode } from '../protocol';
import { withRetry } from '../retry';

export interface CreateTopicOptions {
  topic: string;
  partitions: number;
  replicationFactor?: number;
  partitioning?: Partitioning;
  /** Range partitioning: partitions - 1 keys in ascending order. */
  splitKeys?: readonly BytesLike[];
  config?: Partial<TopicConfig>;
}

export interface PartitionDescription {
  partition: number;
  leaderId: number;
  replicas: number[];
  inSyncReplicas: number[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  sizeBytes: number;
  /** The partition's error code name, 'NONE' when healthy. */
  error: string;
}

export interface TopicDescription extends Omit<TopicInfo, 'partitions'> {
  partitions: PartitionDescription[];
}

export type OffsetSpec = 'earliest' | 'latest' | { timestampMs: number };

export interface PartitionOffset {
  partition: number;
  offset: number;
}

export interface TopicOffsets {
  partition: number;
  /** Log start offset. */
  low: number;
  /** Log end offset: the offset the next record will get. */
  high: number;
}

export class Admin {
  constructor(private readonly ctx: OffsetsContext) {}

  private get cluster(): Cluster {
    return this.ctx.cluster;
  }

  async createTopic(options: CreateTopicOptions): Promise<TopicInfo> {
    const { topic, partitions } = options;
    if (typeof topic !== 'string' || topic === '') throw new RafterInvalidArgumentError('topic', 'must be a non-empty string');
    if (!Number.isInteger(partitions) || partitions < 1) throw new RafterInvalidArgumentError('partitions', 'must be an integer >= 1');
    const partitioning = options.partitioning ?? (options.splitKeys ? 'range' : 'hash');
    if (partitioning !== 'hash' && partitioning !== 'range') throw new RafterInvalidArgumentError('partitioning', "must be 'hash' or 'range'");
    const splitKeys = (options.splitKeys ?? []).map((k, i) => toBytes(k, `splitKeys[${i}]`));
    if (partitioning === 'range' && splitKeys.length !== partitions - 1) {
      throw new RafterInvalidArgumentError('splitKeys', `a range topic of ${partitions} partitions needs ${partitions - 1} split keys, got ${splitKeys.length}`);
    }
    if (partitioning === 'hash' && splitKeys.length > 0) throw new RafterInvalidArgumentError('splitKeys', 'only range topics take split keys');
    const request = {
      name: topic,
      partitions,
      replicationFactor: options.replicationFactor ?? 1,
      partitioning: fromPartitioning(partitioning),
      splitKeys,
      config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 0, ...options.config },
    };
    const response = await this.withControllerRetry(async () => {
      const answer = await this.cluster.requestController('createTopicRequest', request);
      // Only a controller move is worth retrying here; TOPIC_ALREADY_EXISTS and the like are final answers.
      if (answer.error === ErrorCode.NOT_CONTROLLER) throw createErrorFromCode(answer.error, answer.errorMessage, { topic });
      return answer;
    });
    if (response.error !== ErrorCode.NONE) throw createErrorFromCode(response.error, response.errorMessage, { topic });
    this.cluster.markStale(topic);
    if (response.topic) return toTopicInfo(response.topic);
    return this.cluster.topic(topic);
  }

  /** Every topic, in name order; a broker answers a bounded page at a time, so this asks until the last one. */
  async listTopics(): Promise<TopicInfo[]> {
    const topics: TopicInfo[] = [];
    for (let afterTopic = ''; ;) {
      const response = await this.withControllerRetry(() => this.cluster.requestAny('listTopicsRequest', { afterTopic }));
      topics.push(...response.topics.map(toTopicInfo));
      if (!response.truncated || response.topics.length === 0) break;
      afterTopic = response.topics[response.topics.length - 1].name;
    }
    return topics.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async describeTopic(name: string): Promise<TopicDescription> {
    const response = await this.withControllerRetry(() => this.cluster.requestAny('describeTopicRequest', { name }));
    if (response.error !== ErrorCode.NONE) throw createErrorFromCode(response.error, response.errorMessage, { topic: name });
    if (!response.topic) throw createErrorFromCode(ErrorCode.UNKNOWN_TOPIC, '', { topic: name });
    const info = toTopicInfo(response.topic);
    const states = new Map(response.partitions.map((p) => [p.partition, p]));
    return {
      ...info,
      partitions: info.partitions.map((p) => {
        const s = states.get(p.partition);
        return {
          partition: p.partition,
          leaderId: s?.leaderId ?? p.leaderId,
          replicas: p.replicas,
          inSyncReplicas: p.inSyncReplicas,
          logStartOffset: s?.logStartOffset ?? 0,
          logEndOffset: s?.logEndOffset ?? 0,
          highWatermark: s?.highWatermark ?? 0,
          sizeBytes: s?.sizeBytes ?? 0,
          error: ErrorCode[s?.error ?? p.error] ?? 'UNKNOWN',
        };
      }),
    };
  }

  /** The offset at `at` for each partition of a topic (all partitions unless `partitions` is given). */
  async listOffsets(options: { topic: string; partitions?: number[]; at: OffsetSpec }): Promise<PartitionOffset[]> {
    const partitions = options.partitions ?? (await this.cluster.topicWithRetry(options.topic)).partitions.map((p) => p.partition);
    const timestampMs = options.at === 'earliest' ? EARLIEST_TIMESTAMP : options.at === 'latest' ? LATEST_TIMESTAMP : options.at.timestampMs;
    const answers = await listOffsets(this.ctx, partitions.map((partition) => ({ topic: options.topic, partition, timestampMs })));
    return answers.map(({ partition, offset }) => ({ partition, offset }));
  }

  /** Log start (low) and log end (high) of every partition of a topic, as kafkajs's fetchTopicOffsets. */
  async fetchTopicOffsets(topic: string): Promise<TopicOffsets[]> {
    const [low, high] = await Promise.all([this.listOffsets({ topic, at: 'earliest' }), this.listOffsets({ topic, at: 'latest' })]);
    return low.map((l, i) => ({ partition: l.partition, low: l.offset, high: high[i].offset }));
  }

  private withControllerRetry<T>(fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, {
      policy: this.ctx.retry,
      clock: this.ctx.clock,
      rng: this.ctx.rng,
      cancel: this.cluster.closing,
      onRetry: async (error) => {
        if (error instanceof RafterError && error.refreshMetadata) await this.cluster.refresh().catch(() => undefined);
      },
    });
  }
}
