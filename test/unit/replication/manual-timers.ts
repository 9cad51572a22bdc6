import type { Timers } from '../../../broker/replication';

/** Timers that fire only when the test says so, so reconnect schedules are checked without waiting on a clock. */
export class ManualTimers implements Timers {
  private nowMs = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { dueMs: number; fn: () => void }>();

  setTimeout(fn: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { dueMs: this.nowMs + delayMs, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays (from now) of the timers waiting, soonest first. */
  delaysMs(): number[] {
    return [...this.pending.values()].map((t) => t.dueMs - this.nowMs).sort((a, b) => a - b);
  }

  /** Moves the clock forward, firing what falls due in order (including timers those set, if due). */
  advance(ms: number): void {
    const untilMs = this.nowMs + ms;
    for (;;) {
      let next: [number, { dueMs: number; fn: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].dueMs <= untilMs && (!next || entry[1].dueMs < next[1].dueMs)) next = entry;
      if (!next) break;
      this.pending.delete(next[0]);
      this.nowMs = next[1].dueMs;
      next[1].fn();
    }
    this.nowMs = untilMs;
  }
}
