import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// peer.proto is the single source of truth for the peer protocol: the committed codec must be exactly what
// broker/replication/generate.sh makes of it.
it('the generated peer codec is up to date with peer.proto', () => {
  const root = join(__dirname, '../../..');
  const out = mkdtempSync(join(tmpdir(), 'rafter-peer-proto-'));
  try {
    execFileSync('sh', ['broker/replication/generate.sh', out], {
      cwd: root, env: { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.PATH}` },
    });
    for (const file of ['peer.js', 'peer.d.ts']) {
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(root, 'broker/replication/generated', file), 'utf8'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
