// One FetchRequest as a long poll: answer at once if minBytes are available (or on any error), else wait for the
// high watermarks of the requested partitions to move, up to maxWaitMs. Waiting costs no reads: new data is measured
// by the growth of each partition's committed byte count, and the batches are read only when the answer is sent.
import { ErrorCode, type rafter } from '../../client/protocol';
import type { FetchInput } from './requests';
import type { Partition, PartitionError } from '../partition';
import type { BrokerContext, ClientConnection, PendingOperation, Reply } from './request-context';
import { firstError, refusalLeaderId } from './responses';

interface Wanted {
  topic: string;
  partition: number;
  offset: number;
  maxBytes: number;
  target: Partition | PartitionError;
  committedBytesAtStart: number;
}

export interface FetchLimits {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
}

/** The client's wishes bounded by the broker's limits. */
export function fetchLimits(request: FetchInput, maxFetchBytes: number, maxFetchWaitMs: number): FetchLimits {
  return {
    maxWaitMs: Math.min(request.maxWaitMs, maxFetchWaitMs),
    minBytes: request.minBytes,
    maxBytes: Math.min(request.maxBytes || maxFetchBytes, maxFetchBytes),
  };
}

export class FetchOperation implements PendingOperation {
  readonly settled: Promise<void>;
  private readonly wanted: Wanted[];
  private readonly limits: FetchLimits;
  private readonly unsubscribes: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private completing = false;
  /** Bytes available past the offsets when the request arrived; read once, and only if minBytes > 1. */
  private initialBytesRead: number | undefined;
  private resolveSettled!: () => void;

  constructor(
    private readonly context: BrokerContext,
    request: FetchInput,
    private readonly connection: ClientConnection,
    private readonly reply: Reply,
  ) {
    this.settled = new Promise((resolve) => { this.resolveSettled = resolve; });
    this.limits = fetchLimits(request, context.config.maxFetchBytes, context.config.maxFetchWaitMs);
    this.wanted = request.partitions.map((fp) => {
      const target = context.topics.partition(fp.topic, fp.partition);
      return {
        topic: fp.topic,
        partition: fp.partition,
        offset: fp.offset,
        maxBytes: fp.maxBytes,
        target,
        committedBytesAtStart: 'error' in target ? 0 : target.committedBytes,
      };
    });
  }

  /** Answers at once or starts waiting. */
  start(): void {
    if (this.limits.maxWaitMs === 0 || this.hasError() || this.satisfied()) return this.complete();
    for (const w of this.wanted) {
      if (!('error' in w.target)) this.unsubscribes.push(w.target.onHighWatermark(() => { if (this.satisfied()) this.complete(); }));
    }
    this.timer = setTimeout(() => this.complete(), this.limits.maxWaitMs);
  }

  finishNow(): void {
    this.complete();
  }

  private hasError(): boolean {
    return this.wanted.some((w) => 'error' in w.target || w.target.offsetProblem(w.offset) !== undefined);
  }

  /**
   * Whether minBytes are available. minBytes <= 1 (the usual case) needs only one partition with records past its
   * offset; larger values count committed bytes past the offsets, which the first check reads and later checks
   * add to by committed growth.
   */
  private satisfied(): boolean {
    if (this.limits.minBytes <= 1) {
      return this.wanted.some((w) => !('error' in w.target) && w.offset < w.target.highWatermark);
    }
    let bytes = 0;
    for (const w of this.wanted) {
      if ('error' in w.target) continue;
      bytes += w.target.committedBytes - w.committedBytesAtStart;
    }
    return bytes + this.initialBytes() >= this.limits.minBytes;
  }

  private initialBytes(): number {
    if (this.initialBytesRead === undefined) {
      this.initialBytesRead = 0;
      for (const w of this.wanted) {
        if ('error' in w.target || w.offset >= w.target.highWatermark) continue;
        const r = w.target.read(w.offset, this.limits.minBytes);
        if (!('error' in r)) for (const b of r.batches) this.initialBytesRead += b.length;
      }
    }
    return this.initialBytesRead;
  }

  private complete(): void {
    if (this.completing) return;
    this.completing = true;
    if (this.timer) clearTimeout(this.timer);
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.connection.whenWritable((open) => {
      if (open) this.answer();
      this.resolveSettled();
    });
  }

  /** Reads up to maxBytes over all partitions in request order; only the response's first batch may exceed it. */
  private answer(): void {
    let remaining = this.limits.maxBytes;
    let anyBatch = false;
    const results: rafter.IFetchPartitionResult[] = this.wanted.map((w) => {
      const base = { topic: w.topic, partition: w.partition, leaderId: this.context.brokerId };
      if ('error' in w.target) return { ...base, error: w.target.error, errorMessage: w.target.message, leaderId: refusalLeaderId(w.target) };
      const p = w.target;
      const state = { ...base, highWatermark: p.highWatermark, logStartOffset: p.logStartOffset };
      const limit = Math.min(w.maxBytes || remaining, remaining);
      if (limit <= 0 && anyBatch) {
        const problem = p.offsetProblem(w.offset);
        return problem ? { ...state, error: problem.error, errorMessage: problem.message } : state;
      }
      const r = p.read(w.offset, Math.max(limit, 1));
      if ('error' in r) {
        // A follower names the leader it knows; other refusals (an offset out of range) come from the leader itself.
        const leaderId = r.error === ErrorCode.NOT_LEADER ? refusalLeaderId(r) : base.leaderId;
        return { ...state, error: r.error, errorMessage: r.message, leaderId };
      }
      const batches: Uint8Array[] = [];
      let used = 0;
      for (const b of r.batches) {
        if (used + b.length > limit && (anyBatch || batches.length > 0)) break;
        batches.push(b);
        used += b.length;
        anyBatch = true;
      }
      remaining -= used;
      return { ...state, batches };
    });
    this.reply.send({ fetchResponse: { partitions: results } }, firstError(results));
  }
}
