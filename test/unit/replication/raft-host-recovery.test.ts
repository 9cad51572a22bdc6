// RaftHost and a broker whose store was wiped (issue 9): it rejoins under its old id with `recovering`, and until it
// has caught up it neither votes nor counts toward a quorum, even when the others cannot form one without it; the
// persisted flag survives its restarts; once caught up it leaves recovery (durably, the state machine is told) and
// votes like any other replica. Three in-process brokers with real stores, transports and uWS endpoints.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntryType, type Entry } from '../../../broker/raft';
import { RaftHost, type GroupStateMachine, type Leadership } from '../../../broker/replication';
import { BrokerStore } from '../../../broker/storage';
import { HostBroker, startCluster, waitFor } from './raft-host-cluster';

class Recorder implements GroupStateMachine {
  readonly applied: string[] = [];
  leadership: Leadership | undefined;
  recovered = 0;

  apply(entries: readonly Entry[]): void {
    for (const e of entries) if (e.type === EntryType.Normal && e.data.length > 0) this.applied.push(Buffer.from(e.data).toString());
  }

  onLeadershipChange(l: Leadership): void {
    this.leadership = l;
  }

  onRecovered(): void {
    this.recovered++;
  }
}

const GROUPS = [1, 2, 3, 4];
const VOTERS = [1, 2, 3];
const data = (s: string) => new Uint8Array(Buffer.from(s));

describe('RaftHost: a broker rejoining with a wiped store', () => {
  let brokers: HostBroker[];
  const recorders = new Map<string, Recorder>();
  const recorder = (brokerId: number, groupId: number) => recorders.get(`${brokerId}/${groupId}`)!;
  const createGroups = (b: HostBroker, options: { recovering?: boolean; join?: boolean } = {}) => {
    for (const g of GROUPS) {
      const r = new Recorder();
      recorders.set(`${b.brokerId}/${g}`, r);
      b.host.createGroup(g, { voters: VOTERS, stateMachine: r, ...options });
    }
  };
  const running = () => brokers.filter((b) => b.running);
  const leaderOf = (g: number): number | undefined =>
    running().find((b) => b.host.leadership(g)?.role === 'leader')?.brokerId;
  const recovering = (b: HostBroker) => GROUPS.filter((g) => b.host.group(g)!.isRecovering()).length;

  beforeAll(async () => {
    brokers = await startCluster(3);
    for (const b of brokers) createGroups(b);
    await waitFor('a leader in every group', () => GROUPS.every((g) => leaderOf(g) !== undefined));
    for (const g of GROUPS) {
      const leader = leaderOf(g)!;
      if (leader !== 1) brokers[leader - 1].host.group(g)!.transferLeader(1);
    }
    await waitFor('broker 1 leads every group', () => GROUPS.every((g) => leaderOf(g) === 1), 10_000);
    for (const g of GROUPS) for (let i = 0; i < 5; i++) brokers[0].host.group(g)!.propose(data(`before-${g}-${i}`));
    await waitFor('applied everywhere', () => GROUPS.every((g) => brokers.every((b) => recorder(b.brokerId, g).applied.length === 5)));
  });
  afterAll(async () => {
    for (const b of brokers) await b.dispose();
  });

  it('while the other follower is down, the wiped broker gives no vote: no group elects a leader', async () => {
    const [b1, b2, b3] = brokers;
    await b2.stop();
    await b3.stop();
    b3.wipe();
    await b3.start(brokers);
    b1.addPeer(b3);
    createGroups(b3, { recovering: true, join: true });
    expect(recovering(b3)).toBe(GROUPS.length);
    expect(await b3.metric('rafter_raft_groups_recovering')).toBe(GROUPS.length);
    // Broker 1 cannot count broker 3 toward CheckQuorum, steps down, and campaigns (pre-votes) in vain.
    await waitFor('broker 1 campaigning in every group', () => GROUPS.every((g) => b1.host.leadership(g)?.role === 'pre-candidate'), 10_000);
    // An absence is watched for a while: a few election timeouts (at 10 ms ticks, 10 ticks each).
    const watchUntil = Date.now() + 500;
    while (Date.now() < watchUntil) {
      expect(GROUPS.map(leaderOf)).toEqual(GROUPS.map(() => undefined));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    for (const g of GROUPS) {
      expect(leaderOf(g)).toBeUndefined();
      expect(b3.host.group(g)!.status()).toMatchObject({ vote: 0, recovering: true });
    }
    expect(recovering(b3)).toBe(GROUPS.length);
  });

  it('restarted meanwhile, it stays recovering: the persisted flag wins over the options', async () => {
    const b3 = brokers[2];
    await b3.stop();
    await b3.start(brokers);
    brokers[0].addPeer(b3);
    createGroups(b3);
    expect(recovering(b3)).toBe(GROUPS.length);
    for (const g of GROUPS) expect(b3.store.group(g).isRecovering()).toBe(true);
  });

  it('once the others form a quorum again, it catches up, leaves recovery durably and is told so', async () => {
    const [b1, b2, b3] = brokers;
    await b2.start(brokers);
    b1.addPeer(b2);
    b3.addPeer(b2);
    createGroups(b2);
    await waitFor('broker 3 left recovery everywhere', () => recovering(b3) === 0, 15_000);
    for (const g of GROUPS) {
      expect(recorder(3, g).recovered).toBe(1);
      expect(b3.store.group(g).isRecovering()).toBe(false);
      const leader = leaderOf(g)!;
      expect(b3.host.group(g)!.status().vote).toBe(leader);
      expect(recorder(3, g).applied).toEqual(recorder(1, g).applied);
    }
    expect(await b3.metric('rafter_raft_groups_recovering')).toBe(0);
  });

  it('then it votes like any other replica: with broker 1 gone, brokers 2 and 3 elect a leader and commit', async () => {
    const [b1, b2, b3] = brokers;
    await b1.stop();
    await waitFor('a leader on broker 2 or 3 in every group', () => GROUPS.every((g) => [2, 3].includes(leaderOf(g) ?? 0)), 10_000);
    for (const g of GROUPS) brokers[leaderOf(g)! - 1].host.group(g)!.propose(data(`after-${g}`));
    await waitFor('committed on 2 and 3', () => GROUPS.every((g) => [b2, b3].every((b) => recorder(b.brokerId, g).applied.includes(`after-${g}`))));
    for (const g of GROUPS) expect(recorder(3, g).applied).toEqual(recorder(2, g).applied);
  });
});

describe('RaftHost: recovering where nobody can help', () => {
  it('refuses to start a group recovering when this broker is its only voter, and stages nothing for it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-raft-host-recovering-'));
    const store = BrokerStore.open({ dataDir, durable: false });
    const host = new RaftHost({ brokerId: 1, store, tickMs: 10 });
    try {
      expect(() => host.createGroup(5, { voters: [1], stateMachine: new Recorder(), recovering: true }))
        .toThrow(/only voter; there is no replica to recover from/);
      expect(store.group(5).hasData()).toBe(false);
      expect(host.groupIds()).toEqual([]);
    } finally {
      await host.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
