// What a campaign prints: on success the figures (minutes, faults by kind, records acknowledged, violations by kind,
// availability per partition, how long clients took to get past a dead or paused leader); on failure the seed, the
// schedule, the checker's first bad records with their context, and where the logs and data were kept.
import type { CheckResult, ViolationKind } from './checker';
import { recordKey, type Logged } from './history';

export interface LeaderLoss {
  readonly faultId: number;
  readonly kind: string;
  readonly brokerId: number;
  /** How long the fault lasted (broker down or paused). */
  readonly faultMs: number;
  /** Per partition the broker led: when another broker led it, and when a write sent after the fault began was first acknowledged. */
  readonly partitions: ReadonlyArray<{ partition: number; leaderMovedMs?: number; firstAckMs?: number }>;
}

export interface RunSummary {
  /** From the first fault to the last heal. */
  readonly nemesisMinutes: number;
  readonly faultsByKind: Readonly<Record<string, number>>;
  /** Brokers that refused their store at start and were restarted with --rebuild-from-peers, as an operator would. */
  readonly operatorRepairs: number;
  /** Per partition: the share of seconds of the nemesis window in which a write to it was acknowledged. */
  readonly availability: readonly number[];
  readonly leaderLosses: readonly LeaderLoss[];
  /** Failed produce requests by error code, with the longest wait for each. */
  readonly requestErrors: Readonly<Record<string, { count: number; maxLatencyMs: number }>>;
}

export function summarize(events: readonly Logged[]): RunSummary {
  const faults = events.filter((e): e is Logged & { type: 'fault' } => e.type === 'fault');
  const heals = new Map<number, number>();
  for (const e of events) if (e.type === 'heal') heals.set(e.id, e.t);
  const acks = events.filter((e): e is Logged & { type: 'ack' } => e.type === 'ack');
  const partitions = (events.find((e) => e.type === 'run') as (Logged & { type: 'run' }) | undefined)?.partitions ?? 0;
  const start = faults[0]?.t ?? events[0]?.t ?? 0;
  const end = Math.max(start + 1, ...heals.values());
  const seconds = Math.max(1, Math.ceil((end - start) / 1000));
  const withAcks = Array.from({ length: partitions }, () => new Set<number>());
  for (const a of acks) {
    if (a.t >= start && a.t < end) withAcks[a.partition]?.add(Math.floor((a.t - start) / 1000));
  }
  const faultsByKind: Record<string, number> = {};
  for (const f of faults) faultsByKind[f.kind] = (faultsByKind[f.kind] ?? 0) + 1;
  const requestErrors: Record<string, { count: number; maxLatencyMs: number }> = {};
  for (const e of events) {
    if (e.type !== 'request-error') continue;
    const entry = requestErrors[e.code] ??= { count: 0, maxLatencyMs: 0 };
    entry.count++;
    entry.maxLatencyMs = Math.max(entry.maxLatencyMs, e.latencyMs);
  }
  return {
    nemesisMinutes: faults.length === 0 ? 0 : (end - start) / 60_000,
    faultsByKind,
    operatorRepairs: events.filter((e) => e.type === 'broker' && e.event === 'rebuilt-from-peers').length,
    availability: withAcks.map((s) => s.size / seconds),
    leaderLosses: leaderLosses(events, faults, heals, acks),
    requestErrors,
  };
}

function leaderLosses(
  events: readonly Logged[], faults: ReadonlyArray<Logged & { type: 'fault' }>, heals: ReadonlyMap<number, number>,
  acks: ReadonlyArray<Logged & { type: 'ack' }>,
): LeaderLoss[] {
  const out: LeaderLoss[] = [];
  const sentAt = new Map<string, number>();
  for (const e of events) if (e.type === 'send') sentAt.set(recordKey(e), e.t);
  for (const f of faults) {
    if ((f.kind !== 'pause' && f.kind !== 'kill') || !f.ledPartitions || f.ledPartitions.length === 0) continue;
    const moved = events.filter((e): e is Logged & { type: 'leader-moved' } => e.type === 'leader-moved' && e.faultId === f.id);
    out.push({
      faultId: f.id,
      kind: f.kind,
      brokerId: f.brokers[0],
      faultMs: (heals.get(f.id) ?? f.t) - f.t,
      partitions: f.ledPartitions.map((partition) => {
        // Acks of writes already in flight when the fault began say nothing about how soon clients got past it.
        const firstAck = acks.find((a) => a.partition === partition && (sentAt.get(recordKey(a)) ?? 0) > f.t);
        return { partition, leaderMovedMs: moved.find((m) => m.partition === partition)?.afterMs, firstAckMs: firstAck && firstAck.t - f.t };
      }),
    });
  }
  return out;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);

export function formatSummary(summary: RunSummary, check: CheckResult): string {
  const lines: string[] = [];
  const kinds = Object.entries(summary.faultsByKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const count = (k: ViolationKind) => check.counts[k];
  lines.push(`nemesis ${summary.nemesisMinutes.toFixed(1)} min; faults: ${kinds}; operator repairs (--rebuild-from-peers): ${summary.operatorRepairs}`);
  lines.push(`records: ${check.stats.sent} sent, ${check.stats.acked} acknowledged, ${check.stats.failedNo} failed (persisted: no), ` +
    `${check.stats.failedMaybe} failed (maybe), ${check.stats.unknown} unknown; ${check.stats.inLog} in the log, ${check.stats.readAlong} read along`);
  lines.push(`lost ${count('lost')}, duplicated ${count('duplicated')}, reordered ${count('reordered')}, misplaced ${count('misplaced')}; ` +
    Object.entries(check.counts).filter(([k]) => !['lost', 'duplicated', 'reordered', 'misplaced'].includes(k)).map(([k, n]) => `${k} ${n}`).join(', '));
  const availability = summary.availability;
  if (availability.length > 0) {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const mean = availability.reduce((a, b) => a + b, 0) / availability.length;
    lines.push(`availability (seconds with an acknowledged write): ${availability.map((a, p) => `p${p} ${pct(a)}`).join(' ')}; mean ${pct(mean)}`);
  }
  for (const loss of summary.leaderLosses) {
    const parts = loss.partitions.map((p) => `p${p.partition} new leader ${seconds(p.leaderMovedMs)}, first ack ${seconds(p.firstAckMs)}`).join('; ');
    lines.push(`  ${loss.kind} #${loss.faultId} of leader ${loss.brokerId} for ${seconds(loss.faultMs)}: ${parts}`);
  }
  const errors = Object.entries(summary.requestErrors).map(([code, e]) => `${code} ${e.count} (longest ${seconds(e.maxLatencyMs)})`);
  if (errors.length > 0) lines.push(`failed produce requests: ${errors.join(', ')}`);
  return lines.join('\n');
}

export function formatViolations(check: CheckResult): string {
  const lines: string[] = ['first bad records:'];
  for (const v of check.first) {
    lines.push(`  [${v.kind}] ${v.message}`);
    for (const c of v.context) lines.push(`      ${c}`);
  }
  return lines.join('\n');
}
