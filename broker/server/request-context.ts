// What request handlers need from the broker and from the connection a request came on.
import type { ErrorCode, rafter } from '../../client/protocol';
import type { BrokerConfig } from '../config';
import type { Partition, PartitionError } from '../partition';
import type { TopicManager } from '../topics';
import type { ResponseBody } from './responses';

export interface Reply {
  /** Sends the response and counts the request under `error`. Only the first call of send or skip counts. */
  send(body: ResponseBody, error: ErrorCode): void;
  /** Counts the request without answering it (produce with acks=none). */
  skip(error: ErrorCode): void;
  readonly done: boolean;
}

export interface ClientConnection {
  /**
   * Runs fn(true) at once, or once the connection's send buffer has drained if it is paused for backpressure;
   * fn(false) if the connection is or becomes closed first. Fetches read their data in fn, so a slow reader makes
   * the broker hold no data the reader cannot take yet.
   */
  whenWritable(fn: (open: boolean) => void): void;
  readonly isOpen: boolean;
}

/** Where produce, fetch and list-offsets find a partition (or why it is not here). */
export interface PartitionLookup {
  partition(topic: string, partition: number): Partition | PartitionError;
}

/**
 * Cluster mode: metadata and topic administration come from the controller (broker/cluster). Admin requests that
 * change the cluster are served by the controller leader only; other brokers answer NOT_CONTROLLER, and the SDK
 * (which learns the controller from Metadata) retries there: one hop, no broker-to-broker forwarding.
 */
export interface ClusterFrontend {
  metadata(topics: readonly string[]): rafter.IMetadataResponse;
  listTopics(): rafter.ITopicMetadata[];
  describeTopic(name: string): rafter.IDescribeTopicResponse;
  createTopic(request: rafter.ICreateTopicRequest): Promise<rafter.ICreateTopicResponse>;
}

export interface BrokerContext {
  readonly config: BrokerConfig;
  /** The single broker's TopicManager; in cluster mode, the hosted partitions (and `cluster` answers the rest). */
  readonly topics: TopicManager | PartitionLookup;
  readonly cluster?: ClusterFrontend;
  readonly brokerId: number;
  readonly advertisedHost: string;
  /** The client port once listening. */
  port: number;
  readonly clusterId: string;
  /** The term partitions report as their leader epoch. */
  readonly leaderEpoch: number;
}

/** A request still waiting for its result (a long poll, a produce awaiting commit), for graceful shutdown. */
export interface PendingOperation {
  /** Answers now with what is known: a fetch with what it has, a produce with BROKER_SHUTTING_DOWN for the rest. */
  finishNow(): void;
  /** Resolves once the operation has answered. */
  readonly settled: Promise<void>;
}
