// The campaign's workload, through the SDK as an application would use it: idempotent producers (acks=all) writing
// unique, sequence-numbered, keyed records; a consumer reading along from the start; at the end a fresh consumer
// reading every partition from offset 0 up to its high watermark. Every attempt and its outcome, and every record
// read, goes into the history for the checker.
import { hashPartition, Rafter, RafterError, RafterProtocolError, type Consumer, type Producer } from '../../client';
import type { HistoryWriter, ReadRecord, RecordId } from './history';
import type { AckedRecord } from './nemesis';

export interface WorkloadOptions {
  readonly topic: string;
  readonly partitions: number;
  readonly producers: number;
  /** Records a second per producer. */
  readonly ratePerProducer: number;
  /**
   * Sends a producer may have unsettled per partition before it waits. Per partition, so that a partition that
   * stalls does not starve the others of writes (availability is measured per partition).
   */
  readonly maxOutstandingPerPartition: number;
  /** Bytes of padding in each value, so batches have some size. */
  readonly padBytes: number;
  readonly client: (clientId: string) => Rafter;
  readonly history: HistoryWriter;
}

export interface WorkloadCounts {
  sent: number;
  acked: number;
  failed: number;
  read: number;
}

/** Recent acknowledged records kept for the nemesis to aim storage damage at. */
const RECENT_ACKS = 4096;
/** Distinct keys per producer and partition: records of one key repeat, and stay in order within it. */
const KEYS_PER_PARTITION = 4;
const TICK_MS = 20;

/** `{"p":"w1","s":17,"pad":"…"}`: the value names its record, so every read says which attempt it came from. */
export function encodeValue(id: RecordId, padBytes: number): string {
  return JSON.stringify({ p: id.producer, s: id.seq, pad: 'x'.repeat(padBytes) });
}

export function decodeValue(value: Uint8Array | null): RecordId | undefined {
  if (value === null) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value).toString('utf8')) as { p?: unknown; s?: unknown };
    if (typeof parsed.p === 'string' && Number.isSafeInteger(parsed.s)) return { producer: parsed.p, seq: parsed.s as number };
  } catch {
    // not one of ours: the checker reports it
  }
  return undefined;
}

function errorFields(err: unknown): { code: string; persisted: 'no' | 'maybe'; message: string } {
  if (err instanceof RafterError) return { code: err.code, persisted: err.persisted, message: err.message };
  return { code: 'UNEXPECTED', persisted: 'maybe', message: String(err) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One producer stream: its records are numbered 0, 1, 2… whichever Producer object sends them. */
class ProducerWorker {
  private readonly client: Rafter;
  private producer: Producer;
  private nextSeq = 0;
  private readonly outstanding = new Map<number, Promise<void>>();
  /** Unsettled sends per partition. */
  private readonly inPartition: number[];
  /** Per partition, keys of this producer that the SDK's hash partitioner places there. */
  private readonly keys: string[][];
  private nextPartition = 0;
  private credit = 0;
  private timer: NodeJS.Timeout | undefined;
  private settledAll = false;

  constructor(
    readonly name: string,
    private readonly options: WorkloadOptions,
    private readonly counts: WorkloadCounts,
    private readonly onAck: (record: AckedRecord) => void,
  ) {
    this.client = options.client(`faults-${name}`);
    this.producer = this.newProducer();
    this.inPartition = new Array<number>(options.partitions).fill(0);
    this.keys = Array.from({ length: options.partitions }, () => []);
    for (let i = 0; this.keys.some((k) => k.length < KEYS_PER_PARTITION); i++) {
      const key = `${name}/${i}`;
      const keys = this.keys[hashPartition(Buffer.from(key), options.partitions)];
      if (keys.length < KEYS_PER_PARTITION) keys.push(key);
    }
  }

  private newProducer(): Producer {
    const producer = this.client.producer({ idempotent: true, acks: 'all' });
    producer.events.on('request', (e) => {
      if (e.error === undefined) return;
      this.options.history.log({
        type: 'request-error', producer: this.name, broker: e.broker, latencyMs: Math.round(e.latencyMs), code: errorFields(e.error).code,
      });
    });
    return producer;
  }

  start(): void {
    let last = Date.now();
    this.timer = setInterval(() => {
      const now = Date.now();
      // At most a second's worth of credit: after a stall the rate resumes, it does not burst.
      this.credit = Math.min(this.credit + ((now - last) / 1000) * this.options.ratePerProducer, this.options.ratePerProducer);
      last = now;
      while (this.credit >= 1) {
        const partition = this.partitionWithRoom();
        if (partition === undefined) break;
        this.credit -= 1;
        this.sendOne(partition);
      }
    }, TICK_MS);
  }

  /** The next partition, round robin, with fewer than the limit unsettled. */
  private partitionWithRoom(): number | undefined {
    const n = this.options.partitions;
    for (let i = 0; i < n; i++) {
      const p = (this.nextPartition + i) % n;
      if (this.inPartition[p] < this.options.maxOutstandingPerPartition) {
        this.nextPartition = (p + 1) % n;
        return p;
      }
    }
    return undefined;
  }

  private sendOne(partition: number): void {
    if (this.producer.fatalError) {
      this.options.history.log({ type: 'producer-restart', producer: this.name, reason: this.producer.fatalError.message });
      this.producer = this.newProducer();
    }
    const seq = this.nextSeq++;
    const keys = this.keys[partition];
    const key = keys[seq % keys.length];
    this.inPartition[partition]++;
    const { history, topic, padBytes } = this.options;
    history.log({ type: 'send', producer: this.name, seq, key });
    this.counts.sent++;
    const done = this.producer.send({ topic, key, value: encodeValue({ producer: this.name, seq }, padBytes) }).then(
      (meta) => {
        if (this.settledAll) return;
        this.counts.acked++;
        history.log({ type: 'ack', producer: this.name, seq, partition: meta.partition, offset: meta.offset });
        this.onAck({ producer: this.name, seq, partition: meta.partition, offset: meta.offset });
      },
      (err: unknown) => {
        if (this.settledAll) return;
        this.counts.failed++;
        history.log({ type: 'fail', producer: this.name, seq, ...errorFields(err) });
      },
    ).finally(() => {
      this.outstanding.delete(seq);
      this.inPartition[partition]--;
    });
    this.outstanding.set(seq, done);
  }

  /** Stops sending, waits up to drainMs for what is unsettled, and logs the rest as unknown. */
  async stop(drainMs: number): Promise<void> {
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => { timer = setTimeout(resolve, drainMs); });
    await Promise.race([Promise.all([...this.outstanding.values()]), timedOut]);
    clearTimeout(timer);
    // Whatever settles from here on (close() fails it) is not an outcome the application saw within the run.
    this.settledAll = true;
    for (const seq of [...this.outstanding.keys()].sort((a, b) => a - b)) {
      this.options.history.log({ type: 'unknown', producer: this.name, seq });
    }
    await this.client.close();
  }
}

/** A consumer over every partition that logs each record it reads; errors are logged and the partition resumed. */
class Reader {
  private readonly client: Rafter;
  private readonly consumer: Consumer;
  private stopped = false;

  constructor(readonly name: string, private readonly options: WorkloadOptions, private readonly counts: WorkloadCounts | undefined) {
    this.client = options.client(`faults-${name}`);
    this.consumer = this.client.consumer({ start: 'earliest', offsetReset: 'error', maxWaitMs: 500 });
  }

  position(partition: number): number {
    return this.consumer.position({ topic: this.options.topic, partition }) ?? 0;
  }

  /** Reads until stop() or until `done` says it has all it wants (checked after every batch). */
  async run(done: () => boolean = () => false): Promise<void> {
    const { topic, history } = this.options;
    await this.consumer.assign([{ topic }]);
    while (!this.stopped && !done()) {
      try {
        for await (const batch of this.consumer.batches()) {
          const records: ReadRecord[] = batch.records.map((r) => {
            const id = decodeValue(r.value);
            return id ? [r.offset, id.producer, id.seq] : [r.offset, null, Buffer.from(r.value ?? []).subarray(0, 32).toString('hex')];
          });
          history.log({ type: 'read', reader: this.name, partition: batch.partition, records });
          if (this.counts) this.counts.read += records.length;
          if (this.stopped || done()) break;
        }
      } catch (err) {
        if (this.stopped) break;
        const partition = err instanceof RafterProtocolError && err.partition !== undefined ? err.partition : -1;
        const { code, message } = errorFields(err);
        history.log({ type: 'read-error', reader: this.name, partition, offset: partition >= 0 ? this.position(partition) : -1, code, message });
        await sleep(500);
        // A failed partition stays stopped until it is moved: move it to where it was (all of them, if unnamed).
        const failed = partition >= 0 ? [partition] : Array.from({ length: this.options.partitions }, (_, p) => p);
        for (const p of failed) this.consumer.seek({ topic, partition: p, offset: this.position(p) });
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client.close();
  }
}

export class Workload {
  readonly counts: WorkloadCounts = { sent: 0, acked: 0, failed: 0, read: 0 };
  private readonly producers: ProducerWorker[];
  private readonly along: Reader;
  private alongDone: Promise<void> | undefined;
  /** A ring of the latest acknowledgements. */
  private readonly recent: AckedRecord[] = [];
  private recentNext = 0;

  constructor(private readonly options: WorkloadOptions) {
    const onAck = (record: AckedRecord) => {
      this.recent[this.recentNext] = record;
      this.recentNext = (this.recentNext + 1) % RECENT_ACKS;
    };
    this.producers = Array.from({ length: options.producers }, (_, i) => new ProducerWorker(`w${i + 1}`, options, this.counts, onAck));
    this.along = new Reader('along', options, this.counts);
  }

  /** One of the latest acknowledged records, chosen by `pick`; undefined before the first. */
  ackedRecord(pick: number): AckedRecord | undefined {
    return this.recent.length === 0 ? undefined : this.recent[pick % this.recent.length];
  }

  start(): void {
    for (const p of this.producers) p.start();
    this.alongDone = this.along.run();
  }

  /** Stops the producers (waiting up to drainMs for outcomes) and the reader along. */
  async stop(drainMs: number): Promise<void> {
    await Promise.all(this.producers.map((p) => p.stop(drainMs)));
    await this.along.stop();
    await this.alongDone?.catch(() => undefined);
    this.options.history.flush();
  }

  /** Reads every partition from offset 0 to its high watermark with a fresh consumer; false if it ran out of time. */
  async finalRead(timeoutMs: number): Promise<boolean> {
    const { topic, history } = this.options;
    const client = this.options.client('faults-final-admin');
    const deadline = Date.now() + timeoutMs;
    let highWatermarks: number[] | undefined;
    try {
      while (highWatermarks === undefined && Date.now() < deadline) {
        try {
          const offsets = await client.admin().listOffsets({ topic, at: 'latest' });
          highWatermarks = offsets.sort((a, b) => a.partition - b.partition).map((o) => o.offset);
        } catch (err) {
          history.log({ type: 'note', text: `final read: high watermarks not known yet: ${errorFields(err).message}` });
          await sleep(1000);
        }
      }
    } finally {
      await client.close();
    }
    if (highWatermarks === undefined) {
      history.log({ type: 'final-read', highWatermarks: [], complete: false });
      return false;
    }
    const hwms = highWatermarks;
    const reader = new Reader('final', this.options, undefined);
    const reached = () => hwms.every((hwm, p) => reader.position(p) >= hwm);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => { timer = setTimeout(resolve, Math.max(0, deadline - Date.now())); });
    await Promise.race([reader.run(reached), timedOut]);
    clearTimeout(timer);
    const complete = reached();
    await reader.stop();
    history.log({ type: 'final-read', highWatermarks: hwms, complete });
    history.flush();
    return complete;
  }
}
