// Replicas that lost or repaired their state (RaftConfig.recovering; broker/raft/raft.ts, "Recovery"). Raft's safety
// argument assumes a voter never forgets its log, term or vote; each test states one rule that keeps a replica which
// did forget from breaking it, in the manner of paper.test.ts. The last block is the failure of issue 9 item 2 as a
// script: one follower paused, the other wiped, then the leader dies.
import {
  ConfChangeRefusedError, ConfChangeType, MemoryStorage, MessageType, RaftNode, type Message, type Ready,
} from '../../../broker/raft';
import { RECOVERY_MIN_ELECTION_TIMEOUTS } from '../../../broker/raft/raft';
import { EntryType, type Entry } from '../../../broker/raft/types';
import { Network, bootstrapStorage, bytes, seededRandom, type NodeOptions } from './network';

const ELECTION_TICKS = 10;
const RECOVERY_TICKS = RECOVERY_MIN_ELECTION_TIMEOUTS * ELECTION_TICKS;
const VOTERS = [1, 2, 3];

function msg(type: MessageType, from: number, to: number, term: number, fields: Partial<Message> = {}): Message {
  return { type, from, to, term, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0, ...fields };
}

function entries(from: number, to: number, term: number): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push({ index: i, term, type: EntryType.Normal, data: bytes(`e${i}`) });
  return out;
}

const storages = new WeakMap<RaftNode, MemoryStorage>();

/** Node 2 of {1, 2, 3}, just restarted with an emptied store: the bootstrap snapshot at index 1 and nothing else. */
function recoveringNode(options: NodeOptions = {}): RaftNode {
  const storage = bootstrapStorage(VOTERS);
  const node = new RaftNode({
    id: 2, storage, electionTicks: ELECTION_TICKS, heartbeatTicks: 1, random: seededRandom(2), recovering: true,
    ...options,
  });
  storages.set(node, storage);
  return node;
}

/** Takes a Ready, persists it as a host does, and advances. */
function readyAndAdvance(node: RaftNode): Ready {
  const rd = node.ready();
  persist(node, rd);
  node.advance();
  return rd;
}

function persist(node: RaftNode, rd: Ready): void {
  const storage = storages.get(node)!;
  if (rd.snapshot !== undefined) storage.applySnapshot(rd.snapshot);
  if (rd.entries.length > 0) storage.append(rd.entries);
  if (rd.hardState !== undefined) storage.setHardState(rd.hardState);
}

/** Rounds of Readies and deliveries, for a cluster that never gets quiet (a leader probing a follower forever). */
function run(net: Network, rounds: number): void {
  for (let i = 0; i < rounds; i++) {
    for (const id of net.nodes.keys()) net.processReady(id);
    net.deliver();
  }
}

/** A leader of term 2 appends 2..4 to our bootstrap log, commits them, and confirms the commit for our recovery. */
function confirmedAppend(): Message {
  return msg(MessageType.App, 1, 2, 2, { index: 1, logTerm: 1, entries: entries(2, 4, 2), commit: 4, recoveryConfirmed: true });
}

/** A recovering node past the minimum wait, that has taken and persisted a confirmed append. */
function caughtUpNode(): RaftNode {
  const node = recoveringNode();
  for (let i = 0; i < RECOVERY_TICKS; i++) node.tick();
  node.step(confirmedAppend());
  readyAndAdvance(node);
  return node;
}

function allMessages(rd: Ready): Message[] {
  return [...rd.messages, ...rd.messagesAfterPersist];
}

/** A three-node group led by 1 with five committed entries, whose node 2 then restarts emptied with `options`. */
function wipedFollower(options: NodeOptions): Network {
  const net = new Network(VOTERS);
  net.elect(1);
  for (const v of ['a', 'b', 'c', 'd', 'e']) net.raft(1).propose(bytes(v));
  net.stabilize();
  net.wipe(2, VOTERS, options);
  return net;
}

describe('a recovering replica is a learner in effect', () => {
  it('it never campaigns: not on an election timeout, not when asked, not on TimeoutNow', () => {
    const node = recoveringNode();
    for (let i = 0; i < 10 * ELECTION_TICKS; i++) node.tick();
    node.campaign();
    node.step(msg(MessageType.TimeoutNow, 1, 2, 1));
    expect(node.status()).toMatchObject({ role: 'follower', term: 1, recovering: true });
    const rd = node.ready();
    expect(allMessages(rd).filter((m) => m.type === MessageType.Vote || m.type === MessageType.PreVote)).toEqual([]);
  });

  it('it grants no vote and no pre-vote, even to an up-to-date candidate, and flags every message it sends', () => {
    const node = recoveringNode();
    node.step(msg(MessageType.PreVote, 3, 2, 6, { index: 9, logTerm: 5 }));
    node.step(msg(MessageType.Vote, 3, 2, 6, { index: 9, logTerm: 5 }));
    node.step(msg(MessageType.Heartbeat, 1, 2, 6));
    const rd = node.ready();
    const sent = allMessages(rd);
    expect(sent.map((m) => [MessageType[m.type], m.reject])).toEqual([
      ['HeartbeatResp', false], ['PreVoteResp', true], ['VoteResp', true],
    ]);
    expect(sent.every((m) => (m.recovering ?? 0) > 0)).toBe(true);
    expect(node.status()).toMatchObject({ term: 6, vote: 0 });
  });

  it('it tells a leader of a lower term about its own, even without CheckQuorum and PreVote: it never campaigns, so nothing else would', () => {
    const storage = bootstrapStorage(VOTERS);
    // A repaired replica keeps its term and vote (5, for itself), above the leader's.
    storage.setHardState({ term: 5, vote: 2, commit: 1 });
    const node = new RaftNode({
      id: 2, storage, electionTicks: ELECTION_TICKS, heartbeatTicks: 1, random: seededRandom(2), recovering: true,
      checkQuorum: false, preVote: false,
    });
    node.step(msg(MessageType.Heartbeat, 1, 2, 4));
    node.step(msg(MessageType.App, 1, 2, 4, { index: 1, logTerm: 1 }));
    expect(allMessages(node.ready()).map((m) => [MessageType[m.type], m.to, m.term])).toEqual([['AppResp', 1, 5], ['AppResp', 1, 5]]);
  });

  it('the sabotage switch recoveringGrantsVotes grants them (so the simulator can catch it)', () => {
    const node = recoveringNode({ sabotage: { recoveringGrantsVotes: true } });
    node.step(msg(MessageType.Vote, 3, 2, 6, { index: 9, logTerm: 5 }));
    expect(node.ready().messagesAfterPersist.map((m) => m.reject)).toEqual([false]);
  });

  it('it stays in the voter configuration, and a leader does not hand leadership to it', () => {
    const net = wipedFollower({ recovering: true });
    net.tick(1);
    net.stabilize();
    expect(net.node(2).conf.voters).toEqual(VOTERS);
    net.raft(1).transferLeader(2);
    net.stabilize();
    net.tick(2, 2 * ELECTION_TICKS);
    net.stabilize();
    expect(net.raft(1).status().role).toBe('leader');
    expect(net.raft(2).status()).toMatchObject({ role: 'follower', recovering: true });
  });
});

describe('commit on a recovering replica', () => {
  it('it takes commit indexes from appends only: a heartbeat\'s min(match, commit) may rest on a match from before the loss', () => {
    const fresh = (recovering: boolean) => {
      const node = recoveringNode({ recovering });
      // A leader of term 2 (its log: the bootstrap, then 2..5) appends; its commit is still 1.
      node.step(msg(MessageType.App, 1, 2, 2, { index: 1, logTerm: 1, entries: entries(2, 5, 2), commit: 1 }));
      readyAndAdvance(node);
      node.step(msg(MessageType.Heartbeat, 1, 2, 2, { commit: 5 }));
      return node.status().commit;
    };
    expect(fresh(false)).toBe(5);
    expect(fresh(true)).toBe(1);
  });

  it('no replica commits past its own last index, whatever a heartbeat says (etcd panics there)', () => {
    const node = recoveringNode({ recovering: false });
    node.step(msg(MessageType.App, 1, 2, 2, { index: 1, logTerm: 1, entries: entries(2, 3, 2), commit: 1 }));
    node.step(msg(MessageType.Heartbeat, 1, 2, 2, { commit: 9 }));
    expect(node.status()).toMatchObject({ commit: 3, lastIndex: 3 });
  });
});

describe('the leader and a recovering follower', () => {
  it('the leader forgets what the follower acknowledged before and catches it up from what it really holds', () => {
    const net = wipedFollower({ recovering: true });
    net.tick(1);
    net.stabilize();
    const leader = net.raft(1).status();
    expect(net.raft(2).status().lastIndex).toBe(leader.lastIndex);
    expect(net.appliedData(2)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(leader.progress!.get(2)).toMatchObject({ match: leader.lastIndex, recovering: true });
  });

  it('without the flag (wipeWithoutRecovering) the leader keeps its old match, treats every rejection as stale, and the follower never catches up', () => {
    const net = wipedFollower({ recovering: true, sabotage: { wipeWithoutRecovering: true } });
    for (let i = 0; i < 5; i++) {
      net.raft(1).propose(bytes(`late${i}`));
      net.tick(1);
      run(net, 50);
    }
    expect(net.raft(1).status().commit).toBeGreaterThan(10);
    expect(net.raft(2).status().lastIndex).toBe(1);
  });

  it('its acknowledgements count toward no commit, and its liveness toward no CheckQuorum, until others confirm the leader\'s term', () => {
    const net = wipedFollower({ recovering: true });
    net.isolate(3);
    net.tick(1);
    net.stabilize();
    const before = net.raft(1).status().commit;
    net.raft(1).propose(bytes('x'));
    net.stabilize();
    // Node 2 holds x durably and acknowledged it; with node 1 that would be a majority, but it does not count.
    expect(net.raft(2).status().lastIndex).toBe(net.raft(1).status().lastIndex);
    expect(net.raft(1).status().commit).toBe(before);
    // The first CheckQuorum still counts node 3, heard from before it was cut off; the second does not.
    net.tick(1, 2 * ELECTION_TICKS);
    net.stabilize();
    expect(net.raft(1).status().role).toBe('follower');
  });

  it('it cannot leave recovery through a leader whose term no longer has a quorum without it', () => {
    const net = wipedFollower({ recovering: true });
    net.isolate(3);
    for (let i = 0; i < 3 * RECOVERY_TICKS; i++) {
      net.tick(1);
      net.tick(2);
      net.stabilize();
    }
    expect(net.raft(2).status().recovering).toBe(true);
  });

  it('the leader refuses a membership change after which the voters not recovering would be no majority', () => {
    const net = wipedFollower({ recovering: true });
    net.tick(1);
    net.stabilize();
    expect(() => net.raft(1).proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: 3 }))
      .toThrow(ConfChangeRefusedError);
    expect(() => net.raft(1).proposeConfChange({ type: ConfChangeType.RemoveNode, nodeId: 2 })).not.toThrow();
  });

  it('a recovering follower that loses its state again is caught up again (a rejection below its match)', () => {
    const net = wipedFollower({ recovering: true });
    net.tick(1);
    net.stabilize();
    net.wipe(2, VOTERS, { recovering: true });
    net.raft(1).propose(bytes('f'));
    net.stabilize();
    net.tick(1);
    net.stabilize();
    expect(net.raft(2).status().lastIndex).toBe(net.raft(1).status().lastIndex);
    expect(net.appliedData(2)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('leaving recovery', () => {
  it('only once a confirmed commit index is durable, not while it sits in an unpersisted Ready', () => {
    const node = recoveringNode();
    for (let i = 0; i < RECOVERY_TICKS; i++) node.tick();
    node.step(confirmedAppend());
    expect(node.status()).toMatchObject({ commit: 4, recovering: true });
    const rd = node.ready();
    expect(rd.entries.map((e) => e.index)).toEqual([2, 3, 4]);
    persist(node, rd);
    node.tick();
    expect(node.status().recovering).toBe(true);
    node.advance();
    expect(node.status().recovering).toBe(false);
  });

  it('not on an unconfirmed commit index: the leader may not know yet that this node lost its state', () => {
    const node = recoveringNode();
    for (let i = 0; i < RECOVERY_TICKS; i++) node.tick();
    node.step(msg(MessageType.App, 1, 2, 2, { index: 1, logTerm: 1, entries: entries(2, 4, 2), commit: 4 }));
    readyAndAdvance(node);
    node.tick();
    expect(node.status()).toMatchObject({ commit: 4, recovering: true });
  });

  it(`no sooner than ${RECOVERY_MIN_ELECTION_TIMEOUTS} election timeouts after it started (a candidacy holding its lost vote must end first)`, () => {
    const node = recoveringNode();
    node.step(confirmedAppend());
    readyAndAdvance(node);
    for (let i = 1; i < RECOVERY_TICKS; i++) node.tick();
    expect(node.status().recovering).toBe(true);
    node.tick();
    expect(node.status().recovering).toBe(false);
  });

  it('it records the leader as its vote in the leader\'s term, in the same synced Ready that clears the flag', () => {
    const node = caughtUpNode();
    // A candidate of the same term asks at once: the vote is taken (our lost incarnation may have given it).
    node.step(msg(MessageType.Vote, 3, 2, 2, { index: 4, logTerm: 2 }));
    const rd = node.ready();
    expect(rd.recovering).toBe(false);
    expect(rd.hardState).toMatchObject({ term: 2, vote: 1, commit: 4 });
    expect(rd.mustSync).toBe(true);
    expect(rd.messagesAfterPersist.map((m) => [MessageType[m.type], m.reject, m.recovering])).toEqual([['VoteResp', true, undefined]]);
  });

  it('a confirmation from an earlier term does not count once the term moved on', () => {
    const node = recoveringNode();
    for (let i = 0; i < RECOVERY_TICKS; i++) node.tick();
    node.step(confirmedAppend());
    node.step(msg(MessageType.Heartbeat, 3, 2, 3));
    readyAndAdvance(node);
    node.tick();
    expect(node.status()).toMatchObject({ term: 3, recovering: true });
  });
});

describe('issue 9 item 2: one follower paused, the other wiped, then the leader dies', () => {
  /** Node 3 misses the last entries, node 2 loses everything, node 1 (the leader) goes away: 2 and 3 are left. */
  function pausedWipedLeaderGone(wiped: NodeOptions): { net: Network; acknowledged: string[] } {
    const net = new Network(VOTERS);
    net.elect(1);
    net.isolate(3);
    for (const v of ['a', 'b', 'c', 'd', 'e']) net.raft(1).propose(bytes(v));
    net.stabilize();
    // Committed on {1, 2} and applied by the leader: acknowledged to the producer.
    const acknowledged = net.appliedData(1);
    expect(acknowledged).toEqual(['a', 'b', 'c', 'd', 'e']);
    net.wipe(2, VOTERS, wiped);
    net.heal();
    net.isolate(1);
    for (let i = 0; i < 10 * ELECTION_TICKS; i++) {
      net.tick(2);
      net.tick(3);
      net.stabilize();
    }
    return { net, acknowledged };
  }

  it('without recovery (wipeWithoutRecovering) the lagging and the empty replica elect a leader that loses acknowledged entries', () => {
    const { net, acknowledged } = pausedWipedLeaderGone({ recovering: true, sabotage: { wipeWithoutRecovering: true } });
    const leader = [2, 3].find((id) => net.raft(id).status().role === 'leader');
    expect(leader).toBeDefined();
    net.raft(leader!).propose(bytes('x'));
    net.stabilize();
    expect(net.appliedData(3)).toEqual(['x']);
    expect(net.appliedData(3)).not.toEqual(expect.arrayContaining(acknowledged));
    // The same index holds one entry on the old leader and another on the new one: both committed.
    const lost = net.node(1).applied.find((e) => new TextDecoder().decode(e.data) === 'a')!;
    const there = net.node(3).applied.find((e) => e.index === lost.index)!;
    expect(there.data).not.toEqual(lost.data);
  });

  it('with recovery no leader is elected without the leader\'s entries; once it is back, everyone holds them and the wiped replica votes again', () => {
    const { net, acknowledged } = pausedWipedLeaderGone({ recovering: true });
    expect([2, 3].map((id) => net.raft(id).status().role)).not.toContain('leader');
    net.heal();
    for (let i = 0; i < 10 * RECOVERY_TICKS && net.raft(2).status().recovering; i++) {
      net.tickAll();
      net.stabilize();
    }
    expect(net.raft(2).status().recovering).toBe(false);
    for (const id of VOTERS) expect(net.appliedData(id)).toEqual(acknowledged);
    // Now a voter like any other: with the leader gone again, 2 and 3 elect one of themselves and keep the entries.
    const term = net.raft(2).status().term;
    net.isolate(1);
    for (let i = 0; i < 10 * ELECTION_TICKS && ![2, 3].some((id) => net.raft(id).status().role === 'leader'); i++) {
      net.tick(2);
      net.tick(3);
      net.stabilize();
    }
    const leader = [2, 3].find((id) => net.raft(id).status().role === 'leader')!;
    expect(leader).toBeDefined();
    expect(net.raft(leader).status().term).toBeGreaterThan(term);
    net.raft(leader).propose(bytes('y'));
    net.stabilize();
    expect(net.appliedData(2)).toEqual([...acknowledged, 'y']);
    expect(net.appliedData(3)).toEqual([...acknowledged, 'y']);
  });
});
