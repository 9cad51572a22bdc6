// The idempotent-producer table: decisions the partition leader makes on producer batches, and the applied state
// every replica derives from the log (snapshots included).
import { ErrorCode, MAX_SEQUENCE } from '../../../client/protocol';
import { lastSequenceOf, ProducerStateTable, type AppliedBatchHeader } from '../../../broker/partition/producer-state';

const PID = 7;

function batch(baseSequence: number, recordCount = 10, producerEpoch = 0, producerId = PID) {
  return { producerId, producerEpoch, baseSequence, recordCount };
}

/** The leader's whole path for one batch: check, and if accepted, "commit" it at the next offset and apply it. */
class Leader {
  logEndOffset = 0;
  constructor(readonly table: ProducerStateTable, public nowMs = 1_000) {}

  produce(header: ReturnType<typeof batch>): ReturnType<ProducerStateTable['check']> & { offset?: number } {
    const decision = this.table.check(header);
    if (decision.kind !== 'append') return decision;
    const baseOffset = this.logEndOffset;
    this.logEndOffset += header.recordCount;
    this.table.apply({ ...header, baseOffset, appendTimeMs: this.nowMs });
    return { ...decision, offset: baseOffset };
  }
}

describe('ProducerStateTable', () => {
  it('appends a producer\'s batches in sequence and answers a retry within the window with its original offset', () => {
    const leader = new Leader(new ProducerStateTable());
    const offsets = [0, 10, 20, 30, 40, 50].map((seq) => leader.produce(batch(seq)).offset);
    expect(offsets).toEqual([0, 10, 20, 30, 40, 50]);
    // The last five batches are remembered: each retry is a duplicate at its first offset.
    for (const [seq, offset] of [[10, 10], [20, 20], [30, 30], [40, 40], [50, 50]]) {
      expect(leader.table.check(batch(seq))).toEqual({ kind: 'duplicate', baseOffset: offset, pending: false });
    }
    // The oldest fell out of the window: written, but its offset is no longer known.
    expect(leader.table.check(batch(0))).toMatchObject({ kind: 'error', code: ErrorCode.DUPLICATE_SEQUENCE });
    expect(leader.logEndOffset).toBe(60);
  });

  it('refuses a gap and a batch that overlaps written sequences without matching one', () => {
    const leader = new Leader(new ProducerStateTable());
    leader.produce(batch(0));
    expect(leader.table.check(batch(11))).toMatchObject({ kind: 'error', code: ErrorCode.OUT_OF_ORDER_SEQUENCE });
    expect(leader.table.check(batch(5, 10))).toMatchObject({ kind: 'error', code: ErrorCode.DUPLICATE_SEQUENCE });
    expect(leader.table.check(batch(10))).toEqual({ kind: 'append' });
  });

  it('accepts an unknown producer at any sequence, and batches without a producer id always', () => {
    const table = new ProducerStateTable();
    expect(table.check(batch(12345))).toEqual({ kind: 'append' });
    expect(table.check({ producerId: 0, producerEpoch: 0, baseSequence: -1, recordCount: 3 })).toEqual({ kind: 'append' });
    expect(table.check(batch(-1))).toMatchObject({ kind: 'error', code: ErrorCode.INVALID_REQUEST });
  });

  it('fences an older epoch and requires a newer epoch to start at sequence 0', () => {
    const leader = new Leader(new ProducerStateTable());
    leader.produce(batch(0, 10, 3));
    expect(leader.table.check(batch(10, 10, 2))).toMatchObject({ kind: 'error', code: ErrorCode.PRODUCER_FENCED });
    expect(leader.table.check(batch(10, 10, 4))).toMatchObject({ kind: 'error', code: ErrorCode.OUT_OF_ORDER_SEQUENCE });
    expect(leader.produce(batch(0, 10, 4)).offset).toBe(10);
    // The new epoch's duplicates are its own; the old epoch is now fenced even for its retries.
    expect(leader.table.check(batch(0, 10, 4))).toEqual({ kind: 'duplicate', baseOffset: 10, pending: false });
    expect(leader.table.check(batch(0, 10, 3))).toMatchObject({ kind: 'error', code: ErrorCode.PRODUCER_FENCED });
  });

  it('wraps sequences from 2^31-1 to 0', () => {
    const leader = new Leader(new ProducerStateTable());
    const start = MAX_SEQUENCE - 4;
    expect(leader.produce(batch(start, 5)).offset).toBe(0);
    expect(lastSequenceOf(batch(start, 5))).toBe(MAX_SEQUENCE);
    expect(leader.table.check(batch(1, 5))).toMatchObject({ kind: 'error', code: ErrorCode.OUT_OF_ORDER_SEQUENCE });
    expect(leader.produce(batch(0, 5)).offset).toBe(5);
    // A batch that itself crosses the wrap.
    const crossing = batch(MAX_SEQUENCE - 1, 4, 1);
    expect(leader.produce(batch(0, MAX_SEQUENCE - 1, 1)).offset).toBe(10);
    expect(leader.table.check(crossing)).toEqual({ kind: 'append' });
    leader.produce(crossing);
    expect(leader.table.check(batch(2, 1, 1))).toEqual({ kind: 'append' });
    expect(leader.table.check(crossing)).toMatchObject({ kind: 'duplicate' });
  });

  it('checks in-flight batches against the pending overlay, and apply retires them', () => {
    const table = new ProducerStateTable();
    // Two batches proposed back to back: the second follows the first, which is not applied yet.
    expect(table.check(batch(0))).toEqual({ kind: 'append' });
    table.addPending(batch(0), 0);
    expect(table.check(batch(10))).toEqual({ kind: 'append' });
    table.addPending(batch(10), 10);
    // A retry of either while both are in flight is a duplicate of a pending batch, not a second write.
    expect(table.check(batch(0))).toEqual({ kind: 'duplicate', baseOffset: 0, pending: true });
    expect(table.check(batch(10))).toEqual({ kind: 'duplicate', baseOffset: 10, pending: true });
    expect(table.check(batch(30))).toMatchObject({ kind: 'error', code: ErrorCode.OUT_OF_ORDER_SEQUENCE });
    expect(table.check(batch(20))).toEqual({ kind: 'append' });
    table.apply({ ...batch(0), baseOffset: 0, appendTimeMs: 5 });
    expect(table.pendingCount).toBe(1);
    expect(table.check(batch(0))).toEqual({ kind: 'duplicate', baseOffset: 0, pending: false });
    expect(table.check(batch(10))).toEqual({ kind: 'duplicate', baseOffset: 10, pending: true });
    // Leadership lost: the pending batch may never commit, so it no longer counts.
    table.clearPending();
    expect(table.check(batch(10))).toEqual({ kind: 'append' });
    expect(table.check(batch(20))).toMatchObject({ kind: 'error', code: ErrorCode.OUT_OF_ORDER_SEQUENCE });
  });

  it('a pending newer epoch fences the older one before it is applied', () => {
    const table = new ProducerStateTable();
    table.apply({ ...batch(0, 10, 0), baseOffset: 0, appendTimeMs: 1 });
    table.addPending(batch(0, 10, 1), 10);
    expect(table.check(batch(10, 10, 0))).toMatchObject({ kind: 'error', code: ErrorCode.PRODUCER_FENCED });
    expect(table.check(batch(10, 10, 1))).toEqual({ kind: 'append' });
  });

  it('expires producers idle longer than producerExpiryMs, by append times only', () => {
    const table = new ProducerStateTable({ producerExpiryMs: 1_000 });
    const apply = (producerId: number, baseSequence: number, appendTimeMs: number, baseOffset = 0) =>
      table.apply({ producerId, producerEpoch: 0, baseSequence, recordCount: 1, baseOffset, appendTimeMs });
    apply(1, 0, 10_000);
    apply(2, 0, 10_500);
    apply(1, 1, 10_900);
    expect(table.size).toBe(2);
    // Producer 2 last wrote at 10_500; a non-idempotent batch at 11_600 moves the clock past its horizon.
    table.apply({ producerId: 0, producerEpoch: 0, baseSequence: -1, recordCount: 1, baseOffset: 3, appendTimeMs: 11_600 });
    expect(table.size).toBe(1);
    expect(table.check({ producerId: 2, producerEpoch: 0, baseSequence: 99, recordCount: 1 })).toEqual({ kind: 'append' });
    expect(table.check({ producerId: 1, producerEpoch: 0, baseSequence: 9, recordCount: 1 })).toMatchObject({ kind: 'error' });
    // A clock that goes back (a new leader's slower wall clock) does not revive or shorten anything.
    apply(3, 0, 5_000);
    expect(table.nowMs).toBe(11_600);
    expect(table.size).toBe(2);
  });

  it('snapshot and restore give a table that decides exactly as the original, over random histories', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 20; round++) {
      const original = new ProducerStateTable({ producerExpiryMs: 50_000 });
      const next = new Map<number, { seq: number; epoch: number }>();
      let offset = 0;
      let time = 0;
      const history: AppliedBatchHeader[] = [];
      for (let i = 0; i < 200; i++) {
        const producerId = 1 + rand(8);
        const state = next.get(producerId) ?? { seq: 0, epoch: 0 };
        if (rand(20) === 0) Object.assign(state, { seq: 0, epoch: state.epoch + 1 });
        const recordCount = 1 + rand(5);
        time += rand(2_000);
        const header = { producerId, producerEpoch: state.epoch, baseSequence: state.seq, recordCount, baseOffset: offset, appendTimeMs: time };
        if (original.check(header).kind === 'append') {
          original.apply(header);
          history.push(header);
          offset += recordCount;
        }
        state.seq += recordCount;
        next.set(producerId, state);
      }
      const restored = new ProducerStateTable({ producerExpiryMs: 50_000 });
      restored.restore(original.snapshot());
      expect(restored.snapshot()).toEqual(original.snapshot());
      // Every plausible next batch (retries of recent ones, the next one, gaps, old epochs) gets the same answer.
      for (const h of history.slice(-40)) {
        for (const probe of [h, { ...h, baseSequence: h.baseSequence + h.recordCount }, { ...h, baseSequence: h.baseSequence + 3 }, { ...h, producerEpoch: h.producerEpoch + 1 }]) {
          expect(restored.check(probe)).toEqual(original.check(probe));
        }
      }
      // And the two stay identical as the log goes on.
      const more = { producerId: 1, producerEpoch: 99, baseSequence: 0, recordCount: 1, baseOffset: offset, appendTimeMs: time + 60_000 };
      original.apply(more);
      restored.apply(more);
      expect(restored.snapshot()).toEqual(original.snapshot());
    }
  });

  it('restore refuses malformed snapshots and drops the pending overlay', () => {
    const table = new ProducerStateTable();
    table.apply({ ...batch(0), baseOffset: 0, appendTimeMs: 1 });
    const bytes = table.snapshot();
    expect(() => table.restore(bytes.subarray(0, bytes.length - 1))).toThrow(/malformed/);
    expect(() => table.restore(new Uint8Array([9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/version/);
    table.addPending(batch(10), 10);
    table.restore(bytes);
    expect(table.pendingCount).toBe(0);
    expect(table.check(batch(0))).toEqual({ kind: 'duplicate', baseOffset: 0, pending: false });
  });
});
