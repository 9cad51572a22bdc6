// LocalReplicatedLog (single-member groups, no Raft): commit promises of the store may settle out of order (a caller
// that waited for the next transaction is resolved one promise step later than a caller that joined it directly),
// yet the partition must apply its entries in log order and acknowledge every write; and when a commit fails, what
// was pending is answered as maybe written.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { encodeRecordBatch, errorRule } from '../../../client/protocol';
import { LocalReplicatedLog, Partition, PartitionMetrics, PartitionWriteError } from '../../../broker/partition';
import { BrokerStore } from '../../../broker/storage';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function openPartition(store: BrokerStore, committing: BrokerStore): Partition {
  const registry = new Registry();
  let partition: Partition | undefined;
  const metrics = new PartitionMetrics(registry, () => (partition ? [partition] : []));
  partition = new Partition({
    topic: 't', partition: 0, groupId: 1, log: store.group(1), replicated: new LocalReplicatedLog(committing),
    maxMessageBytes: 1 << 20, counters: metrics.countersFor('t', 0),
  });
  return partition;
}

function appendTo(partition: Partition, value: string) {
  const batch = encodeRecordBatch([{ value: new Uint8Array(Buffer.from(value)) }]);
  const header = partition.checkBatch(batch);
  if ('error' in header) throw new Error(header.message);
  return partition.append(batch, header, 1);
}

describe('LocalReplicatedLog', () => {
  // A write proposed before the store failed may be durable (a failed fsync says nothing of what reached the disk;
  // in a Raft group it was sent to the other replicas too): its answer must let the client know it may be written.
  it('answers a write pending when the store fails with a refusal that says it may have been written, and refuses later ones', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-local-log-'));
    const store = BrokerStore.open({ dataDir, durable: false });
    try {
      const failed = deferred();
      const failing = { commit: () => failed.promise.then(() => { throw new Error('EIO: fsync failed'); }) } as unknown as BrokerStore;
      const partition = openPartition(store, failing);
      const pending = appendTo(partition, 'a').catch((e: unknown) => e);
      failed.resolve();
      const error = await pending;
      expect(error).toBeInstanceOf(PartitionWriteError);
      expect(errorRule((error as PartitionWriteError).error)).toMatchObject({ persisted: 'maybe', retriable: true });
      expect((error as Error).message).toContain('EIO: fsync failed');
      // Refused before anything is written: certainly not stored.
      await expect(appendTo(partition, 'b')).rejects.not.toBeInstanceOf(PartitionWriteError);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('applies and acknowledges in log order when a later commit settles before an earlier one', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-local-log-'));
    const store = BrokerStore.open({ dataDir, durable: false });
    try {
      // The first commit settles two promise steps after the second (as BrokerStore's "next transaction" waiter does).
      const first = deferred();
      const second = deferred();
      const commits = [first.promise.then(() => undefined).then(() => undefined), second.promise];
      const orderedStore = { commit: () => commits.shift()! } as unknown as BrokerStore;
      const partition = openPartition(store, orderedStore);
      const append = (value: string) => appendTo(partition, value);
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
