// The checker itself, on made-up histories: a clean one passes, and each kind of violation, put in on its own, is
// found, counted once and named with the record it concerns.
import { checkHistory, VIOLATION_KINDS, type ViolationKind } from './checker';
import type { HistoryEvent, Logged, ReadRecord, StoredBatch } from './history';
import type { StoreDump } from './replica-dump';

/** Two partitions on brokers 1-3; producer w1 sends seq 0..5, w2 sends seq 0..3, alternating partitions. */
function cleanRun(): { events: HistoryEvent[]; stores: Map<number, { groups: Groups }> } {
  const events: HistoryEvent[] = [
    { type: 'run', seed: 1, brokers: 3, nemesis: ['kill'], minutes: 1, topic: 't', partitions: 2 },
    { type: 'topology', partitions: [{ partition: 0, groupId: 1, replicas: [1, 2, 3] }, { partition: 1, groupId: 2, replicas: [1, 2, 3] }] },
  ];
  const log: ReadRecord[][] = [[], []];
  const send = (producer: string, seq: number, partition: number) => {
    events.push({ type: 'send', producer, seq, key: `${producer}/${seq}` });
    const offset = log[partition].length;
    log[partition].push([offset, producer, seq]);
    events.push({ type: 'ack', producer, seq, partition, offset });
  };
  for (let seq = 0; seq < 6; seq++) send('w1', seq, seq % 2);
  for (let seq = 0; seq < 4; seq++) send('w2', seq, seq % 2);
  for (const reader of ['along', 'final']) {
    for (const partition of [0, 1]) events.push({ type: 'read', reader, partition, records: log[partition] });
  }
  events.push({ type: 'final-read', highWatermarks: [log[0].length, log[1].length], complete: true });
  return { events, stores: storesFor([log[0].length, log[1].length]) };
}

type Groups = Record<string, { batches: StoredBatch[]; commitIndex: number }>;

/** Every replica holds each partition as one-record batches with the same digests. */
function storesFor(hwms: readonly number[]): Map<number, { groups: Groups }> {
  const group = (hwm: number): StoredBatch[] => Array.from({ length: hwm }, (_, o) => [o, o, `d${o}`]);
  const dump = () => ({ groups: { 1: { batches: group(hwms[0]), commitIndex: 10 }, 2: { batches: group(hwms[1]), commitIndex: 10 } } });
  return new Map([[1, dump()], [2, dump()], [3, dump()]]);
}

function timed(events: readonly HistoryEvent[]): Logged[] {
  return events.map((e, i) => ({ t: 1_000_000 + i, ...e }) as Logged);
}

type ReadEvent = HistoryEvent & { type: 'read' };
type FinalReadEvent = HistoryEvent & { type: 'final-read' };

/** The records `reader` read from `partition`, as an array the test may change. */
function readsOf(events: HistoryEvent[], reader: string, partition: number): ReadRecord[] {
  const i = events.findIndex((e) => e.type === 'read' && e.reader === reader && e.partition === partition);
  const records = [...(events[i] as ReadEvent).records];
  events[i] = { ...(events[i] as ReadEvent), records };
  return records;
}

const finalRead = (events: HistoryEvent[], partition: number) => readsOf(events, 'final', partition);
const alongRead = (events: HistoryEvent[], partition: number) => readsOf(events, 'along', partition);

function setFinal(events: HistoryEvent[], change: Partial<FinalReadEvent>): void {
  const i = events.findIndex((e) => e.type === 'final-read');
  events[i] = { ...(events[i] as FinalReadEvent), ...change };
}

function setAck(events: HistoryEvent[], producer: string, seq: number, offset: number): void {
  const i = events.findIndex((e) => e.type === 'ack' && e.producer === producer && e.seq === seq);
  events[i] = { ...(events[i] as HistoryEvent & { type: 'ack' }), offset };
}

const groupsOf = (stores: Map<number, { groups: Groups }>, broker: number) => stores.get(broker)!.groups;

/** Only `kind` is reported, and the first message names `mentions`. */
function expectOnly(events: HistoryEvent[], stores: ReadonlyMap<number, StoreDump>, kind: ViolationKind, mentions: string): void {
  const result = checkHistory(timed(events), stores);
  const found = VIOLATION_KINDS.filter((k) => result.counts[k] > 0);
  expect(found).toEqual([kind]);
  expect(result.ok).toBe(false);
  expect(result.first[0].message).toContain(mentions);
}

describe('fault campaign checker', () => {
  it('passes a history in which everything acknowledged is read once, in order, at its offset', () => {
    const { events, stores } = cleanRun();
    const result = checkHistory(timed(events), stores);
    expect(result.first).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.stats).toMatchObject({ sent: 10, acked: 10, inLog: 10, readAlong: 10 });
  });

  it('lost: an acknowledged record missing from the log', () => {
    const { events } = cleanRun();
    // w2#3 was acknowledged at 1/4, the last offset of partition 1; the log ends before it.
    const final = finalRead(events, 1);
    final.pop();
    setFinal(events, { highWatermarks: [5, 4] });
    alongRead(events, 1).pop();
    expectOnly(events, storesFor([5, 4]), 'lost', 'w2#3 was acknowledged at 1/4');
  });

  it('misplaced: an acknowledged record at another offset than acknowledged', () => {
    const { events, stores } = cleanRun();
    setAck(events, 'w1', 2, 3);
    expectOnly(events, stores, 'misplaced', 'w1#2 was acknowledged at 0/3 but is in the log at 0/1');
  });

  it('duplicated: one record at two offsets', () => {
    const { events } = cleanRun();
    const send = { type: 'send', producer: 'w3', seq: 0, key: 'w3/0' } as const;
    events.splice(2, 0, send);
    // w3#0 (never acknowledged) written twice at the end of partition 0.
    for (const reader of [finalRead(events, 0), alongRead(events, 0)]) reader.push([5, 'w3', 0], [6, 'w3', 0]);
    setFinal(events, { highWatermarks: [7, 5] });
    expectOnly(events, storesFor([7, 5]), 'duplicated', 'w3#0 is in the log 2 times: 0/5, 0/6');
  });

  it('reordered: a producer\'s records out of send order within a partition', () => {
    const { events, stores } = cleanRun();
    // w1#2 and w1#4 (partition 0, offsets 1 and 2) swap places in the log; the acks say the same.
    for (const records of [finalRead(events, 0), alongRead(events, 0)]) {
      records[1] = [1, 'w1', 4];
      records[2] = [2, 'w1', 2];
    }
    setAck(events, 'w1', 2, 2);
    setAck(events, 'w1', 4, 1);
    expectOnly(events, stores, 'reordered', 'w1#2 at offset 2 comes after w1#4 at offset 1');
  });

  it('phantom: a record read that was never sent', () => {
    const { events, stores } = cleanRun();
    events.splice(events.findIndex((e) => e.type === 'send' && e.producer === 'w2' && e.seq === 0), 1);
    events.splice(events.findIndex((e) => e.type === 'ack' && e.producer === 'w2' && e.seq === 0), 1);
    const result = checkHistory(timed(events), stores);
    expect(VIOLATION_KINDS.filter((k) => result.counts[k] > 0)).toEqual(['phantom']);
    // Read by both readers.
    expect(result.counts.phantom).toBe(2);
    expect(result.first[0].message).toContain('w2#0 at 0/3, which was never sent');
  });

  it('failed-but-written: a definite failure that is in the log', () => {
    const { events, stores } = cleanRun();
    const i = events.findIndex((e) => e.type === 'ack' && e.producer === 'w1' && e.seq === 5);
    events[i] = { type: 'fail', producer: 'w1', seq: 5, code: 'CLIENT_CLOSED', persisted: 'no', message: 'closed' };
    expectOnly(events, stores, 'failed-but-written', 'w1#5 failed with CLIENT_CLOSED (persisted: no)');
  });

  it('a failure with persisted maybe may be in the log', () => {
    const { events, stores } = cleanRun();
    const i = events.findIndex((e) => e.type === 'ack' && e.producer === 'w1' && e.seq === 5);
    events[i] = { type: 'fail', producer: 'w1', seq: 5, code: 'REQUEST_TIMEOUT', persisted: 'maybe', message: 'timed out' };
    expect(checkHistory(timed(events), stores).ok).toBe(true);
  });

  it('backwards: a reader handed an offset it already had', () => {
    const { events, stores } = cleanRun();
    alongRead(events, 1).push([2, 'w1', 5]);
    expectOnly(events, stores, 'backwards', 'along read 1/2 after 1/4');
  });

  it('skipped: a reader that jumps over offsets', () => {
    const { events, stores } = cleanRun();
    alongRead(events, 0).splice(2, 1);
    expectOnly(events, stores, 'skipped', 'along read 0/3 after 0/1: offsets 2..2 were never handed over');
  });

  it('read-changed: an offset read during the run holds another record at the end', () => {
    const { events, stores } = cleanRun();
    events.splice(2, 0, { type: 'send', producer: 'w9', seq: 0, key: 'w9/0' });
    alongRead(events, 1).push([5, 'w9', 0]);
    expectOnly(events, stores, 'read-changed', 'along read w9#0 at 1/5; the log now holds nothing there');
  });

  it('replica-diverged: a replica whose committed batch differs', () => {
    const { events, stores } = cleanRun();
    groupsOf(stores, 3)[2].batches[3] = [3, 3, 'other'];
    expectOnly(events, stores, 'replica-diverged', 'partition 1: batch 3 differs between broker 1 and broker 3');
  });

  it('replica-diverged: a replica missing committed batches', () => {
    const { events, stores } = cleanRun();
    groupsOf(stores, 2)[1].batches.splice(4);
    expectOnly(events, stores, 'replica-diverged', 'partition 0 on broker 2: stored offsets end at 4, the high watermark is 5');
  });

  it('replica-unreadable: a store that could not be read', () => {
    const { events, stores: good } = cleanRun();
    const stores = new Map<number, StoreDump>(good);
    stores.set(1, { error: 'could not read the store (killed by SIGBUS)' });
    const result = checkHistory(timed(events), stores);
    expect(VIOLATION_KINDS.filter((k) => result.counts[k] > 0)).toEqual(['replica-unreadable']);
    expect(result.counts['replica-unreadable']).toBe(2);
    expect(result.first[0].message).toContain('SIGBUS');
  });

  it('incomplete: a final read that did not reach the high watermark', () => {
    const { events, stores } = cleanRun();
    setFinal(events, { complete: false });
    finalRead(events, 0).splice(3);
    const result = checkHistory(timed(events), stores);
    expect(VIOLATION_KINDS.filter((k) => result.counts[k] > 0)).toEqual(['incomplete']);
  });

  it('broker-crashed: a broker that exited by itself', () => {
    const { events, stores } = cleanRun();
    events.push({ type: 'broker', brokerId: 2, event: 'crashed', detail: 'pid 7 exited by itself (code 1, signal null):\nRangeError: offset 284' });
    expectOnly(events, stores, 'broker-crashed', 'broker 2 at');
    expect(checkHistory(timed(events), stores).first[0].context).toContain('RangeError: offset 284');
  });

  it('prints the faults around a bad record as its context', () => {
    const { events } = cleanRun();
    finalRead(events, 1).pop();
    alongRead(events, 1).pop();
    setFinal(events, { highWatermarks: [5, 4] });
    events.splice(2, 0, { type: 'fault', id: 7, kind: 'wipe', detail: 'wipe broker 2', brokers: [2] });
    const result = checkHistory(timed(events), storesFor([5, 4]));
    expect(result.first[0].kind).toBe('lost');
    expect(result.first[0].context.join('\n')).toMatch(/fault #7 .*wipe broker 2/);
    expect(result.first[0].context.join('\n')).toContain('log of partition 1 around offset 4: 2: w1#5, 3: w2#1, 4: nothing');
  });
});
