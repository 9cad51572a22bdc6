// The leader's view of one follower (etcd's tracker/progress.go). In probe the leader sends one append at a time
// until it finds where the logs agree; in replicate it streams appends optimistically, bounded by the inflights
// window; in snapshot it waits for the snapshot's fate and sends nothing.
import { Inflights } from './inflights';
import type { RaftIndex } from './types';

export type ProgressState = 'probe' | 'replicate' | 'snapshot';

export class Progress {
  /** Highest index known to be in the follower's log (durably, as it acknowledged it). */
  match: RaftIndex;
  /** Next index to send. Invariant: match < next. */
  next: RaftIndex;
  state: ProgressState = 'probe';
  /** In snapshot state: the index of the snapshot being sent. */
  pendingSnapshot: RaftIndex = 0;
  /** Heard from since the last CheckQuorum; the leader steps down if a quorum was not. */
  recentActive = false;
  /** In probe state: an append was sent and no answer (or heartbeat response) came yet. */
  msgAppFlowPaused = false;
  /** The follower said it lost or repaired its state (raft.ts, "Recovery"). */
  recovering = false;
  /** The recovery id of the follower's latest recovering incarnation we heard from (0: none). */
  recoveryId = 0;
  /**
   * While recovering: the leader's entry appended when it learned so. Until it is committed (by voters other than
   * this one) the follower counts toward no quorum; once it is, the follower's acknowledgements count again.
   */
  recoveryFloor: RaftIndex = 0;
  readonly inflights: Inflights;

  constructor(
    next: RaftIndex,
    maxInflightMsgs: number,
    maxInflightBytes: number,
    public isLearner: boolean,
  ) {
    this.match = 0;
    this.next = next;
    this.inflights = new Inflights(maxInflightMsgs, maxInflightBytes);
  }

  /** A new term: nothing is known about the follower any more. */
  reset(next: RaftIndex): void {
    this.resetState('probe');
    this.match = 0;
    this.next = next;
    this.recentActive = false;
    this.recovering = false;
    this.recoveryId = 0;
    this.recoveryFloor = 0;
  }

  /**
   * The follower lost entries it had acknowledged (a wipe, a repaired log): match goes back to `match`, which may be
   * below the current one (maybeDecrTo never moves it), and probing resumes at `next`.
   */
  restartFrom(match: RaftIndex, next: RaftIndex): void {
    this.resetState('probe');
    this.match = Math.min(this.match, match);
    this.next = Math.max(next, this.match + 1);
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    // After a snapshot the follower holds at least the snapshot's index: probe from there.
    if (this.state === 'snapshot') {
      const pendingSnapshot = this.pendingSnapshot;
      this.resetState('probe');
      this.next = Math.max(this.match + 1, pendingSnapshot + 1);
    } else {
      this.resetState('probe');
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.resetState('replicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: RaftIndex): void {
    this.resetState('snapshot');
    this.pendingSnapshot = snapshotIndex;
    // What the follower needs next once the snapshot is in; sends are paused meanwhile.
    this.next = snapshotIndex + 1;
  }

  /** Bookkeeping after an append of `count` entries (`bytes` in total) was sent. */
  sentEntries(count: number, bytes: number): void {
    if (this.state === 'replicate') {
      if (count > 0) {
        this.next += count;
        this.inflights.add(this.next - 1, bytes);
      }
    } else if (this.state === 'probe') {
      // One probe at a time: the next goes out when this one is answered or a heartbeat response arrives.
      if (count > 0) this.msgAppFlowPaused = true;
    } else {
      throw new Error(`sentEntries in state ${this.state}`);
    }
  }

  /** The follower acknowledged entries up to n; returns whether match moved (a stale ack moves nothing). */
  maybeUpdate(n: RaftIndex): boolean {
    if (n <= this.match) return false;
    this.match = n;
    this.next = Math.max(this.next, n + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /**
   * The follower rejected the append after index `rejected`; `matchHint` is its guess of the last index where the
   * logs may agree. Returns whether next moved (false for a stale rejection).
   */
  maybeDecrTo(rejected: RaftIndex, matchHint: RaftIndex): boolean {
    if (this.state === 'replicate') {
      // Stale if it is about something already matched; else resume right after what is known to match.
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    // A prober sends one append at a time, so a rejection not about next - 1 is an old one.
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /** Whether the leader must hold back appends to this follower for now. */
  isPaused(): boolean {
    switch (this.state) {
      case 'probe': return this.msgAppFlowPaused;
      case 'replicate': return this.inflights.full();
      case 'snapshot': return true;
    }
  }
}
