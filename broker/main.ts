// A broker: storage, topics and partitions, the client front door. Without --seeds it is a one-broker cluster (the
// single-broker mode: local topic table, partitions committed by their own fsync); with --seeds it is one broker of
// a cluster (broker/cluster: the controller on Raft group 0, partitions as Raft groups placed by it). `startBroker`
// is what `rafter broker start` and the tests call; run as a process (`node bin/run-ts.cjs broker/main.ts --data-dir D --port 0`) it prints
// one line when listening, `rafter broker listening {"port":…,"httpPort":…,"pid":…,"brokerId":…,"dataDir":…}`, and
// shuts down gracefully on SIGTERM or SIGINT: no new connections or requests, waiting fetches answered, writes in
// flight committed and answered (or BROKER_SHUTTING_DOWN after shutdownGraceMs), storage committed and closed, exit 0.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ClusterNode } from './cluster/cluster-node';
import { parseBrokerArgs, parseSeeds, resolveBrokerConfig, type BrokerConfig } from './config';
import { createBrokerMetrics } from './metrics';
import { LocalReplicatedLog, PartitionMetrics } from './partition';
import {
  ClientServer, CLOSE_GOING_AWAY, Dispatcher, StoreProducerIdAllocator, type BrokerContext, type ProducerIdAllocator,
} from './server';
import { BrokerStore } from './storage';
import { TopicManager } from './topics';

export interface RunningBroker {
  port: number;
  /** /health and /metrics are served on the client port. */
  httpPort?: number;
  stop(): Promise<void>;
}

const CLUSTER_ID_META_KEY = 'cluster-id';
export const LISTENING_LINE_PREFIX = 'rafter broker listening ';

export async function startBroker(partialConfig: Partial<BrokerConfig> = {}): Promise<RunningBroker> {
  const config = resolveBrokerConfig(partialConfig);
  const startedAtMs = Date.now();
  mkdirSync(config.dataDir, { recursive: true });
  const metrics = createBrokerMetrics(config.brokerId);
  const store = BrokerStore.open({
    dataDir: config.dataDir, durable: config.durable, mapSizeBytes: config.mapSizeBytes, registry: metrics.registry,
  });
  let server: ClientServer | undefined;
  let cluster: ClusterNode | undefined;
  try {
    const clusterId = config.clusterId ?? await loadClusterId(store);
    const limits = {
      maxPartitionsPerTopic: config.maxPartitionsPerTopic,
      defaultMaxMessageBytes: config.defaultMaxMessageBytes,
      maxMessageBytesCeiling: config.maxFrameBytes - 1024,
    };
    let context: BrokerContext;
    if (config.seeds !== undefined) {
      cluster = new ClusterNode({
        brokerId: config.brokerId,
        clusterId,
        seeds: parseSeeds(config.seeds),
        store,
        registry: metrics.registry,
        limits,
        tickMs: config.raftTickMs,
        electionTicks: config.raftElectionTicks,
        livenessTimeoutMs: config.livenessTimeoutMs,
        partitionMetricLabels: config.partitionMetricLabels,
      });
      context = {
        config,
        topics: cluster,
        cluster,
        brokerId: config.brokerId,
        advertisedHost: config.advertisedHost ?? config.host,
        port: config.port,
        clusterId,
        leaderEpoch: 0,
        producerIds: new BrokerScopedProducerIds(new StoreProducerIdAllocator(store), config.brokerId),
      };
    } else {
      const replicated = new LocalReplicatedLog(store);
      let topics: TopicManager | undefined;
      const partitionMetrics = new PartitionMetrics(metrics.registry, () => topics?.allPartitions() ?? [], {
        labels: config.partitionMetricLabels,
      });
      topics = new TopicManager({ store, replicated, metrics: partitionMetrics, limits: { ...limits, brokerCount: 1 } });
      context = {
        config,
        topics,
        brokerId: config.brokerId,
        advertisedHost: config.advertisedHost ?? config.host,
        port: config.port,
        clusterId,
        leaderEpoch: replicated.term,
        producerIds: new StoreProducerIdAllocator(store),
      };
    }
    const dispatcher = new Dispatcher(context);
    let stopping: Promise<void> | undefined;
    const node = cluster;
    const running: ClientServer = new ClientServer({
      config,
      metrics,
      dispatcher,
      health: (): Record<string, unknown> => {
        // degraded: a replica here is damaged or catching up, the controller waits for the seeds, or the store failed.
        const { degraded, ...replicas } = node?.health() ?? { degraded: false };
        return {
          status: stopping ? 'shutting_down' : degraded ? 'degraded' : 'ok',
          brokerId: config.brokerId,
          clusterId,
          uptimeSeconds: Math.round((Date.now() - startedAtMs) / 1000),
          connections: running.connectionCount,
          ...(node ? { controllerId: node.controllerId(), brokersAlive: node.controller.state.aliveBrokers(Date.now()).map((b) => b.id) } : {}),
          ...replicas,
        };
      },
      routes: node ? (app) => node.routes(app) : undefined,
    });
    server = running;
    const port = await listenWithRetry(running, config.listenRetryMs);
    context.port = port;
    node?.start();

    const stop = async (): Promise<void> => {
      running.stopListening();
      await dispatcher.shutdown(config.shutdownGraceMs);
      // Let the last answers leave the outboxes (flushed at the end of the turn) before the close frames.
      await new Promise((resolve) => setImmediate(resolve));
      running.closeAll(CLOSE_GOING_AWAY, 'broker shutting down');
      try {
        await node?.stop();
        await store.commit();
      } finally {
        await store.close();
      }
    };
    return { port, httpPort: port, stop: () => (stopping ??= stop()) };
  } catch (err) {
    server?.stopListening();
    await cluster?.stop().catch(() => undefined);
    await store.close();
    throw err;
  }
}

/**
 * A restarted broker's port may still be held for a moment (the old process's sockets closing); a cluster broker
 * must come back on the address the seed list gives, so it retries with backoff rather than failing at once.
 */
async function listenWithRetry(server: ClientServer, retryForMs: number): Promise<number> {
  const deadline = Date.now() + retryForMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await server.listen();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
}

/**
 * Producer ids unique across the cluster without asking anyone: each broker hands out ids from its own durable
 * counter, scaled and offset by its id (cluster broker ids are below 1024), so no two brokers ever give the same.
 */
class BrokerScopedProducerIds implements ProducerIdAllocator {
  constructor(private readonly local: ProducerIdAllocator, private readonly brokerId: number) {}

  async allocate(): Promise<{ producerId: number; producerEpoch: number }> {
    const { producerId, producerEpoch } = await this.local.allocate();
    return { producerId: producerId * 1024 + this.brokerId, producerEpoch };
  }
}

async function loadClusterId(store: BrokerStore): Promise<string> {
  const stored = store.getMeta(CLUSTER_ID_META_KEY);
  if (stored) return Buffer.from(stored).toString('utf8');
  const clusterId = randomUUID();
  store.putMeta(CLUSTER_ID_META_KEY, Buffer.from(clusterId, 'utf8'));
  await store.commit();
  return clusterId;
}

async function runProcess(): Promise<void> {
  const partial = parseBrokerArgs(process.argv.slice(2));
  const broker = await startBroker(partial);
  const config = resolveBrokerConfig(partial);
  process.stdout.write(`${LISTENING_LINE_PREFIX}${JSON.stringify({
    port: broker.port, httpPort: broker.httpPort, pid: process.pid, brokerId: config.brokerId, dataDir: path.resolve(config.dataDir),
  })}\n`);
  const shutdown = (signal: string) => {
    process.stderr.write(`rafter broker: ${signal}, shutting down\n`);
    broker.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`rafter broker: shutdown failed: ${(err as Error).stack ?? String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module || path.resolve(process.argv[1] ?? '') === __filename) {
  runProcess().catch((err: unknown) => {
    process.stderr.write(`rafter broker: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
