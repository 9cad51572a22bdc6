// Storage metrics: the cost and shape of each group-commit transaction, and the size of the environment.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { REQUEST_LATENCY_BUCKETS_SECONDS } from '../metrics';
import { CORRUPTION_CHECKS, type CorruptionCheck } from './errors';

/** 1 KiB .. 64 MiB, ×4 per step. */
const TRANSACTION_BYTES_BUCKETS = [1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
const TRANSACTION_GROUPS_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

export interface StorageMetrics {
  readonly commitDurationSeconds: Histogram<string>;
  readonly transactionBytes: Histogram<string>;
  readonly transactionGroups: Histogram<string>;
  readonly transactionsTotal: Counter<string>;
  readonly transactionFailuresTotal: Counter<string>;
  readonly corruptionsDetectedTotal: Counter<'check'>;
  readonly scrubbedBytesTotal: Counter<string>;
  readonly scrubLastPassCompletedSeconds: Gauge<string>;
  /** Removes every storage metric from the registry, so a reopened store can register again. */
  unregister(): void;
}

export interface EnvironmentSize {
  /** Bytes of the data file in use: pages up to the last one written, free pages included. */
  fileBytes(): number;
  /** Pages of the data file that no tree uses: reusable before the file grows. */
  freePages(): number;
  /** Raft groups with damaged stored data. */
  damagedGroups(): number;
}

export function createStorageMetrics(registry: Registry | undefined, env: EnvironmentSize): StorageMetrics {
  const registers = registry ? [registry] : [];
  const names: string[] = [];
  const named = <T>(name: string, make: (name: string) => T): T => {
    names.push(name);
    return make(name);
  };
  named('rafter_storage_db_size_bytes', (name) => new Gauge({
    name,
    help: 'Size of the LMDB data file in use (pages up to the last written, free pages included)',
    registers,
    collect() {
      this.set(env.fileBytes());
    },
  }));
  named('rafter_storage_free_pages', (name) => new Gauge({
    name,
    help: 'Pages of the LMDB data file no tree uses (reused before the file grows)',
    registers,
    collect() {
      this.set(env.freePages());
    },
  }));
  named('rafter_storage_damaged_groups', (name) => new Gauge({
    name,
    help: 'Raft groups whose stored data failed a check (checksum, offset index) since the broker started',
    registers,
    collect() {
      this.set(env.damagedGroups());
    },
  }));
  const corruptionsDetectedTotal = named('rafter_storage_corruptions_detected_total', (name) => new Counter<'check'>({
    name,
    help: 'Damaged Raft groups found (each once), by the check that found the damage',
    labelNames: ['check'],
    registers,
  }));
  // Every check's series exists from the start, at 0: an alert or panel sees a healthy broker, not no data.
  for (const check of CORRUPTION_CHECKS) corruptionsDetectedTotal.inc({ check: check satisfies CorruptionCheck }, 0);
  return {
    corruptionsDetectedTotal,
    scrubbedBytesTotal: named('rafter_storage_scrubbed_bytes_total', (name) => new Counter({
      name, help: 'Stored bytes (entries and offset index) the background scrubber has read and checked', registers,
    })),
    scrubLastPassCompletedSeconds: named('rafter_storage_scrub_last_pass_completed_timestamp_seconds', (name) => new Gauge({
      name,
      help: 'When the scrubber last finished checking every group (Unix time; 0: no full pass yet)',
      registers,
    })),
    commitDurationSeconds: named('rafter_storage_commit_duration_seconds', (name) => new Histogram({
      name,
      help: 'Group commit latency: one LMDB transaction, from its start until it is durable (fsynced)',
      buckets: REQUEST_LATENCY_BUCKETS_SECONDS,
      registers,
    })),
    transactionBytes: named('rafter_storage_transaction_bytes', (name) => new Histogram({
      name, help: 'Value bytes written per storage transaction', buckets: TRANSACTION_BYTES_BUCKETS, registers,
    })),
    transactionGroups: named('rafter_storage_transaction_groups', (name) => new Histogram({
      name, help: 'Raft groups whose writes share one storage transaction', buckets: TRANSACTION_GROUPS_BUCKETS, registers,
    })),
    transactionsTotal: named('rafter_storage_transactions_total', (name) => new Counter({
      name, help: 'Storage transactions committed', registers,
    })),
    transactionFailuresTotal: named('rafter_storage_transaction_failures_total', (name) => new Counter({
      name, help: 'Storage transactions that failed', registers,
    })),
    unregister() {
      for (const name of names) registry?.removeSingleMetric(name);
    },
  };
}
