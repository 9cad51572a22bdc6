// One fault campaign: real brokers (3 or 5) behind our link proxies, the workload, the seeded nemesis for N minutes,
// then everything healed, the producers drained, a final read, the brokers stopped, and the checker run over the
// run dir. Entry points: tools/faults.ts (`npm run faults`) and test/faults/campaign.test.ts (CI).
//
// Run dir: history.jsonl (every event), schedule.txt, brokers/broker-<id>/ (data dirs), logs/broker-<id>.log. Kept
// when the check fails (or on request), removed when it passes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rafter } from '../../client';
import { Prng } from '../sim/prng';
import { checkHistory, type CheckResult } from './checker';
import { FaultCluster } from './fault-cluster';
import { HistoryWriter, readHistory, type Logged, type PartitionPlacement } from './history';
import { describeFault, Nemesis, planSchedule, type NemesisKind, type PlannedFault } from './nemesis';
import { dumpStore, type StoreDump } from './replica-dump';
import { formatSummary, formatViolations, summarize, type RunSummary } from './report';
import { Workload } from './workload';

export interface CampaignOptions {
  readonly seed: number;
  readonly minutes: number;
  readonly brokers: 3 | 5;
  readonly kinds: readonly NemesisKind[];
  readonly partitions?: number;
  readonly producers?: number;
  /** Records a second per producer. Default 50. */
  readonly ratePerProducer?: number;
  readonly pauseMs?: readonly [number, number];
  /** Parent of the run dir; default the system temp dir. */
  readonly rootDir?: string;
  /** Keep the run dir even when the check passes. */
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

export interface CampaignResult {
  readonly ok: boolean;
  readonly runDir: string;
  readonly check: CheckResult;
  readonly summary: RunSummary;
  readonly schedule: readonly PlannedFault[];
  /** What the campaign printed at the end (success figures, or the failure report). */
  readonly report: string;
}

const TOPIC = 'faults';
/** Ticks of 50 ms and elections after 10 of them: failover within a second or so, as in the cluster tests. */
const BROKER_ARGS = ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '3000'];
const WARMUP_MS = 5_000;
/** Writes go on this long on the healed cluster after the last fault, so that availability shows the recovery. */
const COOLDOWN_MS = 10_000;
const DRAIN_MS = 150_000;
const FINAL_READ_MS = 180_000;
const CONVERGE_MS = 90_000;
const PROGRESS_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const partitions = options.partitions ?? 6;
  const runDir = mkdtempSync(path.join(options.rootDir ?? os.tmpdir(), `rafter-faults-${options.seed}-`));
  const schedule = planSchedule({ seed: options.seed, kinds: options.kinds, totalMs: options.minutes * 60_000, pauseMs: options.pauseMs });
  const scheduleText = schedule.map(describeFault).join('\n');
  writeFileSync(path.join(runDir, 'schedule.txt'), scheduleText + '\n');
  log(`fault campaign: seed ${options.seed}, ${options.brokers} brokers, ${options.minutes} min of ${options.kinds.join(',')}; run dir ${runDir}`);
  log(`schedule (${schedule.length} faults; targets are resolved when each starts):\n${scheduleText}`);

  const history = new HistoryWriter(runDir);
  history.log({ type: 'run', seed: options.seed, brokers: options.brokers, nemesis: options.kinds, minutes: options.minutes, topic: TOPIC, partitions });
  mkdirSync(path.join(runDir, 'brokers'), { recursive: true });
  const cluster = await FaultCluster.start({
    brokers: options.brokers, runDir, rng: new Prng(options.seed).fork(), history, brokerArgs: BROKER_ARGS,
  });
  try {
    await drive(cluster, history, schedule, { ...options, partitions }, log);
  } finally {
    history.flush();
    await cluster.close();
  }
  const { events, check } = await checkRunDir(runDir);
  const summary = summarize(events);
  const figures = formatSummary(summary, check);
  const report = check.ok
    ? `campaign passed (seed ${options.seed})\n${figures}`
    : [`CAMPAIGN FAILED: seed ${options.seed}, ${options.brokers} brokers, --nemesis ${options.kinds.join(',')}`,
      `schedule:\n${scheduleText}`, formatViolations(check), figures, `logs and data kept in ${runDir}`].join('\n');
  log(report);
  if (check.ok && !options.keep) rmSync(runDir, { recursive: true, force: true });
  return { ok: check.ok, runDir, check, summary, schedule, report };
}

/** The run itself: topic, workload, nemesis, healing, draining, the final read, replicas left to converge. */
async function drive(
  cluster: FaultCluster, history: HistoryWriter, schedule: readonly PlannedFault[],
  options: CampaignOptions & { partitions: number }, log: (line: string) => void,
): Promise<void> {
  const clients: Rafter[] = [];
  const client = (clientId: string) => {
    const c = new Rafter({ brokers: cluster.bootstrap, clientId, transport: cluster.transport });
    clients.push(c);
    return c;
  };
  const { partitions } = options;
  let workload: Workload | undefined;
  try {
    const topology = await createTopic(cluster, client('faults-admin'), partitions);
    history.log({ type: 'topology', partitions: topology });
    const running = workload = new Workload({
      topic: TOPIC, partitions, producers: options.producers ?? 4, ratePerProducer: options.ratePerProducer ?? 50,
      maxOutstandingPerPartition: 40, padBytes: 100, client, history,
    });
    running.start();
    await sleep(WARMUP_MS);
    const nemesis = new Nemesis({
      cluster, topic: TOPIC, history,
      replicasOf: (p) => topology.find((t) => t.partition === p)?.replicas ?? [],
      ackedRecord: (pick) => running.ackedRecord(pick),
    }, schedule);
    const startedMs = Date.now();
    let faultsSoFar = 0;
    const progress = setInterval(() => {
      const c = running.counts;
      log(`[${((Date.now() - startedMs) / 1000).toFixed(0)} s] acked ${c.acked} of ${c.sent} sent, ${c.failed} failed, ${c.read} read along; ${faultsSoFar} faults`);
    }, PROGRESS_MS);
    try {
      await nemesis.run(startedMs + options.minutes * 60_000, (f, detail) => {
        faultsSoFar++;
        log(`  fault #${f.id} ${f.kind}: ${detail}`);
      });
    } finally {
      clearInterval(progress);
    }
    await healAll(cluster, log);
    await sleep(COOLDOWN_MS);
    log('stopping the producers (waiting for every outcome)');
    await running.stop(DRAIN_MS);
    log('final read from offset 0');
    if (!(await running.finalRead(FINAL_READ_MS))) log('the final read did not reach every high watermark');
    if (!(await waitForReplicas(cluster, topology, CONVERGE_MS))) history.log({ type: 'note', text: `replicas had not converged after ${CONVERGE_MS} ms` });
  } finally {
    await workload?.stop(0).catch(() => undefined);
    await Promise.all(clients.map((c) => c.close()));
  }
}

/** Creates the RF=3 topic and returns where each partition lives, once every partition has a leader. */
async function createTopic(cluster: FaultCluster, admin: Rafter, partitions: number): Promise<PartitionPlacement[]> {
  const deadline = Date.now() + 60_000;
  // Placement needs three live brokers: the controller leader registers each once it is connected to it.
  const allAlive = async () => [...(await cluster.views()).values()].some((v) =>
    v.controller.role === 'leader' && v.brokers.filter((b) => b.alive).length === cluster.brokerIds.length);
  while (!(await allAlive())) {
    if (Date.now() > deadline) throw new Error('the brokers did not all register with a controller within 60 s');
    await sleep(200);
  }
  await admin.admin().createTopic({ topic: TOPIC, partitions, replicationFactor: 3 });
  while (Date.now() < deadline) {
    const placements = new Map<number, PartitionPlacement>();
    const led = new Set<number>();
    for (const view of (await cluster.views()).values()) {
      for (const p of view.partitions) {
        if (p.topic !== TOPIC) continue;
        placements.set(p.partition, { partition: p.partition, groupId: p.groupId, replicas: p.replicas });
        if (p.role === 'leader') led.add(p.partition);
      }
    }
    if (placements.size === partitions && led.size === partitions) return [...placements.values()].sort((a, b) => a.partition - b.partition);
    await sleep(200);
  }
  throw new Error(`topic ${TOPIC}: not every partition had a leader within 60 s`);
}

/** Undoes whatever is left: links healed, paused brokers resumed, stopped ones started (one more try). */
async function healAll(cluster: FaultCluster, log: (line: string) => void): Promise<void> {
  cluster.mesh.healAll();
  for (const id of cluster.brokerIds) cluster.resume(id);
  for (const id of cluster.brokerIds) {
    if (cluster.isDown(id) && !(await cluster.restart(id))) log(`broker ${id} would not start again: it stays down`);
  }
}

/** Waits until every running replica of every partition has the leader's high watermark and log end. */
async function waitForReplicas(cluster: FaultCluster, topology: readonly PartitionPlacement[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const views = await cluster.views();
    const converged = topology.every((placement) => {
      const seen = placement.replicas.filter((id) => !cluster.isDown(id)).map((id) => views.get(id)?.partitions.find((p) => p.groupId === placement.groupId));
      if (seen.some((p) => p === undefined)) return false;
      const first = seen[0]!;
      return seen.every((p) => p!.highWatermark === first.highWatermark && p!.logEndOffset === first.logEndOffset);
    });
    if (converged) return true;
    await sleep(500);
  }
  return false;
}

/** Checks a run dir (of a finished or saved run): its history, and every broker's store read in a child process. */
export async function checkRunDir(runDir: string): Promise<{ events: Logged[]; check: CheckResult }> {
  const events = readHistory(runDir);
  const run = events.find((e): e is Logged & { type: 'run' } => e.type === 'run');
  const topology = events.find((e): e is Logged & { type: 'topology' } => e.type === 'topology');
  const stores = new Map<number, StoreDump>();
  if (run && topology) {
    const groups = topology.partitions.map((p) => p.groupId);
    for (let id = 1; id <= run.brokers; id++) {
      stores.set(id, await dumpStore(path.join(runDir, 'brokers', `broker-${id}`), groups));
    }
  }
  return { events, check: checkHistory(events, stores) };
}
