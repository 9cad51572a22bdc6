// The offline checker: a campaign's history (history.ts) and its brokers' stores (replica-dump.ts) in, violations
// out. Pure: it reads nothing itself, so a unit test can feed it a history made up to contain each violation.
//
// What must hold (docs/reliability.md):
//   lost          an acknowledged record is not in the log (the final read from offset 0 to the high watermark)
//   misplaced     an acknowledged record is in the log, but not at the partition and offset it was acknowledged with
//   duplicated    a record is in the log more than once
//   reordered     a producer's records within a partition are not in the order they were sent
//   phantom       a record was read that was never sent
//   failed-but-written  a record whose send failed with persisted 'no' is in the log
//   backwards     a reader was handed an offset at or below one it already had (per partition)
//   skipped       a reader was handed an offset past the next one (offsets are contiguous: no compaction, no
//                 transactions), or its first offset was not 0
//   read-changed  a record read during the run is not what the log holds at that offset at the end
//   replica-diverged    a replica's stored batches below the high watermark differ from another's, or are missing
//   replica-unreadable  a replica's store could not be read
//   incomplete    the final read did not reach every high watermark (acknowledged records past it are unverified)
//   broker-crashed      a broker process exited by itself (an uncaught error, an assertion): never acceptable
import type { GroupDump, StoreDump } from './replica-dump';
import { recordKey, type Logged, type PartitionPlacement, type ReadRecord, type StoredBatch } from './history';

export const VIOLATION_KINDS = [
  'lost', 'misplaced', 'duplicated', 'reordered', 'phantom', 'failed-but-written', 'backwards', 'skipped',
  'read-changed', 'replica-diverged', 'replica-unreadable', 'incomplete', 'broker-crashed',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export interface Violation {
  readonly kind: ViolationKind;
  readonly message: string;
  /** Lines that help explain it: the events of the record, neighbouring offsets, faults around that time. */
  readonly context: readonly string[];
}

export interface CheckResult {
  readonly ok: boolean;
  readonly counts: Readonly<Record<ViolationKind, number>>;
  /** The first few violations of each kind, in the order found. */
  readonly first: readonly Violation[];
  readonly stats: {
    readonly sent: number;
    readonly acked: number;
    readonly failedNo: number;
    readonly failedMaybe: number;
    readonly unknown: number;
    readonly inLog: number;
    readonly readAlong: number;
  };
}

/** Violations kept per kind for printing. */
const FIRST_PER_KIND = 5;

interface Located {
  readonly partition: number;
  readonly offset: number;
}

interface Sent {
  readonly t: number;
  readonly key: string;
}

interface Ack extends Located {
  readonly t: number;
}

interface Failure {
  readonly t: number;
  readonly code: string;
  readonly persisted: string;
}

/** The history digested for checking. */
class Digest {
  readonly sends = new Map<string, Sent>();
  readonly acks = new Map<string, Ack>();
  readonly doubleAcks: Array<{ key: string; first: Ack; second: Ack }> = [];
  readonly failures = new Map<string, Failure>();
  readonly unknown = new Set<string>();
  /** reader → partition → records in the order handed over. */
  readonly reads = new Map<string, Map<number, ReadRecord[]>>();
  readonly faults: Array<{ t: number; id: number; detail: string; healT?: number }> = [];
  readonly crashes: Array<{ t: number; brokerId: number; detail: string }> = [];
  topology: readonly PartitionPlacement[] = [];
  highWatermarks: readonly number[] | undefined;
  finalComplete = false;

  constructor(events: readonly Logged[]) {
    for (const e of events) this.add(e);
  }

  private add(e: Logged): void {
    switch (e.type) {
      case 'send':
        this.sends.set(recordKey(e), { t: e.t, key: e.key });
        break;
      case 'ack': {
        const key = recordKey(e);
        const ack = { t: e.t, partition: e.partition, offset: e.offset };
        const first = this.acks.get(key);
        if (first) this.doubleAcks.push({ key, first, second: ack });
        else this.acks.set(key, ack);
        break;
      }
      case 'fail':
        this.failures.set(recordKey(e), { t: e.t, code: e.code, persisted: e.persisted });
        break;
      case 'unknown':
        this.unknown.add(recordKey(e));
        break;
      case 'read': {
        let byPartition = this.reads.get(e.reader);
        if (!byPartition) this.reads.set(e.reader, byPartition = new Map());
        let list = byPartition.get(e.partition);
        if (!list) byPartition.set(e.partition, list = []);
        for (const r of e.records) list.push(r);
        break;
      }
      case 'topology':
        this.topology = e.partitions;
        break;
      case 'final-read':
        this.highWatermarks = e.highWatermarks;
        this.finalComplete = e.complete;
        break;
      case 'fault':
        this.faults.push({ t: e.t, id: e.id, detail: e.detail });
        break;
      case 'broker':
        if (e.event === 'crashed') this.crashes.push({ t: e.t, brokerId: e.brokerId, detail: e.detail ?? '' });
        break;
      case 'heal': {
        const fault = this.faults.find((f) => f.id === e.id);
        if (fault) fault.healT = e.t;
        break;
      }
      default:
        break;
    }
  }

  /** Faults under way within 10 s of t. */
  faultsAround(t: number): string[] {
    return this.faults
      .filter((f) => f.t <= t + 10_000 && (f.healT ?? Infinity) >= t - 10_000)
      .map((f) => `fault #${f.id} ${iso(f.t)}..${f.healT ? iso(f.healT) : 'end'}: ${f.detail}`);
  }
}

function iso(t: number): string {
  return new Date(t).toISOString().slice(11, 23);
}

function describeRead(r: ReadRecord | undefined): string {
  if (!r) return 'nothing';
  return r[1] === null ? `an unknown value (hex ${r[2]})` : `${r[1]}#${r[2]}`;
}

class Findings {
  readonly counts = Object.fromEntries(VIOLATION_KINDS.map((k) => [k, 0])) as Record<ViolationKind, number>;
  readonly first: Violation[] = [];

  add(kind: ViolationKind, message: string, context: () => string[] = () => []): void {
    this.counts[kind]++;
    if (this.counts[kind] <= FIRST_PER_KIND) this.first.push({ kind, message, context: context() });
  }
}

/** The final log: partition → offset → record, and where each record id sits. */
function finalLog(digest: Digest, findings: Findings): { at: Map<number, Map<number, ReadRecord>>; where: Map<string, Located[]> } {
  const at = new Map<number, Map<number, ReadRecord>>();
  const where = new Map<string, Located[]>();
  for (const [partition, records] of digest.reads.get('final') ?? []) {
    const offsets = new Map<number, ReadRecord>();
    at.set(partition, offsets);
    for (const r of records) {
      if (offsets.has(r[0])) continue; // a repeated offset is the reader's fault, reported by checkReaders
      offsets.set(r[0], r);
      if (r[1] === null) continue;
      const key = recordKey({ producer: r[1], seq: r[2] });
      let list = where.get(key);
      if (!list) where.set(key, list = []);
      list.push({ partition, offset: r[0] });
    }
  }
  if (!digest.finalComplete) {
    const hwms = digest.highWatermarks ?? [];
    let unverified = 0;
    for (const ack of digest.acks.values()) if (ack.offset >= (at.get(ack.partition)?.size ?? 0)) unverified++;
    findings.add('incomplete', `the final read did not reach the high watermark of every partition (${hwms.join(',') || 'none known'}): ` +
      `${unverified} acknowledged records could not be verified`, () => [...at].map(([p, offsets]) => `partition ${p}: read ${offsets.size} records`));
  }
  return { at, where };
}

function neighbours(at: Map<number, Map<number, ReadRecord>>, where: Located): string {
  const offsets = at.get(where.partition);
  const parts: string[] = [];
  for (let o = where.offset - 2; o <= where.offset + 2; o++) {
    if (o >= 0) parts.push(`${o}: ${describeRead(offsets?.get(o))}`);
  }
  return `log of partition ${where.partition} around offset ${where.offset}: ${parts.join(', ')}`;
}

function checkAcknowledged(digest: Digest, log: ReturnType<typeof finalLog>, findings: Findings): void {
  const readEnd = (p: number) => digest.highWatermarks?.[p] ?? 0;
  for (const [key, ack] of digest.acks) {
    const found = log.where.get(key) ?? [];
    const context = () => [`acknowledged ${iso(ack.t)} at partition ${ack.partition} offset ${ack.offset}`, neighbours(log.at, ack), ...digest.faultsAround(ack.t)];
    if (found.length === 0) {
      if (!digest.finalComplete && ack.offset >= (log.at.get(ack.partition)?.size ?? 0)) continue; // counted as incomplete
      const beyond = ack.offset >= readEnd(ack.partition) ? ` (the high watermark is ${readEnd(ack.partition)})` : '';
      findings.add('lost', `${key} was acknowledged at ${ack.partition}/${ack.offset} but is not in the log${beyond}`, context);
    } else if (!found.some((f) => f.partition === ack.partition && f.offset === ack.offset)) {
      const at = found.map((f) => `${f.partition}/${f.offset}`).join(', ');
      findings.add('misplaced', `${key} was acknowledged at ${ack.partition}/${ack.offset} but is in the log at ${at}`, context);
    }
  }
  for (const { key, first, second } of digest.doubleAcks) {
    findings.add('misplaced', `${key} was acknowledged twice: at ${first.partition}/${first.offset} and at ${second.partition}/${second.offset}`);
  }
  for (const [key, found] of log.where) {
    if (found.length > 1) {
      const at = found.map((f) => `${f.partition}/${f.offset}`).join(', ');
      findings.add('duplicated', `${key} is in the log ${found.length} times: ${at}`, () => [neighbours(log.at, found[0]), neighbours(log.at, found[1])]);
    }
    const failure = digest.failures.get(key);
    if (failure?.persisted === 'no') {
      findings.add('failed-but-written', `${key} failed with ${failure.code} (persisted: no) at ${iso(failure.t)} but is in the log at ${found[0].partition}/${found[0].offset}`,
        () => digest.faultsAround(failure.t));
    }
  }
}

function checkOrder(digest: Digest, log: ReturnType<typeof finalLog>, findings: Findings): void {
  for (const [partition, offsets] of log.at) {
    const latest = new Map<string, { seq: number; offset: number }>();
    for (const offset of [...offsets.keys()].sort((a, b) => a - b)) {
      const r = offsets.get(offset)!;
      if (r[1] === null) continue;
      const prev = latest.get(r[1]);
      if (prev && r[2] < prev.seq) {
        findings.add('reordered', `partition ${partition}: ${r[1]}#${r[2]} at offset ${offset} comes after ${r[1]}#${prev.seq} at offset ${prev.offset}`,
          () => [neighbours(log.at, { partition, offset })]);
      }
      if (!prev || r[2] > prev.seq) latest.set(r[1], { seq: r[2], offset });
    }
  }
  const phantom = (reader: string, partition: number, r: ReadRecord) => {
    if (r[1] === null) return findings.add('phantom', `${reader} read ${describeRead(r)} at ${partition}/${r[0]}: not a record of this workload`);
    const key = recordKey({ producer: r[1], seq: r[2] });
    if (!digest.sends.has(key)) findings.add('phantom', `${reader} read ${key} at ${partition}/${r[0]}, which was never sent`);
  };
  for (const [reader, byPartition] of digest.reads) {
    for (const [partition, records] of byPartition) for (const r of records) phantom(reader, partition, r);
  }
}

/** Each reader's offsets per partition: from 0, each the one after the last, never back. */
function checkReaders(digest: Digest, log: ReturnType<typeof finalLog>, findings: Findings): void {
  for (const [reader, byPartition] of digest.reads) {
    for (const [partition, records] of byPartition) {
      let previous = -1;
      for (const r of records) {
        const offset = r[0];
        if (offset <= previous) findings.add('backwards', `${reader} read ${partition}/${offset} after ${partition}/${previous}`);
        else if (offset !== previous + 1) findings.add('skipped', `${reader} read ${partition}/${offset} after ${previous < 0 ? 'nothing' : `${partition}/${previous}`}: offsets ${previous + 1}..${offset - 1} were never handed over`);
        previous = Math.max(previous, offset);
        if (reader === 'final') continue;
        const end = log.at.get(partition);
        if (!end || (!digest.finalComplete && !end.has(offset))) continue;
        const now = end.get(offset);
        if (!now || now[1] !== r[1] || now[2] !== r[2]) {
          findings.add('read-changed', `${reader} read ${describeRead(r)} at ${partition}/${offset}; the log now holds ${describeRead(now)} there`,
            () => [neighbours(log.at, { partition, offset })]);
        }
      }
    }
  }
}

/** Every replica's stored batches below the high watermark: contiguous from 0 and the same bytes everywhere. */
function checkReplicas(digest: Digest, stores: ReadonlyMap<number, StoreDump>, findings: Findings): void {
  // Without a final read the committed extent is unknown: report what cannot be read, compare what is there.
  const known = digest.finalComplete && digest.highWatermarks !== undefined;
  for (const placement of digest.topology) {
    const hwm = known ? digest.highWatermarks![placement.partition] ?? 0 : Infinity;
    const committed = new Map<number, readonly StoredBatch[]>();
    for (const broker of placement.replicas) {
      const store = stores.get(broker);
      const group: GroupDump | undefined = store && 'groups' in store ? store.groups[placement.groupId] : undefined;
      if (!store || 'error' in store || !group) {
        const why = !store ? 'no dump' : 'error' in store ? store.error : `group ${placement.groupId} missing`;
        findings.add('replica-unreadable', `partition ${placement.partition} on broker ${broker}: ${why}`);
        continue;
      }
      const below = group.batches.filter((b) => b[0] < hwm);
      committed.set(broker, below);
      const reachedEnd = below.length > 0 && below[below.length - 1][1] + 1 >= hwm;
      if (group.error && !reachedEnd && hwm > 0) {
        findings.add('replica-unreadable', `partition ${placement.partition} on broker ${broker}: ${group.error} (read ${below.length} batches${known ? ` below the high watermark ${hwm}` : ''})`);
      }
      let next = 0;
      for (const [base, last] of below) {
        if (base !== next) {
          findings.add('replica-diverged', `partition ${placement.partition} on broker ${broker}: a batch at offset ${base} where ${next} was expected`);
          break;
        }
        next = last + 1;
      }
      if (known && next < hwm && !group.error) {
        findings.add('replica-diverged', `partition ${placement.partition} on broker ${broker}: stored offsets end at ${next}, the high watermark is ${hwm}`,
          () => [`stored commit index ${group.commitIndex}`]);
      }
    }
    compareReplicas(placement.partition, committed, findings);
  }
}

function compareReplicas(partition: number, committed: ReadonlyMap<number, readonly StoredBatch[]>, findings: Findings): void {
  const brokers = [...committed.keys()].sort((a, b) => a - b);
  if (brokers.length < 2) return;
  const [reference, ...others] = brokers;
  const ref = committed.get(reference)!;
  for (const other of others) {
    const mine = committed.get(other)!;
    const n = Math.min(ref.length, mine.length);
    for (let i = 0; i < n; i++) {
      if (ref[i][0] === mine[i][0] && ref[i][1] === mine[i][1] && ref[i][2] === mine[i][2]) continue;
      findings.add('replica-diverged', `partition ${partition}: batch ${i} differs between broker ${reference} and broker ${other}`,
        () => [`broker ${reference}: offsets ${ref[i][0]}..${ref[i][1]} digest ${ref[i][2]}`, `broker ${other}: offsets ${mine[i][0]}..${mine[i][1]} digest ${mine[i][2]}`]);
      break;
    }
  }
}

/** Checks a campaign's history against its replicas' stores (broker id → dump). */
export function checkHistory(events: readonly Logged[], stores: ReadonlyMap<number, StoreDump>): CheckResult {
  const digest = new Digest(events);
  const findings = new Findings();
  const log = finalLog(digest, findings);
  checkAcknowledged(digest, log, findings);
  checkOrder(digest, log, findings);
  checkReaders(digest, log, findings);
  checkReplicas(digest, stores, findings);
  for (const c of digest.crashes) {
    const [first, ...rest] = c.detail.split('\n');
    findings.add('broker-crashed', `broker ${c.brokerId} at ${iso(c.t)}: ${first}`, () => [...rest, ...digest.faultsAround(c.t)]);
  }
  let failedNo = 0;
  for (const f of digest.failures.values()) if (f.persisted === 'no') failedNo++;
  let inLog = 0;
  for (const offsets of log.at.values()) inLog += offsets.size;
  let readAlong = 0;
  for (const [reader, byPartition] of digest.reads) {
    if (reader !== 'final') for (const records of byPartition.values()) readAlong += records.length;
  }
  return {
    ok: VIOLATION_KINDS.every((k) => findings.counts[k] === 0),
    counts: findings.counts,
    first: findings.first,
    stats: {
      sent: digest.sends.size, acked: digest.acks.size, failedNo, failedMaybe: digest.failures.size - failedNo,
      unknown: digest.unknown.size, inLog, readAlong,
    },
  };
}
