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
import type { Registry } from 'prom-client';
import { ClusterNode } from './cluster/cluster-node';
import { parseBrokerArgs, parseSeeds, resolveBrokerConfig, type BrokerConfig } from './config';
import { createBrokerMetrics } from './metrics';
import { LocalReplicatedLog, PartitionMetrics } from './partition';
import { ClientServer, CLOSE_GOING_AWAY, Dispatcher, ListenError, type BrokerContext } from './server';
import {
  BrokerStore, DataDirLock, DataDirLockedError, StoreOpenError, moveStoreAside, type StorageCorruptionError,
} from './storage';
import { TopicManager } from './topics';

export interface RunningBroker {
  port: number;
  /** /health and /metrics are served on the client port. */
  httpPort?: number;
  stop(): Promise<void>;
}

const CLUSTER_ID_META_KEY = 'cluster-id';
/** The scrubber runs in steps of this period, each reading its share of scrubBytesPerSecond. */
const SCRUB_STEP_MS = 250;
export const LISTENING_LINE_PREFIX = 'rafter broker listening ';

export async function startBroker(partialConfig: Partial<BrokerConfig> = {}): Promise<RunningBroker> {
  const config = resolveBrokerConfig(partialConfig);
  const startedAtMs = Date.now();
  mkdirSync(config.dataDir, { recursive: true });
  // Before the store is opened: a second broker on this directory is refused without touching it.
  const lock = DataDirLock.acquire(config.dataDir);
  const metrics = createBrokerMetrics(config.brokerId);
  let store: BrokerStore;
  try {
    store = openStore(config, metrics.registry);
  } catch (err) {
    lock.release();
    throw err;
  }
  let server: ClientServer | undefined;
  let cluster: ClusterNode | undefined;
  let scrubTimer: NodeJS.Timeout | undefined;
  // Named once the partitions exist: damage found while they recover is logged after they have.
  let partitionOfGroup: (groupId: number) => { topic: string; partition: number } | undefined = () => undefined;
  const describeGroup = (groupId: number): string => {
    const p = partitionOfGroup(groupId);
    if (p) return `partition ${p.topic}/${p.partition} (group ${groupId})`;
    return groupId === 0 ? 'the controller (group 0)' : `group ${groupId}`;
  };
  // In a cluster the cluster node says it, with what it does about it (the replica is rebuilt from the others).
  if (config.seeds === undefined) {
    store.onCorruption((err: StorageCorruptionError) => queueMicrotask(() => process.stderr.write(
      `rafter broker: storage damage in ${describeGroup(err.groupId)} at index ${err.index}, check ${err.check}: ${err.reason}; ` +
      'its reads answer STORAGE_ERROR\n',
    )));
  }
  try {
    const clusterId = config.clusterId ?? await loadClusterId(store);
    const limits = {
      maxPartitionsPerTopic: config.maxPartitionsPerTopic,
      defaultMaxMessageBytes: config.defaultMaxMessageBytes,
      maxMessageBytesCeiling: config.maxFrameBytes - 1024,
      maxSplitKeyBytes: config.maxSplitKeyBytes,
      maxSplitKeysBytesPerTopic: config.maxSplitKeysBytesPerTopic,
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
      const hosting = cluster;
      partitionOfGroup = (groupId) => hosting.partitions.byGroupId(groupId);
      context = {
        config,
        topics: cluster,
        cluster,
        brokerId: config.brokerId,
        advertisedHost: config.advertisedHost ?? config.host,
        port: config.port,
        clusterId,
        leaderEpoch: 0,
      };
    } else {
      const replicated = new LocalReplicatedLog(store);
      let topics: TopicManager | undefined;
      const partitionMetrics = new PartitionMetrics(metrics.registry, () => topics?.allPartitions() ?? [], {
        labels: config.partitionMetricLabels,
      });
      topics = new TopicManager({ store, replicated, metrics: partitionMetrics, limits: { ...limits, brokerCount: 1 } });
      const manager = topics;
      partitionOfGroup = (groupId) => [...manager.allPartitions()].find((p) => p.groupId === groupId);
      context = {
        config,
        topics,
        brokerId: config.brokerId,
        advertisedHost: config.advertisedHost ?? config.host,
        port: config.port,
        clusterId,
        leaderEpoch: replicated.term,
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
        // degraded: stored data is damaged, a replica here is rebuilding or catching up, the controller waits for
        // the seeds, or the store failed.
        const { degraded, ...replicas } = node?.health() ?? { degraded: false };
        return {
          status: stopping ? 'shutting_down' : degraded || store.damagedGroups().length > 0 ? 'degraded' : 'ok',
          ...damageReport(store, partitionOfGroup),
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
    if (config.scrubBytesPerSecond > 0) {
      const scrubber = store.scrubber(Date.now);
      const stepBytes = Math.max(1, Math.round((config.scrubBytesPerSecond * SCRUB_STEP_MS) / 1000));
      scrubTimer = setInterval(() => scrubber.scrubStep(stepBytes), SCRUB_STEP_MS);
      scrubTimer.unref();
    }

    const stop = async (): Promise<void> => {
      clearInterval(scrubTimer);
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
        lock.release();
      }
    };
    return { port, httpPort: port, stop: () => (stopping ??= stop()) };
  } catch (err) {
    clearInterval(scrubTimer);
    server?.stopListening();
    await cluster?.stop().catch(() => undefined);
    await store.close();
    lock.release();
    throw err;
  }
}

/**
 * Opens the store, or says in one line why it cannot and what the operator can do. With --rebuild-from-peers a store
 * that cannot be opened is moved aside and the broker starts on a fresh one (in a cluster it catches up from the
 * other replicas, as a store it has never seen).
 */
function openStore(config: BrokerConfig, registry: Registry): BrokerStore {
  const options = { dataDir: config.dataDir, durable: config.durable, mapSizeBytes: config.mapSizeBytes, registry };
  try {
    return BrokerStore.open(options);
  } catch (err) {
    if (!(err instanceof StoreOpenError)) throw err;
    if (!config.rebuildFromPeers) {
      throw new StoreOpenError(err.file, `${err.problem}. Nothing was changed. Restore the file from a backup, or ` +
        'start with --rebuild-from-peers to move it aside and start on a fresh store (in a cluster it catches up ' +
        'from the other replicas; a single broker starts empty)');
    }
    const moved = moveStoreAside(config.dataDir, new Date());
    process.stderr.write(`rafter broker: ${err.message}; --rebuild-from-peers: moved it aside to ${moved.join(' and ')} ` +
      `and starting on a fresh store${config.seeds === undefined ? ' (a single broker: it starts empty)' : ' that catches up from the other replicas'}\n`);
    return BrokerStore.open(options);
  }
}

/** /health's account of damaged stored data, one item per group. */
function damageReport(
  store: BrokerStore, partitionOfGroup: (groupId: number) => { topic: string; partition: number } | undefined,
): Record<string, unknown> {
  const damaged = store.damagedGroups();
  if (damaged.length === 0) return {};
  return {
    damagedGroups: damaged.map((err) => {
      const p = partitionOfGroup(err.groupId);
      return { groupId: err.groupId, ...(p ? { topic: p.topic, partition: p.partition } : {}), index: err.index, check: err.check, reason: err.reason };
    }),
  };
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
      if (Date.now() >= deadline) {
        // A port still held when the window ends belongs to a live process: fail, naming the window waited.
        throw err instanceof ListenError && retryForMs > 0 ? new ListenError(err.host, err.port, retryForMs) : err;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
    }
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
    // Refusals an operator caused or can act on (a store that cannot be opened) get one line; anything else its stack.
    const refused = err instanceof DataDirLockedError || err instanceof ListenError || err instanceof StoreOpenError;
    process.stderr.write(`rafter broker: ${refused ? err.message : (err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
