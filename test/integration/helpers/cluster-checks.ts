// What the cluster tests on real broker processes wait for and check: a settled cluster, partition leaders, full
// replication; an idempotent acks=all keyed workload that logs every acknowledgement; and the exactly-once check
// over everything read back (every acknowledged record once, at its acknowledged partition and offset, in order).
import type { ConsumerRecord, Producer, Rafter } from '../../../client';
import type { ClusterProcesses } from '../../../tools/broker-process';

/** A KeyedStream stopped on a failed send: waiting for more acknowledgements is pointless. */
export class StreamFailedError extends Error {
  constructor(readonly failure: unknown) {
    super(`the stream stopped on a failed send: ${String(failure)}`);
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      if (err instanceof StreamFailedError) throw err;
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** The parts of GET /health the tests read. */
export interface Health {
  status: string;
  controllerId: number;
  brokersAlive: number[];
  damagedReplicas?: Array<{ groupId: number; replicaOf: string; state: string }>;
  recoveringReplicas?: Array<{ groupId: number; replicaOf: string }>;
  damagedGroups?: Array<{ groupId: number; index: number; check: string }>;
}

export interface ClusterView {
  controller: { leaderId: number };
  partitions: Array<{
    topic: string; partition: number; groupId: number; leaderId: number; role: string;
    inSyncReplicas?: number[]; lagEntries?: Record<string, number>;
  }>;
}

export async function health(cluster: ClusterProcesses, id: number): Promise<Health> {
  return (await fetch(`${cluster.broker(id)!.httpUrl}/health`)).json() as Promise<Health>;
}

/** Every broker in `up` sees a controller among them and all of `up` alive. */
export function clusterSettled(cluster: ClusterProcesses, up: number[], timeoutMs?: number): Promise<number> {
  return waitFor(`brokers ${up.join(',')} alive with a controller`, async () => {
    let controller = -1;
    for (const id of up) {
      const h = await health(cluster, id);
      if (!up.includes(h.controllerId) || !up.every((b) => h.brokersAlive.includes(b))) return undefined;
      controller = h.controllerId;
    }
    return controller;
  }, timeoutMs);
}

/** The leader of topic/partition as its replicas report it, once one leads. */
export function leaderOf(cluster: ClusterProcesses, up: number[], topic: string, partition: number, timeoutMs?: number): Promise<number> {
  return waitFor(`a leader of ${topic}/${partition}`, async () => {
    for (const id of up) {
      const view = await cluster.clusterView(id) as ClusterView;
      const p = view.partitions.find((x) => x.topic === topic && x.partition === partition && x.role === 'leader');
      if (p) return id;
    }
    return undefined;
  }, timeoutMs);
}

/** Every partition of `topic` led, with all `replicas` in sync and no lag. */
export function fullyReplicated(cluster: ClusterProcesses, up: number[], topic: string, partitions: number, timeoutMs = 30_000): Promise<true> {
  return waitFor(`${topic} fully in sync on ${up.join(',')}`, async () => {
    let led = 0;
    for (const id of up) {
      const view = await cluster.clusterView(id) as ClusterView;
      for (const p of view.partitions) {
        if (p.topic !== topic || p.role !== 'leader') continue;
        if (!up.every((b) => p.inSyncReplicas?.includes(b))) return undefined;
        if (Object.values(p.lagEntries ?? {}).some((lag) => lag > 0)) return undefined;
        led++;
      }
    }
    return led === partitions ? true : undefined;
  }, timeoutMs);
}

/**
 * All committed records of a topic, read from the start: every partition up to the high watermark it had when the
 * read began (records written since may come along too).
 */
export async function readAll(client: Rafter, topic: string, timeoutMs = 30_000): Promise<ConsumerRecord[]> {
  const offsets = await client.admin().fetchTopicOffsets(topic);
  const unread = new Map(offsets.filter((o) => o.high > o.low).map((o) => [o.partition, o.high]));
  const consumer = client.consumer({ start: 'earliest' });
  await consumer.assign([{ topic }]);
  const out: ConsumerRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const left = [...unread].map(([partition, high]) => `${partition} (to ${high})`).join(', ');
      reject(new Error(`${out.length} records of ${topic} read within ${timeoutMs} ms; partitions not read through: ${left}`));
    }, timeoutMs);
  });
  const read = (async () => {
    if (unread.size === 0) return out;
    for await (const record of consumer) {
      out.push(record);
      const high = unread.get(record.partition);
      if (high !== undefined && record.offset >= high - 1) unread.delete(record.partition);
      if (unread.size === 0) break;
    }
    return out;
  })();
  try {
    return await Promise.race([read, timedOut]);
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
}

export interface Acked {
  key: string;
  seq: number;
  /** Where the producer was told it was written. */
  partition: number;
  offset: number;
}

/**
 * Exactly-once with order: each partition's records come at contiguous offsets from its log start; no (key, seq)
 * appears twice, whether acknowledged or not; per key the sequence numbers increase; every acknowledged one is there,
 * at the partition and offset its acknowledgement named.
 * Records keyed `skip` (warm-up writes) count for the offsets only.
 */
export function checkExactlyOnce(acked: Acked[], records: ConsumerRecord[], skip = 'warm-up'): void {
  const byPartition = new Map<number, number[]>();
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  const disorder: string[] = [];
  const lastSeqByKey = new Map<string, number>();
  for (const r of records) {
    const offsets = byPartition.get(r.partition) ?? [];
    offsets.push(r.offset);
    byPartition.set(r.partition, offsets);
    const key = r.keyString()!;
    if (key === skip) continue;
    const seq = Number(r.valueString());
    const id = `${key}#${seq}`;
    if (seen.has(id)) {
      duplicates.push(`${id}@${r.partition}:${r.offset}`);
      continue;
    }
    seen.set(id, `${r.partition}:${r.offset}`);
    const last = lastSeqByKey.get(key) ?? -1;
    if (seq <= last) disorder.push(`${id} after #${last} at ${r.partition}:${r.offset}`);
    lastSeqByKey.set(key, Math.max(seq, last));
  }
  const gaps: string[] = [];
  for (const [partition, offsets] of byPartition) {
    offsets.forEach((offset, i) => {
      if (offset !== offsets[0] + i) gaps.push(`${partition}: offset ${offset} at position ${i} (from ${offsets[0]})`);
    });
  }
  const missing: string[] = [];
  const misplaced: string[] = [];
  for (const a of acked) {
    const at = seen.get(`${a.key}#${a.seq}`);
    if (at === undefined) missing.push(`${a.key}#${a.seq}`);
    else if (at !== `${a.partition}:${a.offset}`) misplaced.push(`${a.key}#${a.seq} acknowledged at ${a.partition}:${a.offset}, stored at ${at}`);
  }
  const first = (list: string[]) => list.slice(0, 10);
  expect({
    duplicates: first(duplicates), disorder: first(disorder), gaps: first(gaps), missing: first(missing), misplaced: first(misplaced),
    missingCount: missing.length,
  }).toEqual({ duplicates: [], disorder: [], gaps: [], missing: [], misplaced: [], missingCount: 0 });
}

/**
 * A stream of keyed records from one idempotent producer: each round sends the next sequence number of every key,
 * with up to `maxInFlight` sends outstanding. Every acknowledgement is logged with where it was written. The first
 * failed send stops the stream: a later one could not be in order after it.
 */
export class KeyedStream {
  readonly acked: Acked[] = [];
  readonly failures: unknown[] = [];
  private running = true;
  private readonly done: Promise<void>;

  private constructor(private readonly producer: Producer, topic: string, keys: readonly string[], maxInFlight: number) {
    const nextSeq = new Map(keys.map((k) => [k, 0]));
    const inFlight = new Set<Promise<void>>();
    this.done = (async () => {
      while (this.running) {
        const messages = keys.map((key) => {
          const seq = nextSeq.get(key)!;
          nextSeq.set(key, seq + 1);
          return { key, value: String(seq) };
        });
        const sent = producer.send({ topic, messages }).then(
          (metas) => { metas.forEach((meta, i) => this.acked.push({ key: messages[i].key, seq: Number(messages[i].value), partition: meta.partition, offset: meta.offset })); },
          (err: unknown) => {
            this.failures.push(err);
            this.running = false;
          },
        );
        const tracked = sent.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
        if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(inFlight);
    })();
  }

  /**
   * Starts streaming after one warm-up send: sends are ordered from the moment the producer has the topic's
   * metadata; concurrent first sends all wait for it and may resume in any order.
   */
  static async start(producer: Producer, topic: string, keys: readonly string[], maxInFlight = 16): Promise<KeyedStream> {
    await producer.send({ topic, messages: [{ key: 'warm-up', value: '0' }] });
    return new KeyedStream(producer, topic, keys, maxInFlight);
  }

  /** Resolves once at least `count` more records are acknowledged; throws at once if the stream stopped on a failure. */
  ackedMore(count: number, timeoutMs?: number): Promise<true> {
    const target = this.acked.length + count;
    return waitFor(`${count} more acknowledged records`, async () => {
      if (this.failures.length > 0) throw new StreamFailedError(this.failures[0]);
      return this.acked.length >= target ? true : undefined;
    }, timeoutMs);
  }

  /** Stops sending, waits for what is in flight, and closes the producer. */
  async stop(): Promise<void> {
    this.running = false;
    await this.done;
    await this.producer.close();
  }
}
