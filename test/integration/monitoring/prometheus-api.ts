// Prometheus's HTTP API, as the dashboard check uses it: instant queries, the loaded rules, the scrape targets.
export interface QueryResult {
  /** Prometheus's error (a bad query), if any. */
  error?: string;
  series: number;
}

export async function instantQuery(prometheusUrl: string, expr: string): Promise<QueryResult> {
  const response = await fetch(`${prometheusUrl}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: expr }).toString(),
  });
  const body = await response.json() as { status: string; error?: string; data?: { resultType: string; result: unknown[] | unknown } };
  if (body.status !== 'success') return { error: body.error ?? `HTTP ${response.status}`, series: 0 };
  const result = body.data?.result;
  // A scalar or string result is one value; vectors and matrices count their series.
  return { series: Array.isArray(result) ? result.length : 1 };
}

export interface LoadedRule {
  name: string;
  query: string;
  health: string;
  lastError?: string;
}

export async function loadedRules(prometheusUrl: string): Promise<LoadedRule[]> {
  const body = await (await fetch(`${prometheusUrl}/api/v1/rules`)).json() as {
    data: { groups: Array<{ rules: LoadedRule[] }> };
  };
  return body.data.groups.flatMap((g) => g.rules);
}

export async function scrapeTargets(prometheusUrl: string): Promise<Array<{ job: string; health: string; lastError: string }>> {
  const body = await (await fetch(`${prometheusUrl}/api/v1/targets`)).json() as {
    data: { activeTargets: Array<{ labels: { job: string }; health: string; lastError: string }> };
  };
  return body.data.activeTargets.map((t) => ({ job: t.labels.job, health: t.health, lastError: t.lastError }));
}

/** Grafana's variables as the check fills them: every broker and topic, a rate window several scrapes long. */
export function substituteGrafanaVariables(expr: string, rateWindow: string): string {
  return expr
    .replaceAll('$__rate_interval', rateWindow)
    .replaceAll('$__interval', rateWindow)
    .replaceAll('$broker', '.*')
    .replaceAll('$topic', '.*');
}

/**
 * An alert's query without its threshold: `<query> <op> <number>` gives `<query>`, which must return series on a
 * healthy cluster under load even though the alert itself (rightly) does not fire.
 */
export function alertQueryPart(expr: string): string {
  const m = /^(.*\S)\s*(?:>=|<=|==|!=|>|<)\s*-?[\d.]+(?:e[+-]?\d+)?\s*$/s.exec(expr.trim());
  if (!m) throw new Error(`alert expression is not "<query> <comparison> <number>": ${expr}`);
  return m[1];
}
