// A partition replicated by its Raft group on three in-process brokers (RaftReplicatedLog on each broker's RaftHost),
// and the same partition as a single-voter group on a broker without peers.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import {
  encodeRecordBatch, ErrorCode, rafter, readBatchHeader, type BatchHeader,
} from '../../../client/protocol';
import {
  Partition, PartitionMetrics, PartitionWriteError, RaftReplicatedLog, type AppendResult,
} from '../../../broker/partition';
import { RaftHost } from '../../../broker/replication';
import { BrokerStore } from '../../../broker/storage';
import { HostBroker, startCluster, waitFor } from '../replication/raft-host-cluster';

const GROUP = 7;
const batchOf = (...values: string[]) => encodeRecordBatch(values.map((v) => ({ value: new Uint8Array(Buffer.from(v)) })));

function checked(p: Partition, batch: Uint8Array): BatchHeader {
  const header = p.checkBatch(batch);
  if ('error' in header) throw new Error(header.message);
  return header;
}

function openPartition(host: RaftHost, store: BrokerStore, registry: Registry, voters: number[]): Partition {
  let partition: Partition | undefined;
  const metrics = new PartitionMetrics(registry, () => (partition ? [partition] : []));
  partition = new Partition({
    topic: 't', partition: 0, groupId: GROUP, log: store.group(GROUP),
    replicated: new RaftReplicatedLog(host, () => ({ voters })), maxMessageBytes: 1 << 20,
    counters: metrics.countersFor('t', 0),
  });
  return partition;
}

/** Base offset and record count of every batch stored in a broker's log (up to `maxIndex`). */
function storedBatches(b: HostBroker): Array<{ baseOffset: number; count: number; bytes: string }> {
  const log = b.store.group(GROUP);
  return log.readBatches(log.firstIndex(), log.lastIndex() + 1, 1 << 30).map((batch) => {
    const h = readBatchHeader(batch);
    if (typeof h === 'string') throw new Error(h);
    return { baseOffset: h.baseOffset, count: h.recordCount, bytes: Buffer.from(batch).toString('base64') };
  });
}

/** Offsets follow one another with neither gaps nor duplicates. */
function expectContiguous(batches: Array<{ baseOffset: number; count: number }>): void {
  let next = 0;
  for (const b of batches) {
    expect(b.baseOffset).toBe(next);
    next = b.baseOffset + b.count;
  }
}

describe('a partition replicated on three brokers', () => {
  let brokers: HostBroker[];
  const partitions = new Map<number, Partition>();
  /** Acknowledged (acks=all) batches: base offset -> stamped bytes. */
  const acknowledged = new Map<number, string>();

  const open = (b: HostBroker) => partitions.set(b.brokerId, openPartition(b.host, b.store, b.registry, [1, 2, 3]));
  const running = () => brokers.filter((b) => b.running);
  const leader = (): Partition | undefined => running().map((b) => partitions.get(b.brokerId)!).find((p) => p.isLeader);
  const leaderBroker = () => brokers.find((b) => b.running && partitions.get(b.brokerId)!.isLeader)!;
  const produce = async (p: Partition, values: string[][], acks = rafter.Acks.ACKS_ALL): Promise<AppendResult[]> => {
    const batches = values.map((v) => batchOf(...v));
    const results = await Promise.all(batches.map((b) => p.append(b, checked(p, b), Date.now(), acks)));
    if (acks === rafter.Acks.ACKS_ALL) results.forEach((r, i) => acknowledged.set(r.baseOffset, Buffer.from(batches[i]).toString('base64')));
    return results;
  };
  /** Every acknowledged batch is in the log at its offset, byte for byte. */
  const expectAcknowledgedIn = (b: HostBroker) => {
    const stored = new Map(storedBatches(b).map((s) => [s.baseOffset, s.bytes]));
    for (const [offset, bytes] of acknowledged) expect(stored.get(offset)).toBe(bytes);
  };

  beforeAll(async () => {
    brokers = await startCluster(3);
    for (const b of brokers) open(b);
  });
  afterAll(async () => {
    for (const b of brokers) await b.dispose();
  });

  it('elects a leader; followers refuse produce and fetch with NOT_LEADER naming it', async () => {
    await waitFor('a leader known to all', () => {
      const l = leader();
      return l !== undefined && running().every((b) => partitions.get(b.brokerId)!.leaderId === leaderBroker().brokerId);
    });
    const leaderId = leaderBroker().brokerId;
    const follower = [...partitions.values()].find((p) => !p.isLeader)!;
    const batch = batchOf('x');
    await expect(follower.append(batch, checked(follower, batch), 1)).rejects.toMatchObject({ error: ErrorCode.NOT_LEADER, leaderId });
    expect(follower.read(0, 1000)).toMatchObject({ error: ErrorCode.NOT_LEADER, leaderId });
  });

  it('the leader assigns offsets, the high watermark moves only on commit, and every replica holds the same batches', async () => {
    const l = leader()!;
    const pending = produce(l, [['a', 'b'], ['c'], ['d', 'e', 'f']]);
    // Offsets are assigned at once; nothing is committed in the same turn.
    expect([l.logEndOffset, l.highWatermark]).toEqual([6, 0]);
    const results = await pending;
    expect(results.map((r) => r.baseOffset)).toEqual([0, 2, 3]);
    expect(l.highWatermark).toBe(6);
    // Committed means a quorum holds it: besides the leader, at least one follower has it in its log.
    const holders = brokers.filter((b) => storedBatches(b).length === 3);
    expect(holders.length).toBeGreaterThanOrEqual(2);
    await waitFor('every replica at the high watermark', () => [...partitions.values()].every((p) => p.highWatermark === 6));
    const logs = brokers.map((b) => storedBatches(b));
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[2]).toEqual(logs[0]);
    expectContiguous(logs[0]);
    const read = l.read(0, 1 << 20);
    if ('error' in read) throw new Error(read.message);
    expect(read.batches.length).toBe(3);
  });

  it('without a quorum acks=leader answers after the leader fsync, acks=all is refused NOT_LEADER, and nothing commits', async () => {
    const lb = leaderBroker();
    const l = partitions.get(lb.brokerId)!;
    const hw = l.highWatermark;
    for (const b of brokers) if (b !== lb) await b.stop();
    const [byLeader] = await produce(l, [['only-on-the-leader']], rafter.Acks.ACKS_LEADER);
    expect(byLeader.baseOffset).toBe(hw);
    const batch = batchOf('never-committed');
    // CheckQuorum: a leader that hears from no quorum within an election timeout steps down.
    await expect(l.append(batch, checked(l, batch), 1)).rejects.toBeInstanceOf(PartitionWriteError);
    expect(l.highWatermark).toBe(hw);
    await waitFor('the leader stepped down', () => !l.isLeader);
    for (const b of brokers) if (!b.running) await b.start(brokers);
    for (const b of brokers) if (b !== lb) open(b);
    await waitFor('a new leader', () => leader() !== undefined, 10_000);
  });

  it('a new leader after the old one stops continues the offsets; nothing acknowledged is lost; a restart catches up', async () => {
    const first = leaderBroker();
    await produce(leader()!, [['before-failover']]);
    await first.stop();
    await waitFor('a leader among the other two', () => leader() !== undefined, 10_000);
    const results = await produce(leader()!, [['after-1'], ['after-2', 'after-3']]);
    expect(results[1].baseOffset).toBe(results[0].baseOffset + 1);
    for (const b of running()) expectAcknowledgedIn(b);

    await first.start(brokers);
    open(first);
    const hw = leader()!.highWatermark;
    await waitFor('the restarted broker caught up', () => partitions.get(first.brokerId)!.highWatermark === hw, 10_000);
    const logs = brokers.map((b) => storedBatches(b));
    expect(logs[1]).toEqual(logs[0]);
    expect(logs[2]).toEqual(logs[0]);
    expectContiguous(logs[0]);
    for (const b of brokers) expectAcknowledgedIn(b);
    expect(logs[0].reduce((n, b) => n + b.count, 0)).toBe(hw);
  });
});

describe('a partition as a single-voter Raft group without peers', () => {
  it('serves produce and fetch like the local log, with every ack mode, and recovers after a restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-single-partition-'));
    let store = BrokerStore.open({ dataDir, durable: false });
    let host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
    try {
      host.start();
      let p = openPartition(host, store, new Registry(), [1]);
      await waitFor('leader', () => p.isLeader);
      const all = batchOf('a', 'b');
      const leaderAck = batchOf('c');
      const none = batchOf('d');
      const results = await Promise.all([
        p.append(all, checked(p, all), 1, rafter.Acks.ACKS_ALL),
        p.append(leaderAck, checked(p, leaderAck), 1, rafter.Acks.ACKS_LEADER),
        p.append(none, checked(p, none), 1, rafter.Acks.ACKS_NONE),
      ]);
      expect(results.map((r) => r.baseOffset)).toEqual([0, 2, 3]);
      await waitFor('committed', () => p.highWatermark === 4);
      const read = p.read(1, 1 << 20);
      if ('error' in read) throw new Error(read.message);
      expect(read.batches.map((b) => (readBatchHeader(b) as BatchHeader).baseOffset)).toEqual([0, 2, 3]);

      await host.stop();
      await store.close();
      store = BrokerStore.open({ dataDir, durable: false });
      host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
      host.start();
      p = openPartition(host, store, new Registry(), [1]);
      expect([p.logStartOffset, p.logEndOffset, p.highWatermark]).toEqual([0, 4, 4]);
      await waitFor('leader again', () => p.isLeader);
      const next = batchOf('e');
      expect(await p.append(next, checked(p, next), 1)).toMatchObject({ baseOffset: 4 });
      expect(p.highWatermark).toBe(5);
    } finally {
      await host.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
