// The one check every Raft message from a peer passes before its group's node steps it (RaftHost.handlePeerBatch).
// The codec (raft-codec.ts) has made it a well-shaped Message; this decides whether it is one an honest broker of
// this cluster could have sent, so that nothing from a socket reaches Raft or a state machine unchecked:
// - type: one that travels between brokers (a local one, Hup or Prop, would let a peer campaign or propose for us);
// - node: from the connection's broker, which is a peer of this cluster, to this broker;
// - term: at least 1 (Raft steps a term-0 message as a local one, past every term check) and at most MAX_TERM;
// - index: log positions (index, commit, reject hint, entry and snapshot indexes) at most MAX_INDEX;
// - shape: entries only on an append, a snapshot only on Snap, a recovery confirmation only on an append;
// - entry: a log slice without gaps whose terms rise no higher than the sender's (validateLogSlice), each entry of a
//   known type and well formed for its group's kind: a membership change that decodes, naming a broker id; a normal
//   entry its group's rules take (partition: record batch, checkpoint or empty; controller: a known command or empty);
// - snapshot: metadata in bounds, a configuration of distinct broker ids with at least one voter and no joint
//   part, and data its group's rules take (partition: end offset and producer state; controller: a known version).
// MAX_TERM and MAX_INDEX are 2^50: far above anything real (an election a millisecond for 35,000 years) and far
// enough below 2^53 that no sum of them loses precision as a JS number; a term of 2^53 could never be raised again.
//
// A refused message is dropped (Raft recovers from loss as from any lost message), counted in
// rafter_peer_messages_refused_total{reason}, and logged at most once per reason every logIntervalMs. Nothing here
// throws: a rule that throws counts as a refusal, never as an error in the flush cycle.
import { Counter, type Registry } from 'prom-client';
import {
  decodeConfChange, EntryType, MessageType,
  type ConfState, type Entry, type Message, type NodeId, type Snapshot,
} from '../raft';
import type { GroupId } from './group-messages';
import { validateLogSlice } from './raft-codec';

export const MAX_TERM = 2 ** 50;
export const MAX_INDEX = 2 ** 50;
/** Broker ids are positive 31-bit integers (the controller registers no other). */
export const MAX_NODE_ID = 2 ** 31 - 1;
/** Members of one configuration: far above any cluster we run, low enough that checking one is cheap. */
const MAX_MEMBERS = 1024;

export const REFUSAL_REASONS = ['type', 'node', 'term', 'index', 'shape', 'entry', 'snapshot'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  readonly reason: RefusalReason;
  readonly detail: string;
}

/** What a group of one kind holds: the checks its state machine's apply and restore rely on. Must not throw. */
export interface GroupContentRules {
  /** Why a normal entry is not one this group's leader writes, or undefined. */
  entryProblem(e: Entry): string | undefined;
  /** Why a snapshot's data is not what this group's state machine restores, or undefined. */
  snapshotProblem(data: Uint8Array): string | undefined;
}

/** Takes any entry and snapshot data: for groups whose state machine reads neither. */
export const ANY_CONTENT: GroupContentRules = { entryProblem: () => undefined, snapshotProblem: () => undefined };

export interface MessageContext {
  readonly groupId: GroupId;
  /** The broker the connection is authenticated as (today: the one its Hello named). */
  readonly fromBroker: NodeId;
  /** This broker. */
  readonly brokerId: NodeId;
  /** The brokers that may speak to us; undefined: any id in range. */
  readonly peers?: ReadonlySet<NodeId>;
  readonly rules: GroupContentRules;
}

/** The types that travel between brokers; the others (Hup, Beat, Prop, ...) are a node's own input. */
const WIRE_TYPES = new Set<MessageType>([
  MessageType.App, MessageType.AppResp, MessageType.Vote, MessageType.VoteResp, MessageType.PreVote,
  MessageType.PreVoteResp, MessageType.Snap, MessageType.Heartbeat, MessageType.HeartbeatResp,
  MessageType.TransferLeader, MessageType.TimeoutNow,
]);

const inRange = (n: number, max: number) => Number.isSafeInteger(n) && n >= 0 && n <= max;
const isNodeId = (id: number) => Number.isSafeInteger(id) && id >= 1 && id <= MAX_NODE_ID;

/** Why `m` must not reach its group's node, or undefined. Pure; never throws. */
export function messageProblem(m: Message, ctx: MessageContext): Refusal | undefined {
  const refuse = (reason: RefusalReason, detail: string): Refusal => ({ reason, detail });
  if (!WIRE_TYPES.has(m.type)) return refuse('type', `message type ${m.type} is not sent between brokers`);
  const what = MessageType[m.type];
  if (!isNodeId(m.from) || !isNodeId(m.to)) return refuse('node', `${what} from ${m.from} to ${m.to}: not broker ids`);
  if (m.from !== ctx.fromBroker) return refuse('node', `${what} claims to be from broker ${m.from} on broker ${ctx.fromBroker}'s connection`);
  if (m.to !== ctx.brokerId) return refuse('node', `${what} is for broker ${m.to}, not this broker (${ctx.brokerId})`);
  if (ctx.peers && !ctx.peers.has(m.from)) return refuse('node', `${what} from broker ${m.from}, which is not a peer of this cluster`);
  if (m.term < 1 || !inRange(m.term, MAX_TERM)) return refuse('term', `${what} at term ${m.term}, outside [1, 2^50]`);
  if (!inRange(m.logTerm, MAX_TERM)) return refuse('term', `${what} with log term ${m.logTerm}, beyond 2^50`);
  for (const [field, value] of [['index', m.index], ['commit', m.commit], ['reject hint', m.rejectHint]] as const) {
    if (!inRange(value, MAX_INDEX)) return refuse('index', `${what} with ${field} ${value}, outside [0, 2^50]`);
  }
  if (m.recovering !== undefined && !(Number.isInteger(m.recovering) && m.recovering >= 1 && m.recovering <= 0xffff_ffff)) {
    return refuse('shape', `${what} with recovery id ${m.recovering}`);
  }
  if (m.type !== MessageType.App && m.entries.length > 0) return refuse('shape', `${what} carries entries; only appends do`);
  if (m.type !== MessageType.App && m.recoveryConfirmed) return refuse('shape', `${what} is marked recovery-confirmed; only appends are`);
  if ((m.type === MessageType.Snap) !== (m.snapshot !== undefined)) {
    return refuse('shape', m.snapshot ? `${what} carries a snapshot; only Snap does` : 'Snap without a snapshot');
  }
  if (m.entries.length > 0) {
    const problem = entriesProblem(m, ctx.rules);
    if (problem) return problem;
  }
  if (m.snapshot) {
    const problem = snapshotProblem(m.snapshot, m.term, ctx.rules);
    if (problem) return refuse('snapshot', problem);
  }
  return undefined;
}

function entriesProblem(m: Message, rules: GroupContentRules): Refusal | undefined {
  const last = m.entries[m.entries.length - 1];
  if (!inRange(last.index, MAX_INDEX)) return { reason: 'index', detail: `append reaching index ${last.index}, beyond 2^50` };
  // Terms only rise along a slice: its first entry's is the lowest, and a leader's term is at least 1.
  if (!(m.entries[0].term >= 1)) return { reason: 'term', detail: `append of an entry at term ${m.entries[0].term}` };
  const unknown = m.entries.find((e) => e.type !== EntryType.Normal && e.type !== EntryType.ConfChange);
  if (unknown) return { reason: 'entry', detail: `entry at index ${unknown.index} has unknown type ${unknown.type}` };
  try {
    validateLogSlice(m.index, m.logTerm, m.term, m.entries, 'append');
  } catch (err) {
    return { reason: 'index', detail: (err as Error).message };
  }
  for (const e of m.entries) {
    const problem = e.type === EntryType.ConfChange ? confChangeProblem(e) : ruleProblem(() => rules.entryProblem(e));
    if (problem) return { reason: 'entry', detail: problem };
  }
  return undefined;
}

function confChangeProblem(e: Entry): string | undefined {
  try {
    const cc = decodeConfChange(e.data);
    return isNodeId(cc.nodeId) ? undefined : `membership change at index ${e.index} names node ${cc.nodeId}`;
  } catch (err) {
    return `membership change at index ${e.index}: ${(err as Error).message}`;
  }
}

function snapshotProblem(s: Snapshot, messageTerm: number, rules: GroupContentRules): string | undefined {
  const { index, term, confState } = s.metadata;
  if (index < 1 || !inRange(index, MAX_INDEX)) return `snapshot index ${index}, outside [1, 2^50]`;
  if (term < 1 || term > messageTerm || !Number.isSafeInteger(term)) return `snapshot term ${term}, outside [1, the message's term ${messageTerm}]`;
  const members = confStateProblem(confState);
  if (members) return `snapshot configuration: ${members}`;
  return ruleProblem(() => rules.snapshotProblem(s.data));
}

function confStateProblem(cs: ConfState): string | undefined {
  if (cs.votersOutgoing.length > 0) return 'a joint configuration (membership changes one at a time)';
  if (cs.voters.length === 0) return 'no voter';
  const members = [...cs.voters, ...cs.learners];
  if (members.length > MAX_MEMBERS) return `${members.length} members`;
  const bad = members.find((id) => !isNodeId(id));
  if (bad !== undefined) return `member ${bad} is no broker id`;
  if (new Set(members).size !== members.length) return `a broker is named twice in voters ${cs.voters.join(',')} learners ${cs.learners.join(',')}`;
  return undefined;
}

/** A rule that throws is a bug in the rule, but the message it was looking at is refused all the same. */
function ruleProblem(rule: () => string | undefined): string | undefined {
  try {
    return rule();
  } catch (err) {
    return `the check itself failed: ${(err as Error).message}`;
  }
}

export interface PeerMessageValidatorOptions {
  readonly brokerId: NodeId;
  /** The other brokers of the cluster; absent: any broker id. */
  readonly peers?: readonly NodeId[];
  /** The rules of a group's kind, by group id. */
  readonly rulesFor: (groupId: GroupId) => GroupContentRules;
  readonly registry?: Registry;
  /** Default stderr. */
  readonly log?: (line: string) => void;
  /** At most one line per reason this often. Default 10 s. */
  readonly logIntervalMs?: number;
  /** Default Date.now. */
  readonly nowMs?: () => number;
}

/** messageProblem with its consequences: the count, the rate-limited log line. */
export class PeerMessageValidator {
  readonly refused: Counter<'reason'>;
  private readonly peers: ReadonlySet<NodeId> | undefined;
  private readonly log: (line: string) => void;
  private readonly logIntervalMs: number;
  private readonly nowMs: () => number;
  /** Per reason: when its last line was written, and how many refusals went unlogged since. */
  private readonly lastLogged = new Map<RefusalReason, { atMs: number; unlogged: number }>();

  constructor(private readonly options: PeerMessageValidatorOptions) {
    this.peers = options.peers && new Set(options.peers);
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.logIntervalMs = options.logIntervalMs ?? 10_000;
    this.nowMs = options.nowMs ?? Date.now;
    this.refused = new Counter({
      name: 'rafter_peer_messages_refused_total',
      help: 'Raft messages from peer brokers refused before Raft saw them (out of bounds, malformed entries or snapshots), by reason',
      labelNames: ['reason'], registers: options.registry ? [options.registry] : [],
    });
    for (const reason of REFUSAL_REASONS) this.refused.labels(reason).inc(0);
  }

  /** Whether `m`, from the connection of `fromBroker`, may be stepped into group `groupId`. Never throws. */
  accept(fromBroker: NodeId, groupId: GroupId, m: Message): boolean {
    const rules = this.options.rulesFor(groupId);
    const refusal = messageProblem(m, { groupId, fromBroker, brokerId: this.options.brokerId, peers: this.peers, rules });
    if (!refusal) return true;
    this.refused.labels(refusal.reason).inc();
    this.maybeLog(fromBroker, groupId, refusal);
    return false;
  }

  private maybeLog(fromBroker: NodeId, groupId: GroupId, refusal: Refusal): void {
    const now = this.nowMs();
    const last = this.lastLogged.get(refusal.reason);
    if (last && now - last.atMs < this.logIntervalMs) {
      last.unlogged++;
      return;
    }
    const since = last && last.unlogged > 0 ? ` (and ${last.unlogged} more refused for ${refusal.reason} since the last such line)` : '';
    this.lastLogged.set(refusal.reason, { atMs: now, unlogged: 0 });
    this.log(`rafter broker ${this.options.brokerId}: refused a Raft message from broker ${fromBroker} for group ${groupId} `
      + `(${refusal.reason}): ${refusal.detail}${since}`);
  }
}
