import { MessageType, type Message } from '../../../broker/raft';
import { EntryType } from '../../../broker/raft/types';
import {
  decodePeerFrame, encodeHello, encodeRaftBatch, HeartbeatCoalescer, MalformedFrameError, maxEncodedMessageBytes,
  validateLogSlice, type GroupMessages,
} from '../../../broker/replication';
import { rafter } from '../../../broker/replication/generated/peer';
import { append, entries, heartbeat, message } from './raft-messages';

const wire = rafter.peer;

function roundTrip(groups: GroupMessages[]): GroupMessages[] {
  const decoded = decodePeerFrame(encodeRaftBatch({ groups }));
  if (decoded.kind !== 'raft-batch') throw new Error(`decoded a ${decoded.kind}`);
  return decoded.groups;
}

/** Decodes a frame built from wire objects directly, the way a faulty or hostile peer could build it. */
function decodeWire(raftBatch: rafter.peer.RaftBatch.$Properties) {
  return () => decodePeerFrame(wire.PeerFrame.encode({ raftBatch }).finish());
}

describe('raft codec', () => {
  it('round-trips every field of appends, responses and votes, grouped by group id', () => {
    const groups: GroupMessages[] = [
      { groupId: 0, messages: [append(10, 2, [2, 3, 3], { commit: 9 }), message(MessageType.Vote, { logTerm: 3, index: 13 })] },
      { groupId: 4_000_000_000, messages: [message(MessageType.AppResp, { index: 7, reject: true, rejectHint: 5, logTerm: 2 })] },
      { groupId: 7, messages: [message(MessageType.PreVoteResp, { reject: true }), message(MessageType.TimeoutNow)] },
    ];
    expect(roundTrip(groups)).toEqual(groups);
  });

  it('round-trips empty and large entries, conf-change entries, and 2^53-1 indexes', () => {
    const big = Number.MAX_SAFE_INTEGER - 10;
    const app = append(big, 5, [5, 6], { term: 6 });
    app.entries[0] = { ...app.entries[0], data: new Uint8Array(0) };
    app.entries[1] = { ...app.entries[1], type: EntryType.ConfChange, data: new Uint8Array(200_000).fill(7) };
    expect(roundTrip([{ groupId: 1, messages: [app, append(0, 0, [])] }])).toEqual([{ groupId: 1, messages: [app, append(0, 0, [])] }]);
  });

  it('round-trips a snapshot with its metadata, joint configuration and data', () => {
    const snap = message(MessageType.Snap, {
      term: 9,
      snapshot: {
        metadata: { index: 500, term: 8, confState: { voters: [1, 2, 3], learners: [4], votersOutgoing: [1, 2, 5] } },
        data: new Uint8Array([1, 2, 3, 4, 5]),
      },
    });
    expect(roundTrip([{ groupId: 3, messages: [snap] }])).toEqual([{ groupId: 3, messages: [snap] }]);
  });

  it('decodes entry data as views into the frame, not copies', () => {
    const frame = encodeRaftBatch({ groups: [{ groupId: 1, messages: [append(0, 0, [1, 1])] }] });
    const decoded = decodePeerFrame(frame);
    if (decoded.kind !== 'raft-batch') throw new Error('not a batch');
    const data = decoded.groups[0].messages[0].entries[1].data;
    expect(data.buffer).toBe(frame.buffer);
    expect(Array.from(data)).toEqual(new Array(8).fill(2));
  });

  it('carries coalesced heartbeats and expands them back per group, after the groups\' own messages', () => {
    const coalescer = new HeartbeatCoalescer();
    const hb1 = heartbeat(4, 10);
    const hb2 = heartbeat(7, 0, { from: 5, to: 6 });
    const resp = message(MessageType.HeartbeatResp, { from: 2, to: 1, term: 4 });
    expect(coalescer.maybeAdd(1, hb1)).toBe(true);
    expect(coalescer.maybeAdd(2, hb2)).toBe(true);
    expect(coalescer.maybeAdd(9, resp)).toBe(true);
    const other = append(3, 1, [1]);
    const decoded = decodePeerFrame(encodeRaftBatch({ groups: [{ groupId: 9, messages: [other] }], ...coalescer.take() }));
    expect(decoded).toEqual({
      kind: 'raft-batch',
      groups: [
        { groupId: 9, messages: [other] }, { groupId: 1, messages: [hb1] }, { groupId: 2, messages: [hb2] },
        { groupId: 9, messages: [resp] },
      ],
    });
  });

  it('carries the recovering id of any message and the recovery confirmation of an append, and leaves both out when unset', () => {
    const groups: GroupMessages[] = [{
      groupId: 2,
      messages: [
        message(MessageType.AppResp, { index: 4, recovering: 0xffff_fffe }), message(MessageType.VoteResp, { reject: true, recovering: 7 }),
        append(4, 3, [3], { commit: 5, recoveryConfirmed: true }), message(MessageType.AppResp, { index: 5 }),
      ],
    }];
    const decoded = roundTrip(groups);
    expect(decoded).toEqual(groups);
    expect('recovering' in decoded[0].messages[3]).toBe(false);
  });

  it('carries the recovering ids of coalesced heartbeat responses in a column only when one of them has one', () => {
    const coalescer = new HeartbeatCoalescer();
    const plain = message(MessageType.HeartbeatResp, { from: 2, to: 1, term: 4 });
    const flagged = message(MessageType.HeartbeatResp, { from: 2, to: 1, term: 4, recovering: 99 });
    coalescer.maybeAdd(1, plain);
    coalescer.maybeAdd(2, flagged);
    coalescer.maybeAdd(3, plain);
    const taken = coalescer.take();
    expect(taken.heartbeatResponses?.recovering).toEqual([0, 99, 0]);
    const decoded = decodePeerFrame(encodeRaftBatch({ groups: [], ...taken }));
    expect(decoded).toEqual({
      kind: 'raft-batch',
      groups: [{ groupId: 1, messages: [plain] }, { groupId: 2, messages: [flagged] }, { groupId: 3, messages: [plain] }],
    });
    coalescer.maybeAdd(1, plain);
    expect(coalescer.take().heartbeatResponses?.recovering).toEqual([]);
  });

  it('round-trips a hello', () => {
    const hello = { brokerId: 3, clusterId: 'c-1', protocolVersion: 2, storeId: 'a1b2', controllerUnformed: true };
    expect(decodePeerFrame(encodeHello(hello))).toEqual({ kind: 'hello', hello });
    // A Hello from a broker that says nothing of its store: unknown store, and not unformed (the safe reading).
    const bare = rafter.peer.PeerFrame.encode({ hello: { brokerId: 3, clusterId: 'c-1', protocolVersion: 2 } }).finish();
    expect(decodePeerFrame(bare)).toEqual({ kind: 'hello', hello: { ...hello, storeId: '', controllerUnformed: false } });
  });

  it('refuses to encode a message type that never leaves a node', () => {
    expect(() => encodeRaftBatch({ groups: [{ groupId: 1, messages: [message(MessageType.Hup)] }] })).toThrow(/local/);
  });

  it('bounds the encoded size of a message from above', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const m: Message = {
      ...append(huge - 5, huge, [huge, huge]), from: 0xffffffff, to: 0xffffffff, commit: huge, rejectHint: huge, reject: true,
      snapshot: { metadata: { index: huge, term: huge, confState: { voters: [0xffffffff], learners: [], votersOutgoing: [] } }, data: new Uint8Array(10) },
    };
    const encoded = encodeRaftBatch({ groups: [{ groupId: 0xffffffff, messages: [m] }] });
    expect(encoded.length).toBeLessThanOrEqual(maxEncodedMessageBytes(m) + 16 + 64);
  });
});

describe('validation of peer input', () => {
  const malformed = (raftBatch: rafter.peer.RaftBatch.$Properties, pattern: RegExp) =>
    expect(decodeWire(raftBatch)).toThrow(expect.objectContaining({ name: 'MalformedFrameError', message: expect.stringMatching(pattern) }));
  const app = (fields: Partial<rafter.peer.RaftMessage.$Properties>) =>
    ({ groups: [{ groupId: 5, messages: [{ type: wire.MessageType.MSG_APP, from: 1, to: 2, term: 3, ...fields }] }] });
  const entry = (index: number, term: number, type = 0) => ({ index, term, type, data: new Uint8Array(1) });

  it('rejects an append whose entries leave a gap or do not follow the preceding index', () => {
    malformed(app({ index: 10, logTerm: 1, entries: [entry(11, 1), entry(13, 1)] }), /group 5: entry 1 has index 13, expected 12/);
    malformed(app({ index: 10, logTerm: 1, entries: [entry(10, 1)] }), /entry 0 has index 10, expected 11/);
  });

  it('rejects terms that go down, fall below the preceding entry\'s, or pass the sender\'s term', () => {
    malformed(app({ index: 0, entries: [entry(1, 2), entry(2, 1)] }), /index 2 has term 1, below the preceding term 2/);
    malformed(app({ index: 4, logTerm: 3, entries: [entry(5, 2)] }), /index 5 has term 2, below the preceding term 3/);
    malformed(app({ index: 4, logTerm: 1, entries: [entry(5, 4)] }), /above the message's term 3/);
  });

  it('rejects unknown entry types, local-only or unknown message types, node 0, and entries outside appends', () => {
    malformed(app({ entries: [entry(1, 1, 9)] }), /unknown type 9/);
    malformed({ groups: [{ groupId: 1, messages: [{ type: 0, from: 1, to: 2 }] }] }, /type 0 is not sent between brokers/);
    malformed({ groups: [{ groupId: 1, messages: [{ type: 99 as never, from: 1, to: 2 }] }] }, /type 99/);
    malformed(app({ from: 0 }), /names node 0/);
    malformed({ groups: [{ groupId: 1, messages: [{ type: wire.MessageType.MSG_VOTE, from: 1, to: 2, entries: [entry(1, 1)] }] }] },
      /Vote carries 1 entries/);
  });

  it('rejects a snapshot message without a snapshot, and a snapshot elsewhere', () => {
    malformed({ groups: [{ groupId: 1, messages: [{ type: wire.MessageType.MSG_SNAP, from: 1, to: 2, term: 2 }] }] }, /Snap without/);
    malformed({ groups: [{ groupId: 1, messages: [{ type: wire.MessageType.MSG_SNAP, from: 1, to: 2, term: 2,
      snapshot: { metadata: { index: 5, term: 3 } } }] }] }, /snapshot term 3 is above/);
    malformed(app({ snapshot: { metadata: { index: 5, term: 1 } } }), /App carries a snapshot/);
  });

  it('rejects a recovery confirmation on anything but an append', () => {
    malformed({ groups: [{ groupId: 1, messages: [{ type: wire.MessageType.MSG_HEARTBEAT, from: 1, to: 2, term: 2, recoveryConfirmed: true }] }] },
      /Heartbeat is marked recovery-confirmed/);
  });

  it('rejects ragged heartbeat columns and bytes that are no frame at all', () => {
    malformed({ heartbeats: { groupIds: [1, 2], from: [1, 1], to: [2, 2], terms: [1], commits: [0, 0] } }, /differ in length/);
    malformed({ heartbeatResponses: { groupIds: [1], from: [0], to: [2], terms: [1], commits: [0] } }, /names node 0/);
    malformed({ heartbeatResponses: { groupIds: [1, 2], from: [2, 2], to: [1, 1], terms: [1, 1], commits: [0, 0], recovering: [5] } },
      /recovering 1/);
    expect(() => decodePeerFrame(new Uint8Array([0x12, 0xff, 0xff, 0x01]))).toThrow(MalformedFrameError);
    expect(() => decodePeerFrame(new Uint8Array(0))).toThrow(/no body/);
  });

  it('validateLogSlice accepts what our own Raft core sends', () => {
    expect(() => validateLogSlice(7, 2, 4, entries(7, [2, 3, 3, 4]))).not.toThrow();
    expect(() => validateLogSlice(7, 2, 4, [])).not.toThrow();
  });
});
