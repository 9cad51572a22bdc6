// PeerFrame <-> Raft messages. Encoding trusts our own Raft core; decoding trusts nothing: every decoded message is
// checked (known wire type, node ids, a well-formed log slice, a snapshot only where one belongs) before any of it
// reaches a Raft node, and a frame with one bad message is rejected whole with a MalformedFrameError.
//
// Decoded entry and snapshot `data` are views into the frame's bytes, not copies: the caller hands in a buffer it
// owns for as long as the messages live (the peer endpoint copies each frame out of uWS's buffer exactly once).
import '../../client/protocol/numbers-not-longs';
import { EntryType, type Entry, type Snapshot } from '../raft/types';
import { MessageType, type Message } from '../raft';
import { rafter } from './generated/peer';
import type { GroupId, GroupMessages } from './group-messages';
import { expandHeartbeats, type CoalescedHeartbeats } from './heartbeat-coalescer';
import { MalformedFrameError } from './malformed-frame-error';

const wire = rafter.peer;
type WireMessage = rafter.peer.RaftMessage.$Properties;

/**
 * Bumped when a change to peer.proto needs both sides to agree; a Hello with another version is turned away.
 * 2: RaftMessage.recovering and recovery_confirmed (a leader that ignored them would count a replica that lost its
 * state toward its quorums).
 */
export const PEER_PROTOCOL_VERSION = 2;

export interface Hello {
  readonly brokerId: number;
  readonly clusterId: string;
  readonly protocolVersion: number;
  /** The sender's store identity; '' from a broker that does not say. */
  readonly storeId: string;
  /** The sender's controller group has never taken part in the cluster (see peer.proto); false when not said. */
  readonly controllerUnformed: boolean;
}

/** What a broker says of its own store in each Hello; read afresh for every connection. */
export type HelloStoreState = Pick<Hello, 'storeId' | 'controllerUnformed'>;

export const NO_STORE_STATE: HelloStoreState = { storeId: '', controllerUnformed: false };

/** What one broker sends one peer in one frame. */
export interface RaftBatch {
  readonly groups: readonly GroupMessages[];
  readonly heartbeats?: CoalescedHeartbeats;
  readonly heartbeatResponses?: CoalescedHeartbeats;
}

export type DecodedPeerFrame =
  | { readonly kind: 'hello'; readonly hello: Hello }
  /** Heartbeats come expanded: one GroupMessages each, after the groups' other messages, so a group may repeat. */
  | { readonly kind: 'raft-batch'; readonly groups: GroupMessages[] };

// Raft's MessageType <-> the fixed wire values. Types that never leave a node (Hup, Beat, Prop, Unreachable,
// SnapStatus, CheckQuorum) have no wire value: encoding one is a bug in the host, receiving one is malformed.
const TO_WIRE = new Map<MessageType, rafter.peer.MessageType>([
  [MessageType.App, wire.MessageType.MSG_APP],
  [MessageType.AppResp, wire.MessageType.MSG_APP_RESP],
  [MessageType.Vote, wire.MessageType.MSG_VOTE],
  [MessageType.VoteResp, wire.MessageType.MSG_VOTE_RESP],
  [MessageType.PreVote, wire.MessageType.MSG_PRE_VOTE],
  [MessageType.PreVoteResp, wire.MessageType.MSG_PRE_VOTE_RESP],
  [MessageType.Snap, wire.MessageType.MSG_SNAP],
  [MessageType.Heartbeat, wire.MessageType.MSG_HEARTBEAT],
  [MessageType.HeartbeatResp, wire.MessageType.MSG_HEARTBEAT_RESP],
  [MessageType.TransferLeader, wire.MessageType.MSG_TRANSFER_LEADER],
  [MessageType.TimeoutNow, wire.MessageType.MSG_TIMEOUT_NOW],
]);
const FROM_WIRE = new Map([...TO_WIRE].map(([local, onWire]) => [onWire as number, local]));

export function encodeHello(hello: Hello): Uint8Array {
  return wire.PeerFrame.encode({ hello }).finish();
}

export function encodeRaftBatch(batch: RaftBatch): Uint8Array {
  const groups = batch.groups.map((g) => ({ groupId: g.groupId, messages: g.messages.map(toWire) }));
  return wire.PeerFrame.encode({
    raftBatch: { groups, heartbeats: batch.heartbeats, heartbeatResponses: batch.heartbeatResponses },
  }).finish();
}

/** Decodes and validates one frame; throws MalformedFrameError. `bytes` must outlive the returned messages. */
export function decodePeerFrame(bytes: Uint8Array): DecodedPeerFrame {
  let frame: rafter.peer.PeerFrame;
  try {
    frame = wire.PeerFrame.decode(bytes);
  } catch (err) {
    throw new MalformedFrameError(`undecodable peer frame: ${(err as Error).message}`);
  }
  if (frame.hello) {
    const brokerId = frame.hello.brokerId ?? 0;
    if (brokerId === 0) throw new MalformedFrameError('hello names broker 0');
    return {
      kind: 'hello',
      hello: {
        brokerId,
        clusterId: frame.hello.clusterId ?? '',
        protocolVersion: frame.hello.protocolVersion ?? 0,
        storeId: frame.hello.storeId ?? '',
        controllerUnformed: frame.hello.controllerUnformed ?? false,
      },
    };
  }
  if (frame.raftBatch) return { kind: 'raft-batch', groups: fromWireBatch(frame.raftBatch) };
  throw new MalformedFrameError('peer frame has no body');
}

function fromWireBatch(batch: rafter.peer.RaftBatch.$Properties): GroupMessages[] {
  const out: GroupMessages[] = [];
  for (const g of batch.groups ?? []) {
    const groupId = g.groupId ?? 0;
    out.push({ groupId, messages: (g.messages ?? []).map((m) => fromWire(groupId, m)) });
  }
  const emit = (groupId: GroupId, m: Message) => out.push({ groupId, messages: [m] });
  if (batch.heartbeats) expandHeartbeats(columnsOf(batch.heartbeats), MessageType.Heartbeat, emit);
  if (batch.heartbeatResponses) expandHeartbeats(columnsOf(batch.heartbeatResponses), MessageType.HeartbeatResp, emit);
  return out;
}

function columnsOf(c: rafter.peer.CoalescedHeartbeats.$Properties): CoalescedHeartbeats {
  return {
    groupIds: c.groupIds ?? [], from: c.from ?? [], to: c.to ?? [], terms: c.terms ?? [], commits: c.commits ?? [],
    recovering: c.recovering ?? [],
  };
}

/** Throws if `m` is of a type that never leaves its node: handing one to the transport is a bug in the caller. */
export function assertSendable(m: Message): void {
  wireTypeOf(m);
}

function wireTypeOf(m: Message): rafter.peer.MessageType {
  const type = TO_WIRE.get(m.type);
  if (type === undefined) throw new Error(`Raft message type ${MessageType[m.type]} is local to a node and never sent`);
  return type;
}

function toWire(m: Message): WireMessage {
  const type = wireTypeOf(m);
  // Fresh objects, not the caller's: the generated encoder only writes own properties.
  return {
    type, from: m.from, to: m.to, term: m.term, logTerm: m.logTerm, index: m.index,
    entries: m.entries.map((e) => ({ term: e.term, index: e.index, type: e.type, data: e.data })),
    commit: m.commit, reject: m.reject, rejectHint: m.rejectHint,
    recovering: m.recovering ?? 0, recoveryConfirmed: m.recoveryConfirmed === true,
    snapshot: m.snapshot && {
      metadata: {
        index: m.snapshot.metadata.index, term: m.snapshot.metadata.term,
        confState: {
          voters: [...m.snapshot.metadata.confState.voters],
          learners: [...m.snapshot.metadata.confState.learners],
          votersOutgoing: [...m.snapshot.metadata.confState.votersOutgoing],
        },
      },
      data: m.snapshot.data,
    },
  };
}

function fromWire(groupId: GroupId, w: WireMessage): Message {
  const type = FROM_WIRE.get(w.type ?? 0);
  const where = `group ${groupId}`;
  if (type === undefined) throw new MalformedFrameError(`${where}: message type ${w.type ?? 0} is not sent between brokers`);
  const from = w.from ?? 0;
  const to = w.to ?? 0;
  if (from === 0 || to === 0) throw new MalformedFrameError(`${where}: message ${MessageType[type]} from ${from} to ${to} names node 0`);
  const term = w.term ?? 0;
  const logTerm = w.logTerm ?? 0;
  const index = w.index ?? 0;
  const entries = (w.entries ?? []).map(
    (e): Entry => ({ term: e.term ?? 0, index: e.index ?? 0, type: e.type ?? EntryType.Normal, data: e.data ?? EMPTY_BYTES }),
  );
  if (type === MessageType.App) {
    validateLogSlice(index, logTerm, term, entries, where);
  } else if (entries.length > 0) {
    throw new MalformedFrameError(`${where}: ${MessageType[type]} carries ${entries.length} entries; only appends do`);
  }
  let snapshot: Snapshot | undefined;
  if (type === MessageType.Snap) {
    snapshot = snapshotFromWire(w.snapshot, term, where);
  } else if (w.snapshot) {
    throw new MalformedFrameError(`${where}: ${MessageType[type]} carries a snapshot; only Snap does`);
  }
  if (w.recoveryConfirmed && type !== MessageType.App) {
    throw new MalformedFrameError(`${where}: ${MessageType[type]} is marked recovery-confirmed; only appends are`);
  }
  const message: Message = {
    type, from, to, term, logTerm, index, entries,
    commit: w.commit ?? 0, reject: w.reject ?? false, rejectHint: w.rejectHint ?? 0,
  };
  if (w.recovering) message.recovering = w.recovering;
  if (w.recoveryConfirmed) message.recoveryConfirmed = true;
  return snapshot ? { ...message, snapshot } : message;
}

const EMPTY_BYTES = new Uint8Array(0);

function snapshotFromWire(
  s: rafter.peer.Snapshot.$Properties | null | undefined, messageTerm: number, where: string,
): Snapshot {
  const meta = s?.metadata;
  if (!s || !meta || !meta.index || !meta.term) throw new MalformedFrameError(`${where}: Snap without a snapshot index and term`);
  if (meta.term > messageTerm) {
    throw new MalformedFrameError(`${where}: snapshot term ${meta.term} is above the message's term ${messageTerm}`);
  }
  const cs = meta.confState;
  return {
    metadata: {
      index: meta.index,
      term: meta.term,
      confState: { voters: cs?.voters ?? [], learners: cs?.learners ?? [], votersOutgoing: cs?.votersOutgoing ?? [] },
    },
    data: s.data ?? EMPTY_BYTES,
  };
}

/**
 * The rules a log slice received from a peer must keep (etcd's logSlice.valid()): the entries follow the one at
 * (prevIndex, prevTerm) without gaps, and terms never decrease, never go below prevTerm nor above the sender's
 * term. Checked once where frames are decoded; everything behind the codec trusts slices.
 */
export function validateLogSlice(
  prevIndex: number, prevTerm: number, messageTerm: number, entries: readonly Entry[], where = 'log slice',
): void {
  let lastTerm = prevTerm;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.index !== prevIndex + 1 + i) {
      throw new MalformedFrameError(`${where}: entry ${i} has index ${e.index}, expected ${prevIndex + 1 + i} (after ${prevIndex})`);
    }
    if (e.term < lastTerm) {
      throw new MalformedFrameError(`${where}: entry at index ${e.index} has term ${e.term}, below the preceding term ${lastTerm}`);
    }
    if (e.term > messageTerm) {
      throw new MalformedFrameError(`${where}: entry at index ${e.index} has term ${e.term}, above the message's term ${messageTerm}`);
    }
    if (e.type !== EntryType.Normal && e.type !== EntryType.ConfChange) {
      throw new MalformedFrameError(`${where}: entry at index ${e.index} has unknown type ${e.type}`);
    }
    lastTerm = e.term;
  }
}

/**
 * An upper bound on the bytes `m` takes in a frame (varints at their widest), so a sender can cut frames below the
 * receiver's limit before encoding them.
 */
export function maxEncodedMessageBytes(m: Message): number {
  let bytes = 96;
  for (const e of m.entries) bytes += 40 + e.data.length;
  if (m.snapshot) {
    const cs = m.snapshot.metadata.confState;
    bytes += 64 + m.snapshot.data.length + 6 * (cs.voters.length + cs.learners.length + cs.votersOutgoing.length);
  }
  return bytes;
}

/** Upper bound on the bytes one group's header takes in a frame, besides its messages. */
export const MAX_GROUP_OVERHEAD_BYTES = 16;
/** Upper bound on the bytes one coalesced heartbeat takes in a frame. */
export const MAX_COALESCED_HEARTBEAT_BYTES = 40;
/** Upper bound on a frame's own header bytes. */
export const MAX_FRAME_OVERHEAD_BYTES = 64;
