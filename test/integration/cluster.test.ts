// Three real broker processes on loopback (all seeds: the controller's voters), RF=3 topics, failures by SIGKILL.
// Raft ticks are 50 ms (elections within ~0.5-1 s) and liveness 2 s, so every failover here settles in seconds.
//
// Delivery: producers are the default idempotent ones (acks=all, up to 5 batches in flight per partition), and the
// partition leader writes each (producer, sequence) once, answering a retry with the original offset. So the tests
// assert exactly-once: every acknowledged record is in the log once, no record (acknowledged or not) is there twice,
// each partition's offsets are contiguous and each key's records are in send order.
import { Rafter, RafterError, type ConsumerRecord } from '../../client';
import { ClusterProcesses, stopAllBrokerProcesses } from '../../tools/broker-process';
import { RawClient } from './helpers/raw-client';
import { take } from './helpers/take';

jest.setTimeout(90_000);

const BROKER_ARGS = ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '2000'];

interface Health {
  controllerId: number;
  brokersAlive: number[];
}

interface ClusterView {
  controller: { leaderId: number };
  partitions: Array<{ topic: string; partition: number; leaderId: number; role: string; inSyncReplicas?: number[]; lagEntries?: Record<string, number> }>;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

async function health(cluster: ClusterProcesses, id: number): Promise<Health> {
  return (await fetch(`${cluster.broker(id)!.httpUrl}/health`)).json() as Promise<Health>;
}

/** Every broker in `up` sees a controller among them and all of `up` alive. */
function clusterSettled(cluster: ClusterProcesses, up: number[]): Promise<number> {
  return waitFor(`brokers ${up.join(',')} alive with a controller`, async () => {
    let controller = -1;
    for (const id of up) {
      const h = await health(cluster, id);
      if (!up.includes(h.controllerId) || !up.every((b) => h.brokersAlive.includes(b))) return undefined;
      controller = h.controllerId;
    }
    return controller;
  });
}

/** The leader of topic/partition as its replicas report it, once one leads. */
function leaderOf(cluster: ClusterProcesses, up: number[], topic: string, partition: number): Promise<number> {
  return waitFor(`a leader of ${topic}/${partition}`, async () => {
    for (const id of up) {
      const view = await cluster.clusterView(id) as ClusterView;
      const p = view.partitions.find((x) => x.topic === topic && x.partition === partition && x.role === 'leader');
      if (p) return id;
    }
    return undefined;
  });
}

/** Every partition of `topic` led, with all `replicas` in sync and no lag. */
function fullyReplicated(cluster: ClusterProcesses, up: number[], topic: string, partitions: number): Promise<true> {
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
  }, 30_000);
}

/** A topic's partitions as one broker's Metadata answer reports them. */
async function metadataFrom(cluster: ClusterProcesses, id: number, topic: string) {
  const raw = await RawClient.connect(cluster.broker(id)!.url);
  try {
    const frame = await raw.request({ metadataRequest: { topics: [topic] } });
    return frame.metadataResponse!.topics![0].partitions ?? [];
  } finally {
    raw.close();
  }
}


/** All committed records of a topic, read from the start. */
async function readAll(client: Rafter, topic: string): Promise<ConsumerRecord[]> {
  const offsets = await client.admin().fetchTopicOffsets(topic);
  const total = offsets.reduce((n, o) => n + o.high - o.low, 0);
  const consumer = client.consumer({ start: 'earliest' });
  await consumer.assign([{ topic }]);
  try {
    return await take(consumer, total, 30_000);
  } finally {
    await consumer.close();
  }
}

interface Acked {
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
function checkExactlyOnce(acked: Acked[], records: ConsumerRecord[], skip = 'warm-up'): void {
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
  expect({ duplicates: first(duplicates), disorder: first(disorder), gaps: first(gaps), missing: first(missing), misplaced: first(misplaced) })
    .toEqual({ duplicates: [], disorder: [], gaps: [], missing: [], misplaced: [] });
}

describe('a three-broker cluster (real processes, RF=3)', () => {
  let cluster: ClusterProcesses;
  let client: Rafter;

  beforeAll(async () => {
    cluster = await ClusterProcesses.start({ brokers: 3, args: BROKER_ARGS });
    await clusterSettled(cluster, [1, 2, 3]);
    client = new Rafter({ brokers: cluster.bootstrap, clientId: 'cluster-test', requestTimeoutMs: 5_000 });
  });

  afterAll(async () => {
    await client?.close();
    await stopAllBrokerProcesses();
  });

  it('places RF=3 replicas, reports leaders and in-sync replicas, and serves admin from any broker', async () => {
    // Bootstrapping from one non-controller broker only: the SDK learns the controller and sends CreateTopic there.
    const controller = await clusterSettled(cluster, [1, 2, 3]);
    const other = cluster.brokerIds.find((id) => id !== controller)!;
    const viaOther = new Rafter({ brokers: [cluster.bootstrap[other - 1]] });
    try {
      const created = await viaOther.admin().createTopic({ topic: 'placed', partitions: 6, replicationFactor: 3 });
      expect(created.partitions).toHaveLength(6);
      for (const p of created.partitions) expect([...p.replicas].sort()).toEqual([1, 2, 3]);
      // Placement balances preferred leaders: each broker is first replica of two partitions.
      const firsts = created.partitions.map((p) => p.replicas[0]).sort();
      expect(firsts).toEqual([1, 1, 2, 2, 3, 3]);

      await fullyReplicated(cluster, [1, 2, 3], 'placed', 6);
      // Every broker's Metadata names the same leaders (those fullyReplicated found leading) and all three replicas
      // in sync, not only for the partitions it leads itself.
      const leaders = new Map<number, number>();
      for (const id of cluster.brokerIds) {
        for (const p of (await cluster.clusterView(id) as ClusterView).partitions) {
          if (p.topic === 'placed' && p.role === 'leader') leaders.set(p.partition, id);
        }
      }
      const expected = [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, leaderId: leaders.get(partition), inSyncReplicas: [1, 2, 3] }));
      for (const id of cluster.brokerIds) {
        const reported = await waitFor(`broker ${id}'s metadata with every leader and in-sync set`, async () => {
          const partitions = (await metadataFrom(cluster, id, 'placed'))
            .map((p) => ({ partition: p.partition, leaderId: p.leaderId, inSyncReplicas: [...(p.inSyncReplicas ?? [])].sort() }))
            .sort((a, b) => a.partition! - b.partition!);
          return partitions.every((p, i) => p.leaderId === expected[i].leaderId && p.inSyncReplicas.length === 3) ? partitions : undefined;
        }, 5_000);
        expect(reported).toEqual(expected);
      }
      const info = await viaOther.admin().describeTopic('placed');
      expect(info.replicationFactor).toBe(3);
      expect(info.partitions.map((p) => [...p.inSyncReplicas].sort())).toEqual(expected.map((p) => p.inSyncReplicas));

      const producer = viaOther.producer();
      expect(producer.idempotent).toBe(true);
      const messages = Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: String(i) }));
      const metas = await producer.send({ topic: 'placed', messages });
      expect(new Set(metas.map((m) => m.partition)).size).toBeGreaterThan(1);
      const records = await readAll(viaOther, 'placed');
      expect(records).toHaveLength(60);
      checkExactlyOnce(metas.map((m, i) => ({ key: messages[i].key, seq: i, partition: m.partition, offset: m.offset })), records);
    } finally {
      await viaOther.close();
    }
  });

  it('writes every acknowledged keyed record exactly once, in order, across SIGKILL and restart of partition leaders', async () => {
    const topic = 'stream';
    await client.admin().createTopic({ topic, partitions: 3, replicationFactor: 3 });
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const producer = client.producer({ lingerMs: 2, deliveryTimeoutMs: 30_000 });
    expect(producer.idempotent).toBe(true);
    let retries = 0;
    producer.events.on('retry', () => { retries++; });
    const keys = Array.from({ length: 12 }, (_, i) => `key-${i}`);
    const nextSeq = new Map(keys.map((k) => [k, 0]));
    const acked: Acked[] = [];
    const failures: unknown[] = [];
    let running = true;
    const inFlight = new Set<Promise<void>>();
    // Sends are ordered from the moment the producer has the topic's metadata; concurrent first sends all wait for
    // it and may resume in any order. So the first send goes alone.
    await producer.send({ topic, messages: [{ key: 'warm-up', value: '0' }] });
    const stream = (async () => {
      while (running) {
        const messages = keys.map((key) => ({ key, value: String(nextSeq.set(key, nextSeq.get(key)! + 1).get(key)! - 1) }));
        const sent = producer.send({ topic, messages }).then(
          (metas) => { metas.forEach((meta, i) => acked.push({ key: messages[i].key, seq: Number(messages[i].value), partition: meta.partition, offset: meta.offset })); },
          (err: unknown) => { failures.push(err); },
        );
        const tracked = sent.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
        if (inFlight.size >= 16) await Promise.race(inFlight);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(inFlight);
    })();

    const victims: number[] = [];
    try {
      // Two rounds: the second kills the leader that took over, so the broker restarted in the first round (which
      // rebuilt its producer state from its log) may be the one that takes over and meets the retries.
      for (let round = 0; round < 2; round++) {
        const victim = await leaderOf(cluster, [1, 2, 3], topic, 0);
        victims.push(victim);
        const ackedBefore = acked.length;
        await waitFor('records before the kill', async () => (acked.length >= ackedBefore + 2_000 ? true : undefined));
        await cluster.kill(victim);
        const ackedAtKill = acked.length;
        // Writes continue once the survivors elect new leaders.
        await waitFor('writes after the kill', async () => (acked.length >= ackedAtKill + 2_000 ? true : undefined));
        await cluster.startBroker(victim);
        await clusterSettled(cluster, [1, 2, 3]);
        const ackedAtRestart = acked.length;
        await waitFor('writes after the restart', async () => (acked.length >= ackedAtRestart + 1_000 ? true : undefined));
      }
    } finally {
      running = false;
      await stream;
      await producer.close();
    }

    expect(failures).toEqual([]);
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const records = await readAll(client, topic);
    checkExactlyOnce(acked, records);
    expect(producer.fatalError).toBeUndefined();
    // Each kill cut off requests in flight to the leader: their batches went again (and were not written twice).
    expect(retries).toBeGreaterThanOrEqual(2);
    expect(victims[1]).not.toBe(victims[0]);
  });

  it('accepts writes with one broker down; with two down fails within the deadline and acknowledges nothing', async () => {
    const topic = 'quorum';
    await client.admin().createTopic({ topic, partitions: 3, replicationFactor: 3 });
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const acked: Acked[] = [];
    let seq = 0;
    const sendRound = async (producer: ReturnType<Rafter['producer']>) => {
      const messages = Array.from({ length: 30 }, (_, i) => ({ key: `q${i % 6}`, value: String(seq++) }));
      const metas = await producer.send({ topic, messages });
      metas.forEach((meta, i) => acked.push({ key: messages[i].key, seq: Number(messages[i].value), partition: meta.partition, offset: meta.offset }));
    };

    // The controller goes down first. The client knows it (CreateTopic went there), so the new producer's first
    // request, InitProducerId, meets a dead controller: it must find the next one rather than ask the dead one again.
    const down1 = await clusterSettled(cluster, [1, 2, 3]);
    const down2 = cluster.brokerIds.find((id) => id !== down1)!;
    await cluster.kill(down1);
    const oneDown = client.producer({ deliveryTimeoutMs: 20_000 });
    for (let i = 0; i < 10; i++) await sendRound(oneDown);
    await oneDown.close();
    expect(acked).toHaveLength(300);

    await cluster.kill(down2);
    const deadlineMs = 3_000;
    const twoDown = client.producer({ deliveryTimeoutMs: deadlineMs });
    const startedAt = Date.now();
    const outcome = await sendRound(twoDown).then(() => 'acknowledged', (err: unknown) => err);
    const elapsedMs = Date.now() - startedAt;
    twoDown.abort();
    expect(outcome).toBeInstanceOf(RafterError);
    expect((outcome as RafterError).message).toMatch(/not delivered within deliveryTimeoutMs=3000/);
    expect(elapsedMs).toBeLessThan(deadlineMs + 2_000);
    expect(acked).toHaveLength(300);

    // Both come back, catch up and rejoin: every partition fully in sync again, every acknowledged record there.
    await cluster.startBroker(down2);
    await cluster.startBroker(down1);
    await clusterSettled(cluster, [1, 2, 3]);
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const records = await readAll(client, topic);
    checkExactlyOnce(acked, records);
  });

  it('survives the death of the controller leader', async () => {
    const controller = await clusterSettled(cluster, [1, 2, 3]);
    await cluster.kill(controller);
    const survivors = cluster.brokerIds.filter((id) => id !== controller);
    const next = await clusterSettled(cluster, survivors);
    expect(survivors).toContain(next);
    // Placement takes live brokers only: once the old leader's heartbeats are stale, it gets no replicas.
    await waitFor('the old controller counted dead', async () => ((await health(cluster, next)).brokersAlive.includes(controller) ? undefined : true));
    const created = await client.admin().createTopic({ topic: 'after-controller', partitions: 2, replicationFactor: 2 });
    for (const p of created.partitions) expect(p.replicas).not.toContain(controller);
    const metas = await client.producer().send({ topic: 'after-controller', messages: [{ key: 'a', value: 'x' }] });
    expect(metas[0].offset).toBe(0);
    await cluster.startBroker(controller);
    await clusterSettled(cluster, [1, 2, 3]);
  });
});
