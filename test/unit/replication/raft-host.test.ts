// RaftHost: many Raft groups on three in-process brokers (real stores, transports and uWS endpoints), and a
// single-voter group on a broker without peers.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntryType, MessageType, NotLeaderError, type Entry } from '../../../broker/raft';
import { RaftHost, type GroupStateMachine, type Leadership } from '../../../broker/replication';
import { BrokerStore, StorageCorruptionError } from '../../../broker/storage';
import { positionKey } from '../../../broker/storage/layout';
import { HostBroker, startCluster, waitFor } from './raft-host-cluster';

/** Records what the host applies (non-empty Normal entries: the proposals) and the leadership it reports. */
class Recorder implements GroupStateMachine {
  readonly applied: string[] = [];
  leadership: Leadership | undefined;

  apply(entries: readonly Entry[]): void {
    for (const e of entries) if (e.type === EntryType.Normal && e.data.length > 0) this.applied.push(Buffer.from(e.data).toString());
  }

  onLeadershipChange(l: Leadership): void {
    this.leadership = l;
  }
}

const GROUPS = Array.from({ length: 24 }, (_, i) => i + 1);
const data = (s: string) => new Uint8Array(Buffer.from(s));

describe('RaftHost on three brokers', () => {
  let brokers: HostBroker[];
  const recorders = new Map<string, Recorder>();
  const recorder = (brokerId: number, groupId: number) => recorders.get(`${brokerId}/${groupId}`)!;
  const createGroups = (b: HostBroker) => {
    for (const g of GROUPS) {
      const r = new Recorder();
      recorders.set(`${b.brokerId}/${g}`, r);
      b.host.createGroup(g, { voters: [1, 2, 3], stateMachine: r });
    }
  };
  const leaderOf = (g: number): number | undefined => {
    const ids = new Set(brokers.filter((b) => b.running).map((b) => b.host.leadership(g)?.leaderId ?? 0));
    const [id] = [...ids];
    if (ids.size !== 1 || !id) return undefined;
    return brokers[id - 1].host.leadership(g)?.role === 'leader' ? id : undefined;
  };
  /** Every running broker has applied everything its group's leader has committed. */
  const settled = () => GROUPS.every((g) => {
    const leader = leaderOf(g);
    if (leader === undefined) return false;
    const s = brokers[leader - 1].host.group(g)!.status();
    return s.commit === s.lastIndex
      && brokers.filter((b) => b.running).every((b) => b.host.group(g)!.status().applied === s.commit);
  });

  beforeAll(async () => {
    brokers = await startCluster(3);
  });
  afterAll(async () => {
    for (const b of brokers) await b.dispose();
  });

  it('elects one leader per group that every broker agrees on, and reports it to the state machines', async () => {
    for (const b of brokers) createGroups(b);
    await waitFor('a leader in every group', () => GROUPS.every((g) => leaderOf(g) !== undefined));
    await waitFor('state machines told', () => GROUPS.every((g) => brokers.every((b) => recorder(b.brokerId, g).leadership?.leaderId === leaderOf(g))));
    let leaders = 0;
    for (const b of brokers) leaders += await b.metric('rafter_raft_groups', { role: 'leader' });
    expect(leaders).toBe(GROUPS.length);
    expect(await brokers[0].metric('rafter_raft_leader', { group: '1' })).toBe(leaderOf(1));
  });

  it('persists one turn of proposals to every group in one transaction and sends each follower one frame with them all', async () => {
    // Broker 1 leads every group, so all proposals are its own.
    for (const g of GROUPS) {
      const leader = leaderOf(g)!;
      if (leader !== 1) brokers[leader - 1].host.group(g)!.transferLeader(1);
    }
    await waitFor('broker 1 leads every group', () => GROUPS.every((g) => leaderOf(g) === 1));
    await waitFor('every group settled', settled);
    const b1 = brokers[0];
    const transactionsBefore = await b1.metric('rafter_storage_transactions_total');
    const groupsBefore = await b1.metric('rafter_storage_transaction_groups_sum');
    const receivedBefore = brokers.map((b) => b.received.length);

    for (const g of GROUPS) b1.host.group(g)!.propose(data(`one-turn-${g}`));
    await waitFor('every proposal applied everywhere', () => GROUPS.every((g) => brokers.every((b) => recorder(b.brokerId, g).applied.includes(`one-turn-${g}`))));

    // One transaction carried all the groups' entries (commit-index-only hard states wait for a later one).
    expect(await b1.metric('rafter_storage_transactions_total') - transactionsBefore).toBe(1);
    expect(await b1.metric('rafter_storage_transaction_groups_sum') - groupsBefore).toBe(GROUPS.length);
    // Each follower got all the groups' appends in a single frame.
    for (const follower of [brokers[1], brokers[2]]) {
      const frames = follower.received.slice(receivedBefore[follower.brokerId - 1]).filter((r) => r.fromBroker === 1);
      const appendsPerFrame = frames.map((r) => new Set(r.groups
        .filter((gm) => gm.messages.some((m) => m.type === MessageType.App && m.entries.length > 0))
        .map((gm) => gm.groupId)).size);
      expect(appendsPerFrame.filter((n) => n > 0)).toEqual([GROUPS.length]);
    }
    const flushGroups = await b1.metric('rafter_raft_flush_groups_sum');
    expect(flushGroups).toBeGreaterThanOrEqual(GROUPS.length);
  });

  it('coalesces the heartbeats of all groups to a peer into one message', async () => {
    const before = brokers[1].received.length;
    await waitFor('a few heartbeat rounds', () => brokers[1].received.length >= before + 3);
    const heartbeatFrames = brokers[1].received.slice(before)
      .filter((r) => r.fromBroker === 1 && r.groups.some((gm) => gm.messages.some((m) => m.type === MessageType.Heartbeat)));
    expect(heartbeatFrames.length).toBeGreaterThan(0);
    // The endpoint expands a coalesced message into one GroupMessages per heartbeat: one frame holds every group's.
    const most = Math.max(...heartbeatFrames.map((r) => new Set(r.groups
      .filter((gm) => gm.messages.some((m) => m.type === MessageType.Heartbeat)).map((gm) => gm.groupId)).size));
    expect(most).toBe(GROUPS.length);
  });

  it('a stopped broker restarts from its store and catches up with what committed while it was away', async () => {
    const b3 = brokers[2];
    await b3.stop();
    for (const g of GROUPS) brokers[0].host.group(g)!.propose(data(`while-away-${g}`));
    await waitFor('committed on brokers 1 and 2', () => GROUPS.every((g) => recorder(2, g).applied.includes(`while-away-${g}`)));
    await b3.start(brokers);
    createGroups(b3);
    await waitFor('broker 3 caught up', () => GROUPS.every((g) => recorder(3, g).applied.includes(`while-away-${g}`)));
    for (const g of GROUPS) {
      // Restarted, it re-applies from its snapshot (index 1): everything, once, in order.
      expect(recorder(3, g).applied).toEqual(recorder(1, g).applied);
      expect(brokers[2].store.group(g).lastIndex()).toBe(brokers[0].store.group(g).lastIndex());
    }
  });
});

describe('RaftHost with a single-voter group and no peers', () => {
  it('leads at once, commits on its own fsync, and recovers its log and hard state after a restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-raft-host-single-'));
    try {
      let store = BrokerStore.open({ dataDir, durable: false });
      let host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
      host.start();
      const first = new Recorder();
      const group = host.createGroup(5, { voters: [1], stateMachine: first });
      await waitFor('leader', () => first.leadership?.role === 'leader');
      for (const s of ['a', 'b', 'c']) group.propose(data(s));
      await waitFor('applied', () => first.applied.length === 3);
      expect(first.applied).toEqual(['a', 'b', 'c']);
      const term = group.leadership().term;
      await host.stop();
      await store.close();

      store = BrokerStore.open({ dataDir, durable: false });
      host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
      host.start();
      const second = new Recorder();
      const again = host.createGroup(5, { voters: [1], stateMachine: second });
      await waitFor('leader again', () => second.leadership?.role === 'leader');
      expect(second.leadership!.term).toBeGreaterThan(term);
      again.propose(data('d'));
      await waitFor('applied after restart', () => second.applied.length === 4);
      expect(second.applied).toEqual(['a', 'b', 'c', 'd']);
      await host.stop();
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('damaged stored data met in the host\'s work stops that group alone; the owner hears which', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-raft-host-damage-'));
    const store = BrokerStore.open({ dataDir, durable: false });
    const damaged: Array<{ groupId: number; err: StorageCorruptionError }> = [];
    const host = new RaftHost({ brokerId: 1, store, tickMs: 10, onGroupDamaged: (groupId, err) => damaged.push({ groupId, err }) });
    try {
      host.start();
      // Group 5's state machine reads a damaged batch while it applies 'b' (as a partition re-reading a stored batch).
      const five = new Recorder();
      const readsDamage: GroupStateMachine = {
        apply: (entries) => {
          const hit = entries.find((e) => Buffer.from(e.data).toString() === 'b');
          if (hit) throw new StorageCorruptionError(5, hit.index, 'batch_crc', 'record batch CRC mismatch');
          five.apply(entries);
        },
        onLeadershipChange: (l) => five.onLeadershipChange(l),
      };
      const six = new Recorder();
      const group5 = host.createGroup(5, { voters: [1], stateMachine: readsDamage });
      const group6 = host.createGroup(6, { voters: [1], stateMachine: six });
      await waitFor('leaders', () => five.leadership?.role === 'leader' && six.leadership?.role === 'leader');
      for (const s of ['a', 'b', 'c']) {
        group5.propose(data(s));
        group6.propose(data(s));
      }
      await waitFor('group 5 reported damaged', () => damaged.length === 1);
      expect(damaged[0]).toEqual({ groupId: 5, err: expect.any(StorageCorruptionError) });
      expect(host.groupIds()).toEqual([6]);
      expect(five.leadership).toEqual({ role: 'follower', leaderId: 0, term: expect.any(Number) });
      expect(() => group5.propose(data('d'))).toThrow(NotLeaderError);
      // Group 6 is untouched, and so is the store.
      await waitFor('group 6 applies', () => six.applied.length === 3);
      group6.propose(data('d'));
      await waitFor('group 6 goes on', () => six.applied.length === 4);
      expect(host.storageFailure).toBeUndefined();
    } finally {
      await host.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to host a group whose stored state is damaged, and drops a log keeping its term and vote', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-raft-host-damage-'));
    try {
      let store = BrokerStore.open({ dataDir, durable: false });
      let host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
      host.start();
      const r = new Recorder();
      const group = host.createGroup(5, { voters: [1], stateMachine: r });
      await waitFor('leader', () => r.leadership?.role === 'leader');
      for (const s of ['a', 'b', 'c']) group.propose(data(s));
      await waitFor('applied', () => r.applied.length === 3);
      const before = group.status();
      await host.stop();
      await store.close();

      // An entry in the middle of the log goes missing on disk; a restart reads it back to re-apply it.
      store = BrokerStore.open({ dataDir, durable: false });
      store.entriesDb.removeSync(positionKey(5, before.lastIndex - 1));
      host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
      host.start();
      expect(() => host.createGroup(5, { voters: [1], stateMachine: new Recorder() })).toThrow(StorageCorruptionError);
      expect(host.groupIds()).toEqual([]);

      host.dropGroupLog(5);
      await store.commit();
      await host.stop();
      await store.close();
      store = BrokerStore.open({ dataDir, durable: false });
      const dropped = store.group(5);
      expect([dropped.firstIndex(), dropped.lastIndex()]).toEqual([1, 0]);
      expect(dropped.initialState().hardState).toEqual({ term: before.term, vote: before.vote, commit: 0 });
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('compacts a group with a compaction policy, keeping the configured tail', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-raft-host-compact-'));
    const store = BrokerStore.open({ dataDir, durable: false });
    const host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
    try {
      host.start();
      const r = new Recorder();
      let count = 0;
      const sm: GroupStateMachine = {
        apply: (entries) => { r.apply(entries); count = r.applied.length; },
        onLeadershipChange: (l) => r.onLeadershipChange(l),
        snapshotData: () => data(String(count)),
      };
      const group = host.createGroup(9, { voters: [1], stateMachine: sm, compaction: { keepEntries: 5 } });
      await waitFor('leader', () => r.leadership?.role === 'leader');
      for (let i = 0; i < 30; i++) group.propose(data(`e${i}`));
      await waitFor('applied', () => r.applied.length === 30);
      const log = store.group(9);
      const applied = group.status().applied;
      expect(log.firstIndex()).toBeGreaterThan(applied - 10);
      expect(log.firstIndex()).toBeLessThanOrEqual(applied - 4);
      expect(log.snapshot().metadata.index).toBeGreaterThanOrEqual(log.firstIndex() - 1);
    } finally {
      await host.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
