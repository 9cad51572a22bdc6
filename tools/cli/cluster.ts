// `rafter cluster start | status`: a local cluster of broker processes on loopback, and what a cluster looks like
// from its brokers' GET /cluster (broker/cluster/cluster-node.ts): brokers, the controller leader, and each
// partition's leader, replicas, in-sync replicas and follower lag as its leader reports them.
import path from 'node:path';
import { brokerList, CliUsageError, integerOption, noExtraPositionals } from './args';
import type { Command } from './commands';
import { formatTable } from './output';

export const clusterStart: Command = {
  path: ['cluster', 'start'],
  summary: 'run a local cluster of brokers on loopback (every broker a controller voter)',
  usage: 'rafter cluster start [--brokers 3] [--data-dir ./cluster-data] [--base-port 9092] [--monitoring]',
  details: `Options:
  --brokers N       how many brokers: 1, 3 or 5 (default 3)
  --data-dir DIR    data of broker i goes to DIR/broker-i (default ./cluster-data); a restart resumes it
  --base-port N     broker i listens on 127.0.0.1:(N + i - 1) (default 9092)
  --monitoring      also run Prometheus (when installed) scraping every broker, config under DIR/prometheus
Ctrl-C (SIGINT) or SIGTERM stops every broker gracefully.`,
  options: { 'data-dir': { type: 'string' }, 'base-port': { type: 'string' }, monitoring: { type: 'boolean' } },
  async run(parsed, io) {
    const command = 'cluster start';
    noExtraPositionals(parsed, 0, command);
    const count = integerOption(parsed.values, 'brokers', command, 1) ?? 3;
    if (![1, 3, 5].includes(count)) throw new CliUsageError(`--brokers is 1, 3 or 5 (the controller's voters), got ${count}`, command);
    const basePort = integerOption(parsed.values, 'base-port', command, 1) ?? 9092;
    if (basePort + count - 1 > 65535) throw new CliUsageError(`--base-port ${basePort} leaves no room for ${count} brokers`, command);
    const rootDir = path.resolve((parsed.values['data-dir'] as string | undefined) ?? './cluster-data');
    // Loaded only here: the other commands must not pull in process management.
    const { ClusterProcesses } = require('../broker-process') as typeof import('../broker-process');
    const ports = Array.from({ length: count }, (_, i) => basePort + i);
    const cluster = await ClusterProcesses.start({ brokers: count, rootDir, ports });
    for (const id of cluster.brokerIds) {
      const b = cluster.broker(id)!;
      io.stderr(`broker ${id}: 127.0.0.1:${b.port} pid ${b.pid} data ${cluster.dataDir(id)}\n`);
      void b.exited.then(({ code, signal }) => io.stderr(`broker ${id} exited (code ${code}, signal ${signal})\n`));
    }
    const ready = await waitForController(cluster.bootstrap, count, 30_000);
    io.stderr(ready
      ? `cluster ready: controller is broker ${ready}; use --brokers ${cluster.bootstrap.join(',')}; Ctrl-C to stop\n`
      : 'the brokers run, but no controller with every broker alive within 30 s; see rafter cluster status\n');
    const monitoring = parsed.values.monitoring
      ? await (require('../monitoring/prometheus') as typeof import('../monitoring/prometheus')).monitorCluster({
        dir: path.join(rootDir, 'prometheus'), bootstrap: cluster.bootstrap, log: (line) => io.stderr(`${line}\n`),
      })
      : undefined;
    const signal = await new Promise<string>((resolve) => {
      const remove = io.onSignal((s) => {
        remove();
        resolve(s);
      });
    });
    io.stderr(`${signal}: stopping ${count} brokers\n`);
    await monitoring?.stop();
    await cluster.stopAll();
    io.stderr('cluster stopped\n');
    return 0;
  },
};

export const clusterStatus: Command = {
  path: ['cluster', 'status'],
  summary: 'brokers, controller leader, and partitions with leader, replicas, in-sync replicas and lag',
  usage: 'rafter cluster status [--brokers host:port,...] [--json]',
  details: `Options:
  --json   print the merged view as JSON
Asks the first reachable broker for the cluster, then every live broker for the partitions it leads.`,
  options: { json: { type: 'boolean' } },
  async run(parsed, io) {
    const command = 'cluster status';
    noExtraPositionals(parsed, 0, command);
    const status = await gatherStatus(brokerList(parsed.values, io.env, command));
    if (parsed.values.json) {
      io.stdout(`${JSON.stringify(status, null, 2)}\n`);
      return 0;
    }
    const { controller } = status;
    io.stdout(`cluster ${status.clusterId}\ncontroller: ${controller.leaderId > 0 ? `broker ${controller.leaderId} (term ${controller.term})` : 'no leader'}\n\n`);
    io.stdout(formatTable(['BROKER', 'ADDRESS', 'ALIVE', 'LAST HEARTBEAT'], status.brokers.map((b) => [
      String(b.id), `${b.host}:${b.port}`, b.alive ? 'yes' : 'NO', `${b.lastHeartbeatAgoMs} ms ago`,
    ])));
    io.stdout('\n');
    io.stdout(formatTable(['TOPIC', 'PARTITION', 'LEADER', 'REPLICAS', 'IN-SYNC', 'LAG (entries)', 'HIGH WATERMARK'], status.partitions.map((p) => [
      p.topic, String(p.partition), p.role === 'leader' ? String(p.leaderId) : p.leaderId > 0 ? `${p.leaderId}?` : 'none',
      p.replicas.join(','), p.inSyncReplicas?.join(',') ?? '-',
      p.lagEntries ? Object.entries(p.lagEntries).map(([id, lag]) => `${id}:${lag}`).join(' ') : '-',
      String(p.highWatermark),
    ])));
    const unled = status.partitions.filter((p) => p.role !== 'leader').length;
    if (unled > 0) io.stdout(`\n${unled} partition(s) with no reachable leader ('?': as a follower last saw it)\n`);
    return 0;
  },
};

interface BrokerView {
  brokerId: number;
  clusterId: string;
  controller: { leaderId: number; term: number; role: string };
  brokers: Array<{ id: number; host: string; port: number; alive: boolean; lastHeartbeatAgoMs: number }>;
  partitions: Array<{
    topic: string; partition: number; groupId: number; replicas: number[]; leaderId: number; term: number; role: string;
    inSyncReplicas?: number[]; lagEntries?: Record<string, number>; highWatermark: number;
  }>;
}

async function fetchView(address: string): Promise<BrokerView | undefined> {
  try {
    const response = await fetch(`http://${address}/cluster`, { signal: AbortSignal.timeout(3_000) });
    return response.ok ? (await response.json()) as BrokerView : undefined;
  } catch {
    return undefined;
  }
}

/** The first reachable broker's view, with each partition as its leader reports it (else as a follower sees it). */
export async function gatherStatus(bootstrap: readonly string[]): Promise<BrokerView> {
  let first: BrokerView | undefined;
  for (const address of bootstrap) {
    first = await fetchView(address);
    if (first) break;
  }
  if (!first) throw new Error(`no broker answered GET /cluster at ${bootstrap.join(', ')} (is it running in cluster mode?)`);
  const views = await Promise.all(first.brokers.filter((b) => b.alive).map((b) => fetchView(`${b.host}:${b.port}`)));
  const partitions = new Map<number, BrokerView['partitions'][number]>();
  for (const view of [first, ...views]) {
    for (const p of view?.partitions ?? []) {
      const known = partitions.get(p.groupId);
      if (!known || (known.role !== 'leader' && (p.role === 'leader' || p.term > known.term))) partitions.set(p.groupId, p);
    }
  }
  const controllerView = [first, ...views].find((v) => v?.controller.role === 'leader');
  return {
    ...first,
    controller: controllerView?.controller ?? first.controller,
    brokers: controllerView?.brokers ?? first.brokers,
    partitions: [...partitions.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)),
  };
}

/** Polls /health until a controller sees all `count` brokers alive; resolves with its id, or 0 on timeout. */
async function waitForController(bootstrap: readonly string[], count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const address of bootstrap) {
      try {
        const health = await (await fetch(`http://${address}/health`, { signal: AbortSignal.timeout(1_000) })).json() as { controllerId?: number; brokersAlive?: number[] };
        if ((health.controllerId ?? -1) > 0 && (health.brokersAlive?.length ?? 0) >= count) return health.controllerId!;
      } catch {
        // not up yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return 0;
}
