// What one stopped broker's store holds for the partition groups it replicates, for the checker to compare replicas
// batch by batch. It runs in a child process of its own (`node bin/run-ts.cjs test/faults/replica-dump.ts <dataDir>
// <groupId>...`, JSON on stdout), because a damaged store can do worse than throw: a truncated LMDB file takes the
// process down with SIGBUS, and that must not be the campaign's own process.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readBatchHeader } from '../../client/protocol';
import { EntryType } from '../../broker/raft';
import { BrokerStore, STORE_FILE_NAME } from '../../broker/storage';
import { REPO_ROOT } from '../../tools/broker-process';
import type { StoredBatch } from './history';

export interface GroupDump {
  readonly batches: readonly StoredBatch[];
  /** The commit index in the stored hard state: what this replica knew to be committed when it stopped. */
  readonly commitIndex: number;
  /** Why the group could not be read to its end (the batches before it are in `batches`). */
  readonly error?: string;
}

/** groupId → its dump, or an error for the whole store. */
export type StoreDump = { readonly groups: Readonly<Record<string, GroupDump>> } | { readonly error: string };

const READ_BYTES = 4 * 1024 * 1024;
const BATCH_FIRST_BYTE = 0x09;

function dumpGroup(store: BrokerStore, groupId: number): GroupDump {
  const batches: StoredBatch[] = [];
  let commitIndex = 0;
  try {
    const log = store.group(groupId);
    commitIndex = log.initialState().hardState.commit;
    let index = log.firstIndex();
    const end = log.lastIndex() + 1;
    while (index < end) {
      const entries = log.entries(index, end, READ_BYTES);
      for (const entry of entries) {
        if (entry.type !== EntryType.Normal || entry.data[0] !== BATCH_FIRST_BYTE) continue;
        const header = readBatchHeader(entry.data);
        if (typeof header === 'string') throw new Error(`index ${entry.index}: ${header}`);
        const digest = createHash('sha1').update(entry.data).digest('hex').slice(0, 16);
        batches.push([header.baseOffset, header.baseOffset + header.recordCount - 1, digest]);
      }
      index = entries[entries.length - 1].index + 1;
    }
    return { batches, commitIndex };
  } catch (err) {
    return { batches, commitIndex, error: (err as Error).message };
  }
}

async function main(dataDir: string, groupIds: number[]): Promise<void> {
  if (!existsSync(path.join(dataDir, STORE_FILE_NAME))) {
    process.stdout.write(JSON.stringify({ error: `no store in ${dataDir}` }));
    return;
  }
  const store = BrokerStore.open({ dataDir });
  const groups: Record<string, GroupDump> = {};
  for (const id of groupIds) groups[id] = dumpGroup(store, id);
  await store.close();
  process.stdout.write(JSON.stringify({ groups }));
}

/** Dumps a stopped broker's store in a child process; a crash of the child is reported as the store's error. */
export function dumpStore(dataDir: string, groupIds: readonly number[]): Promise<StoreDump> {
  const args = [path.join(REPO_ROOT, 'bin/run-ts.cjs'), __filename, dataDir, ...groupIds.map(String)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const how = err.signal ? `killed by ${err.signal}` : `exit code ${err.code}`;
        resolve({ error: `could not read the store (${how}): ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
        return;
      }
      try {
        resolve(JSON.parse(stdout) as StoreDump);
      } catch {
        resolve({ error: `unreadable dump: ${stdout.slice(0, 200)}` });
      }
    });
  });
}

if (process.argv[1] === __filename) {
  const [dataDir, ...ids] = process.argv.slice(2);
  main(dataDir, ids.map(Number)).catch((err: unknown) => {
    process.stdout.write(JSON.stringify({ error: String((err as Error).stack ?? err) }));
  });
}
