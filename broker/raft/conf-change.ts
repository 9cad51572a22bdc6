// Membership changes, one server at a time (Ongaro's thesis §4.1), in etcd's apply-time form:
//
// - A change is an ordinary log entry (EntryType.ConfChange). Every node switches to the new configuration when the
//   host APPLIES that entry and calls RaftNode.applyConfChange() — not when it is appended. All nodes therefore
//   move at the same point of the log, and a truncated (never committed) change never takes effect anywhere.
// - Safety rule: at most one change is in flight. The leader refuses a new change while an earlier one is not yet
//   applied on it (pendingConfIndex > applied), and a new leader refuses changes until it has applied its own
//   first entry of the term — this also closes the single-server-change bug Ongaro described in 2015 (a leader
//   of a new term must commit an entry of its term before changing membership).
// - Because two consecutive configurations differ by one voter, any majority of the old and any majority of the
//   new overlap, so no two leaders can be elected for a term even while nodes switch at different times.
// - A node that has committed but not yet applied a change does not campaign (it would count the old config).
// - Learners receive the log but neither vote nor count toward a quorum; AddNode promotes a learner to a voter,
//   AddLearner demotes a voter. Removing the last voter is refused at proposal and ignored if applied.
// - A leader that removes or demotes itself keeps leading, without counting itself, and hands leadership to the
//   voter with the most of its log (a leader transfer, retried every election timeout). Stepping down at once can
//   deadlock: the voters may not yet know the change committed, and each may need the old leader's vote.
import type { ConfState, NodeId } from './types';

export enum ConfChangeType {
  AddNode,
  RemoveNode,
  AddLearner,
}

export interface ConfChange {
  type: ConfChangeType;
  nodeId: NodeId;
}

/** A membership: sorted, disjoint voter and learner ids. */
export interface Membership {
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
}

const ENCODED_BYTES = 9;

/** 1 byte type, then the node id as two big-endian u32 halves (ids are safe integers). */
export function encodeConfChange(cc: ConfChange): Uint8Array {
  const out = new Uint8Array(ENCODED_BYTES);
  const view = new DataView(out.buffer);
  view.setUint8(0, cc.type);
  view.setUint32(1, Math.floor(cc.nodeId / 2 ** 32));
  view.setUint32(5, cc.nodeId >>> 0);
  return out;
}

export function decodeConfChange(data: Uint8Array): ConfChange {
  if (data.length !== ENCODED_BYTES) throw new RangeError(`conf change of ${data.length} bytes, want ${ENCODED_BYTES}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const type = view.getUint8(0);
  if (!(type in ConfChangeType)) throw new RangeError(`unknown conf change type ${type}`);
  const nodeId = view.getUint32(1) * 2 ** 32 + view.getUint32(5);
  if (nodeId === 0) throw new RangeError('conf change names node 0');
  return { type, nodeId };
}

export function membershipOf(cs: ConfState): Membership {
  if (cs.votersOutgoing.length > 0) throw new Error('joint configurations are not used: membership changes one at a time');
  return { voters: [...cs.voters].sort(byId), learners: [...cs.learners].sort(byId) };
}

export function confStateOf(m: Membership): ConfState {
  return { voters: [...m.voters], learners: [...m.learners], votersOutgoing: [] };
}

/** Why `cc` cannot be applied to `m`, or undefined if it can. */
export function confChangeProblem(m: Membership, cc: ConfChange): string | undefined {
  if (!(cc.nodeId > 0) || !Number.isSafeInteger(cc.nodeId)) return `invalid node id ${cc.nodeId}`;
  const leavesNoVoter = m.voters.length === 1 && m.voters[0] === cc.nodeId
    && (cc.type === ConfChangeType.RemoveNode || cc.type === ConfChangeType.AddLearner);
  return leavesNoVoter ? `the change would leave no voter (node ${cc.nodeId} is the last)` : undefined;
}

/** The membership after `cc`; an impossible change (see confChangeProblem) leaves it as it is, on every node alike. */
export function changeMembership(m: Membership, cc: ConfChange): Membership {
  if (confChangeProblem(m, cc) !== undefined) return m;
  const voters = m.voters.filter((id) => id !== cc.nodeId);
  const learners = m.learners.filter((id) => id !== cc.nodeId);
  if (cc.type === ConfChangeType.AddNode) voters.push(cc.nodeId);
  else if (cc.type === ConfChangeType.AddLearner) learners.push(cc.nodeId);
  return { voters: voters.sort(byId), learners: learners.sort(byId) };
}

function byId(a: NodeId, b: NodeId): number {
  return a - b;
}
