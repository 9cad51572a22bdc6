// Request dispatch: one decoded frame in, one response out through its Reply (none for acks=none). Admin requests
// answer synchronously; produce and fetch become operations tracked until they answer, so a shutdown can finish them.
import { ErrorCode, type rafter } from '../../client/protocol';
import { isTopicError, TopicManager } from '../topics';
import { FetchOperation } from './fetch-operation';
import { initProducerId } from './init-producer';
import { ProduceOperation } from './produce-operation';
import type { BrokerContext, ClientConnection, PendingOperation, Reply } from './request-context';
import { isInvalid, parseFetch, parseListOffsets, parseProduce, type ListOffsetsInput } from './requests';
import {
  boundedTopics, errorBodyFor, firstError, partitionState, refusalLeaderId, topicMetadata, type ResponseBody,
} from './responses';

/** ListOffsets timestamps with a meaning of their own. */
export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;

export class Dispatcher {
  private readonly pending = new Set<PendingOperation>();
  private shuttingDown = false;

  constructor(private readonly context: BrokerContext) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  dispatch(frame: rafter.Frame, connection: ClientConnection, reply: Reply): void {
    if (this.shuttingDown) {
      return reply.send(errorBodyFor(frame, ErrorCode.BROKER_SHUTTING_DOWN, 'the broker is shutting down'), ErrorCode.BROKER_SHUTTING_DOWN);
    }
    try {
      this.route(frame, connection, reply);
    } catch (err) {
      // A bug must cost one request, not the connection or the broker.
      if (!reply.done) reply.send(errorBodyFor(frame, ErrorCode.UNKNOWN, `internal error: ${(err as Error).message}`), ErrorCode.UNKNOWN);
    }
  }

  /** The single broker's topics; in cluster mode the requests that need them are answered by the cluster. */
  private get localTopics(): TopicManager {
    const { topics } = this.context;
    if (!(topics instanceof TopicManager)) throw new Error('a broker context without a cluster needs a TopicManager');
    return topics;
  }

  private route(frame: rafter.Frame, connection: ClientConnection, reply: Reply): void {
    const answer = (body: ResponseBody, error: ErrorCode = ErrorCode.NONE) => reply.send(body, error);
    const { cluster } = this.context;
    if (cluster) {
      switch (frame.body) {
        case 'metadataRequest': {
          const request = frame.metadataRequest!;
          const metadata = cluster.metadata(request.topics ?? []);
          const listed = this.bounded(metadata.topics ?? [], request.topics ?? [], request.afterTopic ?? '');
          return answer({ metadataResponse: { ...metadata, ...listed } });
        }
        case 'listTopicsRequest':
          return answer({ listTopicsResponse: this.bounded(cluster.listTopics(), [], frame.listTopicsRequest!.afterTopic ?? '') });
        case 'describeTopicRequest': {
          const body = cluster.describeTopic(frame.describeTopicRequest!.name ?? '');
          return answer({ describeTopicResponse: body }, body.error ?? ErrorCode.NONE);
        }
        case 'createTopicRequest': {
          const settled = cluster.createTopic(frame.createTopicRequest!).then(
            (body) => answer({ createTopicResponse: body }, body.error ?? ErrorCode.NONE),
            (err: unknown) => answer({ createTopicResponse: { error: ErrorCode.UNKNOWN, errorMessage: (err as Error).message } }, ErrorCode.UNKNOWN),
          );
          return this.track({ settled, finishNow: () => undefined });
        }
        default:
          break;
      }
    }
    switch (frame.body) {
      case 'metadataRequest':
        return answer(this.metadata(frame.metadataRequest!));
      case 'listTopicsRequest': {
        const listed = this.localTopics.list().map((t) => this.topicMetadata(t));
        return answer({ listTopicsResponse: this.bounded(listed, [], frame.listTopicsRequest!.afterTopic ?? '') });
      }
      case 'describeTopicRequest':
        return this.describeTopic(frame.describeTopicRequest!, reply);
      case 'createTopicRequest':
        return this.track(this.createTopic(frame.createTopicRequest!, reply));
      case 'listOffsetsRequest': {
        const request = parseListOffsets(frame.listOffsetsRequest!);
        if (isInvalid(request)) return this.invalid(frame, reply, request.invalid);
        const partitions = this.listOffsets(request);
        return answer({ listOffsetsResponse: { partitions } }, firstError(partitions));
      }
      case 'produceRequest':
        return this.produce(frame, reply);
      case 'fetchRequest':
        return this.fetch(frame, connection, reply);
      case 'initProducerIdRequest':
        return initProducerId(reply);
      case undefined:
        return answer({ errorResponse: { error: ErrorCode.INVALID_REQUEST, errorMessage: 'the frame carries no request' } },
          ErrorCode.INVALID_REQUEST);
      default:
        return answer({ errorResponse: { error: ErrorCode.UNSUPPORTED, errorMessage: `${frame.body} is not a request this broker serves` } },
          ErrorCode.UNSUPPORTED);
    }
  }

  private invalid(frame: rafter.Frame, reply: Reply, message: string): void {
    reply.send(errorBodyFor(frame, ErrorCode.INVALID_REQUEST, message), ErrorCode.INVALID_REQUEST);
  }

  private topicMetadata(topic: Parameters<typeof topicMetadata>[0]): rafter.ITopicMetadata {
    return topicMetadata(topic, this.context.brokerId, this.context.leaderEpoch);
  }

  private metadata(request: rafter.MetadataRequest.$Properties): ResponseBody {
    const { brokerId, advertisedHost, port, clusterId } = this.context;
    const topics = this.localTopics;
    const names = request.topics ?? [];
    const listed = names.length === 0
      ? topics.list().map((t) => this.topicMetadata(t))
      : names.map((name) => {
        const topic = topics.get(name);
        return topic ? this.topicMetadata(topic) : { name, error: ErrorCode.UNKNOWN_TOPIC };
      });
    return {
      metadataResponse: {
        brokers: [{ id: brokerId, host: advertisedHost, port }], controllerId: brokerId, clusterId,
        ...this.bounded(listed, names, request.afterTopic ?? ''),
      },
    };
  }

  /** A listing answer's topics within maxMetadataResponseBytes (see boundedTopics). */
  private bounded(topics: rafter.ITopicMetadata[], names: readonly string[], afterTopic: string) {
    return boundedTopics(topics, { named: names.length > 0, afterTopic, maxBytes: this.context.config.maxMetadataResponseBytes });
  }

  private describeTopic(request: rafter.DescribeTopicRequest.$Properties, reply: Reply): void {
    const name = request.name ?? '';
    const topic = this.localTopics.get(name);
    if (!topic) {
      const errorMessage = `topic "${name}" does not exist`;
      return reply.send({ describeTopicResponse: { error: ErrorCode.UNKNOWN_TOPIC, errorMessage } }, ErrorCode.UNKNOWN_TOPIC);
    }
    reply.send({
      describeTopicResponse: {
        topic: this.topicMetadata(topic),
        partitions: topic.partitions.map((p) => partitionState(p, this.context.brokerId)),
      },
    }, ErrorCode.NONE);
  }

  private createTopic(request: rafter.CreateTopicRequest.$Properties, reply: Reply): PendingOperation {
    const settled = this.localTopics.create(request).then((result) => {
      if (isTopicError(result)) {
        reply.send({ createTopicResponse: { error: result.error, errorMessage: result.message } }, result.error);
      } else {
        reply.send({ createTopicResponse: { topic: this.topicMetadata(result) } }, ErrorCode.NONE);
      }
    }, (err: unknown) => {
      reply.send({ createTopicResponse: { error: ErrorCode.UNKNOWN, errorMessage: (err as Error).message } }, ErrorCode.UNKNOWN);
    });
    // Topic creation is one short commit: a shutdown lets it finish rather than cutting it off.
    return { settled, finishNow: () => undefined };
  }

  private listOffsets(request: ListOffsetsInput): rafter.IListOffsetsPartitionResult[] {
    return request.partitions.map((lp) => {
      const base = { topic: lp.topic, partition: lp.partition, leaderId: this.context.brokerId };
      const partition = this.context.topics.partition(lp.topic, lp.partition);
      if ('error' in partition) return { ...base, error: partition.error, errorMessage: partition.message, leaderId: refusalLeaderId(partition) };
      // A follower's offsets lag its leader's: offsets are answered by the leader only.
      const problem = partition.isLeader ? undefined : partition.offsetProblem(partition.highWatermark);
      if (problem) return { ...base, error: problem.error, errorMessage: problem.message, leaderId: refusalLeaderId(problem) };
      const ts = lp.timestampMs;
      if (ts === LATEST_TIMESTAMP) return { ...base, offset: partition.highWatermark, timestampMs: -1 };
      if (ts === EARLIEST_TIMESTAMP) return { ...base, offset: partition.logStartOffset, timestampMs: -1 };
      if (!Number.isSafeInteger(ts) || ts < 0) {
        return { ...base, error: ErrorCode.INVALID_REQUEST, errorMessage: `timestamp ${ts} is neither -1, -2 nor a time in ms` };
      }
      const found = partition.offsetForTimestamp(ts);
      if ('error' in found) return { ...base, error: found.error, errorMessage: found.message };
      return { ...base, offset: found.offset, timestampMs: found.timestampMs };
    });
  }

  private produce(frame: rafter.Frame, reply: Reply): void {
    const request = parseProduce(frame.produceRequest!);
    if (isInvalid(request)) return this.invalid(frame, reply, request.invalid);
    const op = new ProduceOperation(this.context, request, reply);
    op.start(Date.now());
    this.track(op);
  }

  private fetch(frame: rafter.Frame, connection: ClientConnection, reply: Reply): void {
    const request = parseFetch(frame.fetchRequest!);
    if (isInvalid(request)) return this.invalid(frame, reply, request.invalid);
    const op = new FetchOperation(this.context, request, connection, reply);
    op.start();
    this.track(op);
  }

  private track(op: PendingOperation): void {
    this.pending.add(op);
    void op.settled.then(() => this.pending.delete(op));
  }

  /**
   * Refuses new requests, answers waiting fetches with what they have, and gives writes in flight up to graceMs to
   * commit; what is still waiting then is answered BROKER_SHUTTING_DOWN.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.shuttingDown = true;
    for (const op of this.pending) if (op instanceof FetchOperation) op.finishNow();
    const writes = [...this.pending].filter((op) => !(op instanceof FetchOperation)).map((op) => op.settled);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); });
    await Promise.race([Promise.all(writes), expired]);
    clearTimeout(timer);
    for (const op of this.pending) op.finishNow();
  }
}
