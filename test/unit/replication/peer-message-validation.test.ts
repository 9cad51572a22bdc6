// The peer message validator, per message kind: what an honest broker sends passes, and each way a forged or broken
// message departs from it is refused with its reason, counted and logged at most once per reason per interval.
// Partition and controller groups are checked with their real rules (PARTITION_CONTENT_RULES, CONTROLLER_CONTENT_RULES)
// on entries and snapshots made by the real encoders.
import { Registry } from 'prom-client';
import { encodeRecordBatch, stampBatch } from '../../../client/protocol';
import { CONTROLLER_CONTENT_RULES } from '../../../broker/cluster/controller-service';
import { encodeCommand } from '../../../broker/cluster/commands';
import { controllerSnapshotOfVersion } from '../cluster/fixture';
import { rafter as controllerWire } from '../../../broker/cluster/generated/controller';
import { PARTITION_CONTENT_RULES, ProducerStateTable } from '../../../broker/partition';
import { encodePartitionSnapshot } from '../../../broker/partition/entry-format';
import { encodeProducerStateCheckpoint } from '../../../broker/partition/producer-state-checkpoint';
import { ConfChangeType, encodeConfChange, MessageType, type Entry, type Message, type Snapshot } from '../../../broker/raft';
import { EntryType } from '../../../broker/raft/types';
import {
  ANY_CONTENT, MAX_INDEX, MAX_TERM, messageProblem, PeerMessageValidator, REFUSAL_REASONS,
  type GroupContentRules, type MessageContext,
} from '../../../broker/replication';

const TERM = 7;
const text = (s: string) => new Uint8Array(Buffer.from(s));

function msg(type: MessageType, fields: Partial<Message> = {}): Message {
  return { type, from: 2, to: 1, term: TERM, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0, ...fields };
}

function entry(index: number, data: Uint8Array, type = EntryType.Normal, term = TERM): Entry {
  return { term, index, type, data };
}

function append(entries: Entry[], fields: Partial<Message> = {}): Message {
  return msg(MessageType.App, { index: entries[0].index - 1, logTerm: TERM, entries, commit: entries[0].index - 1, ...fields });
}

function snap(data: Uint8Array, metadata: Partial<Snapshot['metadata']> = {}): Message {
  return msg(MessageType.Snap, {
    snapshot: { metadata: { index: 100, term: TERM, confState: { voters: [1, 2, 3], learners: [], votersOutgoing: [] }, ...metadata }, data },
  });
}

const context = (rules: GroupContentRules = ANY_CONTENT, extra: Partial<MessageContext> = {}): MessageContext => ({
  groupId: 1, fromBroker: 2, brokerId: 1, peers: new Set([2, 3]), rules, ...extra,
});
const reasonOf = (m: Message, ctx = context()) => messageProblem(m, ctx)?.reason;

/** A batch as a partition leader proposes it: checked, then stamped with its offset and append time. */
function storedBatch(baseOffset: number, values = ['a', 'b']): Uint8Array {
  const batch = encodeRecordBatch(values.map((v) => ({ value: text(v) })), { producerId: 0, producerEpoch: 0, baseSequence: -1 }, 1_000);
  stampBatch(batch, baseOffset, 2_000);
  return batch;
}

describe('every message kind an honest broker sends passes', () => {
  it.each([
    ['append', append([entry(11, new Uint8Array(0)), entry(12, storedBatch(40))])],
    ['heartbeat-less append (probe)', msg(MessageType.App, { index: 10, logTerm: TERM, commit: 10 })],
    ['append response', msg(MessageType.AppResp, { index: 12 })],
    ['append rejection', msg(MessageType.AppResp, { index: 12, reject: true, rejectHint: 9, logTerm: 5 })],
    ['vote', msg(MessageType.Vote, { index: 12, logTerm: 6 })],
    ['transfer vote', msg(MessageType.Vote, { index: 12, logTerm: 6, rejectHint: 1 })],
    ['vote response', msg(MessageType.VoteResp, { reject: true })],
    ['pre-vote', msg(MessageType.PreVote, { term: TERM + 1, index: 12, logTerm: 6 })],
    ['pre-vote response', msg(MessageType.PreVoteResp)],
    ['heartbeat', msg(MessageType.Heartbeat, { commit: 12 })],
    ['heartbeat response from a recovering replica', msg(MessageType.HeartbeatResp, { recovering: 0xffff_fffe })],
    ['transfer request', msg(MessageType.TransferLeader)],
    ['timeout now', msg(MessageType.TimeoutNow)],
    ['snapshot', snap(encodePartitionSnapshot(1_000, new ProducerStateTable().snapshot()))],
    ['membership change', append([entry(11, encodeConfChange({ type: ConfChangeType.AddLearner, nodeId: 4 }), EntryType.ConfChange)])],
  ])('%s', (_, m) => {
    expect(messageProblem(m, context(PARTITION_CONTENT_RULES))).toBeUndefined();
  });

  it('at the bounds themselves: term and index 2^50', () => {
    expect(reasonOf(msg(MessageType.Heartbeat, { term: MAX_TERM, commit: MAX_INDEX }))).toBeUndefined();
  });
});

describe('refused, by reason', () => {
  it('type: one that never leaves a node (a peer could make us campaign or propose) or no type at all', () => {
    for (const type of [MessageType.Hup, MessageType.Beat, MessageType.Prop, MessageType.Unreachable, MessageType.SnapStatus,
      MessageType.CheckQuorum, 99 as MessageType]) {
      expect(reasonOf(msg(type))).toBe('type');
    }
  });

  it('node: ids out of range, another broker than the connection, not for us, not a peer of this cluster', () => {
    expect(reasonOf(msg(MessageType.Heartbeat, { from: 0 }))).toBe('node');
    expect(reasonOf(msg(MessageType.Heartbeat, { to: 2 ** 31 }))).toBe('node');
    expect(reasonOf(msg(MessageType.Heartbeat, { from: 3 }))).toBe('node');
    expect(reasonOf(msg(MessageType.Heartbeat, { to: 3 }))).toBe('node');
    expect(reasonOf(msg(MessageType.Heartbeat, { from: 9 }), context(ANY_CONTENT, { fromBroker: 9 }))).toBe('node');
    // Without a peer list any broker id will do.
    expect(reasonOf(msg(MessageType.Heartbeat, { from: 9 }), context(ANY_CONTENT, { fromBroker: 9, peers: undefined }))).toBeUndefined();
  });

  it('term: a vote at 2^53 (after which terms can never rise again), past 2^50, term 0, a log term out of bounds', () => {
    expect(reasonOf(msg(MessageType.Vote, { term: 2 ** 53, index: 1, logTerm: 1, rejectHint: 1 }))).toBe('term');
    expect(reasonOf(msg(MessageType.Heartbeat, { term: MAX_TERM + 1 }))).toBe('term');
    expect(reasonOf(msg(MessageType.AppResp, { term: 0 }))).toBe('term');
    expect(reasonOf(msg(MessageType.Vote, { logTerm: 2 ** 60 }))).toBe('term');
    expect(reasonOf(msg(MessageType.Heartbeat, { term: 1.5 }))).toBe('term');
    expect(reasonOf(append([entry(1, new Uint8Array(0), EntryType.Normal, 0)], { logTerm: 0 }))).toBe('term');
  });

  it('index: index, commit or reject hint past 2^50 or negative; a slice with a gap or a term above the sender\'s', () => {
    expect(reasonOf(msg(MessageType.AppResp, { index: MAX_INDEX + 1 }))).toBe('index');
    expect(reasonOf(msg(MessageType.Heartbeat, { commit: 2 ** 53 }))).toBe('index');
    expect(reasonOf(msg(MessageType.AppResp, { reject: true, rejectHint: -1 }))).toBe('index');
    expect(reasonOf(append([entry(11, new Uint8Array(0)), entry(13, new Uint8Array(0))]))).toBe('index');
    expect(reasonOf(append([entry(11, new Uint8Array(0), EntryType.Normal, TERM + 1)]))).toBe('index');
    expect(reasonOf(append([entry(MAX_INDEX + 1, new Uint8Array(0))]))).toBe('index');
  });

  it('shape: entries or a snapshot where the type has none, a Snap without one, a bad recovery id', () => {
    expect(reasonOf(msg(MessageType.Heartbeat, { entries: [entry(1, new Uint8Array(0))] }))).toBe('shape');
    expect(reasonOf({ ...msg(MessageType.AppResp), snapshot: snap(new Uint8Array(0)).snapshot })).toBe('shape');
    expect(reasonOf(msg(MessageType.Snap))).toBe('shape');
    expect(reasonOf(msg(MessageType.HeartbeatResp, { recoveryConfirmed: true }))).toBe('shape');
    expect(reasonOf(msg(MessageType.HeartbeatResp, { recovering: 2 ** 32 }))).toBe('shape');
  });

  it('entry: an unknown entry type, a membership change that does not decode or names node 0', () => {
    expect(reasonOf(append([entry(11, new Uint8Array(0), 7 as EntryType)]))).toBe('entry');
    expect(reasonOf(append([entry(11, new Uint8Array([0, 1]), EntryType.ConfChange)]))).toBe('entry');
    expect(reasonOf(append([entry(11, new Uint8Array([9, 0, 0, 0, 0, 0, 0, 0, 4]), EntryType.ConfChange)]))).toBe('entry');
    expect(reasonOf(append([entry(11, new Uint8Array(9), EntryType.ConfChange)]))).toBe('entry');
  });

  it('snapshot: index 0 or past 2^50, a term above the message\'s, no voter, a joint or repeated configuration', () => {
    const data = new Uint8Array(0);
    const cs = (voters: number[], learners: number[] = [], votersOutgoing: number[] = []) => ({ voters, learners, votersOutgoing });
    expect(reasonOf(snap(data, { index: 0 }))).toBe('snapshot');
    expect(reasonOf(snap(data, { index: 2 ** 53 }))).toBe('snapshot');
    expect(reasonOf(snap(data, { term: TERM + 1 }))).toBe('snapshot');
    expect(reasonOf(snap(data, { confState: cs([]) }))).toBe('snapshot');
    expect(reasonOf(snap(data, { confState: cs([1, 2], [], [1, 2, 3]) }))).toBe('snapshot');
    expect(reasonOf(snap(data, { confState: cs([1, 2], [2]) }))).toBe('snapshot');
    expect(reasonOf(snap(data, { confState: cs([1, 0]) }))).toBe('snapshot');
  });

  it('a rule that throws refuses the message instead of throwing itself', () => {
    const throwing: GroupContentRules = { entryProblem: () => { throw new Error('boom'); }, snapshotProblem: () => { throw new Error('boom'); } };
    expect(messageProblem(append([entry(11, text('x'))]), context(throwing))).toEqual({ reason: 'entry', detail: expect.stringContaining('boom') });
    expect(messageProblem(snap(text('x')), context(throwing))?.reason).toBe('snapshot');
  });
});

describe('partition groups: entries and snapshots as a partition leader writes them', () => {
  const partitionReason = (m: Message) => reasonOf(m, context(PARTITION_CONTENT_RULES));

  it('take empty entries, stored batches and producer-state checkpoints', () => {
    const checkpoint = encodeProducerStateCheckpoint(10, new ProducerStateTable().snapshot());
    expect(partitionReason(append([entry(11, new Uint8Array(0)), entry(12, storedBatch(0)), entry(13, checkpoint)]))).toBeUndefined();
  });

  it('refuse the 1-byte entry (once a RangeError in Partition.onEntriesStaged that failed the whole host)', () => {
    expect(partitionReason(append([entry(11, new Uint8Array([0x09]))]))).toBe('entry');
    expect(partitionReason(append([entry(11, new Uint8Array([0x42]))]))).toBe('entry');
  });

  it('refuse a batch whose header, CRC or records lie, as produce does', () => {
    const cut = storedBatch(0).subarray(0, 80);
    const crc = storedBatch(0);
    crc[crc.length - 1] ^= 1;
    // record_count 1 for two records, with the CRC kept right: the RecordSet walk catches it.
    const lying = storedBatch(0);
    new DataView(lying.buffer, lying.byteOffset).setUint32(24, 1, true);
    const farOffset = storedBatch(0);
    stampBatch(farOffset, 2 ** 53, 0);
    for (const data of [cut, crc, lying, farOffset]) expect(partitionReason(append([entry(11, data)]))).toBe('entry');
  });

  it('refuse a checkpoint whose state does not decode or that claims to reflect its own index', () => {
    expect(partitionReason(append([entry(11, encodeProducerStateCheckpoint(10, text('garbage')))]))).toBe('entry');
    expect(partitionReason(append([entry(11, encodeProducerStateCheckpoint(11, new ProducerStateTable().snapshot()))]))).toBe('entry');
  });

  it('refuse a snapshot of garbage (index 1e6 and garbage once erased every acknowledged record)', () => {
    expect(partitionReason(snap(text('garbage!garbage'), { index: 1_000_000 }))).toBe('snapshot');
    expect(partitionReason(snap(new Uint8Array(5)))).toBe('snapshot');
    const past53 = new Uint8Array(8).fill(0xff);
    expect(partitionReason(snap(past53))).toBe('snapshot');
    expect(partitionReason(snap(new Uint8Array(0)))).toBeUndefined();
  });
});

describe('the controller group: commands and snapshots as a controller leader writes them', () => {
  const controllerReason = (m: Message) => reasonOf(m, context(CONTROLLER_CONTENT_RULES, { groupId: 0 }));
  const command = (c: Parameters<typeof encodeCommand>[0]) => encodeCommand(c);
  const snapshotOf = controllerSnapshotOfVersion;

  it('take empty entries and every command kind', () => {
    const entries = [
      entry(11, new Uint8Array(0)),
      entry(12, command({ kind: 'register-broker', atMs: 1, broker: { id: 1, host: 'h', port: 9, rack: '' } })),
      entry(13, command({ kind: 'broker-heartbeat', atMs: 2, brokerId: 1 })),
      entry(14, command({ kind: 'delete-topic', atMs: 3, name: 't' })),
      entry(15, command({
        kind: 'create-topic', atMs: 4, placement: [[1, 2], [2, 3]],
        spec: { name: 't', partitions: 2, replicationFactor: 2, partitioning: 0, splitKeys: [], config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 0 } },
      })),
    ];
    expect(controllerReason(append(entries))).toBeUndefined();
    expect(controllerReason(snap(snapshotOf(1)))).toBeUndefined();
  });

  it('refuse a command that does not decode, names no command, or holds numbers apply cannot', () => {
    expect(controllerReason(append([entry(11, text('\u00ff\u00ff\u00ff not a command'))]))).toBe('entry');
    expect(controllerReason(append([entry(11, controllerWire.controller.ControllerCommand.encode({ atMs: 5 }).finish())]))).toBe('entry');
    expect(controllerReason(append([entry(11, command({ kind: 'broker-heartbeat', atMs: 2 ** 60, brokerId: 1 }))]))).toBe('entry');
    expect(controllerReason(append([entry(11, command({ kind: 'broker-heartbeat', atMs: 1, brokerId: -4 }))]))).toBe('entry');
    const wrongPlacement = command({
      kind: 'create-topic', atMs: 4, placement: [[1, 0]],
      spec: { name: 't', partitions: 1, replicationFactor: 2, partitioning: 0, splitKeys: [], config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 0 } },
    });
    expect(controllerReason(append([entry(11, wrongPlacement)]))).toBe('entry');
  });

  it('refuse a snapshot of an unknown version (version 99 once made brokers exit at every start) or of garbage', () => {
    expect(controllerReason(snap(snapshotOf(99)))).toBe('snapshot');
    expect(controllerReason(snap(text('\u00ff garbage')))).toBe('snapshot');
  });
});

describe('PeerMessageValidator', () => {
  const validator = (lines: string[], now: { ms: number }, registry = new Registry()) => new PeerMessageValidator({
    brokerId: 1, peers: [2, 3], rulesFor: () => PARTITION_CONTENT_RULES, registry, log: (l) => lines.push(l), nowMs: () => now.ms,
  });

  it('counts refusals by reason, every reason present from the start', async () => {
    const registry = new Registry();
    const v = validator([], { ms: 0 }, registry);
    const text0 = await registry.metrics();
    for (const reason of REFUSAL_REASONS) expect(text0).toContain(`rafter_peer_messages_refused_total{reason="${reason}"} 0`);
    expect(v.accept(2, 1, msg(MessageType.Heartbeat))).toBe(true);
    expect(v.accept(2, 1, msg(MessageType.Heartbeat, { term: 2 ** 53 }))).toBe(false);
    expect(v.accept(2, 1, append([entry(11, new Uint8Array([0x09]))]))).toBe(false);
    const text1 = await registry.metrics();
    expect(text1).toContain('rafter_peer_messages_refused_total{reason="term"} 1');
    expect(text1).toContain('rafter_peer_messages_refused_total{reason="entry"} 1');
  });

  it('logs at most one line per reason per interval, then says how many went unlogged', () => {
    const lines: string[] = [];
    const now = { ms: 0 };
    const v = validator(lines, now);
    const forged = msg(MessageType.Heartbeat, { term: 2 ** 53 });
    for (let i = 0; i < 100; i++) v.accept(2, 1, forged);
    v.accept(2, 1, msg(MessageType.Hup));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^rafter broker 1: refused a Raft message from broker 2 for group 1 \(term\): Heartbeat at term 9007199254740992/);
    now.ms = 10_000;
    v.accept(2, 1, forged);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('and 99 more refused for term since the last such line');
  });
});
