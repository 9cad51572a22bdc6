// A local Prometheus for a local cluster: writes a config that scrapes every broker's /metrics (and, optionally,
// applications that serve client metrics) with grafana/alerts.yml as its rules, and runs the `prometheus` binary
// found on PATH on a loopback port, with its data in a directory of its own. `rafter cluster start --monitoring`
// and the dashboard check (test/integration/dashboards.test.ts) use it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const ALERT_RULES_FILE = path.join(REPO_ROOT, 'grafana', 'alerts.yml');
/** Job names the dashboards and alerts select on. */
export const BROKER_JOB = 'rafter';
export const CLIENT_JOB = 'rafter-clients';

export const PROMETHEUS_INSTALL_HINT =
  'prometheus is not installed: on Debian/Ubuntu `sudo apt-get install prometheus` (then `sudo systemctl disable --now prometheus` ' +
  'if you do not want the system service), or download it from https://prometheus.io/download/ and put `prometheus` on PATH';

export interface ScrapeTarget {
  /** host:port serving /metrics. */
  readonly address: string;
}

export interface PrometheusConfigOptions {
  readonly brokers: readonly ScrapeTarget[];
  /** Applications exposing client metrics (instrumentProducer/instrumentConsumer) at /metrics. */
  readonly clients?: readonly ScrapeTarget[];
  /** Default 5 s: local clusters are small, and short runs should show something quickly. */
  readonly scrapeIntervalSeconds?: number;
  /** Default [grafana/alerts.yml]. */
  readonly ruleFiles?: readonly string[];
}

/** The prometheus.yml text (YAML is a superset of JSON, so values are written as JSON strings). */
export function prometheusConfig(options: PrometheusConfigOptions): string {
  const interval = `${options.scrapeIntervalSeconds ?? 5}s`;
  const q = (s: string) => JSON.stringify(s);
  const job = (name: string, targets: readonly ScrapeTarget[]) => [
    `  - job_name: ${q(name)}`,
    '    metrics_path: /metrics',
    '    static_configs:',
    `      - targets: [${targets.map((t) => q(t.address)).join(', ')}]`,
  ];
  return [
    '# Written by rafter (tools/monitoring/prometheus.ts).',
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'rule_files:',
    ...(options.ruleFiles ?? [ALERT_RULES_FILE]).map((f) => `  - ${q(f)}`),
    'scrape_configs:',
    ...job(BROKER_JOB, options.brokers),
    ...(options.clients && options.clients.length > 0 ? job(CLIENT_JOB, options.clients) : []),
    '',
  ].join('\n');
}

/** The `prometheus` binary on PATH, or undefined. */
export function findPrometheus(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v prometheus'], { encoding: 'utf8' });
  const binary = found.stdout.trim();
  return found.status === 0 && binary !== '' ? binary : undefined;
}

export interface MonitoringOptions extends PrometheusConfigOptions {
  /** Config, data and log go here. */
  readonly dir: string;
  /** Default: a free port on 127.0.0.1. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
  /** Default true. false: Prometheus runs on after the caller exits (a CLI that starts a cluster and returns). */
  readonly attached?: boolean;
}

export interface RunningPrometheus {
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly configFile: string;
  /** Where Prometheus logs. */
  readonly logFile: string;
  /** The last 64 KiB it logged. */
  log(): string;
  /** SIGTERM, SIGKILL after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

export type MonitoringResult = { readonly started: RunningPrometheus } | { readonly missing: string; readonly configFile: string };

/**
 * Writes `<dir>/prometheus.yml` and starts Prometheus on it, once ready; when the binary is missing, writes the
 * config anyway and says how to install Prometheus.
 */
export async function startMonitoring(options: MonitoringOptions): Promise<MonitoringResult> {
  mkdirSync(options.dir, { recursive: true });
  const configFile = path.join(options.dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(options));
  const binary = findPrometheus();
  if (!binary) return { missing: PROMETHEUS_INSTALL_HINT, configFile };
  const port = options.port ?? await freePort();
  const dataDir = path.join(options.dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  // A file, not a pipe: a detached Prometheus outlives the process that started it.
  const logFile = path.join(options.dir, 'prometheus.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(binary, [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${dataDir}`,
    `--web.listen-address=127.0.0.1:${port}`,
    // /-/reload lets a caller point it at a changed cluster without a restart.
    '--web.enable-lifecycle',
  ], { stdio: ['ignore', logFd, logFd], detached: options.attached === false });
  closeSync(logFd);
  const log = () => readFileSync(logFile, 'utf8').slice(-65536);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, url, options.startTimeoutMs ?? 30_000, log);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  if (options.attached === false) child.unref();
  return {
    started: {
      pid: child.pid!,
      url,
      configFile,
      logFile,
      log,
      stop: (graceMs = 5_000) => stopChild(child, graceMs),
    },
  };
}

async function waitReady(child: ChildProcess, url: string, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`prometheus exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus not ready at ${url} within ${timeoutMs} ms:\n${log()}`);
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `rafter cluster start --monitoring`: Prometheus on the cluster's brokers, attached (stopped with the cluster), its
 * files under `dir`; tells the operator the URL, or how to install Prometheus. Never fails the cluster start.
 */
export async function monitorCluster(options: { dir: string; bootstrap: readonly string[]; log: (line: string) => void }): Promise<{ stop(): Promise<void> }> {
  try {
    const result = await startMonitoring({ dir: options.dir, brokers: options.bootstrap.map((address) => ({ address })) });
    if ('missing' in result) {
      options.log(`monitoring: wrote ${result.configFile}; ${result.missing}`);
      return { stop: async () => undefined };
    }
    const { started } = result;
    options.log(`monitoring: Prometheus at ${started.url} (pid ${started.pid}, config ${started.configFile}); ` +
      `Grafana: provision grafana/provisioning with RAFTER_PROMETHEUS_URL=${started.url}`);
    return { stop: () => started.stop() };
  } catch (err) {
    options.log(`monitoring: Prometheus did not start: ${(err as Error).message}`);
    return { stop: async () => undefined };
  }
}
