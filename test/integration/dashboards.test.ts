// The dashboards and alerts of grafana/ against the real thing: a 3-broker cluster of real processes, a real
// Prometheus (the `prometheus` binary; .ci/run installs Debian's) scraping every broker and an application's client
// metrics, produce and consume load through the SDK. Then every panel query of every dashboard JSON and every alert
// rule's query goes through Prometheus's HTTP API; any that is invalid or returns no series fails the test, so a
// panel can never silently show "No data" for a metric that was renamed or never existed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ClusterProcesses, makeTempDataDir, stopAllBrokerProcesses } from '../../tools/broker-process';
import {
  ALERT_RULES_FILE, BROKER_JOB, CLIENT_JOB, findPrometheus, PROMETHEUS_INSTALL_HINT, REPO_ROOT, startMonitoring, type RunningPrometheus,
} from '../../tools/monitoring/prometheus';
import { driveLoad, sendRejectedFrame, serveClientMetrics, type ClientMetricsServer } from './monitoring/load';
import {
  alertQueryPart, instantQuery, loadedRules, scrapeTargets, substituteGrafanaVariables,
} from './monitoring/prometheus-api';

jest.setTimeout(120_000);

const DASHBOARD_DIR = path.join(REPO_ROOT, 'grafana', 'dashboards');
const SCRAPE_INTERVAL_SECONDS = 1;
/** $__rate_interval as Grafana would pick it for a 1 s scrape: several samples wide. */
const RATE_WINDOW = '30s';

const prometheusBinary = findPrometheus();
if (!prometheusBinary && process.env.CI) throw new Error(`the dashboard check needs Prometheus in CI: ${PROMETHEUS_INSTALL_HINT}`);
const describeWithPrometheus = prometheusBinary ? describe : describe.skip;
if (!prometheusBinary) console.warn(`dashboards.test.ts skipped: ${PROMETHEUS_INSTALL_HINT}`);

interface DashboardJson {
  title: string;
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describeWithPrometheus('grafana dashboards and alerts on a live cluster', () => {
  let cluster: ClusterProcesses;
  let clients: ClientMetricsServer;
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    cluster = await ClusterProcesses.start({
      brokers: 3, args: ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '2000'],
    });
    clients = await serveClientMetrics();
    const monitoring = await startMonitoring({
      dir: makeTempDataDir('rafter-prometheus-'),
      brokers: cluster.bootstrap.map((address) => ({ address })),
      clients: [{ address: clients.address }],
      scrapeIntervalSeconds: SCRAPE_INTERVAL_SECONDS,
    });
    if (!('started' in monitoring)) throw new Error(monitoring.missing);
    prometheus = monitoring.started;
    await waitFor('a controller', async () => (await instantQuery(prometheus.url, 'sum(rafter_controller_active) == 1')).series === 1);
    const load = await driveLoad(cluster.bootstrap, clients.registry, 4_000);
    expect(load.produced).toBeGreaterThan(0);
    expect(load.consumed).toBe(load.produced);
    await sendRejectedFrame(cluster.broker(1)!.url);
    // Every rate() needs two samples after the load; give the scrapes and rule evaluations a few rounds.
    await new Promise((resolve) => setTimeout(resolve, 4 * SCRAPE_INTERVAL_SECONDS * 1000));
  });

  afterAll(async () => {
    await prometheus?.stop();
    await clients?.close();
    await stopAllBrokerProcesses();
  });

  it('scrapes every broker and the application', async () => {
    const targets = await scrapeTargets(prometheus.url);
    expect(targets.filter((t) => t.job === BROKER_JOB).map((t) => t.health)).toEqual(['up', 'up', 'up']);
    expect(targets.filter((t) => t.job === CLIENT_JOB).map((t) => t.health)).toEqual(['up']);
  });

  it('answers every panel query of every dashboard with series', async () => {
    const files = readdirSync(DASHBOARD_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const failures: string[] = [];
    let checked = 0;
    for (const file of files) {
      const dashboard = JSON.parse(readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')) as DashboardJson;
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) {
          const expr = substituteGrafanaVariables(target.expr, RATE_WINDOW);
          const result = await instantQuery(prometheus.url, expr);
          checked++;
          if (result.error) failures.push(`${dashboard.title} / ${panel.title}: invalid: ${result.error}\n    ${expr}`);
          else if (result.series === 0) failures.push(`${dashboard.title} / ${panel.title}: no series\n    ${expr}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });

  it('loads every alert rule, evaluates it without error, and its query returns series', async () => {
    const declared = readFileSync(ALERT_RULES_FILE, 'utf8').match(/^\s*- alert:/gm)?.length ?? 0;
    const rules = await loadedRules(prometheus.url);
    expect(rules.length).toBe(declared);
    const failures: string[] = [];
    for (const rule of rules) {
      if (rule.health === 'err') failures.push(`${rule.name}: evaluation failed: ${rule.lastError}`);
      const query = alertQueryPart(rule.query);
      const result = await instantQuery(prometheus.url, query);
      if (result.error) failures.push(`${rule.name}: invalid: ${result.error}\n    ${query}`);
      else if (result.series === 0) failures.push(`${rule.name}: no series\n    ${query}`);
    }
    expect(failures).toEqual([]);
  });

  // A latency alert measures the machine as much as the cluster: on a loaded 2-core machine an fsync's p99 can pass
  // its threshold while everything is healthy. Such an alert may be pending only where its own expression holds for
  // the broker it names (it tells the truth); every other alert must stay silent on a healthy cluster.
  it('raises no alert on the healthy cluster (a latency alert only where the latency it measures is really high)', async () => {
    const body = await (await fetch(`${prometheus.url}/api/v1/alerts`)).json() as { data: { alerts: Array<{ labels: { alertname: string; broker?: string }; state: string }> } };
    const rules = await loadedRules(prometheus.url);
    const unexpected: string[] = [];
    for (const alert of body.data.alerts) {
      const rule = rules.find((r) => r.name === alert.labels.alertname);
      const isLatency = /LatencyHigh$/.test(alert.labels.alertname);
      const holds = isLatency && rule !== undefined && alert.labels.broker !== undefined
        && (await instantQuery(prometheus.url, `(${rule.query}) and on (broker) rafter_build_info{broker="${alert.labels.broker}"}`)).series > 0;
      if (!holds) unexpected.push(`${alert.labels.alertname} ${alert.state}${alert.labels.broker ? ` (broker ${alert.labels.broker})` : ''}`);
    }
    expect(unexpected).toEqual([]);
  });
});
