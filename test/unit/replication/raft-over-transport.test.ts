// Real Raft nodes (broker/raft) talking through the peer transport: the codec and the heartbeat coalescer must
// carry every message the core actually produces, or no leader is elected and nothing commits.
import { MemoryStorage, RaftNode, type Message } from '../../../broker/raft';
import { TestBroker, waitFor } from './peer-harness';

const GROUP = 42;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

class Replica {
  readonly storage = new MemoryStorage();
  readonly node: RaftNode;
  readonly applied: Uint8Array[] = [];

  constructor(readonly broker: TestBroker, voters: number[]) {
    // Bootstrapped from a snapshot naming the voters, as a new group is.
    this.storage.applySnapshot({
      metadata: { index: 1, term: 1, confState: { voters, learners: [], votersOutgoing: [] } }, data: new Uint8Array(0),
    });
    this.node = new RaftNode({ id: broker.brokerId, storage: this.storage, electionTicks: 10, heartbeatTicks: 1, random: seeded(broker.brokerId) });
  }

  /** One round of the host's loop: deliver what arrived, then handle every Ready (memory storage is durable at once). */
  run(): void {
    for (const { groups } of this.broker.received.splice(0)) {
      for (const g of groups) if (g.groupId === GROUP) for (const m of g.messages) this.node.step(m);
    }
    while (this.node.hasReady()) {
      const rd = this.node.ready();
      this.send(rd.messages);
      if (rd.snapshot) this.storage.applySnapshot(rd.snapshot);
      this.storage.append(rd.entries);
      if (rd.hardState) this.storage.setHardState(rd.hardState);
      this.send(rd.messagesAfterPersist);
      for (const e of rd.committedEntries) if (e.data.length > 0) this.applied.push(e.data);
      this.node.advance();
    }
    this.broker.transport.flush();
  }

  private send(messages: readonly Message[]): void {
    for (const m of messages) {
      if (m.to === this.broker.brokerId) this.node.step(m);
      else this.broker.transport.send(m.to, GROUP, [m]);
    }
  }
}

describe('Raft over the peer transport', () => {
  const brokers = [new TestBroker(1), new TestBroker(2), new TestBroker(3)];
  afterAll(() => {
    for (const b of brokers) b.close();
  });

  it('three nodes on three brokers elect a leader and commit 64 KiB entries everywhere', async () => {
    for (const b of brokers) await b.listen();
    for (const b of brokers) for (const peer of brokers) if (peer !== b) b.transport.addPeer(peer.brokerId, peer.url);
    await waitFor('full mesh', () => brokers.every((b) => brokers.every((p) => p === b || b.transport.isConnected(p.brokerId))));
    const replicas = brokers.map((b) => new Replica(b, [1, 2, 3]));
    const round = async (tick: boolean) => {
      for (const r of replicas) {
        if (tick) r.node.tick();
        r.run();
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    };

    let leader: Replica | undefined;
    for (let i = 0; i < 300 && !leader; i++) {
      await round(true);
      leader = replicas.find((r) => r.node.status().role === 'leader');
    }
    if (!leader) throw new Error('no leader elected');

    const payloads = [1, 2, 3, 4, 5].map((n) => new Uint8Array(64 * 1024).fill(n));
    for (const p of payloads) leader.node.propose(p);
    for (let i = 0; i < 300 && !replicas.every((r) => r.applied.length === payloads.length); i++) await round(i % 5 === 0);
    for (const r of replicas) expect(r.applied.map((d) => d[0])).toEqual([1, 2, 3, 4, 5]);
    for (const r of replicas) expect(r.applied.every((d) => d.length === 64 * 1024)).toBe(true);
    for (const b of brokers) expect(b.dropped).toEqual([]);
  });
});
