// The Raft paper's claims, one test each, in the manner of etcd's raft_paper_test.go: each test states the claim
// and names its section (Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm", and Ongaro's
// thesis for PreVote §9.6, leader transfer §3.10 and membership §4). Nodes run over MemoryStorage in the tiny
// Network of network.ts, which handles every Ready the way the broker's host does.
import {
  ConfChangeRefusedError, ConfChangeType, LeaderTransferInProgressError, MemoryStorage, MessageType, NotLeaderError,
  RaftNode, VOTE_TRANSFER, type Message,
} from '../../../broker/raft';
import { EntryType } from '../../../broker/raft/types';
import { Network, bootstrapStorage, bytes, seededRandom } from './network';

function msg(type: MessageType, from: number, to: number, term: number, fields: Partial<Message> = {}): Message {
  return { type, from, to, term, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0, ...fields };
}

function sent(net: Network, type: MessageType): Message[] {
  return net.queue.filter((m) => m.type === type);
}

describe('§5.1 basics: terms and roles', () => {
  it('§5.1 a server starts as a follower, at the term it persisted', () => {
    const net = new Network([1, 2, 3]);
    expect(net.raft(1).status()).toMatchObject({ role: 'follower', term: 1, leaderId: 0 });
  });

  it('§5.1 a server that sees a larger term adopts it and reverts to follower', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const term = net.raft(1).status().term;
    net.raft(1).step(msg(MessageType.App, 2, 1, term + 3, { index: 1, logTerm: 1 }));
    expect(net.raft(1).status()).toMatchObject({ role: 'follower', term: term + 3, leaderId: 2 });
  });

  it('§5.1 a request with a stale term is rejected: the sender learns the newer term', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const term = net.raft(2).status().term;
    net.queue = [];
    net.raft(2).step(msg(MessageType.App, 3, 2, term - 1, { index: 1, logTerm: 1, entries: [] }));
    net.processReady(2);
    const [resp] = sent(net, MessageType.AppResp);
    expect(resp).toMatchObject({ to: 3, term });
    expect(net.raft(2).status().leaderId).toBe(1);
  });
});

describe('§5.2 leader election', () => {
  it('§5.2 a follower that hears from no leader for an election timeout becomes a candidate and asks every voter', () => {
    const net = new Network([1, 2, 3], { preVote: false });
    net.tick(1, 20);
    expect(net.raft(1).status()).toMatchObject({ role: 'candidate', term: 2, vote: 1 });
    const rd = net.processReady(1)!;
    expect(rd.messages.filter((m) => m.type === MessageType.Vote).map((m) => m.to).sort()).toEqual([2, 3]);
    expect(rd.messages.every((m) => m.term === 2 && m.index === 1 && m.logTerm === 1)).toBe(true);
    expect(rd.hardState).toMatchObject({ term: 2, vote: 1 });
    expect(rd.mustSync).toBe(true);
  });

  it('§5.2 election timeouts are randomized in [electionTicks, 2 * electionTicks)', () => {
    const timeouts = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const raft = new RaftNode({
        id: 1, storage: bootstrapStorage([1, 2, 3]), electionTicks: 10, heartbeatTicks: 1, random: seededRandom(seed),
      });
      let ticks = 0;
      while (raft.status().role === 'follower') {
        raft.tick();
        ticks++;
      }
      timeouts.add(ticks);
    }
    expect(Math.min(...timeouts)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...timeouts)).toBeLessThan(20);
    expect(timeouts.size).toBeGreaterThan(3);
  });

  it('§5.2 a candidate that receives votes from a majority becomes leader and asserts itself at once', () => {
    const net = new Network([1, 2, 3, 4, 5], { preVote: false });
    net.raft(1).campaign();
    net.processReady(1);
    // Only node 2 answers; with its own vote that is 2 of 5: not yet.
    net.deliver((m) => m.to === 2);
    net.processReady(2);
    net.deliver((m) => m.to === 1);
    expect(net.raft(1).status().role).toBe('candidate');
    net.deliver((m) => m.to === 3);
    net.processReady(3);
    net.deliver((m) => m.to === 1);
    expect(net.raft(1).status().role).toBe('leader');
    const rd = net.processReady(1)!;
    expect(rd.entries).toHaveLength(1);
    expect(rd.messages.filter((m) => m.type === MessageType.App).length).toBe(4);
  });

  it('§5.2 a candidate counts its own vote only once it is durable', () => {
    const net = new Network([1], { preVote: false });
    net.raft(1).campaign();
    expect(net.raft(1).status().role).toBe('candidate');
    const rd = net.raft(1).ready();
    expect(rd.hardState).toMatchObject({ vote: 1 });
    expect(net.raft(1).status().role).toBe('candidate');
    net.raft(1).advance();
    expect(net.raft(1).status().role).toBe('leader');
  });

  it('§5.2 each server votes for at most one candidate in a term, first come first served; the vote is persisted before it is sent', () => {
    const net = new Network([1, 2, 3]);
    const voter = net.raft(1);
    voter.step(msg(MessageType.Vote, 2, 1, 2, { index: 1, logTerm: 1 }));
    voter.step(msg(MessageType.Vote, 3, 1, 2, { index: 1, logTerm: 1 }));
    voter.step(msg(MessageType.Vote, 2, 1, 2, { index: 1, logTerm: 1 }));
    const rd = voter.ready();
    expect(rd.hardState).toMatchObject({ term: 2, vote: 2 });
    expect(rd.messages).toHaveLength(0);
    expect(rd.messagesAfterPersist.map((m) => [m.to, m.reject])).toEqual([[2, false], [3, true], [2, false]]);
  });

  it('§5.2 a candidate that hears from a leader of its term returns to follower', () => {
    const net = new Network([1, 2, 3], { preVote: false });
    net.raft(1).campaign();
    net.raft(1).step(msg(MessageType.Heartbeat, 2, 1, 2));
    expect(net.raft(1).status()).toMatchObject({ role: 'follower', leaderId: 2, term: 2 });
  });

  it('§5.2 only a leader or a granted vote restarts the election timer: a refused candidate cannot hold back a better one', () => {
    // Node 1's log is ahead of candidate 2's; 2 times out every 9 ticks (say its clock runs fast), raising the term.
    const storage = bootstrapStorage([1, 2, 3]);
    storage.append([{ term: 1, index: 2, type: EntryType.Normal, data: bytes('x') }]);
    const voter = new RaftNode({ id: 1, storage, electionTicks: 10, heartbeatTicks: 1, random: seededRandom(5), preVote: false });
    let term = 1;
    for (let tick = 1; tick <= 40 && voter.status().role === 'follower'; tick++) {
      if (tick % 9 === 0) voter.step(msg(MessageType.Vote, 2, 1, ++term, { index: 1, logTerm: 1 }));
      voter.tick();
    }
    expect(voter.status().role).toBe('candidate');
  });

  it('§5.2 a candidate rejected by a majority gives up and tries again after another timeout', () => {
    const net = new Network([1, 2, 3], { preVote: false });
    net.raft(1).campaign();
    net.raft(1).step(msg(MessageType.VoteResp, 2, 1, 2, { reject: true }));
    net.raft(1).step(msg(MessageType.VoteResp, 3, 1, 2, { reject: true }));
    expect(net.raft(1).status()).toMatchObject({ role: 'follower', term: 2 });
    net.tick(1, 20);
    expect(net.raft(1).status()).toMatchObject({ role: 'candidate', term: 3 });
  });

  it('§5.2 a node that is not the leader refuses proposals and names the leader it knows (no forwarding)', () => {
    const net = new Network([1, 2, 3]);
    expect(() => net.raft(2).propose(bytes('x'))).toThrow(NotLeaderError);
    net.elect(1);
    try {
      net.raft(2).propose(bytes('x'));
      throw new Error('propose did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(NotLeaderError);
      expect((e as NotLeaderError).leaderId).toBe(1);
    }
  });
});

describe('§5.3 log replication', () => {
  it('§5.3 the leader appends a command, replicates it, commits it once a majority stored it, and followers apply it', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const index = net.raft(1).propose(bytes('a'));
    net.stabilize();
    for (const id of [1, 2, 3]) {
      expect(net.raft(id).status().commit).toBe(index);
      expect(net.appliedData(id)).toEqual(['a']);
    }
  });

  it('§5.3 (with §10.2.1 of the thesis) the leader sends appends before its own write and counts itself only once it is durable', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const leader = net.raft(1);
    const index = leader.propose(bytes('a'));
    const rd = leader.ready();
    expect(rd.entries.map((e) => e.index)).toEqual([index]);
    expect(rd.messages.filter((m) => m.type === MessageType.App && m.entries.length === 1)).toHaveLength(2);
    // Before the leader's own entry is durable, a single follower's ack is not a majority.
    net.send(rd.messages);
    net.deliver((m) => m.to === 2);
    net.processReady(2);
    net.deliver((m) => m.to === 1 && m.from === 2);
    expect(leader.status().commit).toBe(index - 1);
    net.node(1).storage.append(rd.entries);
    leader.advance();
    expect(leader.status().commit).toBe(index);
  });

  it('§5.3 a follower refuses an append whose previous entry it does not hold (the consistency check)', () => {
    const net = new Network([1, 2, 3]);
    const follower = net.raft(2);
    follower.step(msg(MessageType.App, 1, 2, 2, {
      index: 5, logTerm: 2, entries: [{ term: 2, index: 6, type: EntryType.Normal, data: bytes('x') }],
    }));
    const rd = follower.ready();
    expect(rd.entries).toHaveLength(0);
    expect(rd.messagesAfterPersist[0]).toMatchObject({ type: MessageType.AppResp, reject: true, index: 5, rejectHint: 1 });
  });

  it('§5.3 a follower deletes a conflicting entry and all that follow it, then appends the leader\'s', () => {
    const net = new Network([1, 2, 3]);
    const e = (index: number, term: number) => ({ term, index, type: EntryType.Normal, data: bytes(`${index}@${term}`) });
    const follower = net.raft(2);
    follower.step(msg(MessageType.App, 1, 2, 2, { index: 1, logTerm: 1, entries: [e(2, 2), e(3, 2), e(4, 2)] }));
    net.processReady(2);
    follower.step(msg(MessageType.App, 3, 2, 3, { index: 2, logTerm: 2, entries: [e(3, 3)] }));
    net.processReady(2);
    const storage = net.node(2).storage;
    expect(storage.lastIndex()).toBe(3);
    expect(storage.entries(2, 4).map((x) => x.term)).toEqual([2, 3]);
  });

  it('§5.3 the leader finds where a follower\'s log diverges a term at a time, not an index at a time', () => {
    const net = new Network([1, 2, 3], { checkQuorum: false });
    // Term 2: node 3 leads, then is cut off and appends 50 entries nobody else will keep.
    net.elect(3);
    net.isolate(3);
    for (let i = 0; i < 50; i++) net.raft(3).propose(bytes('stale'));
    net.stabilize();
    // Term 3: node 1 leads with node 2 and appends 60 entries; term 4: node 2 leads and probes node 3 at its end.
    net.heal();
    net.isolate(3);
    net.elect(1);
    for (let i = 0; i < 60; i++) net.raft(1).propose(bytes('kept'));
    net.stabilize();
    net.heal();
    const before = net.node(3).readies.length;
    net.elect(2);
    const rejections = net.node(3).readies.slice(before).flatMap((rd) => rd.messagesAfterPersist)
      .filter((m) => m.type === MessageType.AppResp && m.reject);
    // One index at a time this would take some 60 round trips; one term at a time it takes one.
    expect(rejections).toHaveLength(1);
    expect(net.node(3).storage.lastIndex()).toBe(net.node(1).storage.lastIndex());
    expect(net.appliedData(3)).toEqual(net.appliedData(2));
  });

  it('§5.3 heartbeats carry commit = min(the follower\'s match, the leader\'s commit)', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.isolate(3);
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    net.heal();
    net.queue = [];
    net.tick(1);
    net.processReady(1);
    const beats = sent(net, MessageType.Heartbeat);
    const commit = net.raft(1).status().commit;
    expect(beats.find((m) => m.to === 2)!.commit).toBe(commit);
    expect(beats.find((m) => m.to === 3)!.commit).toBe(net.raft(1).status().progress!.get(3)!.match);
    expect(beats.find((m) => m.to === 3)!.commit).toBeLessThan(commit);
  });
});

describe('§5.4 safety', () => {
  it('§5.4.1 a voter denies its vote to a candidate whose log is less up-to-date than its own', () => {
    const net = new Network([1, 2, 3], { checkQuorum: false });
    net.elect(1);
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    const term = net.raft(2).status().term;
    const lastIndex = net.raft(2).status().lastIndex;
    // Candidate 3 (pretend) has missed the last entry; a fresh voter at a higher term still refuses.
    const voter = net.raft(2);
    voter.step(msg(MessageType.Vote, 3, 2, term + 5, { index: lastIndex - 1, logTerm: term }));
    net.processReady(2);
    expect(sent(net, MessageType.VoteResp).at(-1)).toMatchObject({ to: 3, reject: true });
    voter.step(msg(MessageType.Vote, 3, 2, term + 5, { index: lastIndex, logTerm: term }));
    net.processReady(2);
    expect(sent(net, MessageType.VoteResp).at(-1)).toMatchObject({ to: 3, reject: false, term: term + 5 });
  });

  /**
   * Figure 8: node 1 leads a new term holding an entry of an earlier term; a majority (nodes 1 and 2) stores that
   * entry. Returns the leader and the entry's index, with node 2's acknowledgement of it delivered.
   */
  function figure8(commitPriorTermByCounting: boolean): { leader: RaftNode; oldIndex: number; noopIndex: number } {
    const net = new Network([1, 2, 3], { checkQuorum: false, sabotage: { commitPriorTermByCounting } });
    net.elect(1);
    net.isolate(1);
    const oldIndex = net.raft(1).propose(bytes('old'));
    net.stabilize();
    net.heal();
    // Node 1 restarts and wins the next term; the appends carrying the old entry and the new no-op are lost.
    net.restart(1);
    net.dropTypes.add(MessageType.App);
    const leader = net.elect(1);
    const term = leader.status().term;
    expect(leader.status()).toMatchObject({ lastIndex: oldIndex + 1, commit: oldIndex - 1 });
    leader.step(msg(MessageType.AppResp, 2, 1, term, { index: oldIndex }));
    return { leader, oldIndex, noopIndex: oldIndex + 1 };
  }

  it('§5.4.2 a leader never commits an entry of an earlier term by counting replicas (Figure 8)', () => {
    const { leader, oldIndex, noopIndex } = figure8(false);
    expect(leader.status().commit).toBe(oldIndex - 1);
    // Once an entry of its own term is on a majority, it and everything before it commit.
    leader.step(msg(MessageType.AppResp, 2, 1, leader.status().term, { index: noopIndex }));
    expect(leader.status().commit).toBe(noopIndex);
  });

  it('§5.4.2 the sabotage switch commitPriorTermByCounting commits it anyway (so the simulator can catch it)', () => {
    const { leader, oldIndex } = figure8(true);
    expect(leader.status().commit).toBe(oldIndex);
  });

  it('§5.4.1 the sabotage switch voteWithoutLogCheck grants a vote to a stale log', () => {
    const net = new Network([1, 2, 3], { checkQuorum: false, sabotage: { voteWithoutLogCheck: true } });
    net.elect(1);
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    net.queue = [];
    const term = net.raft(2).status().term;
    net.raft(2).step(msg(MessageType.Vote, 3, 2, term + 5, { index: 0, logTerm: 0 }));
    net.processReady(2);
    expect(sent(net, MessageType.VoteResp).at(-1)).toMatchObject({ to: 3, reject: false });
  });

  it('§5.2 the vote is persistent state: a restarted voter keeps it, unless the forgetToPersistVote sabotage drops it', () => {
    for (const forget of [false, true]) {
      const net = new Network([1, 2, 3], { sabotage: { forgetToPersistVote: forget } });
      net.raft(1).step(msg(MessageType.Vote, 2, 1, 5, { index: 1, logTerm: 1 }));
      net.processReady(1);
      net.restart(1);
      expect(net.raft(1).status()).toMatchObject({ term: 5, vote: forget ? 0 : 2 });
      net.raft(1).step(msg(MessageType.Vote, 3, 1, 5, { index: 1, logTerm: 1 }));
      net.processReady(1);
      expect(sent(net, MessageType.VoteResp).at(-1)).toMatchObject({ to: 3, reject: !forget });
    }
  });
});

describe('§9.6 PreVote', () => {
  it('§9.6 a pre-candidate asks for votes at term + 1 without raising its own term', () => {
    const net = new Network([1, 2, 3]);
    net.raft(1).campaign();
    expect(net.raft(1).status()).toMatchObject({ role: 'pre-candidate', term: 1 });
    const rd = net.processReady(1)!;
    expect(rd.messages.filter((m) => m.type === MessageType.PreVote).every((m) => m.term === 2)).toBe(true);
    expect(rd.hardState).toBeUndefined();
  });

  it('§9.6 a partitioned node that rejoins does not disrupt a working leader', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const term = net.raft(1).status().term;
    net.isolate(3);
    for (let i = 0; i < 100; i++) {
      net.tickAll();
      net.stabilize();
    }
    expect(net.raft(3).status()).toMatchObject({ term, role: 'pre-candidate' });
    net.heal();
    for (let i = 0; i < 30; i++) {
      net.tickAll();
      net.stabilize();
    }
    expect(net.raft(1).status()).toMatchObject({ role: 'leader', term });
    expect(net.raft(3).status()).toMatchObject({ role: 'follower', leaderId: 1, term });
  });
});

describe('CheckQuorum and the leader lease (§6.2 of the thesis)', () => {
  it('a leader that has not heard from a quorum within an election timeout steps down', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.isolate(1);
    for (let i = 0; i < 25; i++) {
      net.tick(1);
      net.stabilize();
    }
    expect(net.raft(1).status().role).toBe('follower');
  });

  it('a follower that heard from its leader within the election timeout ignores vote requests', () => {
    const net = new Network([1, 2, 3], { preVote: false });
    net.elect(1);
    net.queue = [];
    const term = net.raft(2).status().term;
    net.raft(2).step(msg(MessageType.Vote, 3, 2, term + 1, { index: 100, logTerm: term }));
    expect(net.raft(2).status()).toMatchObject({ term, vote: 1, leaderId: 1 });
    expect(net.raft(2).hasReady()).toBe(false);
    // A leader transfer's campaign is honoured despite the lease.
    net.raft(2).step(msg(MessageType.Vote, 3, 2, term + 1, { index: 100, logTerm: term, rejectHint: VOTE_TRANSFER }));
    expect(net.raft(2).status()).toMatchObject({ term: term + 1, vote: 3 });
  });
});

describe('leader transfer (§3.10 of the thesis)', () => {
  it('the leader catches the transferee up, then tells it to campaign at once; it wins the next term', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const term = net.raft(1).status().term;
    net.isolate(3);
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    net.heal();
    net.raft(1).transferLeader(3);
    expect(() => net.raft(1).propose(bytes('b'))).toThrow(LeaderTransferInProgressError);
    net.stabilize();
    expect(net.raft(3).status()).toMatchObject({ role: 'leader', term: term + 1 });
    expect(net.appliedData(3)).toEqual(['a']);
  });

  it('a transfer that does not finish within an election timeout is abandoned and proposals resume', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.isolate(3);
    net.raft(1).transferLeader(3);
    expect(() => net.raft(1).propose(bytes('x'))).toThrow(LeaderTransferInProgressError);
    for (let i = 0; i < 10; i++) {
      net.tick(1);
      net.stabilize();
    }
    expect(net.raft(1).status().role).toBe('leader');
    expect(() => net.raft(1).propose(bytes('x'))).not.toThrow();
  });
});

describe('§6 membership changes, one server at a time (thesis §4.1), effective when applied', () => {
  function withNode4(): Network {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.add(4, new MemoryStorage());
    return net;
  }

  it('§6 a new node joins as a learner: it receives the log (through a snapshot first) but does not vote or count', () => {
    const net = withNode4();
    net.raft(1).proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 4 });
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    expect(net.node(4).conf.learners).toEqual([4]);
    expect(net.appliedData(4)).toEqual(['a']);
    expect(net.node(4).readies.some((rd) => rd.snapshot !== undefined)).toBe(true);
    // The learner never campaigns, and the three voters commit without it.
    net.isolate(4);
    for (let i = 0; i < 50; i++) net.tick(4);
    expect(net.raft(4).status().role).toBe('follower');
    net.raft(1).propose(bytes('b'));
    net.stabilize();
    expect(net.appliedData(1)).toEqual(['a', 'b']);
  });

  it('§6 AddNode promotes a learner to a voter; the quorum then counts it', () => {
    const net = withNode4();
    net.raft(1).proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 4 });
    net.stabilize();
    net.raft(1).proposeConfChange({ type: ConfChangeType.AddNode, nodeId: 4 });
    net.stabilize();
    for (const id of [1, 2, 3, 4]) expect(net.node(id).conf.voters).toEqual([1, 2, 3, 4]);
    // Four voters need three: with 3 and 4 cut off, nothing commits.
    net.isolate(3);
    net.isolate(4);
    const index = net.raft(1).propose(bytes('c'));
    net.stabilize();
    expect(net.raft(1).status().commit).toBeLessThan(index);
  });

  it('§6 only one change may be pending: a second is refused until the first is applied', () => {
    const net = withNode4();
    net.raft(1).proposeConfChange({ type: ConfChangeType.AddLearner, nodeId: 4 });
    expect(() => net.raft(1).proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: 3 }))
      .toThrow(ConfChangeRefusedError);
    net.stabilize();
    expect(() => net.raft(1).proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: 3 })).not.toThrow();
  });

  it('§6 a configuration takes effect when its entry is applied, not when it is appended', () => {
    const net = withNode4();
    net.raft(1).proposeConfChange({ type: ConfChangeType.AddNode, nodeId: 4 });
    net.processReady(1);
    expect(net.raft(1).status().progress!.has(4)).toBe(false);
    net.stabilize();
    expect(net.raft(1).status().progress!.has(4)).toBe(true);
  });

  it('§6 removing the last voter is refused', () => {
    const net = new Network([1]);
    net.elect(1);
    expect(() => net.raft(1).proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: 1 }))
      .toThrow(ConfChangeRefusedError);
  });

  it('§6 a leader that removes itself hands leadership to a remaining voter', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.raft(1).proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: 1 });
    net.stabilize();
    for (let i = 0; i < 5; i++) {
      net.tickAll();
      net.stabilize();
    }
    const leaders = [2, 3].filter((id) => net.raft(id).status().role === 'leader');
    expect(leaders).toHaveLength(1);
    expect(net.node(leaders[0]!).conf.voters).toEqual([2, 3]);
    expect(net.raft(1).status().role).toBe('follower');
  });
});

describe('§7 log compaction and snapshots', () => {
  it('§7 a follower that needs compacted entries gets the leader\'s snapshot, then the entries after it', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.isolate(3);
    for (let i = 0; i < 10; i++) net.raft(1).propose(bytes(`e${i}`));
    net.stabilize();
    const snapshot = net.compact(1);
    net.raft(1).propose(bytes('after'));
    net.stabilize();
    net.heal();
    for (let i = 0; i < 3; i++) {
      net.tickAll();
      net.stabilize();
    }
    const snaps = net.node(3).readies.filter((rd) => rd.snapshot !== undefined);
    expect(snaps.map((rd) => rd.snapshot!.metadata.index)).toEqual([snapshot.metadata.index]);
    expect(net.raft(3).status().commit).toBe(net.raft(1).status().commit);
    expect(net.appliedData(3)).toEqual(['after']);
    expect(net.raft(1).status().progress!.get(3)!.state).toBe('replicate');
  });

  it('§7 a restarted node resumes from its snapshot and log with the same term, vote and commit', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    const before = net.raft(2).status();
    net.restart(2);
    expect(net.raft(2).status()).toMatchObject({
      term: before.term, vote: before.vote, commit: before.commit, lastIndex: before.lastIndex, role: 'follower',
    });
  });
});
