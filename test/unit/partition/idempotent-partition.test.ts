// The idempotent producer's broker side: the partition leader checks every batch against its ProducerStateTable,
// answers a retry of a written batch with the original offset and writes nothing, refuses gaps and fenced epochs,
// rebuilds the table after a restart (from producer-state checkpoints in the log), and a new Raft leader recognises
// retries of batches an earlier leader proposed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import {
  encodeRecordBatch, ErrorCode, rafter, readBatchHeader, type BatchHeader, type ProducerStamp,
} from '../../../client/protocol';
import {
  LocalReplicatedLog, Partition, PartitionMetrics, RaftReplicatedLog, type AppendResult, type PartitionProducerStateOptions,
  type ReplicatedLog,
} from '../../../broker/partition';
import { BrokerStore } from '../../../broker/storage';
import { HostBroker, startCluster, waitFor } from '../replication/raft-host-cluster';

const GROUP = 3;

/** One producer batch; every send (first or retry) hands the partition its own copy, as the network would. */
interface Sent {
  bytes: Uint8Array;
  copy(): Uint8Array;
}

function batch(stamp: ProducerStamp, ...values: string[]): Sent {
  const bytes = encodeRecordBatch(values.map((v) => ({ value: new Uint8Array(Buffer.from(v)) })), stamp, 1000);
  return { bytes, copy: () => bytes.slice() };
}

const idempotent = (producerId: number, producerEpoch: number, baseSequence: number, ...values: string[]) =>
  batch({ producerId, producerEpoch, baseSequence }, ...values);

function send(p: Partition, b: Sent, appendTimeMs = 5000, acks = rafter.Acks.ACKS_ALL): Promise<AppendResult> {
  const bytes = b.copy();
  const header = p.checkBatch(bytes);
  if ('error' in header) throw new Error(header.message);
  return p.append(bytes, header, appendTimeMs, acks);
}

/** What the leader decides for a batch, as data: the offset it answers with, or the error code. */
async function decide(p: Partition, b: Sent): Promise<number | string> {
  try {
    return (await send(p, b)).baseOffset;
  } catch (err) {
    return ErrorCode[(err as { error: ErrorCode }).error];
  }
}

function storedHeaders(store: BrokerStore, groupId = GROUP): BatchHeader[] {
  const log = store.group(groupId);
  if (log.lastIndex() < log.firstIndex()) return [];
  return log.readBatches(log.firstIndex(), log.lastIndex() + 1, 1 << 30).map((bytes) => {
    const h = readBatchHeader(bytes);
    if (typeof h === 'string') throw new Error(h);
    return h;
  });
}

function openPartition(store: BrokerStore, replicated: ReplicatedLog, producerState?: PartitionProducerStateOptions): Partition {
  let partition: Partition | undefined;
  const metrics = new PartitionMetrics(new Registry(), () => (partition ? [partition] : []));
  partition = new Partition({
    topic: 't', partition: 0, groupId: GROUP, log: store.group(GROUP), replicated, maxMessageBytes: 1 << 20,
    counters: metrics.countersFor('t', 0), producerState,
  });
  return partition;
}

describe('idempotent producers on a single-broker partition (LocalReplicatedLog)', () => {
  let dataDir: string;
  let store: BrokerStore;
  const open = (producerState?: PartitionProducerStateOptions) => openPartition(store, new LocalReplicatedLog(store), producerState);
  const reopen = async (producerState?: PartitionProducerStateOptions) => {
    await store.close();
    store = BrokerStore.open({ dataDir, durable: false });
    return open(producerState);
  };

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-idempotent-partition-'));
    store = BrokerStore.open({ dataDir, durable: false });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a retry of a committed batch with its original offset and append time, and writes nothing', async () => {
    const p = open();
    const first = idempotent(7, 0, 0, 'a', 'b');
    expect(await send(p, first, 111)).toEqual({ baseOffset: 0, appendTimeMs: 111 });
    expect(await send(p, batch({ producerId: 0, producerEpoch: 0, baseSequence: -1 }, 'plain'), 222)).toMatchObject({ baseOffset: 2 });
    const retry = await send(p, first, 333);
    expect(retry).toEqual({ baseOffset: 0, appendTimeMs: 111 });
    expect([p.logEndOffset, p.highWatermark]).toEqual([3, 3]);
    expect(storedHeaders(store).map((h) => [h.baseOffset, h.producerId])).toEqual([[0, 7], [2, 0]]);
    // The producer continues after its last sequence.
    expect(await send(p, idempotent(7, 0, 2, 'c'))).toMatchObject({ baseOffset: 3 });
  });

  it('answers a retry of a batch still in flight only once the original is committed, with the original offset', async () => {
    const p = open();
    const b = idempotent(9, 0, 0, 'x', 'y', 'z');
    const hwAtAnswer: number[] = [];
    const original = send(p, b);
    // Same turn: the original is proposed, not committed.
    const retry = send(p, b).then((r) => {
      hwAtAnswer.push(p.highWatermark);
      return r;
    });
    expect(p.logEndOffset).toBe(3);
    expect(p.highWatermark).toBe(0);
    const [o, r] = await Promise.all([original, retry]);
    expect(r.baseOffset).toBe(o.baseOffset);
    expect(r.appendTimeMs).toBe(o.appendTimeMs);
    expect(hwAtAnswer).toEqual([3]);
    expect(storedHeaders(store)).toHaveLength(1);
  });

  it('refuses a gap (OUT_OF_ORDER_SEQUENCE), an older epoch (PRODUCER_FENCED) and a new epoch not at 0, writing nothing', async () => {
    const p = open();
    await send(p, idempotent(4, 1, 0, 'a'));
    await send(p, idempotent(4, 1, 1, 'b'));
    await expect(send(p, idempotent(4, 1, 5, 'gap'))).rejects.toMatchObject({ error: ErrorCode.OUT_OF_ORDER_SEQUENCE });
    await expect(send(p, idempotent(4, 0, 2, 'old'))).rejects.toMatchObject({ error: ErrorCode.PRODUCER_FENCED });
    await expect(send(p, idempotent(4, 2, 3, 'new-epoch'))).rejects.toMatchObject({ error: ErrorCode.OUT_OF_ORDER_SEQUENCE });
    expect(storedHeaders(store)).toHaveLength(2);
    expect(p.logEndOffset).toBe(2);
    // The gap was refused in the same turn as an accepted batch: that one still goes in, in order.
    const [ok, gap] = await Promise.allSettled([send(p, idempotent(4, 1, 2, 'c')), send(p, idempotent(4, 1, 9, 'd'))]);
    expect(ok).toMatchObject({ status: 'fulfilled', value: { baseOffset: 2 } });
    expect(gap).toMatchObject({ status: 'rejected', reason: { error: ErrorCode.OUT_OF_ORDER_SEQUENCE } });
  });

  /** Retries of every batch sent, a gap and a fenced epoch: decisions that change nothing, to compare. */
  const probes = (sent: Sent[]) => [
    ...sent,
    idempotent(1, 0, 1000, 'gap'),
    idempotent(2, 3, 0, 'fenced'),
  ];

  it('after a restart the rebuilt table gives the same decisions, and producers continue where they were', async () => {
    let p = open();
    const sent: Sent[] = [];
    for (let i = 0; i < 4; i++) {
      sent.push(idempotent(1, 0, i * 2, `p1-${i}a`, `p1-${i}b`));
      sent.push(idempotent(2, 5, i, `p2-${i}`));
    }
    for (const b of sent) await send(p, b);
    const before = [];
    for (const b of probes(sent)) before.push(await decide(p, b));
    expect(before.slice(0, sent.length)).toEqual([0, 2, 3, 5, 6, 8, 9, 11]);

    p = await reopen();
    const after = [];
    for (const b of probes(sent)) after.push(await decide(p, b));
    expect(after).toEqual(before);
    expect(await send(p, idempotent(1, 0, 8, 'next'))).toMatchObject({ baseOffset: 12 });
    expect(await send(p, idempotent(2, 5, 4, 'next'))).toMatchObject({ baseOffset: 13 });
  });

  it('checkpoints the producer state into the log, so a restart re-reads only the stretch after the latest one', async () => {
    const options = { checkpointEntries: 4 };
    let p = open(options);
    const sent: Sent[] = [];
    for (let i = 0; i < 20; i++) {
      const b = idempotent(1 + (i % 3), 5, Math.floor(i / 3), `v${i}`);
      sent.push(b);
      await send(p, b);
    }
    const log = store.group(GROUP);
    const entries = log.entries(log.firstIndex(), log.lastIndex() + 1);
    const checkpoints = entries.filter((e) => e.data.length > 0 && e.data[0] !== 0x09).length;
    expect(checkpoints).toBeGreaterThanOrEqual(3);
    expect(storedHeaders(store)).toHaveLength(20);
    const before = [];
    for (const b of probes(sent)) before.push(await decide(p, b));

    await store.close();
    store = BrokerStore.open({ dataDir, durable: false });
    const reads = jest.spyOn(store.group(GROUP), 'entries');
    p = open(options);
    const entriesRead = reads.mock.results.reduce((n, r) => n + (r.value as unknown[]).length, 0);
    reads.mockRestore();
    // The log holds over 25 entries; the restart read back to the latest checkpoint and replayed after it.
    expect(entriesRead).toBeLessThan(14);
    const after = [];
    for (const b of probes(sent)) after.push(await decide(p, b));
    expect(after).toEqual(before);
    expect(storedHeaders(store)).toHaveLength(20);
  });

  it('expires a producer idle longer than producerExpiryMs (by append times) and then accepts it at any sequence', async () => {
    const p = open({ producerExpiryMs: 1000 });
    await send(p, idempotent(3, 0, 0, 'a'), 1000);
    await send(p, idempotent(4, 0, 0, 'other'), 2500);
    expect(await send(p, idempotent(3, 0, 40, 'after-expiry'), 2600)).toMatchObject({ baseOffset: 2 });
  });
});

describe('idempotent producers on a partition replicated by three brokers', () => {
  let brokers: HostBroker[];
  const partitions = new Map<number, Partition>();
  const open = (b: HostBroker) => partitions.set(b.brokerId, openPartition(b.store, new RaftReplicatedLog(b.host, () => ({ voters: [1, 2, 3] }))));
  const leader = () => brokers.find((b) => b.running && partitions.get(b.brokerId)!.isLeader);

  beforeAll(async () => {
    brokers = await startCluster(3);
    for (const b of brokers) open(b);
  });
  afterAll(async () => {
    for (const b of brokers) await b.dispose();
  });

  it('a new leader answers retries of the batches its predecessor proposed with their offsets, writing each once', async () => {
    await waitFor('a leader', () => leader() !== undefined);
    const old = leader()!;
    const oldPartition = partitions.get(old.brokerId)!;
    const committed = [idempotent(11, 0, 0, 'c0'), idempotent(11, 0, 1, 'c1', 'c1b')];
    for (const b of committed) await send(oldPartition, b);
    // Proposed and not awaited: when the leader stops, each is in some logs, all or none of them committed.
    const inFlight = [idempotent(11, 0, 3, 'f0'), idempotent(11, 0, 4, 'f1'), idempotent(11, 0, 5, 'f2')];
    // (Their answers never come: the stopped host settles nothing.)
    for (const b of inFlight) void send(oldPartition, b).catch(() => undefined);
    await waitFor('a follower holds the proposals', () => brokers.some((b) => b !== old && storedHeaders(b.store).length === 5));
    await old.stop();
    await waitFor('a new leader', () => leader() !== undefined, 10_000);
    const next = partitions.get(leader()!.brokerId)!;

    // The producer retries everything unacknowledged in order, then sends its next batch.
    const retries = await Promise.all([...committed, ...inFlight].map((b) => send(next, b)));
    expect(retries.map((r) => r.baseOffset)).toEqual([0, 1, 3, 4, 5]);
    expect(await send(next, idempotent(11, 0, 6, 'n'))).toMatchObject({ baseOffset: 6 });
    const stored = storedHeaders(leader()!.store);
    expect(stored.map((h) => [h.baseOffset, h.baseSequence])).toEqual([[0, 0], [1, 1], [3, 3], [4, 4], [5, 5], [6, 6]]);

    // A restarted old leader catches up and rebuilds the same table: as leader it would decide the same.
    await old.start(brokers);
    for (const b of brokers) if (b !== old) b.addPeer(old);
    open(old);
    await waitFor('the old leader caught up', () => partitions.get(old.brokerId)!.highWatermark === 7, 10_000);
    expect(storedHeaders(old.store)).toEqual(stored);
  });

  it('a leader restarted with proposals beyond its commit point treats retries of them as in flight', async () => {
    const l = leader()!;
    const p = partitions.get(l.brokerId)!;
    const hw = p.highWatermark;
    const followers = brokers.filter((b) => b !== l);
    for (const b of followers) await b.stop();
    // Durable on the leader only: proposed, never committed in this term.
    const lonely = idempotent(12, 0, 0, 'lonely');
    expect(await send(p, lonely, 5000, rafter.Acks.ACKS_LEADER)).toMatchObject({ baseOffset: hw });
    await l.stop();
    // The old leader and one follower: only the old leader (the longer log) can win, and it commits its log.
    await l.start(brokers);
    await followers[0].start(brokers);
    followers[0].addPeer(l);
    l.addPeer(followers[0]);
    open(l);
    open(followers[0]);
    const restarted = partitions.get(l.brokerId)!;
    expect(restarted.highWatermark).toBe(hw);
    await waitFor('the old leader leads again', () => restarted.isLeader, 10_000);
    expect(await send(restarted, lonely)).toMatchObject({ baseOffset: hw });
    expect(restarted.highWatermark).toBe(hw + 1);
    expect(storedHeaders(l.store).filter((h) => h.producerId === 12)).toHaveLength(1);
  });
});
