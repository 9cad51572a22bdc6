// ListOffsets for any set of partitions: one request per leader broker, retried (with a metadata refresh) on
// stale-metadata errors. Used by the admin client and by the consumer to resolve its start positions.
import { Clock, Rng } from '../clock';
import { createErrorFromCode, NotLeaderError, RafterError } from '../errors';
import { ErrorCode } from '../protocol';
import { RetryPolicy, withRetry } from '../retry';
import { Cluster } from './cluster';

/** -1: the log end (the next offset to be written); -2: the log start; else the first offset at or after it. */
export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;

export interface OffsetQuery {
  topic: string;
  partition: number;
  timestampMs: number;
}

export interface OffsetAnswer extends OffsetQuery {
  offset: number;
}

export interface OffsetsContext {
  cluster: Cluster;
  retry: RetryPolicy;
  clock: Clock;
  rng: Rng;
}

export function listOffsets(ctx: OffsetsContext, queries: readonly OffsetQuery[]): Promise<OffsetAnswer[]> {
  return withRetry(() => listOffsetsOnce(ctx.cluster, queries), {
    policy: ctx.retry,
    clock: ctx.clock,
    rng: ctx.rng,
    cancel: ctx.cluster.closing,
    onRetry: async (error) => {
      if (error instanceof RafterError && error.refreshMetadata) {
        ctx.cluster.markStale();
        await ctx.cluster.refresh().catch(() => undefined);
      }
    },
  });
}

async function listOffsetsOnce(cluster: Cluster, queries: readonly OffsetQuery[]): Promise<OffsetAnswer[]> {
  for (const topic of new Set(queries.map((q) => q.topic))) await cluster.topic(topic);
  const byLeader = new Map<number, OffsetQuery[]>();
  for (const q of queries) {
    const leader = cluster.leaderOf(q.topic, q.partition);
    if (leader < 0) throw createErrorFromCode(ErrorCode.LEADER_NOT_AVAILABLE, '', q);
    const list = byLeader.get(leader);
    if (list) list.push(q);
    else byLeader.set(leader, [q]);
  }
  const answers = new Map<string, number>();
  await Promise.all(
    [...byLeader].map(async ([leader, list]) => {
      const response = await cluster.connectionTo(leader).request('listOffsetsRequest', { partitions: list });
      for (const r of response.partitions) {
        if (r.error !== ErrorCode.NONE) {
          const error = createErrorFromCode(r.error, r.errorMessage, { topic: r.topic, partition: r.partition, leaderId: r.leaderId });
          if (error instanceof NotLeaderError) cluster.applyLeaderHint(r.topic, r.partition, error.leaderId);
          throw error;
        }
        answers.set(`${r.partition}\u0000${r.topic}`, r.offset);
      }
    }),
  );
  return queries.map((q) => {
    const offset = answers.get(`${q.partition}\u0000${q.topic}`);
    if (offset === undefined) throw createErrorFromCode(ErrorCode.UNKNOWN, 'the broker left this partition out of its answer', q);
    return { ...q, offset };
  });
}
