import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// rafter.proto is the single source of truth: the committed codec must be exactly what `npm run proto` makes of it.
it('the generated codec is up to date with rafter.proto', () => {
  const root = join(__dirname, '../../..');
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts["proto:client"] as string;
  const out = mkdtempSync(join(tmpdir(), 'rafter-proto-'));
  try {
    const command = script.replaceAll('client/protocol/generated/', `${out}/`);
    execFileSync('sh', ['-c', command], { cwd: root, env: { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.PATH}` } });
    for (const file of ['rafter.js', 'rafter.d.ts']) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(root, 'client/protocol/generated', file), 'utf8'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
