// A tiny in-test cluster: RaftNodes over MemoryStorage, each Ready handled as a host must (send, persist, send the
// after-persist messages, apply, advance), and messages delivered by hand or until the cluster is quiet.
import {
  MemoryStorage, MessageType, RaftNode, decodeConfChange, type Message, type RaftConfig, type Ready,
} from '../../../broker/raft';
import { EntryType, type ConfState, type Entry, type NodeId, type Snapshot } from '../../../broker/raft/types';

/** A deterministic uniform source (mulberry32), so elections are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestNode {
  readonly id: NodeId;
  raft: RaftNode;
  storage: MemoryStorage;
  applied: Entry[];
  conf: ConfState;
  readies: Ready[];
}

export type NodeOptions = Partial<Omit<RaftConfig, 'id' | 'storage'>>;

/** Storage holding the initial membership as a snapshot at index 1, term 1: the way a group is bootstrapped. */
export function bootstrapStorage(voters: NodeId[], learners: NodeId[] = []): MemoryStorage {
  const storage = new MemoryStorage();
  storage.applySnapshot({
    metadata: { index: 1, term: 1, confState: { voters, learners, votersOutgoing: [] } },
    data: new Uint8Array(0),
  });
  storage.setHardState({ term: 1, vote: 0, commit: 1 });
  return storage;
}

export class Network {
  readonly nodes = new Map<NodeId, TestNode>();
  /** Messages sent and not yet delivered, in order. */
  queue: Message[] = [];
  /** Pairs "from-to" whose messages are dropped. */
  private readonly cut = new Set<string>();
  /** Message types dropped everywhere. */
  readonly dropTypes = new Set<MessageType>();

  constructor(voters: NodeId[], readonly options: NodeOptions = {}, learners: NodeId[] = []) {
    for (const id of [...voters, ...learners]) this.add(id, bootstrapStorage(voters, learners));
  }

  add(id: NodeId, storage: MemoryStorage, options: NodeOptions = {}): TestNode {
    const raft = this.makeRaft(id, storage, options);
    const node: TestNode = { id, raft, storage, applied: [], conf: storage.initialState().confState, readies: [] };
    this.nodes.set(id, node);
    return node;
  }

  private makeRaft(id: NodeId, storage: MemoryStorage, options: NodeOptions, applied?: number): RaftNode {
    return new RaftNode({
      id, storage, electionTicks: 10, heartbeatTicks: 1, random: seededRandom(id * 7919),
      ...this.options, ...options, ...(applied !== undefined ? { applied } : {}),
    });
  }

  node(id: NodeId): TestNode {
    const n = this.nodes.get(id);
    if (n === undefined) throw new Error(`no node ${id}`);
    return n;
  }

  raft(id: NodeId): RaftNode {
    return this.node(id).raft;
  }

  /** Restarts a node from its storage (everything it persisted survives; all else is lost). */
  restart(id: NodeId, options: NodeOptions = {}): void {
    const n = this.node(id);
    const last = n.applied.length > 0 ? n.applied[n.applied.length - 1]!.index : 0;
    n.raft = this.makeRaft(id, n.storage, options, Math.max(last, n.storage.firstIndex() - 1));
    this.queue = this.queue.filter((m) => m.to !== id && m.from !== id);
  }

  /**
   * The node loses everything it stored (an emptied data directory) and restarts from the group's bootstrap
   * snapshot, fresh hard state and all, with `options` (`recovering: true` for a host that knows it).
   */
  wipe(id: NodeId, voters: NodeId[], options: NodeOptions = {}): TestNode {
    this.queue = this.queue.filter((m) => m.to !== id && m.from !== id);
    return this.add(id, bootstrapStorage(voters), options);
  }

  isolate(id: NodeId): void {
    for (const other of this.nodes.keys()) {
      if (other === id) continue;
      this.cut.add(`${id}-${other}`);
      this.cut.add(`${other}-${id}`);
    }
  }

  cutLink(from: NodeId, to: NodeId): void {
    this.cut.add(`${from}-${to}`);
  }

  heal(): void {
    this.cut.clear();
  }

  /** Handles one Ready on node `id` if it has one; returns it. */
  processReady(id: NodeId): Ready | undefined {
    const n = this.node(id);
    if (!n.raft.hasReady()) return undefined;
    const rd = n.raft.ready();
    n.readies.push(rd);
    this.send(rd.messages);
    if (rd.snapshot !== undefined) n.storage.applySnapshot(rd.snapshot);
    if (rd.entries.length > 0) n.storage.append(rd.entries);
    if (rd.hardState !== undefined) n.storage.setHardState(rd.hardState);
    this.send(rd.messagesAfterPersist);
    if (rd.snapshot !== undefined) {
      n.conf = rd.snapshot.metadata.confState;
      n.applied = n.applied.filter((e) => e.index <= rd.snapshot!.metadata.index);
    }
    for (const e of rd.committedEntries) {
      n.applied.push(e);
      if (e.type === EntryType.ConfChange) n.conf = n.raft.applyConfChange(decodeConfChange(e.data));
    }
    n.raft.advance();
    return rd;
  }

  send(messages: readonly Message[]): void {
    for (const m of messages) {
      if (this.cut.has(`${m.from}-${m.to}`) || this.dropTypes.has(m.type) || !this.nodes.has(m.to)) continue;
      this.queue.push(m);
      if (m.type === MessageType.Snap) this.node(m.from).raft.reportSnapshot(m.to, true);
    }
  }

  /** Delivers queued messages, optionally only those matching `filter`; returns how many. */
  deliver(filter: (m: Message) => boolean = () => true): number {
    const now = this.queue.filter(filter);
    this.queue = this.queue.filter((m) => !filter(m));
    for (const m of now) this.nodes.get(m.to)?.raft.step(m);
    return now.length;
  }

  /** Runs Readies and delivers messages until nothing moves. */
  stabilize(maxRounds = 1000): void {
    for (let round = 0; round < maxRounds; round++) {
      let moved = false;
      for (const id of this.nodes.keys()) if (this.processReady(id) !== undefined) moved = true;
      if (this.deliver() > 0) moved = true;
      if (!moved) return;
    }
    throw new Error(`not stable after ${maxRounds} rounds`);
  }

  tick(id: NodeId, times = 1): void {
    for (let i = 0; i < times; i++) this.raft(id).tick();
  }

  tickAll(times = 1): void {
    for (let i = 0; i < times; i++) for (const n of this.nodes.values()) n.raft.tick();
  }

  /** Campaigns on `id` and stabilizes; returns it for chaining. */
  elect(id: NodeId): RaftNode {
    this.raft(id).campaign();
    this.stabilize();
    const st = this.raft(id).status();
    if (st.role !== 'leader') throw new Error(`node ${id} did not become leader (${st.role})`);
    return this.raft(id);
  }

  /** Data of the normal, non-empty entries node `id` applied, as strings. */
  appliedData(id: NodeId): string[] {
    return this.node(id).applied
      .filter((e) => e.type === EntryType.Normal && e.data.length > 0)
      .map((e) => new TextDecoder().decode(e.data));
  }

  /** A snapshot of node `id`'s applied state at its applied index, then compaction up to it. */
  compact(id: NodeId): Snapshot {
    const n = this.node(id);
    const index = n.raft.status().applied;
    const snapshot = n.storage.createSnapshot(index, n.conf, new Uint8Array([index & 0xff]));
    n.storage.compact(index);
    return snapshot;
  }
}

export function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
