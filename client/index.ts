// The SDK's public surface. Everything else under client/ is internal.
export { Rafter } from './rafter';
export type { RafterOptions, ClientEvents } from './rafter';
export type { Producer } from './producer/producer';
export type { Acks, Message, MessageHeaders, ProducerOptions, ProducerRecord, RecordMetadata, TopicMessage, ProducerEvents, ProducerBatchEvent, ProducerRequestEvent } from './producer/types';
export { instrumentConsumer, instrumentProducer } from './instrumentation';
export type { Partitioner, PartitionerInput } from './producer/partitioners';
export { murmur2, toPositive } from './producer/murmur2';
export { hashPartition, rangePartition } from './producer/partitioners';
export type { Consumer } from './consumer/consumer';
export { ConsumerRecord } from './consumer/record';
export type { RecordBatch, RecordHeader } from './consumer/record';
export type {
  ConsumerOptions,
  ConsumerEvents,
  ConsumerFetchEvent,
  OffsetResetPolicy,
  RunOptions,
  StartPosition,
  TopicPartition,
  TopicPartitionAssignment,
} from './consumer/types';
export type { Admin, CreateTopicOptions, OffsetSpec, PartitionDescription, PartitionOffset, TopicDescription, TopicOffsets } from './admin/admin';
export type { Partitioning, PartitionInfo, TopicConfig, TopicInfo } from './cluster/metadata';
export type { RetryPolicy } from './retry';
export type { Clock, Rng } from './clock';
export type { Transport, TransportFactory, TransportHandlers } from './network/transport';
export {
  RafterError,
  RafterProtocolError,
  NotLeaderError,
  OffsetOutOfRangeError,
  CorruptBatchError,
  RafterConnectionError,
  RafterRequestTimeoutError,
  RafterDeliveryTimeoutError,
  RafterClosedError,
  RafterInvalidArgumentError,
  RafterBufferFullError,
  RafterInvariantError,
  createErrorFromCode,
  isRetriable,
} from './errors';
export type { RafterErrorCode, Persisted } from './errors';
export { ErrorCode } from './protocol';
