// Three real broker processes on loopback (all seeds: the controller's voters), RF=3 topics, failures by SIGKILL.
// Raft ticks are 50 ms (elections within ~0.5-1 s) and liveness 2 s, so every failover here settles in seconds.
//
// Delivery: the broker does not de-duplicate producer retries yet (the idempotent producer's broker half is not
// wired into the partition), so these tests use a non-idempotent producer (one batch in flight per partition, which
// keeps order across retries) and assert at-least-once with per-partition order; duplicates are counted and must
// come only from retries of writes whose answer was lost.
import { Rafter, RafterError, type ConsumerRecord, type Consumer } from '../../client';
import { ClusterProcesses, stopAllBrokerProcesses } from '../../tools/broker-process';

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

async function take(consumer: Consumer, count: number, timeoutMs = 30_000): Promise<ConsumerRecord[]> {
  const out: ConsumerRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${out.length} of ${count} records within ${timeoutMs} ms`)), timeoutMs);
  });
  const read = (async () => {
    for await (const record of consumer) {
      out.push(record);
      if (out.length >= count) break;
    }
    return out;
  })();
  try {
    return await Promise.race([read, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** All committed records of a topic, read from the start. */
async function readAll(client: Rafter, topic: string): Promise<ConsumerRecord[]> {
  const offsets = await client.admin().fetchTopicOffsets(topic);
  const total = offsets.reduce((n, o) => n + o.high - o.low, 0);
  const consumer = client.consumer({ start: 'earliest' });
  await consumer.assign([{ topic }]);
  try {
    return await take(consumer, total);
  } finally {
    await consumer.close();
  }
}

interface Acked {
  key: string;
  seq: number;
}

/**
 * Checks at-least-once and order: every acknowledged (key, seq) is in the log, and per key (one key, one partition)
 * the first occurrences of the sequence numbers appear in increasing order. Returns the number of duplicates.
 */
function checkDelivery(acked: Acked[], records: ConsumerRecord[]): number {
  const seen = new Map<string, number>();
  const lastSeqByKey = new Map<string, number>();
  let duplicates = 0;
  for (const r of records) {
    const key = r.keyString()!;
    if (key === 'warm-up') continue;
    const seq = Number(r.valueString());
    const id = `${key}#${seq}`;
    if (seen.has(id)) {
      duplicates++;
      continue;
    }
    seen.set(id, r.offset);
    const last = lastSeqByKey.get(key) ?? -1;
    expect({ key, seq, after: last, ordered: seq > last }).toEqual({ key, seq, after: last, ordered: true });
    lastSeqByKey.set(key, seq);
  }
  const missing = acked.filter((a) => !seen.has(`${a.key}#${a.seq}`));
  expect(missing.slice(0, 10)).toEqual([]);
  return duplicates;
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
      const info = await waitFor('metadata with every leader', async () => {
        await viaOther.admin().listTopics();
        const description = await viaOther.admin().describeTopic('placed');
        // Only a partition's leader knows its full in-sync set (fullyReplicated read it there); others name the leader.
        return description.partitions.every((p) => p.leaderId > 0 && p.inSyncReplicas.includes(p.leaderId)) ? description : undefined;
      });
      expect(info.replicationFactor).toBe(3);

      const producer = viaOther.producer({ acks: 'all', idempotent: false });
      const metas = await producer.send({ topic: 'placed', messages: Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: String(i) })) });
      expect(new Set(metas.map((m) => m.partition)).size).toBeGreaterThan(1);
      const records = await readAll(viaOther, 'placed');
      expect(records.map((r) => r.valueString()).sort()).toEqual(metas.map((_, i) => String(i)).sort());
    } finally {
      await viaOther.close();
    }
  });

  it('keeps every acknowledged keyed record, in order, across SIGKILL and restart of a partition leader', async () => {
    const topic = 'stream';
    await client.admin().createTopic({ topic, partitions: 3, replicationFactor: 3 });
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const producer = client.producer({ acks: 'all', idempotent: false, lingerMs: 2, deliveryTimeoutMs: 30_000 });
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
          () => { for (const m of messages) acked.push({ key: m.key, seq: Number(m.value) }); },
          (err: unknown) => { failures.push(err); },
        );
        const tracked = sent.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
        if (inFlight.size >= 16) await Promise.race(inFlight);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(inFlight);
    })();

    let survivors: number[] = [];
    try {
      const victim = await leaderOf(cluster, [1, 2, 3], topic, 0);
      await waitFor('records before the kill', async () => (acked.length >= 2_000 ? true : undefined));
      await cluster.kill(victim);
      const ackedAtKill = acked.length;
      survivors = cluster.brokerIds.filter((id) => id !== victim);
      // Writes continue once the survivors elect new leaders.
      await waitFor('writes after the kill', async () => (acked.length >= ackedAtKill + 2_000 ? true : undefined));
      await cluster.startBroker(victim);
      await clusterSettled(cluster, [1, 2, 3]);
      const ackedAtRestart = acked.length;
      await waitFor('writes after the restart', async () => (acked.length >= ackedAtRestart + 1_000 ? true : undefined));
    } finally {
      running = false;
      await stream;
      await producer.close();
    }

    expect(failures).toEqual([]);
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const records = await readAll(client, topic);
    const duplicates = checkDelivery(acked, records);
    // Only retries of writes whose answer was lost (by the kill) may duplicate.
    expect(duplicates).toBeLessThan(acked.length / 10);
    expect(survivors).toHaveLength(2);
  });

  it('accepts writes with one broker down; with two down fails within the deadline and acknowledges nothing', async () => {
    const topic = 'quorum';
    await client.admin().createTopic({ topic, partitions: 3, replicationFactor: 3 });
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const acked: Acked[] = [];
    let seq = 0;
    const sendRound = async (producer: ReturnType<Rafter['producer']>) => {
      const messages = Array.from({ length: 30 }, (_, i) => ({ key: `q${i % 6}`, value: String(seq++) }));
      await producer.send({ topic, messages });
      for (const m of messages) acked.push({ key: m.key, seq: Number(m.value) });
    };

    const [down1, down2, last] = [3, 2, 1];
    await cluster.kill(down1);
    const oneDown = client.producer({ acks: 'all', idempotent: false, deliveryTimeoutMs: 20_000 });
    for (let i = 0; i < 10; i++) await sendRound(oneDown);
    await oneDown.close();
    expect(acked).toHaveLength(300);

    await cluster.kill(down2);
    const deadlineMs = 3_000;
    const twoDown = client.producer({ acks: 'all', idempotent: false, deliveryTimeoutMs: deadlineMs });
    const startedAt = Date.now();
    const outcome = await sendRound(twoDown).then(() => 'acknowledged', (err: unknown) => err);
    const elapsedMs = Date.now() - startedAt;
    twoDown.abort();
    expect(outcome).toBeInstanceOf(RafterError);
    expect((outcome as RafterError).message).toMatch(/not delivered within deliveryTimeoutMs=3000/);
    expect(elapsedMs).toBeLessThan(deadlineMs + 2_000);
    expect(acked).toHaveLength(300);
    expect(last).toBe(1);

    // Both come back, catch up and rejoin: every partition fully in sync again, every acknowledged record there.
    await cluster.startBroker(down2);
    await cluster.startBroker(down1);
    await clusterSettled(cluster, [1, 2, 3]);
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const records = await readAll(client, topic);
    checkDelivery(acked, records);
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
    const metas = await client.producer({ acks: 'all', idempotent: false }).send({ topic: 'after-controller', messages: [{ key: 'a', value: 'x' }] });
    expect(metas[0].offset).toBe(0);
    await cluster.startBroker(controller);
    await clusterSettled(cluster, [1, 2, 3]);
  });
});
