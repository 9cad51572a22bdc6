// A seeded fuzzer against the peer endpoints of three broker processes, as the client fuzzer (client-fuzz.test.ts)
// is against the client endpoint. The brokers reach each other through PeerTaps, which keep copies of the real Raft
// frames they send; the fuzzer mutates those (helpers/peer-fuzz.ts) and sends them, with random ones, to every
// broker's peer endpoint — speaking as broker 3 to broker 1 (whose real link it keeps displacing: a newer connection
// for a broker replaces the older) and as broker 7, which is no broker of the cluster — while a well-behaved SDK
// producer keeps writing. The brokers must stay up and within a memory bound, and once the fuzzing stops, serve the
// producer again and hand back every record it acknowledged, once, at its offset.
//
// The seed is printed; RAFTER_PEER_FUZZ_SEED replays a run's choices and RAFTER_PEER_FUZZ_MS makes it longer (CI runs
// 30 s). The captured frames come from the run itself, so a replay draws the same kinds of frame from frames of the
// same kind, not byte for byte the same ones.
import { Rafter } from '../../client';
import { residentBytes } from '../../tools/bench/process-stats';
import { ClusterProcesses, findFreePorts, stopAllBrokerProcesses } from '../../tools/broker-process';
import { Prng } from '../sim/prng';
import { checkExactlyOnce, clusterSettled, fullyReplicated, health, KeyedStream, readAll, waitFor } from './helpers/cluster-checks';
import { connectAsBroker, peerUrl, PeerTap } from './helpers/forged-peer';
import { PeerFuzzer, type PeerFuzzKind } from './helpers/peer-fuzz';

const SEED = Number(process.env.RAFTER_PEER_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const FUZZ_MS = Number(process.env.RAFTER_PEER_FUZZ_MS ?? 30_000);
const BROKER_ARGS = ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '2000'];
const ALL = [1, 2, 3];
const TOPIC = 'peer-fuzz';
const RSS_BOUND_BYTES = 400 * 1024 * 1024;
/** Frames kept per tapped link: enough variety, bounded memory (frames above 256 KiB are not kept). */
const MAX_CAPTURED_FRAMES = 400;

jest.setTimeout(FUZZ_MS + 180_000);

interface FuzzStats {
  sent: Partial<Record<PeerFuzzKind, number>>;
  invalid: Record<string, number>;
  connections: number;
  closes: Record<string, number>;
}

/** One hostile connection after another to `to` as `as`, sending frames until `until`. */
async function fuzzPeer(url: string, as: number, to: number, clusterId: string, fuzzer: PeerFuzzer, until: number, stats: FuzzStats): Promise<void> {
  while (Date.now() < until) {
    let peer;
    try {
      peer = await connectAsBroker(url, as, clusterId);
    } catch {
      // Displaced or refused before the hello was answered: try again.
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    stats.connections++;
    while (peer.isOpen && Date.now() < until) {
      const frame = fuzzer.next({ to, as, clusterId });
      stats.sent[frame.kind] = (stats.sent[frame.kind] ?? 0) + 1;
      if (frame.detail) stats.invalid[frame.detail] = (stats.invalid[frame.detail] ?? 0) + 1;
      peer.sendBytes(frame.bytes);
      while (peer.isOpen && peer.bufferedAmount > 1024 * 1024) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const code = await Promise.race([peer.close().then(() => peer.closed), peer.closed]);
    stats.closes[code] = (stats.closes[code] ?? 0) + 1;
  }
}

describe(`peer endpoint fuzzer (seed ${SEED}, RAFTER_PEER_FUZZ_SEED=${SEED} to replay)`, () => {
  let cluster: ClusterProcesses;
  const taps = new Map<string, PeerTap>();

  afterAll(async () => {
    await stopAllBrokerProcesses();
    for (const tap of taps.values()) await tap.close();
  });

  it('keeps every broker up within a memory bound, and loses nothing acknowledged', async () => {
    process.stdout.write(`peer fuzzer: seed ${SEED}, ${FUZZ_MS} ms\n`);
    const ports = await findFreePorts(3);
    for (const from of ALL) {
      for (const to of ALL) {
        if (from !== to) taps.set(`${from}-${to}`, await PeerTap.start(ports[to - 1], { maxFrames: MAX_CAPTURED_FRAMES }));
      }
    }
    cluster = await ClusterProcesses.start({ brokers: 3, ports, args: BROKER_ARGS, peerPort: (from, to) => taps.get(`${from}-${to}`)!.port });
    await clusterSettled(cluster, ALL);
    const clusterId = (await health(cluster, 1) as unknown as { clusterId: string }).clusterId;
    const client = new Rafter({ brokers: cluster.bootstrap, clientId: 'peer-fuzz', requestTimeoutMs: 5_000 });
    await client.admin().createTopic({ topic: TOPIC, partitions: 2, replicationFactor: 3 });
    await fullyReplicated(cluster, ALL, TOPIC, 2);

    const stream = await KeyedStream.start(client.producer(), TOPIC, ['k0', 'k1', 'k2', 'k3']);
    await stream.ackedMore(50, 30_000);
    await waitFor('frames captured on every link', async () => ([...taps.values()].every((t) => t.frames.length >= 20) ? true : undefined), 30_000);
    const captured = (from: number, to: number) => [...taps.get(`${from}-${to}`)!.frames];

    const rng = new Prng(SEED);
    const stats: FuzzStats = { sent: {}, invalid: {}, connections: 0, closes: {} };
    const rssMax = new Map<number, number>(ALL.map((id) => [id, 0]));
    const sample = () => {
      for (const id of ALL) rssMax.set(id, Math.max(rssMax.get(id)!, residentBytes(cluster.broker(id)!.pid)));
    };
    const sampler = setInterval(sample, 100);
    const until = Date.now() + FUZZ_MS;
    const urlOf = (id: number) => peerUrl(cluster.broker(id)!.port);
    try {
      await Promise.all([
        // As broker 3 to broker 1: its real frames replayed and mutated, and invalid messages that pass for its own.
        fuzzPeer(urlOf(1), 3, 1, clusterId, new PeerFuzzer(rng.fork(), captured(3, 1)), until, stats),
        // As broker 7, no broker of the cluster: everything it sends is refused, whatever it is.
        ...[1, 2, 3].map((to) => fuzzPeer(urlOf(to), 7, to, clusterId, new PeerFuzzer(rng.fork(), captured(to === 1 ? 2 : 1, to)), until, stats)),
      ]);
    } finally {
      clearInterval(sampler);
    }
    sample();
    const refusals: string[] = [];
    for (const id of ALL) {
      const text = await (await fetch(`${cluster.broker(id)!.httpUrl}/metrics`)).text();
      const counts = [...text.matchAll(/^rafter_(peer_messages_refused|peer_rejected|raft_inbound_dropped)_total\{(.*)\} (\d+)$/gm)]
        .filter((m) => m[3] !== '0').map((m) => `${m[1]} ${/reason="([^"]+)"/.exec(m[2])?.[1]} ${m[3]}`);
      refusals.push(`broker ${id}: ${counts.join(', ')}`);
    }
    const frames = Object.values(stats.sent).reduce((n, c) => n + (c ?? 0), 0);
    process.stdout.write(`peer fuzzer: seed ${SEED}: ${frames} frames ${JSON.stringify(stats.sent)}, invalid messages ${JSON.stringify(stats.invalid)}, `
      + `${stats.connections} connections, closes ${JSON.stringify(stats.closes)}; good producer ${stream.acked.length} acknowledged; `
      + `broker RSS max ${ALL.map((id) => `${id}: ${(rssMax.get(id)! / 2 ** 20).toFixed(0)} MiB`).join(', ')}; `
      + `refused or rejected: ${refusals.join('; ')}\n`);

    for (const id of ALL) {
      expect(cluster.broker(id)!.stderr()).not.toMatch(/stopped on this broker by an error|storage failed/);
      expect(rssMax.get(id)!).toBeLessThan(RSS_BOUND_BYTES);
    }
    expect(frames).toBeGreaterThan(200);
    // Once the fuzzing stops: every broker healthy, the producer served again, everything acknowledged intact.
    for (const id of ALL) await waitFor(`broker ${id} healthy`, async () => ((await health(cluster, id)).status === 'ok' ? true : undefined), 30_000);
    await stream.ackedMore(20, 30_000);
    await stream.stop();
    await fullyReplicated(cluster, ALL, TOPIC, 2, 60_000);
    checkExactlyOnce(stream.acked, await readAll(client, TOPIC));
    await client.close();
  });
});
