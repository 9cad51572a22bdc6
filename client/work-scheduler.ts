// The producer's sender and the consumer's fetcher each run as one piece of work that many events may ask for:
// run it once per microtask however often it was asked, or at the earliest of the times it was asked for.
import type { Clock, TimerHandle } from './clock';

export class WorkScheduler {
  private queued = false;
  private stopped = false;
  private timer: TimerHandle | undefined;
  private wakeAtMs = Infinity;

  constructor(private readonly clock: Clock, private readonly work: () => void) {}

  /** Runs the work on a microtask: coalesces the many events that may each enable it. */
  soon(): void {
    if (this.queued || this.stopped) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (!this.stopped) this.work();
    });
  }

  /** Runs the work at atMs unless an earlier wake-up is already planned. */
  at(atMs: number): void {
    if (this.stopped || atMs >= this.wakeAtMs) return;
    this.clearWake();
    this.wakeAtMs = atMs;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.wakeAtMs = Infinity;
      if (!this.stopped) this.work();
    }, Math.max(0, atMs - this.clock.nowMs()));
  }

  /** Drops the planned wake-up: work about to run recomputes what it was for, and a stale timer must not keep a process alive. */
  clearWake(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeAtMs = Infinity;
  }

  stop(): void {
    this.stopped = true;
    this.clearWake();
  }
}
