// Coalesced heartbeats, as etcd's and CockroachDB's multi-Raft hosts do: with thousands of groups on a pair of
// brokers, most traffic on an idle cluster is each group's leader heartbeating its followers every tick. All the
// heartbeats (and responses) from this broker to one peer since the last flush travel as parallel columns in one
// message, and the receiver expands them back into the per-group Raft messages the core expects.
//
// Only messages the columns carry exactly are coalesced (isCoalescable): anything else about a heartbeat — entries,
// a rejection, a snapshot — sends it whole among its group's messages, so coalescing never loses a field. The
// recovering id rides along in a column of its own, present only once a message needs it: a broker rejoining with
// an emptied store answers every group's heartbeat flagged, and that is when coalescing matters most.
import { MessageType, type Message } from '../raft';
import type { GroupId } from './group-messages';
import { MalformedFrameError } from './malformed-frame-error';

/** The heartbeats of many groups, one position per heartbeat in every column. Mirrors peer.proto's message. */
export interface CoalescedHeartbeats {
  readonly groupIds: number[];
  readonly from: number[];
  readonly to: number[];
  readonly terms: number[];
  readonly commits: number[];
  /** Message.recovering of each (0: not recovering); empty when none is. */
  readonly recovering: number[];
}

export function emptyCoalescedHeartbeats(): CoalescedHeartbeats {
  return { groupIds: [], from: [], to: [], terms: [], commits: [], recovering: [] };
}

/** Whether `m` is a heartbeat or heartbeat response whose every field the columns can carry. */
export function isCoalescable(m: Message): boolean {
  return (m.type === MessageType.Heartbeat || m.type === MessageType.HeartbeatResp)
    && m.logTerm === 0 && m.index === 0 && m.entries.length === 0 && !m.reject && m.rejectHint === 0
    && m.snapshot === undefined && m.recoveryConfirmed !== true;
}

/** Collects one peer's coalescable heartbeats between flushes. */
export class HeartbeatCoalescer {
  private heartbeats = emptyCoalescedHeartbeats();
  private responses = emptyCoalescedHeartbeats();

  /** Number of heartbeats and responses held. */
  get size(): number {
    return this.heartbeats.groupIds.length + this.responses.groupIds.length;
  }

  /** Takes `m` into the columns if it is coalescable; returns whether it did (otherwise send it as it is). */
  maybeAdd(groupId: GroupId, m: Message): boolean {
    if (!isCoalescable(m)) return false;
    const columns = m.type === MessageType.Heartbeat ? this.heartbeats : this.responses;
    const recovering = m.recovering ?? 0;
    if (recovering !== 0 || columns.recovering.length > 0) {
      while (columns.recovering.length < columns.groupIds.length) columns.recovering.push(0);
      columns.recovering.push(recovering);
    }
    columns.groupIds.push(groupId);
    columns.from.push(m.from);
    columns.to.push(m.to);
    columns.terms.push(m.term);
    columns.commits.push(m.commit);
    return true;
  }

  /** Hands out what was collected (empty columns are left out) and starts afresh. */
  take(): { heartbeats?: CoalescedHeartbeats; heartbeatResponses?: CoalescedHeartbeats } {
    const out: { heartbeats?: CoalescedHeartbeats; heartbeatResponses?: CoalescedHeartbeats } = {};
    if (this.heartbeats.groupIds.length > 0) {
      out.heartbeats = this.heartbeats;
      this.heartbeats = emptyCoalescedHeartbeats();
    }
    if (this.responses.groupIds.length > 0) {
      out.heartbeatResponses = this.responses;
      this.responses = emptyCoalescedHeartbeats();
    }
    return out;
  }
}

/** Number of heartbeats in `c`, or throws if its columns differ in length (malformed peer input). */
export function coalescedLength(c: CoalescedHeartbeats): number {
  const n = c.groupIds.length;
  const recovering = c.recovering.length;
  if (c.from.length !== n || c.to.length !== n || c.terms.length !== n || c.commits.length !== n
    || (recovering !== 0 && recovering !== n)) {
    throw new MalformedFrameError(`coalesced heartbeat columns differ in length: groupIds ${n}, from ${c.from.length}, `
      + `to ${c.to.length}, terms ${c.terms.length}, commits ${c.commits.length}, recovering ${recovering}`);
  }
  return n;
}

/**
 * Calls `emit` with each heartbeat of `c` as the Raft message it was, in the order they were collected.
 * `type` says which kind the columns hold (heartbeats or responses). Throws if the columns are malformed.
 */
export function expandHeartbeats(
  c: CoalescedHeartbeats,
  type: MessageType.Heartbeat | MessageType.HeartbeatResp,
  emit: (groupId: GroupId, m: Message) => void,
): void {
  const n = coalescedLength(c);
  const recovering = c.recovering.length > 0 ? c.recovering : undefined;
  for (let i = 0; i < n; i++) {
    if (c.from[i] === 0 || c.to[i] === 0) throw new MalformedFrameError(`coalesced heartbeat ${i} names node 0`);
    const m: Message = {
      type, from: c.from[i], to: c.to[i], term: c.terms[i], logTerm: 0, index: 0, entries: [],
      commit: c.commits[i], reject: false, rejectHint: 0,
    };
    if (recovering !== undefined && recovering[i] !== 0) m.recovering = recovering[i];
    emit(c.groupIds[i], m);
  }
}
