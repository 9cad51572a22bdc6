// The broker's own view of a phase, from its /metrics: how many group commits (LMDB transactions, one fsync each)
// it made and how long they took on average. Ack latency close to the commit time says the fsync is the latency.

export interface CommitCounters {
  commits: number;
  commitSeconds: number;
}

export interface CommitStats {
  commitsPerS: number;
  meanCommitMs: number;
}

const metricValue = (text: string, name: string): number => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

export async function commitCounters(port: number): Promise<CommitCounters> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return {
    commits: metricValue(text, 'rafter_storage_commit_duration_seconds_count'),
    commitSeconds: metricValue(text, 'rafter_storage_commit_duration_seconds_sum'),
  };
}

export function commitStats(from: CommitCounters, to: CommitCounters, wallS: number): CommitStats {
  const commits = to.commits - from.commits;
  return {
    commitsPerS: Math.round(commits / wallS),
    meanCommitMs: commits > 0 ? Math.round(((to.commitSeconds - from.commitSeconds) / commits) * 1e6) / 1e3 : 0,
  };
}

/**
 * What every broker of a cluster did over a phase (`--broker-metrics`): the figures that show where an acks=all
 * write waits — flush cycles and fsyncs per second and how long they took, and on the leaders the time from a
 * proposal to its commit and apply.
 */
export interface BrokerSnapshot {
  readonly atMs: number;
  readonly text: string;
}

export interface BrokerFigures {
  flushCyclesPerS: number;
  commitsPerS: number;
  meanCommitMs: number;
  p99CommitMs: number | null;
  meanTransactionKiB: number;
  proposalsPerS: number;
  meanProposalCommitMs: number;
  p50ProposalCommitMs: number | null;
  p99ProposalCommitMs: number | null;
  peerFramesSentPerS: number;
}

export async function brokerSnapshot(httpUrl: string): Promise<BrokerSnapshot> {
  return { atMs: performance.now(), text: await (await fetch(`${httpUrl}/metrics`)).text() };
}

/** Sum of a counter (or a histogram's _sum/_count) over all its label sets. */
function summed(text: string, name: string): number {
  let total = 0;
  for (const m of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))) total += Number(m[1]);
  return total;
}

/** A histogram's cumulative bucket counts by upper bound, summed over its other labels. */
function buckets(text: string, name: string): Map<number, number> {
  const byLe = new Map<number, number>();
  for (const m of text.matchAll(new RegExp(`^${name}_bucket\\{(?:[^}]*,)?le="([^"]+)"[^}]*\\} (\\S+)$`, 'gm'))) {
    const le = m[1] === '+Inf' ? Infinity : Number(m[1]);
    byLe.set(le, (byLe.get(le) ?? 0) + Number(m[2]));
  }
  return byLe;
}

/** The upper bound (ms) of the bucket holding quantile q of the observations made between the two scrapes. */
function bucketQuantileMs(from: string, to: string, name: string, q: number): number | null {
  const a = buckets(from, name);
  const b = [...buckets(to, name)].sort((x, y) => x[0] - y[0]).map(([le, n]) => [le, n - (a.get(le) ?? 0)] as const);
  const total = b.length ? b[b.length - 1][1] : 0;
  if (total === 0) return null;
  const rank = q * total;
  for (const [le, n] of b) if (n >= rank) return Number.isFinite(le) ? le * 1000 : Infinity;
  return null;
}

export function brokerFigures(from: BrokerSnapshot, to: BrokerSnapshot): BrokerFigures {
  const wallS = (to.atMs - from.atMs) / 1000;
  const delta = (name: string) => summed(to.text, name) - summed(from.text, name);
  const perS = (name: string) => Math.round(delta(name) / wallS);
  const meanMs = (name: string) => {
    const n = delta(`${name}_count`);
    return n > 0 ? Math.round((delta(`${name}_sum`) / n) * 1e6) / 1e3 : 0;
  };
  return {
    flushCyclesPerS: perS('rafter_raft_flush_cycles_total'),
    commitsPerS: perS('rafter_storage_commit_duration_seconds_count'),
    meanCommitMs: meanMs('rafter_storage_commit_duration_seconds'),
    p99CommitMs: bucketQuantileMs(from.text, to.text, 'rafter_storage_commit_duration_seconds', 0.99),
    meanTransactionKiB: Math.round(delta('rafter_storage_transaction_bytes_sum') / Math.max(1, delta('rafter_storage_transaction_bytes_count')) / 1024),
    proposalsPerS: perS('rafter_raft_proposals_total'),
    meanProposalCommitMs: meanMs('rafter_raft_proposal_commit_duration_seconds'),
    p50ProposalCommitMs: bucketQuantileMs(from.text, to.text, 'rafter_raft_proposal_commit_duration_seconds', 0.5),
    p99ProposalCommitMs: bucketQuantileMs(from.text, to.text, 'rafter_raft_proposal_commit_duration_seconds', 0.99),
    peerFramesSentPerS: perS('rafter_peer_sent_frames_total'),
  };
}
