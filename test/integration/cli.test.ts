// The real `rafter` binary (bin/rafter.cjs, a child process) against a real broker process: stdin, stdout, stderr
// and exit codes as a shell sees them. Argument parsing and output formats are covered in-process by
// test/unit/cli; this file checks that the shipped entry point works end to end.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { hashPartition } from '../../client';
import { makeTempDataDir, REPO_ROOT, startBrokerProcess, stopAllBrokerProcesses, type BrokerProcess } from '../../tools/broker-process';

const RAFTER_BIN = path.join(REPO_ROOT, 'bin/rafter.cjs');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Everything this file spawned, ended by PID in afterAll if a failing test left one running. */
const children = new Set<ChildProcess>();

function spawnCli(args: string[]): ChildProcess {
  const { RAFTER_BROKERS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [RAFTER_BIN, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function runCli(args: string[], stdin = '', timeoutMs = 30_000): Promise<CliResult> {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  child.stdin!.end(stdin);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`rafter ${args.join(' ')} did not exit within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('rafter CLI binary against a broker process', () => {
  let broker: BrokerProcess;
  let cli: (args: string[], stdin?: string) => Promise<CliResult>;

  beforeAll(async () => {
    broker = await startBrokerProcess();
    cli = (args, stdin) => runCli([...args, '--brokers', `127.0.0.1:${broker.port}`], stdin);
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await stopAllBrokerProcesses();
  });

  it('creates, lists and describes topics as JSON, and fails with exit codes', async () => {
    const [created, ranged] = await Promise.all([
      cli(['topic', 'create', 'orders', '--partitions', '3', '--json']),
      cli(['topic', 'create', 'by-name', '--partitions', '3', '--split-keys', 'g,p', '--json']),
    ]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'orders', partitioning: 'hash', replicationFactor: 1, partitions: [{ partition: 0 }, { partition: 1 }, { partition: 2 }] });
    expect(JSON.parse(ranged.stdout)).toMatchObject({ name: 'by-name', partitioning: 'range', splitKeys: ['g', 'p'] });

    const [listed, described, duplicate, missing, usage] = await Promise.all([
      cli(['topic', 'list', '--json']),
      cli(['topic', 'describe', 'orders', '--json']),
      cli(['topic', 'create', 'orders', '--partitions', '1']),
      cli(['topic', 'describe', 'nope', '--json']),
      cli(['topic', 'create', 'x']),
    ]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { name: string }[]).map((t) => t.name)).toEqual(['by-name', 'orders']);
    expect(described.code).toBe(0);
    expect(JSON.parse(described.stdout).partitions).toEqual([0, 1, 2].map((partition) => expect.objectContaining({
      partition, leaderId: 1, logStartOffset: 0, logEndOffset: 0, highWatermark: 0, error: 'NONE',
    })));
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('TOPIC_ALREADY_EXISTS');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('UNKNOWN_TOPIC');
    expect(missing.stdout).toBe('');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--partitions is required');
  });

  it('produces key<TAB>value lines from stdin and consumes them back as JSON', async () => {
    expect((await cli(['topic', 'create', 'lines', '--partitions', '4'])).code).toBe(0);
    const count = 3_000;
    const lines = Array.from({ length: count }, (_, i) => `user-${i % 37}\tevent ${i} \u00e9\u2713`);
    const produced = await cli(['produce', 'lines', '--key-separator', '\\t'], `${lines.join('\n')}\n`);
    expect(produced.code).toBe(0);
    expect(produced.stderr).toMatch(/^produced 3000 records to lines in [\d.]+ s\n$/);

    const consumed = await cli(['consume', 'lines', '--from-beginning', '--max', String(count), '--json']);
    expect(consumed.code).toBe(0);
    const records = jsonLines(consumed.stdout);
    expect(records).toHaveLength(count);
    const lastOffset = new Map<number, number>();
    const lastEvent = new Map<string, number>();
    for (const r of records) {
      const key = r.key as string;
      const partition = r.partition as number;
      expect(r).toMatchObject({ topic: 'lines', headers: {} });
      expect(partition).toBe(hashPartition(new Uint8Array(Buffer.from(key)), 4));
      expect(r.offset as number).toBe((lastOffset.get(partition) ?? -1) + 1);
      lastOffset.set(partition, r.offset as number);
      // Lines of one key keep their stdin order.
      const event = Number(/^event (\d+) \u00e9\u2713$/.exec(r.value as string)![1]);
      expect(event).toBeGreaterThan(lastEvent.get(key) ?? -1);
      lastEvent.set(key, event);
    }
    expect(records.map((r) => `${r.key as string}\t${r.value as string}`).sort()).toEqual([...lines].sort());

    const limited = await cli(['consume', 'lines', '--from-beginning', '--max', '10', '--json']);
    expect(jsonLines(limited.stdout)).toHaveLength(10);
    const fromOffset = await cli(['consume', 'lines', '--partition', '2', '--from', `offset:${lastOffset.get(2)!}`]);
    expect(fromOffset.stdout.split('\n').filter(Boolean)).toHaveLength(1);

    const described = JSON.parse((await cli(['topic', 'describe', 'lines', '--json'])).stdout) as { partitions: { partition: number; highWatermark: number }[] };
    expect(described.partitions.map((p) => p.highWatermark)).toEqual([0, 1, 2, 3].map((p) => (lastOffset.get(p) ?? -1) + 1));
  });
});

describe('rafter broker start (the binary)', () => {
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await stopAllBrokerProcesses();
  });

  it('serves clients on the port it reports and stops gracefully on SIGTERM', async () => {
    const dataDir = makeTempDataDir();
    const child = spawnCli(['broker', 'start', '--data-dir', dataDir, '--port', '0']);
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line; stderr:\n${stderr}`)), 20_000);
      child.stderr!.on('data', (chunk: string) => {
        stderr += chunk;
        const match = /rafter broker listening on [\d.]+:(\d+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      void exited.then((code) => reject(new Error(`broker exited with ${code}; stderr:\n${stderr}`)));
    });
    const brokers = ['--brokers', `127.0.0.1:${port}`];
    expect((await runCli(['topic', 'create', 'cli-started', '--partitions', '1', ...brokers])).code).toBe(0);
    expect((await runCli(['produce', 'cli-started', ...brokers], 'hello\n')).code).toBe(0);
    expect((await runCli(['consume', 'cli-started', '--from-beginning', ...brokers])).stdout).toBe('hello\n');

    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('broker stopped');
  });
});
