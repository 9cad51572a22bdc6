// A single broker: storage, topics and partitions, the client front door. `startBroker` is what `rafter broker
// start` and the tests call; run as a process (`node bin/run-ts.cjs broker/main.ts --data-dir D --port 0`) it prints
// one line when listening, `rafter broker listening {"port":…,"httpPort":…,"pid":…,"brokerId":…,"dataDir":…}`, and
// shuts down gracefully on SIGTERM or SIGINT: no new connections or requests, waiting fetches answered, writes in
// flight committed and answered (or BROKER_SHUTTING_DOWN after shutdownGraceMs), storage committed and closed, exit 0.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseBrokerArgs, resolveBrokerConfig, type BrokerConfig } from './config';
import { createBrokerMetrics } from './metrics';
import { LocalReplicatedLog, PartitionMetrics } from './partition';
import { ClientServer, CLOSE_GOING_AWAY, Dispatcher, StoreProducerIdAllocator, type BrokerContext } from './server';
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
  try {
    const clusterId = await loadClusterId(store);
    const replicated = new LocalReplicatedLog(store);
    let topics: TopicManager | undefined;
    const partitionMetrics = new PartitionMetrics(metrics.registry, () => topics?.allPartitions() ?? []);
    topics = new TopicManager({
      store,
      replicated,
      metrics: partitionMetrics,
      limits: {
        maxPartitionsPerTopic: config.maxPartitionsPerTopic,
        defaultMaxMessageBytes: config.defaultMaxMessageBytes,
        maxMessageBytesCeiling: config.maxFrameBytes - 1024,
        brokerCount: 1,
      },
    });
    const context: BrokerContext = {
      config,
      topics,
      brokerId: config.brokerId,
      advertisedHost: config.advertisedHost ?? config.host,
      port: config.port,
      clusterId,
      leaderEpoch: replicated.term,
      producerIds: new StoreProducerIdAllocator(store),
    };
    const dispatcher = new Dispatcher(context);
    let stopping: Promise<void> | undefined;
    const running: ClientServer = new ClientServer({
      config,
      metrics,
      dispatcher,
      health: (): Record<string, unknown> => ({
        status: stopping ? 'shutting_down' : 'ok',
        brokerId: config.brokerId,
        clusterId,
        uptimeSeconds: Math.round((Date.now() - startedAtMs) / 1000),
        connections: running.connectionCount,
      }),
    });
    server = running;
    const port = await running.listen();
    context.port = port;

    const stop = async (): Promise<void> => {
      running.stopListening();
      await dispatcher.shutdown(config.shutdownGraceMs);
      // Let the last answers leave the outboxes (flushed at the end of the turn) before the close frames.
      await new Promise((resolve) => setImmediate(resolve));
      running.closeAll(CLOSE_GOING_AWAY, 'broker shutting down');
      try {
        await store.commit();
      } finally {
        await store.close();
      }
    };
    return { port, httpPort: port, stop: () => (stopping ??= stop()) };
  } catch (err) {
    server?.stopListening();
    await store.close();
    throw err;
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
