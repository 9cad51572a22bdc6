// The host's contract with RaftNode: the Ready cycle, configuration checks, status, and the conf-change codec.
import {
  ConfChangeType, MessageType, RaftNode, decodeConfChange, encodeConfChange, type Message,
} from '../../../broker/raft';
import { Network, bootstrapStorage, bytes, seededRandom } from './network';

const base = () => ({ id: 1, storage: bootstrapStorage([1, 2, 3]), electionTicks: 10, heartbeatTicks: 1, random: seededRandom(1) });

describe('RaftNode', () => {
  it('refuses a second ready() before advance(), and advance() without a ready()', () => {
    const raft = new RaftNode(base());
    raft.campaign();
    raft.ready();
    expect(raft.hasReady()).toBe(false);
    expect(() => raft.ready()).toThrow(/advance/);
    raft.advance();
    expect(() => raft.advance()).toThrow(/without a Ready/);
  });

  it('validates its configuration in the constructor', () => {
    expect(() => new RaftNode({ ...base(), electionTicks: 1, heartbeatTicks: 1 })).toThrow(/electionTicks/);
    expect(() => new RaftNode({ ...base(), id: 0 })).toThrow(/id/);
    expect(() => new RaftNode({ ...base(), maxInflightMsgs: 0 })).toThrow(/maxInflightMsgs/);
    expect(() => new RaftNode({ ...base(), maxSizePerMsgBytes: 1024, maxInflightBytes: 100 })).toThrow(/maxInflightBytes/);
  });

  it('ignores local-only message types arriving from peers', () => {
    const raft = new RaftNode(base());
    for (const type of [MessageType.Hup, MessageType.Prop, MessageType.CheckQuorum, MessageType.Beat]) {
      const m: Message = { type, from: 2, to: 1, term: 0, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0 };
      raft.step(m);
    }
    expect(raft.status().role).toBe('follower');
    expect(raft.hasReady()).toBe(false);
  });

  it('a Ready that only moves commit needs no fsync; status() shows the leader its followers', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    let previous = { term: 1, vote: 0, commit: 1 };
    let commitOnly = 0;
    for (const rd of net.node(2).readies) {
      const hs = rd.hardState ?? previous;
      if (rd.entries.length === 0 && hs.term === previous.term && hs.vote === previous.vote && hs.commit !== previous.commit) {
        expect(rd.mustSync).toBe(false);
        commitOnly++;
      }
      previous = hs;
    }
    expect(commitOnly).toBeGreaterThan(0);
    const st = net.raft(1).status();
    expect(st.progress!.get(2)).toEqual({ match: st.lastIndex, next: st.lastIndex + 1, state: 'replicate', recovering: false });
    expect(net.raft(2).status().progress).toBeUndefined();
  });

  it('respects maxSizePerMsgBytes and maxInflightMsgs when a follower falls behind', () => {
    const net = new Network([1, 2, 3], { maxSizePerMsgBytes: 100, maxInflightMsgs: 2 });
    net.elect(1);
    net.queue = [];
    net.raft(1).proposeBatch(Array.from({ length: 20 }, () => new Uint8Array(34)));
    net.processReady(1);
    const apps = net.queue.filter((m) => m.type === MessageType.App && m.to === 2);
    expect(apps).toHaveLength(2);
    expect(apps.every((m) => m.entries.length === 2)).toBe(true);
    net.stabilize();
    expect(net.raft(2).status().commit).toBe(net.raft(1).status().lastIndex);
  });

  it('a restarted node re-applies conf changes between its snapshot and its applied index', () => {
    const net = new Network([1, 2, 3], { checkQuorum: false });
    net.elect(1);
    net.raft(1).proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: 3 });
    net.stabilize();
    net.restart(1);
    net.raft(1).campaign();
    net.stabilize();
    expect(net.raft(1).status().role).toBe('leader');
    expect([...net.raft(1).status().progress!.keys()].sort()).toEqual([1, 2]);
  });

  it('hundreds of batched entries commit across three nodes with no per-entry messages', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.queue = [];
    const first = net.raft(1).proposeBatch(Array.from({ length: 500 }, (_, i) => bytes(`r${i}`)));
    net.processReady(1);
    expect(net.queue.filter((m) => m.type === MessageType.App)).toHaveLength(2);
    net.stabilize();
    expect(net.raft(3).status().commit).toBe(first + 499);
    expect(net.appliedData(3)).toHaveLength(500);
  });
});

describe('conf change codec', () => {
  it('round-trips every type and large ids, and rejects malformed input', () => {
    for (const type of [ConfChangeType.AddNode, ConfChangeType.RemoveNode, ConfChangeType.AddLearner]) {
      for (const nodeId of [1, 7, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
        expect(decodeConfChange(encodeConfChange({ type, nodeId }))).toEqual({ type, nodeId });
      }
    }
    expect(() => decodeConfChange(new Uint8Array(3))).toThrow(RangeError);
    expect(() => decodeConfChange(encodeConfChange({ type: 9 as ConfChangeType, nodeId: 1 }))).toThrow(/type/);
  });
});
