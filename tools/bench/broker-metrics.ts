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
