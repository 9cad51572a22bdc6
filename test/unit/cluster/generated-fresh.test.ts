import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// controller.proto is the single source of truth for the controller's log format: the committed codec must be
// exactly what broker/cluster/generate.sh makes of it.
it('the generated controller codec is up to date with controller.proto', () => {
  const root = join(__dirname, '../../..');
  const out = mkdtempSync(join(tmpdir(), 'rafter-controller-proto-'));
  try {
    execFileSync('sh', ['broker/cluster/generate.sh', out], {
      cwd: root, env: { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.PATH}` },
    });
    for (const file of ['controller.js', 'controller.d.ts']) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(root, 'broker/cluster/generated', file), 'utf8'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
