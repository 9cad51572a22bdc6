// A broker's configuration: defaults for the embedded single-broker case, validated once at startup so that a bad
// value fails loudly before anything listens or opens the data directory.
import type { PartitionMetricLabels } from './metrics';

export interface BrokerConfig {
  /** Directory of the broker's LMDB environment. */
  dataDir: string;
  /** Address the client endpoint (WebSocket '/') and HTTP (/health, /metrics) listen on. */
  host: string;
  /** 0: pick a free port (the chosen one is reported by startBroker and the listening line). */
  port: number;
  /** Host clients are told to connect to in metadata; defaults to `host`. */
  advertisedHost?: string;
  brokerId: number;
  /** The largest frame a client may send. */
  maxFrameBytes: number;
  /** Bytes a connection may have waiting in its send buffer before its responses are dropped (fatal for it). */
  maxBackpressureBytes: number;
  /** Above this many buffered bytes a connection's requests wait until its send buffer drains. */
  pauseAboveBufferedBytes: number;
  /** Bytes of requests a paused connection may queue before the broker closes it. */
  maxQueuedRequestBytes: number;
  /** Bound on one fetch response, whatever the client asks for. */
  maxFetchBytes: number;
  /** Bound on a fetch's long poll, whatever the client asks for. */
  maxFetchWaitMs: number;
  /** max.message.bytes of topics created without one. */
  defaultMaxMessageBytes: number;
  maxPartitionsPerTopic: number;
  /** Seconds a client connection may stay silent (uWS granularity is ~4 s); 0 disables. */
  idleTimeoutSeconds: number;
  /**
   * A client connection with no request in flight and none arriving for this long is closed (as Kafka's
   * connections.max.idle.ms); unlike idleTimeoutSeconds, answering pings does not keep it open. 0 disables.
   */
  connectionMaxIdleMs: number;
  /** Open client connections, in total and from one remote address; more are refused at the upgrade (HTTP 503). */
  maxConnections: number;
  maxConnectionsPerIp: number;
  /**
   * Requests of one connection being served at once, by count and by frame bytes; more wait, in the connection's
   * queue (maxQueuedRequestBytes), until one is answered.
   */
  maxInFlightRequestsPerConnection: number;
  maxInFlightRequestBytesPerConnection: number;
  /** Partitions one produce, fetch or list-offsets request may name (each at most once). */
  maxPartitionsPerRequest: number;
  /** Topics one metadata request may name. */
  maxTopicsPerMetadataRequest: number;
  /** Bound on a metadata or list-topics answer: past it the answer is cut at a topic and says so (truncated). */
  maxMetadataResponseBytes: number;
  /** Bound on each split key of a RANGE topic, and on all of its split keys together. */
  maxSplitKeyBytes: number;
  maxSplitKeysBytesPerTopic: number;
  /**
   * Origins a browser may open the client WebSocket from, besides the broker's own host (http(s)://host:port as the
   * client reached it); "*" allows any. A request without an Origin header (not a browser) is always let in.
   */
  allowedOrigins: string[];
  /** How long a graceful shutdown waits for in-flight writes before answering BROKER_SHUTTING_DOWN. */
  shutdownGraceMs: number;
  /** false only for benchmarks that measure without fsync; acknowledged writes may then be lost on a crash. */
  durable: boolean;
  mapSizeBytes?: number;
  /**
   * Cluster mode: the seed brokers, "id@host:port" separated by commas, this broker among them. They run the
   * controller (Raft group 0) and every address is where clients and peers reach that broker. Absent: a
   * one-broker cluster, exactly the single-broker mode.
   */
  seeds?: string;
  /** Cluster mode: brokers refuse peers of another cluster id. Default: derived from the seed list. */
  clusterId?: string;
  /** Cluster mode: the Raft tick, and ticks without a leader before an election (per group). */
  raftTickMs: number;
  raftElectionTicks: number;
  /** Cluster mode: a broker the controller has not heard from for this long is dead (for placement, metadata). */
  livenessTimeoutMs: number;
  /** How long listen() is retried while the port is unavailable. Default 0 alone, 30 s in cluster mode. */
  listenRetryMs: number;
  /** Per-partition metric series labelled by topic and partition, or ('topic') summed per topic for many partitions. */
  partitionMetricLabels: PartitionMetricLabels;
  /** Stored bytes per second the background scrubber reads and checks; 0 turns it off. */
  scrubBytesPerSecond: number;
  /**
   * When the store cannot be opened: move it aside (rafter.lmdb.damaged-<UTC time>) and start on a fresh one, whose
   * data comes from the other replicas. Without it the broker refuses to start and says so.
   */
  rebuildFromPeers: boolean;
}

/** A seed broker as --seeds names it. */
export interface SeedBroker {
  readonly id: number;
  readonly host: string;
  readonly port: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_BROKER_CONFIG: Readonly<BrokerConfig> = {
  dataDir: './data',
  host: '127.0.0.1',
  port: 9092,
  brokerId: 1,
  maxFrameBytes: 8 * MiB,
  maxBackpressureBytes: 64 * MiB,
  pauseAboveBufferedBytes: 4 * MiB,
  maxQueuedRequestBytes: 32 * MiB,
  maxFetchBytes: 8 * MiB,
  maxFetchWaitMs: 30_000,
  defaultMaxMessageBytes: 1 * MiB,
  maxPartitionsPerTopic: 1024,
  idleTimeoutSeconds: 120,
  connectionMaxIdleMs: 10 * 60_000,
  maxConnections: 8192,
  maxConnectionsPerIp: 1024,
  maxInFlightRequestsPerConnection: 256,
  maxInFlightRequestBytesPerConnection: 32 * MiB,
  maxPartitionsPerRequest: 10_000,
  maxTopicsPerMetadataRequest: 1_000,
  maxMetadataResponseBytes: 4 * MiB,
  maxSplitKeyBytes: 1024,
  maxSplitKeysBytesPerTopic: 64 * 1024,
  allowedOrigins: [],
  shutdownGraceMs: 5_000,
  durable: true,
  raftTickMs: 100,
  raftElectionTicks: 10,
  livenessTimeoutMs: 6_000,
  listenRetryMs: 0,
  partitionMetricLabels: 'partition',
  scrubBytesPerSecond: 4 * MiB,
  rebuildFromPeers: false,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function checkInteger(config: BrokerConfig, key: keyof BrokerConfig, min: number, max = Number.MAX_SAFE_INTEGER): void {
  const value = config[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
}

/** Fills in defaults and checks every value and the relations between them. */
export function resolveBrokerConfig(partial: Partial<BrokerConfig> = {}): BrokerConfig {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const config: BrokerConfig = { ...DEFAULT_BROKER_CONFIG, ...defined };
  if (typeof config.dataDir !== 'string' || config.dataDir === '') throw new ConfigError('dataDir must be a non-empty path');
  if (typeof config.host !== 'string' || config.host === '') throw new ConfigError('host must be a non-empty string');
  checkInteger(config, 'port', 0, 65535);
  checkInteger(config, 'brokerId', 1, 2 ** 31 - 1);
  // The frame holds a batch plus its envelope, so a frame must fit the largest batch a topic can accept.
  checkInteger(config, 'maxFrameBytes', 1024, 1024 * MiB);
  checkInteger(config, 'defaultMaxMessageBytes', 64, config.maxFrameBytes - 1024);
  checkInteger(config, 'maxFetchBytes', 1024, config.maxFrameBytes);
  checkInteger(config, 'pauseAboveBufferedBytes', 1024);
  // A paused connection still receives the responses of requests already in flight; the gap between the pause
  // threshold and the drop limit must hold at least a few of the largest responses.
  checkInteger(config, 'maxBackpressureBytes', config.pauseAboveBufferedBytes + 2 * config.maxFetchBytes);
  checkInteger(config, 'maxQueuedRequestBytes', config.maxFrameBytes);
  checkInteger(config, 'maxFetchWaitMs', 0, 10 * 60_000);
  checkInteger(config, 'maxPartitionsPerTopic', 1, 65536);
  checkInteger(config, 'idleTimeoutSeconds', 0, 3600);
  checkInteger(config, 'connectionMaxIdleMs', 0, 24 * 60 * 60_000);
  // Defaults that a bound they must respect (the frame size) can undercut or outgrow follow it.
  if (partial.maxInFlightRequestBytesPerConnection === undefined) {
    config.maxInFlightRequestBytesPerConnection = Math.max(config.maxInFlightRequestBytesPerConnection, config.maxFrameBytes);
  }
  if (partial.maxMetadataResponseBytes === undefined) {
    config.maxMetadataResponseBytes = Math.min(config.maxMetadataResponseBytes, config.maxFrameBytes);
  }
  checkInteger(config, 'maxConnections', 1);
  checkInteger(config, 'maxConnectionsPerIp', 1, config.maxConnections);
  checkInteger(config, 'maxInFlightRequestsPerConnection', 1, 1_000_000);
  // One largest frame must be able to be in flight, and a queued one must fit the queue.
  checkInteger(config, 'maxInFlightRequestBytesPerConnection', config.maxFrameBytes);
  checkInteger(config, 'maxPartitionsPerRequest', 1, 1_000_000);
  checkInteger(config, 'maxTopicsPerMetadataRequest', 1, 1_000_000);
  checkInteger(config, 'maxMetadataResponseBytes', 1024, config.maxFrameBytes);
  checkInteger(config, 'maxSplitKeyBytes', 1, 1024 * 1024);
  checkInteger(config, 'maxSplitKeysBytesPerTopic', 1, config.maxFrameBytes);
  if (!Array.isArray(config.allowedOrigins) || !config.allowedOrigins.every((o) => typeof o === 'string' && o !== '')) {
    throw new ConfigError('allowedOrigins must be a list of origins (scheme://host[:port]) or "*"');
  }
  checkInteger(config, 'shutdownGraceMs', 0, 10 * 60_000);
  if (config.mapSizeBytes !== undefined) checkInteger(config, 'mapSizeBytes', MiB);
  if (typeof config.durable !== 'boolean') throw new ConfigError('durable must be a boolean');
  if (typeof config.rebuildFromPeers !== 'boolean') throw new ConfigError('rebuildFromPeers must be a boolean');
  checkInteger(config, 'scrubBytesPerSecond', 0, 1024 * MiB);
  checkInteger(config, 'raftTickMs', 1, 10_000);
  checkInteger(config, 'raftElectionTicks', 2, 1000);
  checkInteger(config, 'livenessTimeoutMs', 100, 10 * 60_000);
  if (partial.listenRetryMs === undefined && config.seeds !== undefined) config.listenRetryMs = 30_000;
  checkInteger(config, 'listenRetryMs', 0, 10 * 60_000);
  if (config.partitionMetricLabels !== 'partition' && config.partitionMetricLabels !== 'topic') {
    throw new ConfigError(`partitionMetricLabels must be partition or topic, got ${String(config.partitionMetricLabels)}`);
  }
  if (config.seeds !== undefined) {
    const seeds = parseSeeds(config.seeds);
    const own = seeds.find((s) => s.id === config.brokerId);
    if (!own) throw new ConfigError(`seeds must name this broker (id ${config.brokerId}): ${config.seeds}`);
    // The seed list is every broker's address book: this broker must listen where the others will dial it.
    if (config.port === 0) config.port = own.port;
    if (config.port !== own.port) throw new ConfigError(`port ${config.port} differs from this broker's seed address ${own.host}:${own.port}`);
    config.advertisedHost ??= own.host;
    config.clusterId ??= `rafter-${seeds.map((s) => `${s.id}@${s.host}:${s.port}`).join(',')}`;
  }
  if (config.idleTimeoutSeconds !== 0 && config.idleTimeoutSeconds < 8) {
    throw new ConfigError('idleTimeoutSeconds must be 0 (off) or at least 8 (uWS timer granularity is 4 s)');
  }
  return config;
}

/** 'switch': a boolean that may stand alone (`--rebuild-from-peers` means true). */
const FLAGS: Record<string, { key: keyof BrokerConfig; kind: 'string' | 'number' | 'boolean' | 'switch' | 'list' }> = {
  '--data-dir': { key: 'dataDir', kind: 'string' },
  '--host': { key: 'host', kind: 'string' },
  '--port': { key: 'port', kind: 'number' },
  '--advertised-host': { key: 'advertisedHost', kind: 'string' },
  '--broker-id': { key: 'brokerId', kind: 'number' },
  '--max-frame-bytes': { key: 'maxFrameBytes', kind: 'number' },
  '--max-fetch-bytes': { key: 'maxFetchBytes', kind: 'number' },
  '--max-message-bytes': { key: 'defaultMaxMessageBytes', kind: 'number' },
  '--shutdown-grace-ms': { key: 'shutdownGraceMs', kind: 'number' },
  '--durable': { key: 'durable', kind: 'boolean' },
  '--seeds': { key: 'seeds', kind: 'string' },
  '--cluster-id': { key: 'clusterId', kind: 'string' },
  '--raft-tick-ms': { key: 'raftTickMs', kind: 'number' },
  '--raft-election-ticks': { key: 'raftElectionTicks', kind: 'number' },
  '--liveness-timeout-ms': { key: 'livenessTimeoutMs', kind: 'number' },
  '--listen-retry-ms': { key: 'listenRetryMs', kind: 'number' },
  '--partition-metrics': { key: 'partitionMetricLabels', kind: 'string' },
  '--scrub-bytes-per-second': { key: 'scrubBytesPerSecond', kind: 'number' },
  '--rebuild-from-peers': { key: 'rebuildFromPeers', kind: 'switch' },
  '--connection-max-idle-ms': { key: 'connectionMaxIdleMs', kind: 'number' },
  '--max-connections': { key: 'maxConnections', kind: 'number' },
  '--max-connections-per-ip': { key: 'maxConnectionsPerIp', kind: 'number' },
  '--max-in-flight-requests-per-connection': { key: 'maxInFlightRequestsPerConnection', kind: 'number' },
  '--max-in-flight-request-bytes-per-connection': { key: 'maxInFlightRequestBytesPerConnection', kind: 'number' },
  '--max-partitions-per-request': { key: 'maxPartitionsPerRequest', kind: 'number' },
  '--max-topics-per-metadata-request': { key: 'maxTopicsPerMetadataRequest', kind: 'number' },
  '--max-metadata-response-bytes': { key: 'maxMetadataResponseBytes', kind: 'number' },
  '--max-split-key-bytes': { key: 'maxSplitKeyBytes', kind: 'number' },
  '--max-split-keys-bytes-per-topic': { key: 'maxSplitKeysBytesPerTopic', kind: 'number' },
  '--allowed-origins': { key: 'allowedOrigins', kind: 'list' },
};

/** "1@127.0.0.1:9092,2@127.0.0.1:9093": ids unique, 1, 3 or 5 of them (the controller's voters). */
export function parseSeeds(text: string): SeedBroker[] {
  const seeds = text.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => {
    const m = /^(\d+)@(.+):(\d+)$/.exec(part);
    if (!m) throw new ConfigError(`seed "${part}" is not id@host:port`);
    const seed = { id: Number(m[1]), host: m[2], port: Number(m[3]) };
    if (!Number.isInteger(seed.id) || seed.id < 1 || seed.id > 1023) throw new ConfigError(`seed "${part}": broker ids in a cluster are 1..1023`);
    if (seed.port < 1 || seed.port > 65535) throw new ConfigError(`seed "${part}": port out of range`);
    return seed;
  });
  if (![1, 3, 5].includes(seeds.length)) throw new ConfigError(`seeds: the controller runs on 1, 3 or 5 brokers, got ${seeds.length}`);
  if (new Set(seeds.map((s) => s.id)).size !== seeds.length) throw new ConfigError('seeds: a broker id appears twice');
  return seeds.sort((a, b) => a.id - b.id);
}

/** `--flag value` pairs into a partial config; unknown flags and malformed values throw. */
export function parseBrokerArgs(argv: readonly string[]): Partial<BrokerConfig> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = FLAGS[argv[i]];
    const raw = argv[i + 1];
    if (!flag) throw new Error(`unknown option ${argv[i]} (known: ${Object.keys(FLAGS).join(', ')})`);
    if (flag.kind === 'switch' && raw !== 'true' && raw !== 'false') {
      out[flag.key] = true;
      i--; // took no value: the next argument is the next flag
      continue;
    }
    if (raw === undefined) throw new Error(`option ${argv[i]} needs a value`);
    if (flag.kind === 'string') out[flag.key] = raw;
    else if (flag.kind === 'list') out[flag.key] = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
    else if (flag.kind === 'boolean' || flag.kind === 'switch') {
      if (raw !== 'true' && raw !== 'false') throw new Error(`option ${argv[i]} is true or false, got ${raw}`);
      out[flag.key] = raw === 'true';
    } else {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new Error(`option ${argv[i]} needs a number, got ${raw}`);
      out[flag.key] = n;
    }
  }
  return out as Partial<BrokerConfig>;
}
