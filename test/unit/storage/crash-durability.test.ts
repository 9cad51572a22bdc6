// Acknowledged means durable: a child process appends and commits, reports what each resolved commit covered, and
// is SIGKILLed mid-stream; the reopened store must hold every acknowledged entry.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { crashPayload } from './crash-payload';
import { openTempStore } from './temp-store';

const ROOT = path.resolve(__dirname, '../../..');
const GROUPS = 4;
const ACKS_BEFORE_KILL = 300;

function runUntilKilled(dataDir: string): Promise<Map<number, number>> {
  const acked = new Map<number, number>();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.cjs', 'test/unit/storage/crash-writer.ts', dataDir, String(GROUPS)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    let stderr = '';
    let count = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [, groupId, index] = line.split(' ').map(Number);
        acked.set(groupId, Math.max(acked.get(groupId) ?? 0, index));
        if (++count === ACKS_BEFORE_KILL) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash durability', () => {
  it('every entry acknowledged before a SIGKILL is in the reopened store', async () => {
    const temp = openTempStore();
    const { dataDir } = temp;
    await temp.store.close();
    try {
      const acked = await runUntilKilled(dataDir);
      expect(acked.size).toBe(GROUPS);
      const store = await temp.reopen();
      for (const [groupId, lastAcked] of acked) {
        const log = store.group(groupId);
        expect(log.lastIndex()).toBeGreaterThanOrEqual(lastAcked);
        const entries = log.entries(1, lastAcked + 1);
        expect(entries).toHaveLength(lastAcked);
        for (const entry of entries) expect(Buffer.from(entry.data)).toEqual(crashPayload(groupId, entry.index));
      }
    } finally {
      await temp.dispose();
    }
  }, 60_000);
});
