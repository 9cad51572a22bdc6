// Issue 9, on three real broker processes (RF=3, idempotent acks=all producers, every acknowledgement checked
// exactly once at its offset, every replica's committed log compared byte for byte after the run):
// - a broker restarted with an empty data directory must not vote until it has caught up: with one follower paused
//   and the other wiped, the lagging follower and the empty one elected a leader without the latest entries;
// - one damaged entry stopped a broker's whole Raft host, silently; now it stops only its group, says so in one
//   line and in /health, and the replica rebuilds itself from the others;
// - a damaged leader stops leading with its damage: the others elect, and nothing is lost.
import { rmSync } from 'node:fs';
import { Rafter } from '../../client';
import { encodeRecordBatch, ErrorCode, rafter } from '../../client/protocol';
import { ClusterProcesses, stopAllBrokerProcesses } from '../../tools/broker-process';
import {
  checkExactlyOnce, clusterSettled, fullyReplicated, health, KeyedStream, leaderOf, readAll, waitFor, type ClusterView,
  type Health,
} from './helpers/cluster-checks';
import { RawClient } from './helpers/raw-client';
import { committedLogs, replicaDifferences } from './helpers/replica-logs';
import { findStoredEntry, flipBitInRecord, truncateStore } from './helpers/store-damage';

jest.setTimeout(240_000);

const BROKER_ARGS = ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '2000'];
const KEYS = Array.from({ length: 12 }, (_, i) => `key-${i}`);
const ALL = [1, 2, 3];

function pause(cluster: ClusterProcesses, id: number): void {
  process.kill(cluster.broker(id)!.pid, 'SIGSTOP');
}

function resume(cluster: ClusterProcesses, id: number): void {
  process.kill(cluster.broker(id)!.pid, 'SIGCONT');
}

/** A counter or gauge of broker `id`'s /metrics, summed over its series (matching `labels`, e.g. 'state="rebuilding"'). */
async function metric(cluster: ClusterProcesses, id: number, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${cluster.broker(id)!.httpUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels && !line.includes(labels)) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

function linesOf(cluster: ClusterProcesses, id: number, pattern: RegExp): string[] {
  return cluster.broker(id)!.stderr().split('\n').filter((line) => pattern.test(line));
}

/** /health of `id` once it says ok: nothing damaged or recovering there. */
function healthy(cluster: ClusterProcesses, id: number, timeoutMs = 60_000): Promise<Health> {
  return waitFor(`broker ${id} healthy`, async () => {
    const h = await health(cluster, id);
    return h.status === 'ok' ? h : undefined;
  }, timeoutMs);
}

async function groupIdsOf(cluster: ClusterProcesses, topic: string): Promise<number[]> {
  const ids = new Set<number>();
  for (const id of ALL) {
    for (const p of (await cluster.clusterView(id) as ClusterView).partitions) if (p.topic === topic) ids.add(p.groupId);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Stops every broker gracefully and compares every replica's committed log of the topic's groups. */
async function expectReplicasIdentical(cluster: ClusterProcesses, groupIds: readonly number[], ackedEnd: Map<number, number>): Promise<void> {
  await cluster.stopAll();
  const byBroker = new Map<number, Awaited<ReturnType<typeof committedLogs>>>();
  for (const id of ALL) byBroker.set(id, await committedLogs(cluster.dataDir(id), groupIds));
  groupIds.forEach((groupId, partition) => {
    const logs = new Map([...byBroker].map(([id, logs]) => [id, logs.get(groupId)!]));
    expect({ groupId, differences: replicaDifferences(logs) }).toEqual({ groupId, differences: [] });
    // Every replica holds every acknowledged offset of the partition (the groups are the partitions, in order).
    for (const [id, log] of logs) {
      expect({ broker: id, partition, holdsThrough: log.endOffset >= (ackedEnd.get(partition) ?? 0) }).toEqual({ broker: id, partition, holdsThrough: true });
    }
  });
}

/** The offset after the last acknowledged record, per partition. */
function ackedEnds(stream: KeyedStream): Map<number, number> {
  const ends = new Map<number, number>();
  for (const a of stream.acked) ends.set(a.partition, Math.max(ends.get(a.partition) ?? 0, a.offset + 1));
  return ends;
}

/**
 * A topic of `partitions` partitions, RF=3, fully replicated; a record whose value is `marker` first in partition 0
 * (to find in a store), then a keyed stream from an idempotent producer.
 */
async function streamOn(cluster: ClusterProcesses, client: Rafter, topic: string, partitions: number, marker: string) {
  await client.admin().createTopic({ topic, partitions, replicationFactor: 3 });
  await fullyReplicated(cluster, ALL, topic, partitions);
  const groupIds = await groupIdsOf(cluster, topic);
  const producer = client.producer({ lingerMs: 2, deliveryTimeoutMs: 180_000 });
  await producer.send({ topic, messages: [{ key: 'warm-up', value: marker, partition: 0 }] });
  return { groupIds, stream: await KeyedStream.start(producer, topic, KEYS) };
}

/** After the stream stopped: every acknowledged record read back once at its offset, and the marker once. */
async function expectAllRead(cluster: ClusterProcesses, client: Rafter, topic: string, stream: KeyedStream, partitions: number, marker: string) {
  await fullyReplicated(cluster, ALL, topic, partitions, 60_000);
  const records = await readAll(client, topic);
  checkExactlyOnce(stream.acked, records);
  expect(records.filter((r) => r.valueString() === marker)).toHaveLength(1);
  expect(stream.failures).toEqual([]);
}

describe('a replica that lost or damaged its data (real broker processes)', () => {
  let cluster: ClusterProcesses | undefined;
  let client: Rafter | undefined;

  const startCluster = async () => {
    cluster = await ClusterProcesses.start({ brokers: 3, args: BROKER_ARGS });
    await clusterSettled(cluster, ALL);
    client = new Rafter({ brokers: cluster.bootstrap, clientId: 'replica-repair-test', requestTimeoutMs: 5_000 });
    return { cluster, client };
  };

  afterEach(async () => {
    // A paused broker would sit out its SIGTERM.
    for (const id of ALL) {
      const pid = cluster?.broker(id)?.pid;
      if (pid !== undefined) try { process.kill(pid, 'SIGCONT'); } catch { /* gone */ }
    }
    await client?.close();
    await stopAllBrokerProcesses();
    cluster = undefined;
    client = undefined;
  });

  it('a wiped broker rejoins recovering: with the other follower paused it helps elect no leader, and nothing acknowledged is lost', async () => {
    const { cluster, client } = await startCluster();
    const topic = 'wiped';
    const marker = `wiped-marker-${process.pid}-${Date.now()}`;
    const { groupIds, stream } = await streamOn(cluster, client, topic, 1, marker);
    let wiped = 0;
    let ackedWhilePaused = 0;
    const whileLeaderDown = { electedBy: [] as number[], sawRecovering: false };
    try {
      await stream.ackedMore(1_000);
      const leader = await leaderOf(cluster, ALL, topic, 0);
      // The follower paused is not the controller's leader: resumed, it must win a new election with the wiped
      // broker's vote, as in the runs. (A paused controller leader resumes with its old view of the wiped
      // broker's progress and never catches it up: the other symptom.)
      const { controllerId } = await health(cluster, leader);
      const followers = ALL.filter((id) => id !== leader);
      const paused = followers.find((id) => id !== controllerId)!;
      wiped = followers.find((id) => id !== paused)!;
      // The paused follower falls behind. Once the leader has given up its link to it (no pong for two ping
      // intervals: what the kernel still buffered for it is gone), what is acknowledged is on the leader and the
      // other follower only.
      pause(cluster, paused);
      await waitFor(`broker ${leader}'s link to the paused broker ${paused} down`, async () => {
        return await metric(cluster, leader, 'rafter_peer_connected', `peer="${paused}"`) === 0 ? true : undefined;
      }, 60_000);
      await stream.ackedMore(2_000);
      ackedWhilePaused = stream.acked.length;
      await cluster.kill(wiped);
      rmSync(cluster.dataDir(wiped), { recursive: true, force: true });
      // The wiped broker comes back under its old id, and the leader dies before the wiped one could fetch a thing.
      const restarting = cluster.startBroker(wiped);
      await cluster.kill(leader);
      await restarting;
      resume(cluster, paused);
      // The lagging follower and the empty one, for 20 election timeouts: the empty one must neither vote nor count,
      // so nobody may lead (a leader here lacks what was acknowledged while the follower was paused).
      const until = Date.now() + 20 * 10 * 50;
      while (Date.now() < until) {
        for (const id of [paused, wiped]) {
          const view = await cluster.clusterView(id) as ClusterView;
          if (view.partitions.some((p) => p.role === 'leader') && !whileLeaderDown.electedBy.includes(id)) whileLeaderDown.electedBy.push(id);
        }
        const h = await health(cluster, wiped);
        if (h.status === 'degraded' && (h.recoveringReplicas ?? []).some((r) => r.replicaOf === 'controller')) whileLeaderDown.sawRecovering = true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cluster.startBroker(leader);
      await clusterSettled(cluster, ALL, 60_000);
      await fullyReplicated(cluster, ALL, topic, 1, 60_000);
    } finally {
      await stream.stop();
    }
    await expectAllRead(cluster, client, topic, stream, groupIds.length, marker);
    expect(whileLeaderDown).toEqual({ electedBy: [], sawRecovering: true });
    expect(linesOf(cluster, wiped, /joins the formed cluster recovering/)).toHaveLength(1);
    // Writes went on once the old leader was back (the producer retried what was in flight meanwhile).
    expect(stream.acked.length).toBeGreaterThan(ackedWhilePaused);
    // The wiped broker caught up: its controller and its partition left recovery, and it votes again.
    expect(await healthy(cluster, wiped)).toMatchObject({ recoveringReplicas: [], damagedReplicas: [] });
    await expectReplicasIdentical(cluster, groupIds, ackedEnds(stream));
  });

  it('a damaged entry on a restarted follower stops only its partition there, says so once, and is rebuilt from the others', async () => {
    const { cluster, client } = await startCluster();
    const topic = 'damaged';
    const marker = `damage-marker-${process.pid}-${Date.now()}`;
    const { groupIds, stream } = await streamOn(cluster, client, topic, 3, marker);
    let follower = 0;
    try {
      await stream.ackedMore(2_000);
      const leader = await leaderOf(cluster, ALL, topic, 0);
      follower = ALL.find((id) => id !== leader)!;
      await cluster.stop(follower);
      const damage = flipBitInRecord(cluster.dataDir(follower), marker);
      // The leader stays away while the follower restarts, so the rebuilt replica waits for it, recovering.
      pause(cluster, leader);
      await cluster.startBroker(follower);
      const degraded = await waitFor(`broker ${follower} rebuilding its damaged replica`, async () => {
        const h = await health(cluster, follower);
        if (h.status === 'degraded' && (h.recoveringReplicas ?? []).length > 0) return h;
        throw new Error(`last /health: ${JSON.stringify(h)}`);
      });
      expect(degraded.damagedReplicas).toEqual([{ groupId: damage.groupId, replicaOf: `${topic}/0`, state: 'rebuilding' }]);
      // Only that partition's group: the controller and the other partitions are not recovering.
      expect(degraded.recoveringReplicas).toEqual([{ groupId: damage.groupId, replicaOf: `${topic}/0` }]);
      const lines = linesOf(cluster, follower, /is damaged/);
      expect(lines).toEqual([expect.stringMatching(new RegExp(
        `replica of ${topic}/0 \\(group ${damage.groupId}\\) is damaged, stopped here alone: storage corruption in group ${damage.groupId} at index ${damage.index} \\(\\w+\\): .*; rebuilding from replicas \\d,\\d$`))]);
      // The follower's other partitions have leaders among the brokers that run (itself, or the third).
      const view = await cluster.clusterView(follower) as ClusterView;
      for (const partition of [1, 2]) {
        await leaderOf(cluster, ALL.filter((id) => id !== leader), topic, partition);
        expect(view.partitions.some((p) => p.topic === topic && p.partition === partition)).toBe(true);
      }

      resume(cluster, leader);
      await healthy(cluster, follower);
      expect(await metric(cluster, follower, 'rafter_replica_repairs_started_total')).toBe(1);
      expect(await metric(cluster, follower, 'rafter_replica_repairs_completed_total')).toBe(1);
      expect(await metric(cluster, follower, 'rafter_replicas_damaged', 'state="rebuilding"')).toBe(0);
      expect(linesOf(cluster, follower, /is damaged/)).toHaveLength(1);
      expect(linesOf(cluster, follower, new RegExp(`replica of ${topic}/0 .* rebuilt from the other replicas`))).toHaveLength(1);
      await stream.ackedMore(1_000, 60_000);
    } finally {
      await stream.stop();
    }
    await expectAllRead(cluster, client, topic, stream, groupIds.length, marker);
    await expectReplicasIdentical(cluster, groupIds, ackedEnds(stream));
  });

  it('a leader whose replica is damaged stops leading that partition; the others elect, and nothing is lost', async () => {
    const { cluster, client } = await startCluster();
    const topic = 'leader-damage';
    const marker = `leader-damage-marker-${process.pid}-${Date.now()}`;
    const { groupIds, stream } = await streamOn(cluster, client, topic, 3, marker);
    try {
      await stream.ackedMore(2_000);
      const leader = await leaderOf(cluster, ALL, topic, 0);
      // The disk under the running leader goes bad in an entry written long ago; the next read of it (a consumer
      // from the start, or the scrubber) meets the damage.
      const damage = flipBitInRecord(cluster.dataDir(leader), marker);
      const records = await readAll(client, topic, 60_000);
      expect(records.filter((r) => r.valueString() === marker)).toHaveLength(1);
      expect(linesOf(cluster, leader, new RegExp(`replica of ${topic}/0 \\(group ${damage.groupId}\\) is damaged.*rebuilding from replicas`))).toHaveLength(1);
      const others = ALL.filter((id) => id !== leader);
      expect(others).toContain(await leaderOf(cluster, others, topic, 0));
      await healthy(cluster, leader);
      expect(await metric(cluster, leader, 'rafter_replica_repairs_completed_total')).toBe(1);
      await stream.ackedMore(1_000, 60_000);
    } finally {
      await stream.stop();
    }
    await expectAllRead(cluster, client, topic, stream, groupIds.length, marker);
    await expectReplicasIdentical(cluster, groupIds, ackedEnds(stream));
  });

  it('a broker whose store cannot be opened, restarted with --rebuild-from-peers, rejoins recovering and catches up', async () => {
    const { cluster, client } = await startCluster();
    const topic = 'rebuilt';
    const marker = `rebuilt-marker-${process.pid}-${Date.now()}`;
    const { groupIds, stream } = await streamOn(cluster, client, topic, 3, marker);
    let rebuilt = 0;
    try {
      await stream.ackedMore(2_000);
      rebuilt = await leaderOf(cluster, ALL, topic, 0).then((leader) => ALL.find((id) => id !== leader)!);
      await cluster.stop(rebuilt);
      truncateStore(cluster.dataDir(rebuilt), 64 * 1024);
      await cluster.startBroker(rebuilt, ['--rebuild-from-peers']);
      await stream.ackedMore(2_000, 60_000);
      expect(await healthy(cluster, rebuilt)).toMatchObject({ recoveringReplicas: [], damagedReplicas: [] });
    } finally {
      await stream.stop();
    }
    expect(linesOf(cluster, rebuilt, /--rebuild-from-peers: moved it aside/)).toHaveLength(1);
    expect(linesOf(cluster, rebuilt, /joins the formed cluster recovering/)).toHaveLength(1);
    await expectAllRead(cluster, client, topic, stream, groupIds.length, marker);
    await expectReplicasIdentical(cluster, groupIds, ackedEnds(stream));
  });

  it('with no other replica (RF=1 on a one-broker cluster) a damaged partition answers STORAGE_ERROR and the others serve', async () => {
    cluster = await ClusterProcesses.start({ brokers: 1, args: BROKER_ARGS });
    await clusterSettled(cluster, [1]);
    client = new Rafter({ brokers: cluster.bootstrap, clientId: 'replica-repair-test', requestTimeoutMs: 5_000 });
    const topic = 'alone';
    await client.admin().createTopic({ topic, partitions: 2, replicationFactor: 1 });
    const marker = `alone-marker-${process.pid}-${Date.now()}`;
    const producer = client.producer();
    await producer.send({ topic, messages: [{ key: 'k', value: marker, partition: 0 }, { key: 'k', value: 'intact', partition: 1 }] });
    await producer.close();
    await cluster.stop(1);
    const damage = flipBitInRecord(cluster.dataDir(1), marker);
    await cluster.startBroker(1);
    const h = await waitFor('the damage reported', async () => {
      const seen = await health(cluster!, 1);
      return (seen.damagedReplicas ?? []).length > 0 ? seen : undefined;
    });
    expect(h).toMatchObject({ status: 'degraded', damagedReplicas: [{ groupId: damage.groupId, replicaOf: `${topic}/0`, state: 'unrepairable' }] });
    expect(linesOf(cluster, 1, /is damaged/)).toEqual([expect.stringMatching(/replica of alone\/0 .*; no other replica to rebuild from: it answers STORAGE_ERROR/)]);
    expect(await metric(cluster, 1, 'rafter_replicas_damaged', 'state="unrepairable"')).toBe(1);

    const raw = await RawClient.connect(cluster.broker(1)!.url);
    try {
      // The restarted broker reports the damage before its intact partition has elected itself.
      await waitFor('alone/1 led again', async () => {
        const probe = await raw.request({ fetchRequest: { maxWaitMs: 0, partitions: [{ topic, partition: 1, offset: 0 }] } });
        return probe.fetchResponse!.partitions![0].error ? undefined : true;
      });
      const produced = await raw.request({ produceRequest: { acks: rafter.Acks.ACKS_ALL, partitions: [0, 1].map((partition) => ({
        topic, partition, batch: encodeRecordBatch([{ value: Buffer.from('after') }]),
      })) } });
      const [damaged, intact] = produced.produceResponse!.partitions!;
      expect(damaged).toMatchObject({ error: ErrorCode.STORAGE_ERROR, errorMessage: expect.stringMatching(/replica of alone\/0 is damaged and no other replica holds it/), leaderId: -1 });
      expect(intact).toMatchObject({ baseOffset: 1 });
      const fetched = await raw.request({ fetchRequest: { maxWaitMs: 0, partitions: [0, 1].map((partition) => ({ topic, partition, offset: 0 })) } });
      const [fromDamaged, fromIntact] = fetched.fetchResponse!.partitions!;
      expect(fromDamaged.error).toBe(ErrorCode.STORAGE_ERROR);
      expect(fromIntact.batches).toHaveLength(2);
    } finally {
      raw.close();
    }
    // The data stays as it was, for an operator to restore or salvage: nothing was dropped.
    await cluster.stop(1);
    expect(findStoredEntry(cluster.dataDir(1), { groupId: damage.groupId!, index: damage.index! })).toMatchObject({ groupId: damage.groupId });
  });
});
