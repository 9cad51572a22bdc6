// The appends in flight to one follower, as a ring bounded by count and bytes (etcd's tracker/inflights.go). The
// ring grows on demand up to its capacity, so thousands of idle groups per process cost little memory.

export class Inflights {
  /** Last index of each in-flight append, oldest first from `start`. */
  private indexes: number[] = [];
  private sizes: number[] = [];
  private start = 0;
  private count = 0;
  private bytes = 0;

  /** maxBytes 0 = no byte bound. */
  constructor(
    readonly maxCount: number,
    readonly maxBytes: number,
  ) {
    if (!(maxCount >= 1)) throw new RangeError(`inflights maxCount must be >= 1, got ${maxCount}`);
    if (!(maxBytes >= 0)) throw new RangeError(`inflights maxBytes must be >= 0, got ${maxBytes}`);
  }

  get size(): number {
    return this.count;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  /** Records an append whose last entry is `index`; indexes must increase. The caller checks full() first. */
  add(index: number, bytes: number): void {
    if (this.full()) throw new Error('inflights: add() on a full window');
    if (this.count > 0 && index <= this.indexes[(this.start + this.count - 1) % this.indexes.length]!) {
      throw new Error(`inflights: index ${index} does not increase`);
    }
    if (this.count === this.indexes.length) this.grow();
    const slot = (this.start + this.count) % this.indexes.length;
    this.indexes[slot] = index;
    this.sizes[slot] = bytes;
    this.count++;
    this.bytes += bytes;
  }

  /** Frees every append whose last index is <= index: the follower acknowledged them. */
  freeLE(index: number): void {
    const capacity = this.indexes.length;
    while (this.count > 0 && this.indexes[this.start]! <= index) {
      this.bytes -= this.sizes[this.start]!;
      this.start = (this.start + 1) % capacity;
      this.count--;
    }
    if (this.count === 0) this.start = 0;
  }

  /**
   * Frees the oldest append. A leader whose window is full and whose appends were all lost would otherwise wait
   * forever; a heartbeat response proves the follower is alive, so one slot is reopened to probe again.
   */
  freeFirstOne(): void {
    if (this.count > 0) this.freeLE(this.indexes[this.start]!);
  }

  /** Whether no further append may be sent: the count bound, or (if bounded) the byte bound, is reached. */
  full(): boolean {
    return this.count === this.maxCount || (this.maxBytes > 0 && this.bytes >= this.maxBytes);
  }

  reset(): void {
    this.start = 0;
    this.count = 0;
    this.bytes = 0;
  }

  private grow(): void {
    const capacity = this.indexes.length;
    const next = Math.min(this.maxCount, Math.max(4, capacity * 2));
    const indexes = new Array<number>(next);
    const sizes = new Array<number>(next);
    for (let i = 0; i < this.count; i++) {
      indexes[i] = this.indexes[(this.start + i) % capacity]!;
      sizes[i] = this.sizes[(this.start + i) % capacity]!;
    }
    this.indexes = indexes;
    this.sizes = sizes;
    this.start = 0;
  }
}
