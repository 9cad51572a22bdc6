// One holder per data directory: the lock is refused while held (also to a second open in the same process), names
// its holder, is free again once released, and a file left by a holder that never released it keeps nobody out.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_DIR_LOCK_FILE_NAME, DataDirLock, DataDirLockedError } from '../../../broker/storage';

describe('DataDirLock', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'rafter-lock-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder while the first holds it, naming the first, and lets it in once released', () => {
    const first = DataDirLock.acquire(dir);
    let refusal: unknown;
    try {
      DataDirLock.acquire(dir);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    const locked = refusal as DataDirLockedError;
    expect(locked.holder).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(Date.parse(locked.holder!.since)).not.toBeNaN();
    expect(locked.message).toContain(`in use by broker process ${process.pid}`);
    expect(locked.message).toContain(path.resolve(dir));
    // The refused attempt left the holder's name in place.
    expect(JSON.parse(readFileSync(path.join(dir, DATA_DIR_LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });

    first.release();
    first.release(); // idempotent
    const second = DataDirLock.acquire(dir);
    second.release();
  });

  it('is taken over a lock file left by a holder that did not release it (its content is only a name)', () => {
    // What a SIGKILLed broker leaves: its name in the file, no lock held (the kernel dropped it with the process).
    writeFileSync(path.join(dir, DATA_DIR_LOCK_FILE_NAME), JSON.stringify({ pid: 999_999, since: '2020-01-01T00:00:00.000Z', hostname: 'gone' }));
    const lock = DataDirLock.acquire(dir);
    expect(JSON.parse(readFileSync(path.join(dir, DATA_DIR_LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
