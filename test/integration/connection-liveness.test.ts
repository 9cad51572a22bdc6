// Connection liveness on real broker processes. A partition leader paused (SIGSTOP) under produce keeps its TCP
// connections open (the kernel still acknowledges bytes), so nothing failed by itself: the producer's request waited
// out requestTimeoutMs (30 s by default), and its retry went to the same paused broker again, for as long as the
// pause lasted. Now a connection that hears nothing from its broker, pings included, for livenessTimeoutMs while
// requests are outstanding is dropped, its requests fail as retriable (persisted 'maybe'), metadata is refreshed
// from another broker, and the idempotent retries go to the new leader. Every acknowledged record is still stored
// once, at its acknowledged offset. A long-poll fetch waiting longer than livenessTimeoutMs is not cut: the broker
// answers pings while it waits.
import { Rafter } from '../../client';
import { ClusterProcesses, startBrokerProcess, stopAllBrokerProcesses } from '../../tools/broker-process';
import { take } from './helpers/take';

jest.setTimeout(180_000);

const TICK_MS = 50;
const ELECTION_TICKS = 10;
/** Raft randomizes the election timeout in [electionTicks, 2 × electionTicks) ticks. */
const ELECTION_TIMEOUT_MAX_MS = 2 * ELECTION_TICKS * TICK_MS;
const BROKER_ARGS = ['--raft-tick-ms', String(TICK_MS), '--raft-election-ticks', String(ELECTION_TICKS), '--liveness-timeout-ms', '2000'];
const LIVENESS_TIMEOUT_MS = 2_000;
/** Metadata refresh, retry backoff and a loaded machine. */
const SLACK_MS = 4_000;

async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Ack {
  value: string;
  offset: number;
  sentAtMs: number;
  ackedAtMs: number;
}

describe('connection liveness', () => {
  afterAll(() => stopAllBrokerProcesses());

  it('a producer fails over from a paused leader within the election timeout and livenessTimeoutMs, not requestTimeoutMs', async () => {
    const cluster = await ClusterProcesses.start({ brokers: 3, args: BROKER_ARGS });
    const topic = 'paused-leader';
    const admin = new Rafter({ brokers: cluster.bootstrap });
    let paused: number | undefined;
    let client: Rafter | undefined;
    try {
      await poll('topic', () => admin.admin().createTopic({ topic, partitions: 1, replicationFactor: 3 }), 30_000);
      const leader = await poll('leader', async () => {
        const id = (await admin.admin().describeTopic(topic)).partitions[0].leaderId;
        return id > 0 ? id : undefined;
      }, 30_000);
      // The leader first in the bootstrap list: the refresh after its loss must not wait on it first.
      const bootstrap = [cluster.bootstrap[leader - 1], ...cluster.bootstrap.filter((_, i) => i !== leader - 1)];
      // The default requestTimeoutMs (30 s): what a paused leader cost before.
      client = new Rafter({ brokers: bootstrap, livenessTimeoutMs: LIVENESS_TIMEOUT_MS });
      const producer = client.producer({ lingerMs: 2 });
      const acks: Ack[] = [];
      let next = 0;
      let stop = false;
      const loops = Array.from({ length: 3 }, async () => {
        while (!stop) {
          const values = Array.from({ length: 20 }, () => `v-${next++}`);
          const sentAtMs = Date.now();
          const metas = await producer.send({ topic, messages: values.map((value) => ({ value })) });
          const ackedAtMs = Date.now();
          metas.forEach((m, i) => acks.push({ value: values[i], offset: m.offset, sentAtMs, ackedAtMs }));
        }
      });
      const ended = Promise.allSettled(loops);
      await poll('1000 acknowledged records', async () => (acks.length >= 1_000 ? true : undefined), 60_000);

      process.kill(cluster.broker(leader)!.pid, 'SIGSTOP');
      paused = leader;
      const pausedAtMs = Date.now();
      // A send begun after the pause cannot have been written by the paused leader: its acknowledgement is the new one's.
      const resumedAtMs = await poll('acknowledgement from a new leader', async () => acks.find((a) => a.sentAtMs > pausedAtMs)?.ackedAtMs, 90_000);
      const gapMs = resumedAtMs - pausedAtMs;
      const ackedBefore = acks.length;
      await poll('1000 more acknowledged records', async () => (acks.length >= ackedBefore + 1_000 ? true : undefined), 60_000);
      process.kill(cluster.broker(leader)!.pid, 'SIGCONT');
      paused = undefined;
      stop = true;
      await ended;
      const newLeader = (await admin.admin().describeTopic(topic)).partitions[0].leaderId;
      console.log(`paused leader ${leader}: acknowledged writes resumed on broker ${newLeader} after ${gapMs} ms ` +
        `(livenessTimeoutMs ${LIVENESS_TIMEOUT_MS}, election timeout at most ${ELECTION_TIMEOUT_MAX_MS} ms)`);
      expect(newLeader).not.toBe(leader);
      expect(gapMs).toBeLessThan(ELECTION_TIMEOUT_MAX_MS + LIVENESS_TIMEOUT_MS + SLACK_MS);

      const high = (await admin.admin().fetchTopicOffsets(topic))[0].high;
      const consumer = admin.consumer({ start: 'earliest' });
      await consumer.assign([{ topic }]);
      const records = await take(consumer, high, 60_000);
      await consumer.close();
      const offsetsOf = new Map<string, number[]>();
      for (const r of records) offsetsOf.set(r.valueString()!, [...(offsetsOf.get(r.valueString()!) ?? []), r.offset]);
      const misplaced = acks.filter((a) => offsetsOf.get(a.value)?.join() !== String(a.offset));
      expect(misplaced.slice(0, 10)).toEqual([]);
      expect([...offsetsOf].filter(([, offsets]) => offsets.length > 1).slice(0, 10)).toEqual([]);
    } finally {
      if (paused !== undefined) process.kill(cluster.broker(paused)!.pid, 'SIGCONT');
      await client?.close();
      await admin.close();
    }
  });

  it('keeps a long-poll fetch that waits longer than livenessTimeoutMs: the broker answers pings meanwhile', async () => {
    const broker = await startBrokerProcess();
    const client = new Rafter({ brokers: [`127.0.0.1:${broker.port}`], livenessTimeoutMs: 500 });
    const disconnects: string[] = [];
    client.on('disconnect', ({ reason }) => disconnects.push(reason));
    try {
      const topic = 'quiet';
      await client.admin().createTopic({ topic, partitions: 1 });
      const consumer = client.consumer({ start: 'earliest', maxWaitMs: 3_000 });
      await consumer.assign([{ topic }]);
      const first = take(consumer, 1, 30_000);
      // Two long polls' worth of silence on the topic, each six times livenessTimeoutMs.
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      await client.producer().send({ topic, value: 'late' });
      expect((await first).map((r) => r.valueString())).toEqual(['late']);
      await consumer.close();
      expect(disconnects).toEqual([]);
    } finally {
      await client.close();
      await broker.stop();
    }
  });
});
