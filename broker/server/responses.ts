// Building response bodies: topic metadata as clients see it, and an error answer in the shape of the request it
// answers (a ProduceRequest gets a ProduceResponse with the code on every partition), so that an SDK handles a
// refused request through the same path as a failed one. Only requests with no error field of their own fall back to
// ErrorResponse.
import { ErrorCode, rafter, type Frame } from '../../client/protocol';
import type { Partition, PartitionError } from '../partition';
import { topicMetadataOf, type Topic } from '../topics';

export type ResponseBody = Omit<Frame, 'correlationId'>;

export interface BrokerIdentity {
  brokerId: number;
  host: string;
  port: number;
}

export function partitionMetadata(partition: Partition, leaderId: number, leaderEpoch: number): rafter.IPartitionMetadata {
  return {
    partition: partition.partition,
    error: ErrorCode.NONE,
    leaderId,
    replicas: [leaderId],
    inSyncReplicas: [leaderId],
    leaderEpoch,
  };
}

export function topicMetadata(topic: Topic, leaderId: number, leaderEpoch: number): rafter.ITopicMetadata {
  return topicMetadataOf(topic.record.spec, topic.partitions.map((p) => partitionMetadata(p, leaderId, leaderEpoch)));
}

export function partitionState(partition: Partition, leaderId: number): rafter.IPartitionState {
  return {
    partition: partition.partition,
    error: ErrorCode.NONE,
    logStartOffset: partition.logStartOffset,
    logEndOffset: partition.logEndOffset,
    highWatermark: partition.highWatermark,
    sizeBytes: partition.sizeBytes(),
    leaderId,
  };
}

/**
 * What a topic adds to an encoded answer, from above: its name, split keys, and per partition its fixed fields and
 * replica lists. Cheap, so an answer can be bounded without encoding it twice.
 */
export function topicMetadataBytesBound(topic: rafter.ITopicMetadata): number {
  let bytes = 64 + (topic.name?.length ?? 0) * 3;
  for (const key of topic.splitKeys ?? []) bytes += key.length + 6;
  for (const p of topic.partitions ?? []) bytes += 48 + 6 * ((p.replicas?.length ?? 0) + (p.inSyncReplicas?.length ?? 0));
  return bytes;
}

/**
 * Topics for a listing answer, bounded: those named (in request order), or every topic in name order after
 * `afterTopic`, up to `maxBytes` by topicMetadataBytesBound; at least one, so a client paging through makes progress.
 */
export function boundedTopics(
  topics: rafter.ITopicMetadata[], options: { named: boolean; afterTopic: string; maxBytes: number },
): { topics: rafter.ITopicMetadata[]; truncated: boolean } {
  let listed = topics;
  if (!options.named) {
    listed = topics.filter((t) => (t.name ?? '') > options.afterTopic).sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1));
  }
  let bytes = 0;
  for (let i = 0; i < listed.length; i++) {
    bytes += topicMetadataBytesBound(listed[i]);
    if (bytes > options.maxBytes && i > 0) return { topics: listed.slice(0, i), truncated: true };
  }
  return { topics: listed, truncated: false };
}

/** The whole request refused with one code, answered in the request's own response type where it has one. */
export function errorBodyFor(request: rafter.Frame, error: ErrorCode, errorMessage: string): ResponseBody {
  const perPartition = <T extends { topic?: string | null; partition?: number | null }>(parts: T[] | null | undefined) =>
    (parts ?? []).map((p) => ({ topic: p.topic ?? '', partition: p.partition ?? 0, error, errorMessage }));
  switch (request.body) {
    case 'createTopicRequest':
      return { createTopicResponse: { error, errorMessage } };
    case 'describeTopicRequest':
      return { describeTopicResponse: { error, errorMessage } };
    case 'produceRequest':
      if (!request.produceRequest!.partitions?.length) break;
      return { produceResponse: { partitions: perPartition(request.produceRequest!.partitions) } };
    case 'fetchRequest':
      if (!request.fetchRequest!.partitions?.length) break;
      return { fetchResponse: { partitions: perPartition(request.fetchRequest!.partitions) } };
    case 'listOffsetsRequest':
      if (!request.listOffsetsRequest!.partitions?.length) break;
      return { listOffsetsResponse: { partitions: perPartition(request.listOffsetsRequest!.partitions) } };
    default:
      break;
  }
  return { errorResponse: { error, errorMessage } };
}

/** The first error among a response's partitions: the label the request is counted under. */
export function firstError(results: ReadonlyArray<{ error?: ErrorCode | null }>): ErrorCode {
  for (const r of results) if (r.error) return r.error;
  return ErrorCode.NONE;
}

/**
 * The leader a refused partition answer names: the one the refusal knows (NOT_LEADER's hint), else none (-1). Never
 * the answering broker itself: a broker that refuses a partition does not lead it.
 */
export function refusalLeaderId(error: PartitionError): number {
  return error.leaderId !== undefined && error.leaderId > 0 ? error.leaderId : -1;
}
