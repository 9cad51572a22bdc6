// What a topic is on this broker, and the checks a CreateTopicRequest must pass (Kafka's naming rules; split keys
// for range partitioning). Pure functions: the dispatcher and the unit tests call them without a broker.
import { ErrorCode, rafter } from '../../client/protocol';

export const MAX_TOPIC_NAME_LENGTH = 249;
const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;

export interface TopicConfig {
  /** 0: keep forever. */
  retentionMs: number;
  /** 0: no size bound. */
  retentionBytes: number;
  maxMessageBytes: number;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  partitioning: rafter.Partitioning;
  /** RANGE only: partitions - 1 keys, strictly increasing bytewise. */
  splitKeys: Uint8Array[];
  config: TopicConfig;
}

export interface TopicLimits {
  maxPartitionsPerTopic: number;
  defaultMaxMessageBytes: number;
  /** A batch travels inside one frame, so no topic may accept batches larger than this. */
  maxMessageBytesCeiling: number;
  /** Every Metadata answer carries a RANGE topic's split keys: these bound what one topic adds to it. */
  maxSplitKeyBytes: number;
  maxSplitKeysBytesPerTopic: number;
  /** Brokers that can hold a replica: 1 on a single broker. */
  brokerCount: number;
}

export interface TopicError {
  error: ErrorCode;
  message: string;
}

export function isTopicError(value: unknown): value is TopicError {
  return typeof value === 'object' && value !== null && 'error' in value && 'message' in value;
}

const invalid = (message: string): TopicError => ({ error: ErrorCode.INVALID_TOPIC, message });

/** Returns why the name is not a valid topic name, or undefined if it is. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'topic name is empty';
  if (name.length > MAX_TOPIC_NAME_LENGTH) return `topic name is ${name.length} characters, at most ${MAX_TOPIC_NAME_LENGTH} allowed`;
  if (name === '.' || name === '..') return `topic name cannot be "${name}"`;
  if (!TOPIC_NAME.test(name)) return `topic name "${name}" may only contain ASCII letters, digits, '.', '_' and '-'`;
  return undefined;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

function nonNegativeInteger(value: number | null | undefined): number | undefined {
  const n = value ?? 0;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Checks a CreateTopicRequest and fills in defaults; the result owns copies of the split keys. */
export function validateCreateTopic(request: rafter.ICreateTopicRequest, limits: TopicLimits): TopicSpec | TopicError {
  const name = request.name ?? '';
  const nameProblem = topicNameProblem(name);
  if (nameProblem) return invalid(nameProblem);

  const partitions = request.partitions ?? 0;
  if (partitions < 1 || partitions > limits.maxPartitionsPerTopic) {
    return invalid(`partitions must be in [1, ${limits.maxPartitionsPerTopic}], got ${partitions}`);
  }
  // 0 is proto3's absent value: the request did not choose, so the broker's default (1) applies.
  const replicationFactor = request.replicationFactor || 1;
  if (replicationFactor > limits.brokerCount) {
    return invalid(`replication factor ${replicationFactor} exceeds the ${limits.brokerCount} broker(s) available`
      + (limits.brokerCount === 1 ? ': a single broker only holds topics with replication factor 1' : ''));
  }

  const partitioning = request.partitioning ?? rafter.Partitioning.HASH;
  const splitKeys = (request.splitKeys ?? []).map((k) => Uint8Array.from(k));
  if (partitioning === rafter.Partitioning.HASH) {
    if (splitKeys.length > 0) return invalid('split keys are only allowed with RANGE partitioning');
  } else if (partitioning === rafter.Partitioning.RANGE) {
    if (splitKeys.length !== partitions - 1) {
      return invalid(`RANGE partitioning needs partitions - 1 = ${partitions - 1} split keys, got ${splitKeys.length}`);
    }
    let splitKeysBytes = 0;
    for (const [i, key] of splitKeys.entries()) {
      if (key.length > limits.maxSplitKeyBytes) return invalid(`split key ${i} is ${key.length} bytes, at most ${limits.maxSplitKeyBytes} allowed`);
      splitKeysBytes += key.length;
    }
    if (splitKeysBytes > limits.maxSplitKeysBytesPerTopic) {
      return invalid(`split keys total ${splitKeysBytes} bytes, at most ${limits.maxSplitKeysBytesPerTopic} allowed per topic`);
    }
    for (let i = 1; i < splitKeys.length; i++) {
      if (compareBytes(splitKeys[i - 1], splitKeys[i]) >= 0) {
        return invalid(`split keys must be strictly increasing: key ${i} is not greater than key ${i - 1}`);
      }
    }
  } else {
    return invalid(`unknown partitioning ${String(partitioning)}`);
  }

  const cfg = request.config ?? {};
  const retentionMs = nonNegativeInteger(cfg.retentionMs);
  if (retentionMs === undefined) return invalid(`retention.ms must be >= 0, got ${String(cfg.retentionMs)}`);
  const retentionBytes = nonNegativeInteger(cfg.retentionBytes);
  if (retentionBytes === undefined) return invalid(`retention.bytes must be >= 0, got ${String(cfg.retentionBytes)}`);
  const maxMessageBytes = cfg.maxMessageBytes || limits.defaultMaxMessageBytes;
  if (maxMessageBytes > limits.maxMessageBytesCeiling) {
    return invalid(`max.message.bytes ${maxMessageBytes} exceeds the broker's limit of ${limits.maxMessageBytesCeiling}`);
  }
  return { name, partitions, replicationFactor, partitioning, splitKeys, config: { retentionMs, retentionBytes, maxMessageBytes } };
}

/** A topic as Metadata describes it, around partitions the caller describes (one broker's, or a cluster's). */
export function topicMetadataOf(spec: TopicSpec, partitions: rafter.IPartitionMetadata[]): rafter.ITopicMetadata {
  return {
    name: spec.name,
    error: ErrorCode.NONE,
    partitioning: spec.partitioning,
    splitKeys: spec.splitKeys,
    replicationFactor: spec.replicationFactor,
    partitions,
    config: { ...spec.config },
  };
}
