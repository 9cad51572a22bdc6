// Writes grafana/dashboards/*.json from tools/monitoring/dashboards.ts: `node bin/run-ts.cjs tools/monitoring/write-dashboards.ts`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dashboardJson, DASHBOARDS } from './dashboards';
import { REPO_ROOT } from './prometheus';

for (const spec of DASHBOARDS) {
  const file = path.join(REPO_ROOT, 'grafana', 'dashboards', spec.file);
  writeFileSync(file, dashboardJson(spec));
  process.stdout.write(`wrote ${path.relative(REPO_ROOT, file)} (${spec.panels.length} panels)\n`);
}
