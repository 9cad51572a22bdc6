// The wire between simulated brokers: each message is delivered zero, one or two times, each after its own delay,
// so drops, duplicates and reordering all come from the same draw. Partitions are a matrix of blocked directions:
// a symmetric partition blocks both, a one-way one only from→to (A hears B, B does not hear A).
import type { FaultPlan } from './fault-plan';
import type { Prng } from './prng';

export class Network {
  /** blocked[from * n + to] counts the partitions blocking that direction (they may overlap). */
  private readonly blocked: Uint16Array;
  private lossless = false;

  constructor(
    private readonly rng: Prng,
    private readonly plan: FaultPlan,
    private readonly nodeCount: number,
  ) {
    this.blocked = new Uint16Array(nodeCount * nodeCount);
  }

  /** Node ids are 1-based, as in Raft. */
  isBlocked(from: number, to: number): boolean {
    return this.blocked[(from - 1) * this.nodeCount + (to - 1)]! > 0;
  }

  block(from: number, to: number): void {
    this.blocked[(from - 1) * this.nodeCount + (to - 1)]!++;
  }

  unblock(from: number, to: number): void {
    const i = (from - 1) * this.nodeCount + (to - 1);
    if (this.blocked[i] === 0) throw new Error(`unblock ${from}->${to}: not blocked`);
    this.blocked[i]!--;
  }

  /** After the faults heal: no partitions, drops or duplicates, only delays (liveness is measured from here). */
  heal(): void {
    this.blocked.fill(0);
    this.lossless = true;
  }

  /**
   * Delays after which a message from→to arrives: [] if dropped, two entries if duplicated. Messages to oneself
   * never touch the wire.
   */
  route(from: number, to: number, out: number[]): void {
    out.length = 0;
    if (from === to) {
      out.push(0);
      return;
    }
    if (this.isBlocked(from, to)) return;
    if (!this.lossless && this.rng.chance(this.plan.dropRate)) return;
    out.push(this.delay());
    if (!this.lossless && this.rng.chance(this.plan.dupRate)) out.push(this.delay());
  }

  private delay(): number {
    return this.plan.delayMinUnits + this.rng.int(this.plan.delayMaxUnits - this.plan.delayMinUnits + 1);
  }
}
