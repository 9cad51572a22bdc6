// One ProduceRequest: every batch is checked and handed to its partition in the same turn (so one commit covers
// them all, and all other requests of that turn), then the request answers once every partition has its result.
import { ErrorCode, rafter } from '../../client/protocol';
import { PartitionWriteError } from '../partition';
import { checkProducerCredential } from './init-producer';
import type { ProduceInput } from './requests';
import type { BrokerContext, PendingOperation, Reply } from './request-context';
import { firstError, refusalLeaderId } from './responses';

type Result = rafter.IProducePartitionResult;

export class ProduceOperation implements PendingOperation {
  readonly settled: Promise<void>;
  private readonly results: Result[];
  private outstanding = 0;
  private timer: NodeJS.Timeout | undefined;
  private resolveSettled!: () => void;

  constructor(
    private readonly context: BrokerContext,
    private readonly request: ProduceInput,
    private readonly reply: Reply,
  ) {
    this.settled = new Promise((resolve) => { this.resolveSettled = resolve; });
    this.results = request.partitions.map((p) => ({ topic: p.topic, partition: p.partition, leaderId: context.brokerId }));
  }

  start(nowMs: number): void {
    const { topics } = this.context;
    this.request.partitions.forEach((pp, i) => {
      const partition = topics.partition(pp.topic, pp.partition);
      if ('error' in partition) {
        this.results[i].leaderId = refusalLeaderId(partition);
        return this.fail(i, partition.error, partition.message);
      }
      const failure = partition.storageFailure;
      if (failure) return this.fail(i, ErrorCode.STORAGE_ERROR, failure.message);
      const header = partition.checkBatch(pp.batch);
      if ('error' in header) return this.fail(i, header.error, header.message);
      const foreign = checkProducerCredential(header, this.request.tokenProducerId);
      if (foreign) return this.fail(i, foreign.error, foreign.message);
      this.outstanding++;
      partition.append(pp.batch, header, nowMs, this.request.acks).then(
        (r) => {
          Object.assign(this.results[i], { baseOffset: r.baseOffset, appendTimeMs: r.appendTimeMs, logStartOffset: partition.logStartOffset });
          this.partitionDone();
        },
        (err: unknown) => {
          if (err instanceof PartitionWriteError) {
            this.fail(i, err.error, err.message);
            // Only NOT_LEADER names another broker; a producer-state refusal comes from this leader.
            if (!this.reply.done && err.error === ErrorCode.NOT_LEADER) this.results[i].leaderId = refusalLeaderId(err);
          } else {
            this.fail(i, ErrorCode.STORAGE_ERROR, `write failed, nothing was acknowledged: ${(err as Error).message}`);
          }
          this.partitionDone();
        },
      );
    });
    if (this.outstanding === 0) return this.answer();
    const timeoutMs = this.request.timeoutMs;
    if (timeoutMs > 0) this.timer = setTimeout(() => this.abandon(ErrorCode.REQUEST_TIMED_OUT, `not committed within ${timeoutMs} ms`), timeoutMs);
  }

  finishNow(): void {
    this.abandon(ErrorCode.BROKER_SHUTTING_DOWN, 'the broker shut down before the write was committed');
  }

  private fail(i: number, error: ErrorCode, errorMessage: string): void {
    if (this.reply.done) return;
    Object.assign(this.results[i], { error, errorMessage });
  }

  private partitionDone(): void {
    if (--this.outstanding === 0) this.answer();
  }

  /** Answers before every partition has its result: those still waiting may yet commit, so they say so. */
  private abandon(error: ErrorCode, errorMessage: string): void {
    if (this.reply.done) return;
    for (const r of this.results) {
      if (!r.error && r.baseOffset === undefined) Object.assign(r, { error, errorMessage });
    }
    this.answer();
  }

  private answer(): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.reply.done) {
      const error = firstError(this.results);
      if (this.request.acks === rafter.Acks.ACKS_NONE) this.reply.skip(error);
      else this.reply.send({ produceResponse: { partitions: this.results } }, error);
    }
    this.resolveSettled();
  }
}
