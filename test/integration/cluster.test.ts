// Three real broker processes on loopback (all seeds: the controller's voters), RF=3 topics, failures by SIGKILL.
// Raft ticks are 50 ms (elections within ~0.5-1 s) and liveness 2 s, so every failover here settles in seconds.
//
// Delivery: producers are the default idempotent ones (acks=all, up to 5 batches in flight per partition), and the
// partition leader writes each (producer, sequence) once, answering a retry with the original offset. So the tests
// assert exactly-once: every acknowledged record is in the log once, no record (acknowledged or not) is there twice,
// each partition's offsets are contiguous and each key's records are in send order.
import { Rafter, RafterError } from '../../client';
import { ClusterProcesses, stopAllBrokerProcesses } from '../../tools/broker-process';
import {
  checkExactlyOnce, clusterSettled, fullyReplicated, health, KeyedStream, leaderOf, readAll, waitFor, type Acked,
  type ClusterView,
} from './helpers/cluster-checks';
import { RawClient } from './helpers/raw-client';

jest.setTimeout(90_000);

const BROKER_ARGS = ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '2000'];

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
    const stream = await KeyedStream.start(producer, topic, keys);

    const victims: number[] = [];
    try {
      // Two rounds: the second kills the leader that took over, so the broker restarted in the first round (which
      // rebuilt its producer state from its log) may be the one that takes over and meets the retries.
      for (let round = 0; round < 2; round++) {
        const victim = await leaderOf(cluster, [1, 2, 3], topic, 0);
        victims.push(victim);
        await stream.ackedMore(2_000);
        await cluster.kill(victim);
        // Writes continue once the survivors elect new leaders.
        await stream.ackedMore(2_000);
        await cluster.startBroker(victim);
        await clusterSettled(cluster, [1, 2, 3]);
        await stream.ackedMore(1_000);
      }
    } finally {
      await stream.stop();
    }

    expect(stream.failures).toEqual([]);
    await fullyReplicated(cluster, [1, 2, 3], topic, 3);
    const records = await readAll(client, topic);
    checkExactlyOnce(stream.acked, records);
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
