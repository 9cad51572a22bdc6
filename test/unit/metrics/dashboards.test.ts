// The dashboards as shipped: the JSON in grafana/dashboards is what tools/monitoring/dashboards.ts generates, every
// panel explains itself and queries only Rafter's metrics, and every alert is "<query> <comparison> <threshold>"
// (the live check evaluates the query part). test/integration/dashboards.test.ts runs them against Prometheus.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dashboardJson, DASHBOARDS } from '../../../tools/monitoring/dashboards';
import { ALERT_RULES_FILE, prometheusConfig, REPO_ROOT } from '../../../tools/monitoring/prometheus';
import { alertQueryPart } from '../../integration/monitoring/prometheus-api';

const DIR = path.join(REPO_ROOT, 'grafana', 'dashboards');

describe('grafana dashboards', () => {
  it('are the generated JSON (run `npm run dashboards` after changing tools/monitoring/dashboards.ts)', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(DASHBOARDS.map((d) => d.file).sort());
    for (const spec of DASHBOARDS) expect(readFileSync(path.join(DIR, spec.file), 'utf8')).toBe(dashboardJson(spec));
  });

  it('have unique uids, a datasource and broker variable, and a topic variable where panels use $topic', () => {
    expect(new Set(DASHBOARDS.map((d) => d.uid)).size).toBe(DASHBOARDS.length);
    for (const spec of DASHBOARDS) {
      const json = JSON.parse(dashboardJson(spec)) as { templating: { list: Array<{ name: string }> } };
      const names = json.templating.list.map((v) => v.name);
      expect(names.slice(0, 2)).toEqual(['datasource', 'broker']);
      const usesTopic = spec.panels.some((p) => p.queries.some((q) => q.expr.includes('$topic')));
      expect(names.includes('topic')).toBe(usesTopic);
    }
  });

  it('say what each panel shows and what to do when it turns red, and query only rafter_ metrics and up', () => {
    for (const spec of DASHBOARDS) {
      for (const panel of spec.panels) {
        expect(panel.shows.length).toBeGreaterThan(20);
        expect(panel.whenRed.length).toBeGreaterThan(10);
        for (const { expr } of panel.queries) {
          const metrics = expr.match(/\b[a-z_]+(?=\{|\[|\))/g)?.filter((m) => m.includes('_') && !/^(sum|max|min|rate|increase|histogram_quantile|by|on|group_left|vector)$/.test(m)) ?? [];
          for (const m of metrics) expect(m).toMatch(/^(rafter_|up$)/);
        }
      }
    }
  });
});

describe('alert rules', () => {
  const text = readFileSync(ALERT_RULES_FILE, 'utf8');
  const exprs = [...text.matchAll(/^\s+expr: (.+)$/gm)].map((m) => m[1]);

  it('are each a query, a comparison and a threshold', () => {
    expect(exprs.length).toBe(text.match(/^\s*- alert:/gm)?.length);
    expect(exprs.length).toBeGreaterThanOrEqual(8);
    for (const expr of exprs) expect(alertQueryPart(expr).length).toBeLessThan(expr.length);
    expect(() => alertQueryPart('sum(rafter_controller_active)')).toThrow(/comparison/);
  });

  it('cover offline and under-replicated partitions, the controller, fsync latency and consumer lag growth', () => {
    for (const metric of ['rafter_cluster_offline_partitions', 'rafter_cluster_under_replicated_partitions', 'rafter_controller_active',
      'rafter_storage_commit_duration_seconds_bucket', 'rafter_client_consumer_lag_records']) {
      expect(exprs.some((e) => e.includes(metric))).toBe(true);
    }
  });
});

describe('prometheus config', () => {
  it('scrapes every broker and the applications, with the alert rules', () => {
    const yml = prometheusConfig({ brokers: [{ address: '127.0.0.1:9092' }, { address: '127.0.0.1:9093' }], clients: [{ address: '127.0.0.1:8080' }] });
    expect(yml).toContain('scrape_interval: 5s');
    expect(yml).toContain(`  - ${JSON.stringify(ALERT_RULES_FILE)}`);
    expect(yml).toContain('  - job_name: "rafter"\n    metrics_path: /metrics\n    static_configs:\n      - targets: ["127.0.0.1:9092", "127.0.0.1:9093"]');
    expect(yml).toContain('  - job_name: "rafter-clients"');
  });
});
