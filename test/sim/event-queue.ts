// The simulation's agenda: events ordered by simulated time, ties broken by insertion order (so a run is a pure
// function of its seed). A binary heap over two parallel arrays keeps the hot path free of comparator closures.

export class EventQueue<T> {
  private readonly times: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, item: T): void {
    let i = this.items.length;
    const seq = this.nextSeq++;
    this.times.push(time);
    this.seqs.push(seq);
    this.items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, seq, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = time;
    this.seqs[i] = seq;
    this.items[i] = item;
  }

  peekTime(): number {
    return this.items.length === 0 ? Infinity : this.times[0]!;
  }

  pop(): T | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0]!;
    const lastTime = this.times.pop()!;
    const lastSeq = this.seqs.pop()!;
    const lastItem = this.items.pop()!;
    if (n === 1) return top;
    let i = 0;
    const size = n - 1;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.less(right, left) ? right : left;
      if (!this.beforeSlot(child, lastTime, lastSeq)) break;
      this.move(child, i);
      i = child;
    }
    this.times[i] = lastTime;
    this.seqs[i] = lastSeq;
    this.items[i] = lastItem;
    return top;
  }

  private before(time: number, seq: number, slot: number): boolean {
    const t = this.times[slot]!;
    return time < t || (time === t && seq < this.seqs[slot]!);
  }

  private beforeSlot(slot: number, time: number, seq: number): boolean {
    const t = this.times[slot]!;
    return t < time || (t === time && this.seqs[slot]! < seq);
  }

  private less(x: number, y: number): boolean {
    const tx = this.times[x]!;
    const ty = this.times[y]!;
    return tx < ty || (tx === ty && this.seqs[x]! < this.seqs[y]!);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.items[to] = this.items[from]!;
  }
}
