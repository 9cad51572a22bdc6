// Real broker processes, for integration tests and benchmarks: `node bin/run-ts.cjs broker/main.ts` on a temporary
// data dir and a free port (port 0: the broker reports the port it bound in its listening line). Every process
// started here is tracked and ended by its PID: call stopAllBrokerProcesses() (in afterAll, or when a benchmark
// ends), so none outlives a failing test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
const LISTENING_LINE_PREFIX = 'rafter broker listening ';

export interface BrokerProcessOptions {
  /** Default: a fresh temporary directory (removed by removeTempDataDirs / stopAllBrokerProcesses). */
  dataDir?: string;
  /** Extra `--flag value` arguments for broker/main.ts (see parseBrokerArgs in broker/config.ts). */
  args?: string[];
  /** Node flags placed before the script, e.g. ['--cpu-prof', '--cpu-prof-dir', dir]. */
  nodeArgs?: string[];
  startTimeoutMs?: number;
}

export interface BrokerProcess {
  readonly pid: number;
  readonly port: number;
  readonly httpPort: number;
  readonly dataDir: string;
  /** ws://127.0.0.1:<port>/ */
  readonly url: string;
  /** http://127.0.0.1:<port> */
  readonly httpUrl: string;
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** SIGTERM (graceful shutdown), then SIGKILL after graceMs; resolves with the exit code (null if killed). */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL now, as a crash; resolves once the process is gone. */
  kill(): Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function makeTempDataDir(prefix = 'rafter-broker-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export async function startBrokerProcess(options: BrokerProcessOptions = {}): Promise<BrokerProcess> {
  const dataDir = options.dataDir ?? makeTempDataDir();
  const args = [
    ...(options.nodeArgs ?? []), path.join(REPO_ROOT, 'bin/run-ts.cjs'), path.join(REPO_ROOT, 'broker/main.ts'),
    '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1', ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const listening = await new Promise<{ port: number; httpPort: number; pid: number }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`broker did not report listening within ${options.startTimeoutMs ?? 20000} ms; stderr:\n${stderr}`));
    }, options.startTimeoutMs ?? 20000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith(LISTENING_LINE_PREFIX));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice(LISTENING_LINE_PREFIX.length)));
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`broker exited (code ${code}, signal ${signal}) before listening; stderr:\n${stderr}`));
    });
  });

  const pid = child.pid!;
  const signalAndWait = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    process.kill(pid, signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), graceMs); });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      process.kill(pid, 'SIGKILL');
      return exited;
    }
    return outcome;
  };

  return {
    pid,
    port: listening.port,
    httpPort: listening.httpPort,
    dataDir,
    url: `ws://127.0.0.1:${listening.port}/`,
    httpUrl: `http://127.0.0.1:${listening.httpPort}`,
    stderr: () => stderr,
    stop: async (graceMs = 10_000) => (await signalAndWait('SIGTERM', graceMs)).code,
    kill: async () => { await signalAndWait('SIGKILL', 10_000); },
    exited,
  };
}

/** Ends every broker process this module started (SIGTERM, SIGKILL after graceMs) and removes temporary data dirs. */
export async function stopAllBrokerProcesses(graceMs = 5_000): Promise<void> {
  await Promise.all([...running].map(async (child) => {
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Free TCP ports on 127.0.0.1 (bound at once and released, so another process could take one in between). */
export async function findFreePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export interface ClusterProcessOptions {
  /** 1, 3 or 5: every broker is a seed (a voter of the controller). */
  brokers: number;
  /** Data dirs go under it as broker-<id>; default a fresh temporary directory. */
  rootDir?: string;
  /** Ports of brokers 1..n; default free ones. */
  ports?: number[];
  /** Extra `--flag value` arguments for every broker. */
  args?: string[];
  nodeArgs?: string[];
  startTimeoutMs?: number;
  /**
   * The port broker `from` dials to reach broker `to` (default: `to`'s own port), e.g. a proxy's, so that a test can
   * cut or slow each direction between two brokers. Each broker then has its own seed list (and so the cluster id,
   * otherwise derived from the seed list, is passed explicitly).
   */
  peerPort?: (from: number, to: number) => number;
}

/** A local cluster of broker processes on loopback; brokers are addressed by id (1..n). */
export class ClusterProcesses {
  private readonly processes = new Map<number, BrokerProcess>();

  private constructor(
    readonly rootDir: string,
    readonly ports: readonly number[],
    readonly seeds: string,
    private readonly options: ClusterProcessOptions,
  ) {}

  static async start(options: ClusterProcessOptions): Promise<ClusterProcesses> {
    const rootDir = options.rootDir ?? makeTempDataDir('rafter-cluster-');
    const ports = options.ports ?? await findFreePorts(options.brokers);
    const seeds = ports.map((port, i) => `${i + 1}@127.0.0.1:${port}`).join(',');
    const cluster = new ClusterProcesses(rootDir, ports, seeds, options);
    // Together: a broker reports listening before it has a controller, which needs a quorum of the others.
    await Promise.all(ports.map((_, i) => cluster.startBroker(i + 1)));
    return cluster;
  }

  get brokerIds(): number[] {
    return this.ports.map((_, i) => i + 1);
  }

  /** "127.0.0.1:port" of every broker, for a client's bootstrap list. */
  get bootstrap(): string[] {
    return this.ports.map((port) => `127.0.0.1:${port}`);
  }

  dataDir(id: number): string {
    return path.join(this.rootDir, `broker-${id}`);
  }

  broker(id: number): BrokerProcess | undefined {
    return this.processes.get(id);
  }

  /** Starts broker `id` (again, after a stop or kill) on its own data dir and port; `extraArgs` for this start only. */
  async startBroker(id: number, extraArgs: readonly string[] = []): Promise<BrokerProcess> {
    const dataDir = this.dataDir(id);
    mkdirSync(dataDir, { recursive: true });
    const broker = await startBrokerProcess({
      dataDir,
      args: [
        '--broker-id', String(id), '--port', String(this.ports[id - 1]), ...this.seedArgs(id), ...(this.options.args ?? []), ...extraArgs,
      ],
      nodeArgs: this.options.nodeArgs,
      startTimeoutMs: this.options.startTimeoutMs,
    });
    this.processes.set(id, broker);
    return broker;
  }

  private seedArgs(id: number): string[] {
    const { peerPort } = this.options;
    if (!peerPort) return ['--seeds', this.seeds];
    const seeds = this.ports.map((port, i) => `${i + 1}@127.0.0.1:${i + 1 === id ? port : peerPort(id, i + 1)}`).join(',');
    return ['--seeds', seeds, '--cluster-id', `rafter-${this.seeds}`];
  }

  /** SIGKILL: a crash. */
  async kill(id: number): Promise<void> {
    await this.processes.get(id)?.kill();
  }

  /** SIGTERM: a graceful shutdown. */
  async stop(id: number): Promise<void> {
    await this.processes.get(id)?.stop();
  }

  /** GET /cluster of broker `id`: its view of the cluster (see broker/cluster/cluster-node.ts). */
  async clusterView(id: number): Promise<unknown> {
    const broker = this.processes.get(id);
    if (!broker) throw new Error(`broker ${id} was never started`);
    const response = await fetch(`${broker.httpUrl}/cluster`);
    return response.json();
  }

  async stopAll(graceMs = 5_000): Promise<void> {
    await Promise.all([...this.processes.values()].map((b) => b.stop(graceMs)));
  }
}
