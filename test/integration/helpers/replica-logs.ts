// Every replica's committed log, read from stopped brokers' stores, and where replicas disagree. A partition's log is
// its data (offsets are stamped into the batches by the leader before it proposes), so replicas that agree on Raft
// agree byte for byte on every committed batch.
import { batchBaseOffset, batchRecordCount } from '../../../client/protocol';
import { BrokerStore } from '../../../broker/storage';

/** One replica's committed batches of one group: base offset -> the batch's bytes (hex), and where they end. */
export interface CommittedLog {
  readonly batches: Map<number, string>;
  /** The offset after the last committed batch. */
  readonly endOffset: number;
}

const READ_BYTES = 1 << 20;

/** The committed log of each group in a stopped broker's store (up to the commit index it persisted). */
export async function committedLogs(dataDir: string, groupIds: readonly number[]): Promise<Map<number, CommittedLog>> {
  const store = BrokerStore.open({ dataDir, durable: false });
  try {
    const logs = new Map<number, CommittedLog>();
    for (const groupId of groupIds) {
      const log = store.group(groupId);
      const commit = log.initialState().hardState.commit;
      const batches = new Map<number, string>();
      let endOffset = 0;
      for (let index = log.firstIndex(); index <= commit;) {
        const entries = log.entries(index, commit + 1, READ_BYTES);
        for (const e of entries) {
          // Record batches only (field 1 first): not the producer-state checkpoints between them.
          if (e.data.length === 0 || e.data[0] !== 0x09) continue;
          batches.set(batchBaseOffset(e.data), Buffer.from(e.data).toString('hex'));
          endOffset = batchBaseOffset(e.data) + batchRecordCount(e.data);
        }
        index = entries[entries.length - 1].index + 1;
      }
      logs.set(groupId, { batches, endOffset });
    }
    return logs;
  } finally {
    await store.close();
  }
}

/**
 * Where the replicas' committed logs of a group differ: below the shortest replica's end, every batch must be in
 * every replica with the same bytes. Returns the first few differences, and each replica's end for the messages.
 */
export function replicaDifferences(byBroker: ReadonlyMap<number, CommittedLog>): string[] {
  const logs = [...byBroker];
  const commonEnd = Math.min(...logs.map(([, l]) => l.endOffset));
  const differences: string[] = [];
  const [[firstId, first]] = logs;
  for (const [brokerId, log] of logs.slice(1)) {
    for (const [offset, bytes] of first.batches) {
      if (offset >= commonEnd) continue;
      const other = log.batches.get(offset);
      if (other !== bytes) differences.push(`offset ${offset}: broker ${firstId} and broker ${brokerId} ${other === undefined ? 'do not both hold it' : 'hold different bytes'}`);
    }
    for (const offset of log.batches.keys()) {
      if (offset < commonEnd && !first.batches.has(offset)) differences.push(`offset ${offset}: only broker ${brokerId} holds it`);
    }
  }
  return differences.slice(0, 10);
}
