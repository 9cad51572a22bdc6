// LocalReplicatedLog (single-member groups, no Raft): commit promises of the store may settle out of order (a caller
// that waited for the next transaction is resolved one promise step later than a caller that joined it directly),
// yet the partition must apply its entries in log order and acknowledge every write.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { encodeRecordBatch } from '../../../client/protocol';
import { LocalReplicatedLog, Partition, PartitionMetrics } from '../../../broker/partition';
import { BrokerStore } from '../../../broker/storage';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('LocalReplicatedLog', () => {
  it('applies and acknowledges in log order when a later commit settles before an earlier one', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-local-log-'));
    const store = BrokerStore.open({ dataDir, durable: false });
    try {
      // The first commit settles two promise steps after the second (as BrokerStore's "next transaction" waiter does).
      const first = deferred();
      const second = deferred();
      const commits = [first.promise.then(() => undefined).then(() => undefined), second.promise];
      const orderedStore = { commit: () => commits.shift()! } as unknown as BrokerStore;
      const registry = new Registry();
      let partition: Partition | undefined;
      const metrics = new PartitionMetrics(registry, () => (partition ? [partition] : []));
      partition = new Partition({
        topic: 't', partition: 0, groupId: 1, log: store.group(1), replicated: new LocalReplicatedLog(orderedStore),
        maxMessageBytes: 1 << 20, counters: metrics.countersFor('t', 0),
      });
      const append = (value: string) => {
        const batch = encodeRecordBatch([{ value: new Uint8Array(Buffer.from(value)) }]);
        const header = partition!.checkBatch(batch);
        if ('error' in header) throw new Error(header.message);
        return partition!.append(batch, header, 1);
      };
      const a = append('a');
      await nextTurn(); // the first commit is requested
      const b = append('b');
      await nextTurn(); // the second one too
      first.resolve();
      second.resolve();
      expect(await Promise.all([a, b])).toEqual([{ baseOffset: 0, appendTimeMs: 1 }, { baseOffset: 1, appendTimeMs: 1 }]);
      expect(partition.highWatermark).toBe(2);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
