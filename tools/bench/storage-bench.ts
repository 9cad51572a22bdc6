// Storage throughput: fsynced appends through BrokerStore's group commit. Each of G groups appends one entry of V
// bytes and awaits its commit, again and again, so the groups share transactions the way partitions do under load.
// Prints MB/s, transactions (fsyncs) per second, groups per transaction and commit latency per value size.
//   node bin/run-ts.cjs tools/bench/storage-bench.ts [--groups 8] [--seconds 5] [--sizes 1024,65536] [--entries 1]
//     [--no-durable]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Registry } from 'prom-client';
import { EntryType, type Entry } from '../../broker/raft/types';
import { BrokerStore } from '../../broker/storage';

const { values } = parseArgs({
  options: {
    groups: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1024,65536' },
    /** Entries each group appends per commit. */
    entries: { type: 'string', default: '1' },
    'no-durable': { type: 'boolean', default: false },
  },
});
const groups = Number(values.groups);
const seconds = Number(values.seconds);
const sizes = values.sizes.split(',').map(Number);
const entriesPerCommit = Number(values.entries);
const durable = !values['no-durable'];

interface Result {
  valueBytes: number;
  bytes: number;
  entries: number;
  transactions: number;
  elapsedS: number;
  latenciesMs: number[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The store's own count of committed transactions (one fsync each). */
async function transactionsTotal(registry: Registry): Promise<number> {
  const metric = await registry.getSingleMetric('rafter_storage_transactions_total')?.get();
  return metric?.values[0]?.value ?? 0;
}

async function run(valueBytes: number): Promise<Result> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-storage-bench-'));
  const registry = new Registry();
  const store = BrokerStore.open({ dataDir, durable, registry });
  const value = Buffer.alloc(valueBytes, 0x5a);
  const latenciesMs: number[] = [];
  let bytes = 0;
  let entries = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  const writer = async (groupId: number): Promise<void> => {
    const log = store.group(groupId);
    while (process.hrtime.bigint() < deadline) {
      const batch: Entry[] = [];
      for (let i = 1; i <= entriesPerCommit; i++) {
        batch.push({ index: log.lastIndex() + i, term: 1, type: EntryType.Normal, data: value });
      }
      log.append(batch);
      const t0 = process.hrtime.bigint();
      await store.commit();
      latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      bytes += valueBytes * entriesPerCommit;
      entries += entriesPerCommit;
    }
  };
  await Promise.all(Array.from({ length: groups }, (_, i) => writer(i + 1)));
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  const transactions = await transactionsTotal(registry);
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { valueBytes, bytes, entries, transactions, elapsedS, latenciesMs };
}

async function main(): Promise<void> {
  console.log(`storage bench: ${groups} groups, ${entriesPerCommit} entr${entriesPerCommit === 1 ? 'y' : 'ies'} per group per commit, ` +
    `${seconds}s per size, ${durable ? 'fsynced' : 'NOT fsynced (--no-durable)'}`);
  for (const size of sizes) {
    const r = await run(size);
    const sorted = [...r.latenciesMs].sort((a, b) => a - b);
    console.log([
      `value ${String(r.valueBytes).padStart(6)} B`,
      `${(r.bytes / r.elapsedS / 1e6).toFixed(1).padStart(7)} MB/s`,
      `${Math.round(r.entries / r.elapsedS).toString().padStart(6)} entries/s`,
      `${Math.round(r.transactions / r.elapsedS).toString().padStart(5)} commits/s`,
      `${(r.entries / entriesPerCommit / r.transactions).toFixed(1)} groups/commit`,
      `commit p50 ${percentile(sorted, 50).toFixed(2)} ms p99 ${percentile(sorted, 99).toFixed(2)} ms`,
    ].join('  '));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
