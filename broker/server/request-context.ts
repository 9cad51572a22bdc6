// What request handlers need from the broker and from the connection a request came on.
import type { ErrorCode } from '../../client/protocol';
import type { BrokerConfig } from '../config';
import type { TopicManager } from '../topics';
import type { ProducerIdAllocator } from './init-producer';
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

export interface BrokerContext {
  readonly config: BrokerConfig;
  readonly topics: TopicManager;
  readonly brokerId: number;
  readonly advertisedHost: string;
  /** The client port once listening. */
  port: number;
  readonly clusterId: string;
  /** The term partitions report as their leader epoch. */
  readonly leaderEpoch: number;
  /** Serves InitProducerId; without one the broker answers it UNSUPPORTED. */
  readonly producerIds?: ProducerIdAllocator;
}

/** A request still waiting for its result (a long poll, a produce awaiting commit), for graceful shutdown. */
export interface PendingOperation {
  /** Answers now with what is known: a fetch with what it has, a produce with BROKER_SHUTTING_DOWN for the rest. */
  finishNow(): void;
  /** Resolves once the operation has answered. */
  readonly settled: Promise<void>;
}
