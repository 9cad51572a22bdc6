// The broker the benchmark measures: its own process (`broker/main.ts` through bin/run-ts.cjs) on a temporary data
// dir and a free loopback port, so the broker's CPU is not the client's and can be read from /proc by PID. Node
// flags (e.g. --cpu-prof) go before the script. Stopped with SIGTERM (a graceful exit writes any CPU profile),
// SIGKILL after a grace period; the data dir is removed unless kept.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
const LISTENING_LINE_PREFIX = 'rafter broker listening ';
const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

export interface BenchBrokerOptions {
  /** Extra broker flags, e.g. ['--durable', 'false']. */
  brokerArgs?: string[];
  /** Node flags placed before the script, e.g. ['--cpu-prof', '--cpu-prof-dir', dir]. */
  nodeArgs?: string[];
  keepDataDir?: boolean;
}

export interface BenchBroker {
  readonly pid: number;
  readonly port: number;
  readonly dataDir: string;
  /** User + system CPU seconds the broker process has used so far (0 where /proc is missing). */
  cpuSeconds(): number;
  /** Bytes the broker passed to write(2) and sent to the block layer so far (/proc/PID/io). */
  ioBytes(): { written: number; toDisk: number };
  stop(graceMs?: number): Promise<void>;
}

export async function startBenchBroker(options: BenchBrokerOptions = {}): Promise<BenchBroker> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-bench-'));
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(REPO_ROOT, 'bin/run-ts.cjs'), path.join(REPO_ROOT, 'broker/main.ts'),
      '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0', ...(options.brokerArgs ?? [])],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = () => {
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`broker did not start within 30 s; stderr:\n${stderr}`));
    }, 30_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith(LISTENING_LINE_PREFIX));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line.slice(LISTENING_LINE_PREFIX.length)) as { port: number }).port);
    });
    void exited.then(() => {
      clearTimeout(timer);
      cleanUp();
      reject(new Error(`broker exited before listening; stderr:\n${stderr}`));
    });
  });

  const pid = child.pid!;
  return {
    pid,
    port,
    dataDir,
    cpuSeconds: () => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return 0;
      }
    },
    ioBytes: () => {
      try {
        const io = readFileSync(`/proc/${pid}/io`, 'utf8');
        return { written: Number(/wchar: (\d+)/.exec(io)?.[1] ?? 0), toDisk: Number(/write_bytes: (\d+)/.exec(io)?.[1] ?? 0) };
      } catch {
        return { written: 0, toDisk: 0 };
      }
    },
    stop: async (graceMs = 20_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      cleanUp();
      if (child.exitCode !== 0) process.stderr.write(`bench: broker exited with ${child.exitCode ?? child.signalCode}; stderr:\n${stderr}\n`);
    },
  };
}
