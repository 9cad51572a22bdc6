// Real broker processes, for integration tests and benchmarks: `node bin/run-ts.cjs broker/main.ts` on a temporary
// data dir and a free port (port 0: the broker reports the port it bound in its listening line). Every process
// started here is tracked and ended by its PID: call stopAllBrokerProcesses() (in afterAll, or when a benchmark
// ends), so none outlives a failing test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
