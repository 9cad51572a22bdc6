// The nemesis: a schedule of faults drawn from the seed before the run (printed up front), then carried out one at a
// time against the live cluster. What the schedule cannot fix in advance is who leads when a fault starts, so a
// fault names an aim (the controller leader, some partition leader, any broker) and a number that picks among the
// candidates at that moment; the history records whom it hit.
//
// Faults do not overlap: each one is healed (broker restarted, resumed, links restored, and every broker ok again:
// a wiped or damaged replica caught up) before the quiet gap that precedes the next, so every fault is seen on its
// own and the cluster is whole again between them.
import { rmSync, statSync } from 'node:fs';
import { batchBaseOffset } from '../../client/protocol';
import {
  findStoredEntry, flipBitInBatchHeader, flipBitInEntryHeader, flipBitInOffsetIndex, flipBitInRecord, storeFile, truncateStore,
  type Damage,
} from '../integration/helpers/store-damage';
import { Prng } from '../sim/prng';
import type { FaultCluster } from './fault-cluster';
import type { HistoryWriter, RecordId } from './history';
import { HEALTHY_LINK, type LinkFaults } from './link-proxy';

export const NEMESIS_KINDS = ['kill', 'pause', 'partition', 'latency', 'crash', 'damage', 'wipe'] as const;
export type NemesisKind = (typeof NEMESIS_KINDS)[number];
/** The kinds today's brokers survive without losing acknowledged data (all of them): what the CI campaign runs. */
export const SURVIVED_KINDS: readonly NemesisKind[] = NEMESIS_KINDS;

export type Aim = 'controller' | 'leader' | 'any';

export interface PlannedFault {
  readonly id: number;
  readonly kind: NemesisKind;
  /**
   * partition: symmetric | one-way-out | one-way-in | bridge | isolate; latency: delay | reorder | loss; damage:
   * record | batch-header | entry-header | offset-index | truncate; wipe: alone | while-lagging.
   */
  readonly variant: string;
  readonly aim: Aim;
  /** Quiet time before the fault starts. */
  readonly gapMs: number;
  /** How long the fault lasts: broker down, paused, links cut or slowed. */
  readonly durationMs: number;
  /** Delay or reordering ms, loss rate, truncation fraction, bit number: by kind. */
  readonly magnitude: number;
  /** Picks among the candidate targets when the fault starts. */
  readonly pick: number;
}

export interface ScheduleOptions {
  readonly seed: number;
  readonly kinds: readonly NemesisKind[];
  /** The schedule covers at least this long (gaps and faults). */
  readonly totalMs: number;
  /** Range of a pause's length. */
  readonly pauseMs?: readonly [number, number];
}

const DAMAGE_VARIANTS = ['record', 'batch-header', 'entry-header', 'offset-index', 'truncate'] as const;

/** Draws the whole schedule from the seed: same seed and options, same schedule. */
export function planSchedule(options: ScheduleOptions): PlannedFault[] {
  if (options.kinds.length === 0) throw new Error('no nemesis kinds');
  const rng = new Prng(options.seed);
  const [pauseMin, pauseMax] = options.pauseMs ?? [3_000, 15_000];
  const faults: PlannedFault[] = [];
  let totalMs = 0;
  // Kinds come from a shuffled bag, refilled when empty: a short campaign still has every kind.
  let bag: NemesisKind[] = [];
  while (totalMs < options.totalMs) {
    if (bag.length === 0) bag = shuffled(options.kinds, rng.nextU32());
    const kind = bag.pop()!;
    const aim = rng.pick<Aim>(['controller', 'leader', 'leader', 'any']);
    const gapMs = rng.range(3_000, 8_000);
    const base = { id: faults.length + 1, kind, aim, gapMs, pick: rng.nextU32() };
    let fault: PlannedFault;
    switch (kind) {
      case 'kill':
        fault = { ...base, variant: 'sigkill', durationMs: rng.range(1_000, 10_000), magnitude: 0 };
        break;
      case 'pause':
        fault = { ...base, variant: 'sigstop', durationMs: rng.range(pauseMin, pauseMax), magnitude: 0 };
        break;
      case 'partition':
        fault = { ...base, variant: rng.pick(['symmetric', 'one-way-out', 'one-way-in', 'bridge', 'isolate']), durationMs: rng.range(5_000, 20_000), magnitude: 0 };
        break;
      case 'latency': {
        const variant = rng.pick(['delay', 'reorder', 'loss']);
        const magnitude = variant === 'delay' ? rng.range(20, 250) : variant === 'reorder' ? rng.range(10, 150) : rng.range(2, 25) / 100;
        fault = { ...base, variant, durationMs: rng.range(10_000, 30_000), magnitude };
        break;
      }
      case 'crash':
        fault = { ...base, aim: 'any', variant: 'all', durationMs: rng.range(1_000, 4_000), magnitude: 0 };
        break;
      case 'damage': {
        const variant = rng.pick(DAMAGE_VARIANTS);
        const magnitude = variant === 'truncate' ? rng.range(50, 95) / 100 : rng.range(0, 7);
        fault = { ...base, variant, durationMs: rng.range(1_000, 3_000), magnitude };
        break;
      }
      case 'wipe':
        fault = { ...base, variant: rng.pick(['alone', 'while-lagging']), durationMs: rng.range(3_000, 8_000), magnitude: 0 };
        break;
    }
    faults.push(fault);
    totalMs += fault.gapMs + fault.durationMs;
  }
  return faults;
}

export function describeFault(f: PlannedFault): string {
  const magnitude = f.kind === 'latency'
    ? f.variant === 'loss' ? ` ${Math.round(f.magnitude * 100)}%` : ` ${f.magnitude} ms`
    : f.kind === 'damage' ? (f.variant === 'truncate' ? ` to ${Math.round(f.magnitude * 100)}%` : ` bit ${f.magnitude}`) : '';
  const aim = f.kind === 'crash' || f.kind === 'latency' ? '' : ` aim ${f.aim}`;
  return `#${f.id} after ${(f.gapMs / 1000).toFixed(1)} s: ${f.kind}/${f.variant}${magnitude}${aim} for ${(f.durationMs / 1000).toFixed(1)} s`;
}

/** An acknowledged record the workload knows of, for aiming storage damage at real data. */
export interface AckedRecord extends RecordId {
  readonly partition: number;
  readonly offset: number;
}

export interface NemesisContext {
  readonly cluster: FaultCluster;
  readonly topic: string;
  readonly history: HistoryWriter;
  readonly replicasOf: (partition: number) => readonly number[];
  /** A recent acknowledged record, chosen by `pick`. */
  readonly ackedRecord: (pick: number) => AckedRecord | undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** How long a healed fault may take to leave every broker ok (a replica catching up on a loaded machine). */
const WHOLE_TIMEOUT_MS = 120_000;

/** Carries out a schedule. */
export class Nemesis {
  readonly counts = new Map<NemesisKind, number>();
  private stopping = false;

  constructor(private readonly ctx: NemesisContext, private readonly schedule: readonly PlannedFault[]) {}

  /** Runs faults in order until the schedule ends or `deadlineMs` (a fault under way is finished and healed). */
  async run(deadlineMs: number, onFault?: (f: PlannedFault, detail: string) => void): Promise<void> {
    for (const fault of this.schedule) {
      if (this.stopping || Date.now() + fault.gapMs >= deadlineMs) break;
      await sleep(fault.gapMs);
      if (this.stopping) break;
      const revived = await this.ctx.cluster.restartCrashed();
      if (revived.length > 0) this.ctx.history.log({ type: 'note', text: `restarted brokers ${revived.join(',')}, which had crashed` });
      const detail = await this.execute(fault);
      this.counts.set(fault.kind, (this.counts.get(fault.kind) ?? 0) + 1);
      onFault?.(fault, detail);
      await this.untilWhole(fault);
    }
  }

  /**
   * A fault is healed once every broker says ok again: a wiped, rebuilt or damaged replica has caught up and votes.
   * Until then its partitions have one replica fewer to lose, and the next wipe could take the last full copy,
   * which is more than three replicas promise to survive.
   */
  private async untilWhole(f: PlannedFault): Promise<void> {
    const { cluster, history } = this.ctx;
    const startedMs = Date.now();
    let unwell: string[] = [];
    while (Date.now() - startedMs < WHOLE_TIMEOUT_MS && !this.stopping) {
      const running = cluster.brokerIds.filter((id) => !cluster.isDown(id));
      unwell = (await Promise.all(running.map(async (id) => {
        const health = await this.health(id);
        return health?.status === 'ok' ? [] : [`broker ${id}: ${health === undefined ? 'no answer' : JSON.stringify(health)}`];
      }))).flat();
      if (unwell.length === 0) break;
      await sleep(500);
    }
    const waitedMs = Date.now() - startedMs;
    if (unwell.length > 0) history.log({ type: 'note', text: `after fault #${f.id}: not whole after ${waitedMs} ms: ${unwell.join('; ').slice(0, 600)}` });
    else if (waitedMs > 1_000) history.log({ type: 'note', text: `after fault #${f.id}: every broker ok again after ${waitedMs} ms` });
  }

  private async health(id: number): Promise<{ status: string } | undefined> {
    const broker = this.ctx.cluster.processes.broker(id);
    if (!broker) return undefined;
    try {
      const response = await fetch(`${broker.httpUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      return await response.json() as { status: string };
    } catch {
      return undefined;
    }
  }

  stop(): void {
    this.stopping = true;
  }

  private async execute(f: PlannedFault): Promise<string> {
    switch (f.kind) {
      case 'kill': return this.kill(f);
      case 'pause': return this.pause(f);
      case 'partition': return this.partition(f);
      case 'latency': return this.latency(f);
      case 'crash': return this.crash(f);
      case 'damage': return this.damage(f);
      case 'wipe': return this.wipe(f);
    }
  }

  /** The broker a fault aims at, among the running ones. */
  private async target(f: PlannedFault): Promise<number | undefined> {
    const { cluster, topic } = this.ctx;
    const live = cluster.live().filter((id) => !cluster.unstartable.has(id));
    if (live.length === 0) return undefined;
    if (f.aim === 'controller') {
      const leader = await cluster.controllerLeader();
      if (leader !== undefined) return leader;
    } else if (f.aim === 'leader') {
      const leaders = [...new Set((await cluster.partitionLeaders(topic)).values())].sort((a, b) => a - b);
      if (leaders.length > 0) return leaders[f.pick % leaders.length];
    }
    return live[f.pick % live.length];
  }

  /** The partitions a broker leads now. */
  private async ledBy(id: number): Promise<number[]> {
    const leaders = await this.ctx.cluster.partitionLeaders(this.ctx.topic);
    return [...leaders.entries()].filter(([, l]) => l === id).map(([p]) => p).sort((a, b) => a - b);
  }

  private begin(f: PlannedFault, detail: string, brokers: readonly number[], ledPartitions?: readonly number[]): void {
    this.ctx.history.log({ type: 'fault', id: f.id, kind: f.kind, detail, brokers, ledPartitions });
  }

  private end(f: PlannedFault, detail: string): void {
    this.ctx.history.log({ type: 'heal', id: f.id, kind: f.kind, detail });
  }

  private async kill(f: PlannedFault): Promise<string> {
    const id = await this.target(f);
    if (id === undefined) return 'skipped: no live broker';
    const led = await this.ledBy(id);
    const detail = `SIGKILL broker ${id} (${f.aim}, leading partitions ${led.join(',') || 'none'}), restart after ${f.durationMs} ms`;
    this.begin(f, detail, [id], led);
    await this.ctx.cluster.kill(id);
    await this.watchLeaders(f, id, led);
    const started = await this.ctx.cluster.restart(id);
    this.end(f, started ? `broker ${id} restarted` : `broker ${id} would not start`);
    return detail;
  }

  private async pause(f: PlannedFault): Promise<string> {
    const id = await this.target(f);
    if (id === undefined) return 'skipped: no live broker';
    const led = await this.ledBy(id);
    const detail = `SIGSTOP broker ${id} (${f.aim}, leading partitions ${led.join(',') || 'none'}) for ${f.durationMs} ms`;
    this.begin(f, detail, [id], led);
    this.ctx.cluster.pause(id);
    await this.watchLeaders(f, id, led);
    this.ctx.cluster.resume(id);
    this.end(f, `broker ${id} resumed`);
    return detail;
  }

  /** Waits out a fault of a leader, logging when each partition it led is led by another broker. */
  private async watchLeaders(f: PlannedFault, id: number, led: readonly number[]): Promise<void> {
    const startedMs = Date.now();
    const waiting = new Set(led);
    while (Date.now() - startedMs < f.durationMs) {
      await sleep(Math.min(250, Math.max(1, f.durationMs - (Date.now() - startedMs))));
      if (waiting.size === 0) continue;
      for (const [p, leader] of await this.ctx.cluster.partitionLeaders(this.ctx.topic)) {
        if (!waiting.has(p) || leader === id) continue;
        waiting.delete(p);
        this.ctx.history.log({ type: 'leader-moved', faultId: f.id, partition: p, leaderId: leader, afterMs: Date.now() - startedMs });
      }
    }
  }

  private async partition(f: PlannedFault): Promise<string> {
    const { cluster } = this.ctx;
    const ids = cluster.brokerIds;
    const order = shuffled(ids, f.pick);
    let cuts: Array<[number, number]> = [];
    let detail: string;
    const between = (a: readonly number[], b: readonly number[]) => a.flatMap((x) => b.flatMap((y): Array<[number, number]> => [[x, y], [y, x]]));
    if (f.variant === 'symmetric') {
      const minority = order.slice(0, 1 + (f.pick % Math.floor((ids.length - 1) / 2)));
      const rest = ids.filter((id) => !minority.includes(id));
      cuts = between(minority, rest);
      detail = `partition {${minority.join(',')}} | {${rest.join(',')}}`;
    } else if (f.variant === 'bridge') {
      const side = Math.floor((ids.length - 1) / 2);
      const left = order.slice(0, side);
      const right = order.slice(side + 1);
      cuts = between(left, right);
      detail = `bridge {${left.join(',')}} - ${order[side]} - {${right.join(',')}}`;
    } else {
      const id = (await this.target(f)) ?? order[0];
      const others = ids.filter((x) => x !== id);
      if (f.variant === 'one-way-out') {
        cuts = others.map((o): [number, number] => [id, o]);
        detail = `one-way: broker ${id} (${f.aim}) cannot send to {${others.join(',')}}`;
      } else if (f.variant === 'one-way-in') {
        cuts = others.map((o): [number, number] => [o, id]);
        detail = `one-way: broker ${id} (${f.aim}) cannot hear {${others.join(',')}}`;
      } else {
        cuts = between([id], others);
        detail = `isolate broker ${id} (${f.aim})`;
      }
    }
    detail += ` for ${f.durationMs} ms`;
    this.begin(f, detail, [...new Set(cuts.flat())]);
    for (const [from, to] of cuts) cluster.mesh.link(from, to).set({ up: false });
    await sleep(f.durationMs);
    for (const [from, to] of cuts) cluster.mesh.link(from, to).set({ up: true });
    this.end(f, 'links restored');
    return detail;
  }

  private async latency(f: PlannedFault): Promise<string> {
    const { mesh, brokerIds } = this.ctx.cluster;
    const faults: Partial<LinkFaults> = f.variant === 'delay' ? { delayMs: f.magnitude, jitterMs: Math.round(f.magnitude / 2) }
      : f.variant === 'reorder' ? { delayMs: 2, reorderMs: f.magnitude }
        : { dropRate: f.magnitude };
    const detail = `${f.variant} on every link: ${JSON.stringify(faults)} for ${f.durationMs} ms`;
    this.begin(f, detail, brokerIds);
    const droppedBefore = mesh.droppedFrames();
    for (const link of mesh.all()) link.set(faults);
    await sleep(f.durationMs);
    for (const link of mesh.all()) link.set({ ...HEALTHY_LINK, up: link.faults.up });
    this.end(f, `links back to normal (${mesh.droppedFrames() - droppedBefore} frames lost)`);
    return detail;
  }

  private async crash(f: PlannedFault): Promise<string> {
    const { cluster } = this.ctx;
    const ids = cluster.brokerIds.filter((id) => !cluster.isDown(id));
    const detail = `SIGKILL all brokers (${ids.join(',')}), restart after ${f.durationMs} ms`;
    this.begin(f, detail, ids);
    await Promise.all(ids.map((id) => cluster.kill(id)));
    await sleep(f.durationMs);
    const started = await Promise.all(ids.map((id) => cluster.restart(id)));
    const failed = ids.filter((_, i) => !started[i]);
    this.end(f, failed.length === 0 ? 'all restarted' : `brokers ${failed.join(',')} would not start`);
    return detail;
  }

  /** Stops a broker, damages its store as a disk would (test/integration/helpers/store-damage.ts), restarts it. */
  private async damage(f: PlannedFault): Promise<string> {
    const { cluster } = this.ctx;
    const record = this.ctx.ackedRecord(f.pick);
    if (record === undefined) return 'skipped: nothing acknowledged yet';
    const id = await this.replicaTarget(f, record.partition);
    if (id === undefined) return 'skipped: no live replica';
    this.begin(f, `${f.variant} damage on broker ${id} (${f.aim})`, [id]);
    await cluster.kill(id);
    let detail: string;
    try {
      const damage = this.applyDamage(f, cluster.dataDir(id), record);
      const near = f.variant === 'truncate' ? '' : ` (${record.producer}#${record.seq}, partition ${record.partition} offset ${record.offset})`;
      detail = `broker ${id}: ${damage.description}${near}`;
      this.ctx.history.log({ type: 'broker', brokerId: id, event: 'damaged', detail });
    } catch (err) {
      // Not on this replica (a follower that had not received it), or not found exactly once: nothing was changed.
      detail = `broker ${id}: ${f.variant} damage not applied: ${(err as Error).message}`;
      this.ctx.history.log({ type: 'note', text: detail });
    }
    await sleep(f.durationMs);
    if (!(await cluster.restart(id))) {
      this.end(f, `broker ${id} would not start`);
      return detail;
    }
    // Damage matters most once the damaged replica leads: take the partition's leader away for a while.
    await sleep(2_000);
    const leader = (await cluster.partitionLeaders(this.ctx.topic)).get(record.partition);
    if (leader !== undefined && leader !== id) {
      await cluster.kill(leader);
      await sleep(f.durationMs);
      await cluster.restart(leader);
      detail += `; then partition ${record.partition}'s leader ${leader} SIGKILLed for ${f.durationMs} ms`;
    }
    this.end(f, `broker ${id} restarted`);
    return detail;
  }

  /** A running replica of the partition: its leader when the fault aims at leaders, else one picked. */
  private async replicaTarget(f: PlannedFault, partition: number): Promise<number | undefined> {
    const { cluster, topic } = this.ctx;
    const candidates = this.ctx.replicasOf(partition).filter((id) => cluster.live().includes(id) && !cluster.unstartable.has(id));
    if (candidates.length === 0) return undefined;
    const leader = f.aim === 'any' ? undefined : (await cluster.partitionLeaders(topic)).get(partition);
    return leader !== undefined && candidates.includes(leader) ? leader : candidates[f.pick % candidates.length];
  }

  private applyDamage(f: PlannedFault, dataDir: string, record: AckedRecord): Damage {
    if (f.variant === 'truncate') return truncateStore(dataDir, Math.floor(statSync(storeFile(dataDir)).size * f.magnitude));
    // The value's opening names exactly one record (the comma ends the sequence number).
    const marker = `{"p":"${record.producer}","s":${record.seq},`;
    switch (f.variant) {
      case 'record': return flipBitInRecord(dataDir, marker, f.magnitude);
      case 'batch-header': return flipBitInBatchHeader(dataDir, { marker }, 'baseOffset', f.magnitude);
      case 'entry-header': return flipBitInEntryHeader(dataDir, { marker }, 'term', f.magnitude);
      default: {
        const entry = findStoredEntry(dataDir, { marker });
        const baseOffset = batchBaseOffset(entry.value.subarray(entry.dataFileOffset - entry.fileOffset));
        return flipBitInOffsetIndex(dataDir, { groupId: entry.groupId, offset: baseOffset }, f.magnitude);
      }
    }
  }

  /**
   * A broker's data dir deleted and the broker started empty under its old id, the only repair an operator has for
   * a damaged store today. `alone`: nothing else happens. `while-lagging` (the case that lost data in issue 9): the
   * wiped broker rejoins while another replica lags, paused meanwhile, and the one replica that had everything (the
   * target) is down, so the lagging and the empty one must carry on between them.
   */
  private async wipe(f: PlannedFault): Promise<string> {
    const { cluster } = this.ctx;
    const leader = await this.target(f);
    if (leader === undefined) return 'skipped: no live broker';
    const others = shuffled(cluster.live().filter((id) => id !== leader && !cluster.unstartable.has(id)), f.pick);
    if (f.variant === 'alone' || others.length < 2) {
      const detail = `wipe broker ${leader} (${f.aim}): SIGKILL, delete its data dir, restart empty after ${f.durationMs} ms`;
      this.begin(f, detail, [leader]);
      await this.wipeAndRestart(leader, f.durationMs);
      this.end(f, `broker ${leader} back, empty`);
      return detail;
    }
    const [lagging, wiped] = others;
    const detail = `pause broker ${lagging} for ${f.durationMs} ms, then SIGKILL broker ${leader} (${f.aim}) for ${f.durationMs} ms and wipe broker ${wiped}`;
    this.begin(f, detail, [leader, lagging, wiped]);
    // While `lagging` is paused, `wiped` and `leader` commit on their own; then both go down at once, `wiped` comes
    // back empty before it could catch up, and the lagging and the empty replica are the only ones left.
    cluster.pause(lagging);
    await sleep(f.durationMs);
    await cluster.kill(leader);
    await this.wipeAndRestart(wiped, 0);
    cluster.resume(lagging);
    await sleep(f.durationMs);
    const started = await cluster.restart(leader);
    this.end(f, started ? `broker ${leader} restarted` : `broker ${leader} would not start`);
    return detail;
  }

  private async wipeAndRestart(id: number, downMs: number): Promise<void> {
    const { cluster } = this.ctx;
    await cluster.kill(id);
    rmSync(cluster.dataDir(id), { recursive: true, force: true });
    this.ctx.history.log({ type: 'broker', brokerId: id, event: 'wiped' });
    await sleep(downMs);
    await cluster.restart(id);
  }
}

/** The items in an order fixed by `pick`. */
function shuffled<T>(items: readonly T[], pick: number): T[] {
  const rng = new Prng(pick);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
