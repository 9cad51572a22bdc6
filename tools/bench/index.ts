// `npm run bench`: one broker process (fresh data dir, free port, fsync on unless --durable false) driven by the SDK
// from this process, with the workload of the NATS peer kit (/work/shared/peers) so the two compare:
//   produce  --count records of --size random bytes, acks=all, at most --window records unacknowledged;
//   consume  the same records from the beginning, by one consumer;
//   latency  an open-loop producer at --rate records/s for --secs (after --warmup) onto a fresh one-partition topic;
//            each value carries performance.now() at send() and a counter; a consumer in this process takes
//            receive - send. If the publisher falls behind its schedule the figures understate latency (reported).
// Per phase it also reads the broker's /metrics: group commits per second and their mean duration (fsync included).
// --cluster 3 runs the same workload on a 3-broker cluster on loopback (every topic RF=3, acks=all), and
// --cluster both runs the single broker first and then the cluster, printing the two tables one under the other;
// broker cores and commit figures are then broker 1's.
// Prints a table (or, with --json, one JSON line); --out FILE appends the JSON line. --profile DIR writes CPU
// profiles of the client and the broker there and prints their top self-time functions.
//   node bin/run-ts.cjs tools/bench/index.ts [--count 200000] [--size 1024] [--window 16384] [--partitions 4]
//     [--send-batch 64] [--linger-ms 5] [--batch-bytes 262144] [--rate 5000] [--secs 10] [--warmup 1]
//     [--phases produce,consume,latency] [--durable true|false] [--cluster 0|3|both] [--json] [--out FILE] [--profile DIR]
//     [--broker-metrics]
// --broker-metrics adds, per phase and per broker, flush cycles and fsyncs per second (mean and p99 fsync time) and
// the leaders' proposal-to-commit time, from every broker's /metrics (the latency phase's include its warm-up).
import { randomFillSync } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Rafter, type Message, type Producer } from '../../client';
import { brokerFigures, brokerSnapshot, commitCounters, commitStats, type BrokerFigures, type CommitStats } from './broker-metrics';
import { ClusterProcesses, startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../broker-process';
import { formatSummary, startClientProfile, summarizeProfile } from './cpu-profile';
import { cpuSample, cpuUse, distribution, round3, type CpuUse, type Distribution } from './stats';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200000' },
    size: { type: 'string', default: '1024' },
    window: { type: 'string', default: '16384' },
    partitions: { type: 'string', default: '4' },
    'send-batch': { type: 'string', default: '64' },
    'linger-ms': { type: 'string', default: '5' },
    'batch-bytes': { type: 'string', default: String(256 * 1024) },
    rate: { type: 'string', default: '5000' },
    secs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
    phases: { type: 'string', default: 'produce,consume,latency' },
    durable: { type: 'string', default: 'true' },
    cluster: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    profile: { type: 'string' },
    'broker-metrics': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(`${readUsage()}\n`);
  process.exit(0);
}

function readUsage(): string {
  return 'usage: npm run bench -- [--count N] [--size BYTES] [--window RECORDS] [--partitions P] [--send-batch N] [--linger-ms MS] ' +
    '[--batch-bytes B] [--rate PER_S] [--secs S] [--warmup S] [--phases produce,consume,latency] [--durable true|false] ' +
    '[--cluster 0|3|both] [--json] [--broker-metrics] ' +
    '[--out FILE] [--profile DIR]';
}

function intOption(name: keyof typeof values, min: number): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} needs an integer >= ${min}, got ${String(values[name])}`);
  return n;
}

const config = {
  count: intOption('count', 1),
  size: intOption('size', 16),
  window: intOption('window', 1),
  partitions: intOption('partitions', 1),
  sendBatch: intOption('send-batch', 1),
  lingerMs: intOption('linger-ms', 0),
  batchBytes: intOption('batch-bytes', 1024),
  rate: intOption('rate', 1),
  secs: intOption('secs', 1),
  warmupS: intOption('warmup', 0),
  durable: values.durable !== 'false',
};
const clusterModes: number[] = values.cluster === 'both' ? [0, 3] : [Number(values.cluster)];
for (const n of clusterModes) if (![0, 1, 3, 5].includes(n)) throw new Error(`--cluster is 0 (one broker), 1, 3, 5 or both, got ${values.cluster}`);
const phases = new Set(values.phases!.split(',').map((p) => p.trim()).filter(Boolean));
for (const p of phases) if (!['produce', 'consume', 'latency'].includes(p)) throw new Error(`unknown phase ${p}`);

interface ProduceResult extends CpuUse, CommitStats {
  records: number;
  recordsPerS: number;
  MBps: number;
  /** Time from send() to its acknowledgement, per send() call of sendBatch records, under saturating load. */
  sendLatency: Distribution;
}

interface ConsumeResult extends CpuUse, CommitStats {
  records: number;
  recordsPerS: number;
  MBps: number;
}

interface LatencyResult extends CpuUse, CommitStats {
  offeredRate: number;
  achievedRate: number;
  e2e: Distribution;
  /** Time from send() to its acknowledgement (acks=all: committed and fsynced). */
  ack: Distribution;
  publisherMaxBehindMs: number;
}

const MB = 1e6;
const STALL_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls onStall once if `progress()` stays the same for STALL_MS: a benchmark that hangs says where and how far it
 * got instead of sitting there. Returns the function that disarms it.
 */
function stallGuard(progress: () => number, onStall: (error: Error) => void, describe: () => string): () => void {
  let last = progress();
  let lastChangeAt = Date.now();
  const timer = setInterval(() => {
    const now = progress();
    if (now !== last) {
      last = now;
      lastChangeAt = Date.now();
    } else if (Date.now() - lastChangeAt >= STALL_MS) {
      clearInterval(timer);
      onStall(new Error(`stalled for ${STALL_MS / 1000} s: ${describe()}`));
    }
  }, 1_000);
  return () => clearInterval(timer);
}

/** Produces `count` records with at most `window` unacknowledged; resolves with the figures once all are acked. */
async function producePhase(client: Rafter, broker: BrokerProcess, topic: string): Promise<ProduceResult> {
  const { count, size, window, sendBatch } = config;
  const producer = client.producer({ acks: 'all', lingerMs: config.lingerMs, batchBytes: config.batchBytes, maxRequestBytes: Math.max(config.batchBytes, 1 << 20) });
  const payload = randomFillSync(new Uint8Array(size));
  // The producer never mutates what it is given, so one array of messages serves every send.
  const full: Message[] = Array.from({ length: sendBatch }, () => ({ value: payload }));
  const sendLatencyMs = new Float64Array(Math.ceil(count / sendBatch));
  let sent = 0;
  let acked = 0;
  let sends = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const settled = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const disarm = stallGuard(() => acked, (error) => {
    failure ??= error;
    settled();
  }, () => `produce: ${sent} records sent, ${acked} acknowledged`);
  const commitsFrom = await commitCounters(broker.port);
  const from = cpuSample(broker);
  while (sent < count && failure === undefined) {
    const n = Math.min(sendBatch, count - sent);
    if (sent - acked + n > window) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const startedAt = performance.now();
    const index = sends++;
    producer.send({ topic, messages: n === sendBatch ? full : full.slice(0, n) }).then(
      () => {
        sendLatencyMs[index] = performance.now() - startedAt;
        acked += n;
        settled();
      },
      (error: unknown) => {
        failure ??= error;
        settled();
      },
    );
    sent += n;
  }
  while (acked < count && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
  const to = cpuSample(broker);
  disarm();
  if (failure !== undefined) throw failure;
  await producer.close();
  const use = cpuUse(from, to);
  const commits = commitStats(commitsFrom, await commitCounters(broker.port), use.wallS);
  return {
    ...commits,
    records: count,
    recordsPerS: Math.round(count / use.wallS),
    MBps: round3((count * size) / use.wallS / MB),
    sendLatency: distribution(sendLatencyMs.subarray(0, sends)),
    ...use,
  };
}

/** Reads `count` records from the start of every partition of `topic`, checking each partition's offsets. */
async function consumePhase(client: Rafter, broker: BrokerProcess, topic: string, count: number): Promise<ConsumeResult> {
  const consumer = client.consumer({ start: 'earliest' });
  const nextOffset = new Map<number, number>();
  let records = 0;
  let bytes = 0;
  let stall: Error | undefined;
  const disarm = stallGuard(() => records, (error) => {
    stall = error;
    void consumer.close();
  }, () => `consume: ${records} of ${count} records, positions ${JSON.stringify(Object.fromEntries(nextOffset))}`);
  const commitsFrom = await commitCounters(broker.port);
  const from = cpuSample(broker);
  await consumer.assign([{ topic }]);
  for await (const batch of consumer.batches()) {
    let expected = nextOffset.get(batch.partition) ?? 0;
    for (const record of batch.records) {
      if (record.offset !== expected) throw new Error(`${topic}/${batch.partition}: offset ${record.offset} after ${expected - 1}`);
      expected++;
      bytes += record.value?.length ?? 0;
    }
    nextOffset.set(batch.partition, expected);
    records += batch.records.length;
    if (records >= count) break;
  }
  const to = cpuSample(broker);
  disarm();
  await consumer.close();
  if (stall) throw stall;
  const use = cpuUse(from, to);
  return { ...commitStats(commitsFrom, await commitCounters(broker.port), use.wallS), records, recordsPerS: Math.round(records / use.wallS), MBps: round3(bytes / use.wallS / MB), ...use };
}

/** Open-loop producer at a fixed rate, consumer in this process; latency from send() to the consumer seeing it. */
async function latencyPhase(client: Rafter, broker: BrokerProcess, topic: string): Promise<LatencyResult> {
  const { rate, secs, warmupS, size } = config;
  const total = Math.round(rate * (secs + warmupS));
  const skip = Math.round(rate * warmupS);
  const e2eMs = new Float64Array(total).fill(NaN);
  const ackMs = new Float64Array(total).fill(NaN);
  const consumer = client.consumer({ start: 'latest' });
  const begun = new Promise<void>((resolve) => {
    const remove = consumer.events.on('started', () => {
      remove();
      resolve();
    });
  });
  await consumer.assign([{ topic, partition: 0 }]);
  await begun;
  let received = 0;
  const reader = (async () => {
    for await (const batch of consumer.batches()) {
      const now = performance.now();
      for (const record of batch.records) {
        const value = record.value!;
        const dv = new DataView(value.buffer, value.byteOffset, 16);
        e2eMs[dv.getUint32(8)] = now - dv.getFloat64(0);
      }
      received += batch.records.length;
      if (received >= total) break;
    }
  })();

  // Linger adds its whole value to every latency at this rate; records still batch while one is in flight.
  const producer: Producer = client.producer({ acks: 'all', lingerMs: 0 });
  const filler = randomFillSync(new Uint8Array(size));
  let k = 0;
  let acks = 0;
  let maxBehindMs = 0;
  let failure: unknown;
  let from = cpuSample(broker);
  let commitsFrom = await commitCounters(broker.port);
  const startAt = performance.now() + 50;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - startAt) * rate) / 1000) + 1);
      while (k < due) {
        if (k === skip) {
          from = cpuSample(broker);
          void commitCounters(broker.port).then((c) => (commitsFrom = c));
        }
        const scheduledAt = startAt + (k * 1000) / rate;
        const value = new Uint8Array(size);
        value.set(filler);
        const dv = new DataView(value.buffer);
        const sentAt = performance.now();
        if (k >= skip) maxBehindMs = Math.max(maxBehindMs, sentAt - scheduledAt);
        dv.setFloat64(0, sentAt);
        dv.setUint32(8, k);
        const i = k;
        producer.send({ topic, value, partition: 0 }).then(
          () => {
            ackMs[i] = performance.now() - sentAt;
            acks++;
          },
          (error: unknown) => {
            failure ??= error;
            acks++;
          },
        );
        k++;
      }
      if (k < total) setTimeout(tick, Math.max(0, startAt + (k * 1000) / rate - performance.now()));
      else resolve();
    };
    setTimeout(tick, 50);
  });
  const sendEnd = performance.now();
  const deadline = Date.now() + 30_000;
  while ((received < total || acks < total) && failure === undefined && Date.now() < deadline) await sleep(5);
  const to = cpuSample(broker);
  const commitsTo = await commitCounters(broker.port);
  await producer.close();
  await consumer.close();
  await reader;
  if (failure !== undefined) throw failure;
  if (received < total) throw new Error(`latency: only ${received} of ${total} records came back within 30 s of the last send`);
  return {
    offeredRate: rate,
    achievedRate: Math.round((total - skip) / ((sendEnd - startAt) / 1000 - warmupS)),
    e2e: distribution(e2eMs.subarray(skip)),
    ack: distribution(ackMs.subarray(skip)),
    publisherMaxBehindMs: round3(maxBehindMs),
    ...commitStats(commitsFrom, commitsTo, (to.atMs - from.atMs) / 1000),
    ...cpuUse(from, to),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

const fmt = (n: number | null) => (n === null ? '-' : n.toLocaleString('en-US'));

function report(result: { produce?: ProduceResult; consume?: ConsumeResult; latency?: LatencyResult }, clusterSize: number): string {
  const setup = clusterSize === 0 ? '1 broker' : `${clusterSize}-broker cluster, RF=${clusterSize} (broker cores, commits: broker 1)`;
  const lines = [
    `Rafter bench: ${setup} (${config.durable ? 'fsync on' : 'fsync OFF'}), 1 client, ${config.size} B records, acks=all`,
    `  produce: ${config.count} records, ${config.partitions} partitions, window ${config.window} records, send() of ${config.sendBatch}, ` +
      `linger ${config.lingerMs} ms, batch ${config.batchBytes} B`,
  ];
  const rows = [['phase', 'records/s', 'MB/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'broker cores', 'client cores', 'commits/s', 'commit ms', 'secs']];
  const commitCells = (c: CommitStats) => [fmt(c.commitsPerS), fmt(c.meanCommitMs)];
  const { produce, consume, latency } = result;
  if (produce) {
    const d = produce.sendLatency;
    rows.push(['produce (send ack)', fmt(produce.recordsPerS), fmt(produce.MBps), fmt(d.p50Ms), fmt(d.p99Ms), fmt(d.p999Ms), fmt(d.maxMs),
      fmt(produce.brokerCores), fmt(produce.clientCores), ...commitCells(produce), fmt(produce.wallS)]);
  }
  if (consume) {
    rows.push(['consume', fmt(consume.recordsPerS), fmt(consume.MBps), '-', '-', '-', '-', fmt(consume.brokerCores), fmt(consume.clientCores), ...commitCells(consume), fmt(consume.wallS)]);
  }
  if (latency) {
    const mbps = round3((latency.achievedRate * config.size) / MB);
    rows.push([`e2e latency @${fmt(latency.offeredRate)}/s`, fmt(latency.achievedRate), fmt(mbps), fmt(latency.e2e.p50Ms), fmt(latency.e2e.p99Ms),
      fmt(latency.e2e.p999Ms), fmt(latency.e2e.maxMs), fmt(latency.brokerCores), fmt(latency.clientCores), ...commitCells(latency), fmt(latency.wallS)]);
    rows.push(['  ack latency', '', '', fmt(latency.ack.p50Ms), fmt(latency.ack.p99Ms), fmt(latency.ack.p999Ms), fmt(latency.ack.maxMs), '', '', '', '', '']);
  }
  lines.push(table(rows));
  if (latency) lines.push(`  latency publisher max behind schedule: ${latency.publisherMaxBehindMs} ms (${config.secs} s measured after ${config.warmupS} s warm-up)`);
  return `${lines.join('\n')}\n`;
}

type PhaseName = 'produce' | 'consume' | 'latency';
type BenchResult = {
  produce?: ProduceResult; consume?: ConsumeResult; latency?: LatencyResult;
  /** Per phase, per broker (by id), with --broker-metrics. */
  brokers?: Partial<Record<PhaseName, Record<number, BrokerFigures>>>;
};

function brokerReport(brokers: NonNullable<BenchResult['brokers']>): string {
  const rows = [['phase', 'broker', 'flush cycles/s', 'fsyncs/s', 'fsync ms', 'fsync p99 ms', 'KiB/txn', 'proposals/s', 'propose→commit ms', 'p50 ms', 'p99 ms', 'peer frames/s']];
  for (const [phase, byBroker] of Object.entries(brokers)) {
    for (const [id, f] of Object.entries(byBroker ?? {})) {
      rows.push([phase, id, fmt(f.flushCyclesPerS), fmt(f.commitsPerS), fmt(f.meanCommitMs), fmt(f.p99CommitMs), fmt(f.meanTransactionKiB), fmt(f.proposalsPerS),
        fmt(f.meanProposalCommitMs), fmt(f.p50ProposalCommitMs), fmt(f.p99ProposalCommitMs), fmt(f.peerFramesSentPerS)]);
    }
  }
  return `  per broker (p50/p99: histogram bucket bounds):\n${table(rows).replace(/^/gm, '  ')}\n`;
}

/** One broker, or a cluster of `clusterSize` on loopback; `broker` is the one whose metrics and CPU are reported. */
async function startTarget(clusterSize: number, profileDir: string | undefined): Promise<{ broker: BrokerProcess; all: Map<number, BrokerProcess>; bootstrap: string[]; stop(): Promise<void> }> {
  const args = ['--durable', String(config.durable)];
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '200'] : [];
  if (clusterSize === 0) {
    const broker = await startBrokerProcess({ args, nodeArgs });
    return {
      broker,
      all: new Map([[1, broker]]),
      bootstrap: [`127.0.0.1:${broker.port}`],
      stop: async () => {
        const exitCode = await broker.stop(20_000);
        if (exitCode !== 0) process.stderr.write(`bench: broker exited with ${exitCode}; stderr:\n${broker.stderr()}\n`);
      },
    };
  }
  const cluster = await ClusterProcesses.start({ brokers: clusterSize, args, nodeArgs });
  // Topics are placed on live brokers only: wait until the controller counts them all.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const health = await (await fetch(`${cluster.broker(1)!.httpUrl}/health`)).json() as { controllerId: number; brokersAlive: number[] };
    if (health.controllerId > 0 && health.brokersAlive.length === clusterSize) break;
    if (Date.now() > deadline) throw new Error(`the cluster did not settle within 30 s: ${JSON.stringify(health)}`);
    await sleep(100);
  }
  const all = new Map(cluster.brokerIds.map((id) => [id, cluster.broker(id)!] as const));
  return { broker: cluster.broker(1)!, all, bootstrap: cluster.bootstrap, stop: () => cluster.stopAll(20_000) };
}

async function runBench(clusterSize: number, profileDir: string | undefined): Promise<BenchResult> {
  const target = await startTarget(clusterSize, profileDir);
  const { broker } = target;
  const replicationFactor = Math.max(1, clusterSize);
  const client = new Rafter({ brokers: target.bootstrap, clientId: 'rafter-bench' });
  const stopClientProfile = profileDir ? await startClientProfile(path.join(profileDir, 'client.cpuprofile')) : undefined;
  const result: BenchResult = {};
  /** Runs a phase; with --broker-metrics, records what every broker did meanwhile. */
  const measured = async <T>(phase: PhaseName, run: () => Promise<T>): Promise<T> => {
    if (!values['broker-metrics']) return run();
    const snapshot = () => Promise.all([...target.all].map(async ([id, b]) => [id, await brokerSnapshot(b.httpUrl)] as const));
    const from = await snapshot();
    const value = await run();
    const to = new Map(await snapshot());
    (result.brokers ??= {})[phase] = Object.fromEntries(from.map(([id, s]) => [id, brokerFigures(s, to.get(id)!)]));
    return value;
  };
  try {
    const admin = client.admin();
    if (phases.has('produce') || phases.has('consume')) {
      await admin.createTopic({ topic: 'bench', partitions: config.partitions, replicationFactor });
      const produced = await measured('produce', () => producePhase(client, broker, 'bench'));
      const stored = (await admin.fetchTopicOffsets('bench')).reduce((n, p) => n + p.high - p.low, 0);
      if (stored !== config.count) throw new Error(`topic bench holds ${stored} records, expected ${config.count}`);
      if (phases.has('produce')) result.produce = produced;
      if (phases.has('consume')) result.consume = await measured('consume', () => consumePhase(client, broker, 'bench', config.count));
    }
    if (phases.has('latency')) {
      await admin.createTopic({ topic: 'latency', partitions: 1, replicationFactor });
      result.latency = await measured('latency', () => latencyPhase(client, broker, 'latency'));
    }
  } finally {
    await stopClientProfile?.();
    await client.close();
    await target.stop();
    await stopAllBrokerProcesses();
  }
  return result;
}

async function main(): Promise<void> {
  const profileDir = values.profile ? path.resolve(values.profile) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  // Interrupted (Ctrl-C, timeout): the brokers are our children and would outlive us; stop them first.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAllBrokerProcesses(2_000).finally(() => process.exit(130)));
  }
  for (const clusterSize of clusterModes) {
    const result = await runBench(clusterSize, profileDir);
    const record = { system: 'rafter', date: new Date().toISOString(), config: { ...config, clusterSize }, ...result };
    process.stdout.write(values.json ? `${JSON.stringify(record)}\n` : report(result, clusterSize) + (result.brokers ? brokerReport(result.brokers) : ''));
    if (values.out) appendFileSync(values.out, `${JSON.stringify(record)}\n`);
  }
  if (profileDir) {
    const brokerProfile = readdirSync(profileDir)
      .filter((f) => f.endsWith('.cpuprofile') && f !== 'client.cpuprofile')
      .map((f) => path.join(profileDir, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    const out = values.json ? process.stderr : process.stdout;
    out.write(formatSummary(`client profile ${path.join(profileDir, 'client.cpuprofile')}`, summarizeProfile(path.join(profileDir, 'client.cpuprofile'))));
    if (brokerProfile) out.write(formatSummary(`broker profile ${brokerProfile}`, summarizeProfile(brokerProfile)));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
