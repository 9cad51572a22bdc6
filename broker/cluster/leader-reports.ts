// What partition leaders say about themselves, gathered from every broker so that Metadata from any broker names
// each partition's leader and its in-sync replicas. Raft tells a broker who leads the groups it hosts, but only a
// group's leader knows which followers are caught up, and a broker knows nothing of groups it does not host.
//
// Design: every broker asks every other seed broker, once per interval, which groups it leads and with which in-sync
// replicas (GET /cluster/leaders on the broker's port, which the seed list already gives), and keeps the answers
// here. Chosen over the alternatives because it needs no new peer message and no controller write per ISR change
// (Kafka's AlterPartition writes every ISR change into the metadata log); the price is N·(N-1) small requests per
// interval, fine for seed-sized clusters. A report is at most one interval (plus a round trip) old; a broker that
// stops answering has its reports expire after staleAfterMs, and when two brokers claim a group the higher Raft term
// wins (one term has one leader).
import type { SeedBroker } from '../config';
import type { PartitionLeadership } from './cluster-view';

/** One group a broker leads, as it reports it. */
export interface LedGroup {
  readonly groupId: number;
  readonly term: number;
  readonly inSyncReplicas: readonly number[];
}

/** The body of GET /cluster/leaders. */
export interface LeaderReport {
  readonly brokerId: number;
  readonly groups: readonly LedGroup[];
}

interface Held {
  readonly leaderId: number;
  readonly term: number;
  readonly inSyncReplicas: readonly number[];
  readonly atMs: number;
}

/** The latest report per group. Pure: the caller passes the time. */
export class LeaderReports {
  private readonly byGroup = new Map<number, Held>();

  constructor(private readonly staleAfterMs: number) {}

  /** A broker's whole answer: the groups it leads now; those it reported before and left out it leads no more. */
  accept(report: LeaderReport, atMs: number): void {
    const led = new Set<number>();
    for (const g of report.groups) {
      led.add(g.groupId);
      const held = this.byGroup.get(g.groupId);
      if (held && held.term > g.term && atMs - held.atMs <= this.staleAfterMs) continue;
      this.byGroup.set(g.groupId, { leaderId: report.brokerId, term: g.term, inSyncReplicas: g.inSyncReplicas, atMs });
    }
    for (const [groupId, held] of this.byGroup) {
      if (held.leaderId === report.brokerId && !led.has(groupId)) this.byGroup.delete(groupId);
    }
  }

  /** The leadership last reported for a group, unless older than staleAfterMs. */
  reported(groupId: number, nowMs: number): PartitionLeadership | undefined {
    const held = this.byGroup.get(groupId);
    if (!held) return undefined;
    if (nowMs - held.atMs > this.staleAfterMs) {
      this.byGroup.delete(groupId);
      return undefined;
    }
    return { leaderId: held.leaderId, leaderEpoch: held.term, inSyncReplicas: held.inSyncReplicas };
  }
}

/** Parses a peer's answer; undefined if it is not a LeaderReport from that broker. */
export function parseLeaderReport(body: unknown, expectedBrokerId: number): LeaderReport | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { brokerId, groups } = body as { brokerId?: unknown; groups?: unknown };
  if (brokerId !== expectedBrokerId || !Array.isArray(groups)) return undefined;
  const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  const parsed: LedGroup[] = [];
  for (const g of groups as unknown[]) {
    if (typeof g !== 'object' || g === null) return undefined;
    const { groupId, term, inSyncReplicas } = g as { groupId?: unknown; term?: unknown; inSyncReplicas?: unknown };
    if (!isId(groupId) || !isId(term) || !Array.isArray(inSyncReplicas) || !inSyncReplicas.every(isId)) return undefined;
    parsed.push({ groupId, term, inSyncReplicas: [...inSyncReplicas] });
  }
  return { brokerId, groups: parsed };
}

export interface LeaderReportPollerOptions {
  readonly brokerId: number;
  readonly peers: readonly SeedBroker[];
  readonly intervalMs: number;
  readonly reports: LeaderReports;
}

/** Asks every other peer for its LeaderReport once per interval; a slow or dead peer is skipped for that round. */
export class LeaderReportPoller {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<number>();
  private readonly aborter = new AbortController();

  constructor(private readonly options: LeaderReportPollerOptions) {}

  start(): void {
    this.timer = setInterval(() => this.pollAll(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.aborter.abort();
  }

  private pollAll(): void {
    for (const peer of this.options.peers) {
      if (peer.id === this.options.brokerId || this.inFlight.has(peer.id)) continue;
      this.inFlight.add(peer.id);
      void this.poll(peer).finally(() => this.inFlight.delete(peer.id));
    }
  }

  private async poll(peer: SeedBroker): Promise<void> {
    try {
      const signal = AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.options.intervalMs * 2)]);
      const response = await fetch(`http://${peer.host}:${peer.port}/cluster/leaders`, { signal });
      if (!response.ok) return;
      const report = parseLeaderReport(await response.json(), peer.id);
      if (report) this.options.reports.accept(report, Date.now());
    } catch {
      // Unreachable or stopped: its reports expire on their own.
    }
  }
}
