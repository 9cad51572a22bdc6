// Messages no honest node sends, and what the core does with them. The peer message validator keeps out what breaks
// a bound or a format; these are well-formed messages that Raft's own rules say cannot come from where they claim
// to: each hardening is cheap, costs nothing on an honest cluster, and is tested here against the message that
// misused it before.
import { MessageType, VOTE_TRANSFER, type Message } from '../../../broker/raft';
import { EntryType } from '../../../broker/raft/types';
import { Network, bytes } from './network';

function msg(type: MessageType, from: number, to: number, term: number, fields: Partial<Message> = {}): Message {
  return { type, from, to, term, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0, ...fields };
}

describe('a follower of a live leader', () => {
  it('ignores TimeoutNow from a node that is not its leader, at its term or above (etcd honours any)', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const term = net.raft(2).status().term;
    net.raft(2).step(msg(MessageType.TimeoutNow, 3, 2, term));
    net.raft(2).step(msg(MessageType.TimeoutNow, 3, 2, term + 5));
    net.stabilize();
    expect(net.raft(1).status()).toMatchObject({ role: 'leader', term });
    expect(net.raft(2).status()).toMatchObject({ role: 'follower', leaderId: 1, term });
  });

  it('still campaigns on TimeoutNow from its leader, and wins: the transfer is honoured', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const term = net.raft(2).status().term;
    net.raft(2).step(msg(MessageType.TimeoutNow, 1, 2, term));
    net.stabilize();
    expect(net.raft(2).status()).toMatchObject({ role: 'leader', term: term + 1 });
  });

  it('§5.2 ignores an append or heartbeat of its term from another node: a term has one leader', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    net.raft(1).propose(bytes('a'));
    net.stabilize();
    const before = net.raft(2).status();
    const entries = [{ term: before.term, index: before.lastIndex + 1, type: EntryType.Normal, data: bytes('forged') }];
    net.raft(2).step(msg(MessageType.App, 3, 2, before.term, { index: before.lastIndex, logTerm: before.term, entries, commit: before.lastIndex + 1 }));
    net.raft(2).step(msg(MessageType.Heartbeat, 3, 2, before.term, { commit: before.lastIndex + 1 }));
    net.stabilize();
    expect(net.raft(2).status()).toMatchObject({ leaderId: 1, lastIndex: before.lastIndex, commit: before.commit });
    expect(net.appliedData(2)).toEqual(['a']);
    // Its leader's messages are taken as before.
    net.raft(1).propose(bytes('b'));
    net.stabilize();
    expect(net.appliedData(2)).toEqual(['a', 'b']);
  });

  it('ignores a peer message at term 0, which Raft would step as a local one past every term check', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const before = net.raft(2).status();
    const entries = [{ term: before.term, index: before.lastIndex + 1, type: EntryType.Normal, data: bytes('forged') }];
    net.raft(2).step(msg(MessageType.App, 1, 2, 0, { index: before.lastIndex, logTerm: before.term, entries }));
    net.raft(2).step(msg(MessageType.Vote, 3, 2, 0, { index: 1000, logTerm: before.term, rejectHint: VOTE_TRANSFER }));
    expect(net.raft(2).hasReady()).toBe(false);
    expect(net.raft(2).status()).toMatchObject({ lastIndex: before.lastIndex, vote: before.vote, term: before.term });
  });
});

describe('a leader', () => {
  it('ignores an acknowledgement past its last index instead of asking for a snapshot it does not have', () => {
    const net = new Network([1, 2, 3]);
    net.elect(1);
    const { term, lastIndex } = net.raft(1).status();
    // Before: match 1000000 for node 2, then "node 2 needs index 1000001 but the latest snapshot is at 1" thrown by
    // the next append or heartbeat round, which the host took for a failed broker.
    net.raft(1).step(msg(MessageType.AppResp, 2, 1, term, { index: 1_000_000 }));
    expect(() => {
      net.tickAll(3);
      net.stabilize();
      net.raft(1).propose(bytes('after'));
      net.stabilize();
    }).not.toThrow();
    expect(net.raft(1).status().progress?.get(2)?.match).toBe(lastIndex + 1);
    expect(net.appliedData(2)).toEqual(['after']);
  });
});
