// One broker per data directory, as Kafka's `.lock`: an exclusive lock on <dataDir>/.lock, taken before the store
// is opened and held for the broker's life. Two brokers on one directory would both write the one LMDB environment
// (LMDB allows several writing processes) and hand out the same offsets and producer ids.
//
// The lock is the kernel's, not the file's existence: an open-file-description lock (fcntl F_OFD_SETLK) on Linux,
// flock on macOS, LockFileEx on Windows, through fs-native-extensions. The kernel drops it when the holder's file is
// closed, however the process ends (SIGKILL, OOM kill, a crash), so a dead broker's directory needs no cleanup, and
// no staleness guess is made: a pid file would have to judge whether its holder is still alive (a reused pid, a pid
// from another pid namespace, a race between two processes both breaking the same stale file), a kernel lock never
// outlives its holder. It is exclusive between processes and between two opens in one process alike. The file is
// never removed (removing it would let a newcomer lock a fresh file while a waiter locks the unlinked one); its
// content only names the holder for the refusal message.
import { closeSync, constants, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';

export const DATA_DIR_LOCK_FILE_NAME = '.lock';

/** Who holds a data directory, as its lock file says. */
export interface DataDirLockHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  since: string;
  hostname: string;
}

/** Another process holds the data directory: this broker must not touch it. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';

  constructor(readonly dataDir: string, readonly holder: DataDirLockHolder | undefined) {
    const who = holder ? `broker process ${holder.pid} on ${holder.hostname}, since ${holder.since}` : 'another process';
    super(`data directory ${dataDir} is in use by ${who}: one broker per data directory (stop that one, or use another --data-dir)`);
  }
}

export class DataDirLock {
  private fd: number | undefined;

  private constructor(readonly dataDir: string, fd: number) {
    this.fd = fd;
  }

  /** Takes the lock at once or throws DataDirLockedError; never waits for the holder. */
  static acquire(dataDir: string): DataDirLock {
    const resolved = path.resolve(dataDir);
    const lockPath = path.join(resolved, DATA_DIR_LOCK_FILE_NAME);
    // Read-write without truncating: the holder's content must survive a refused newcomer's open.
    const fd = openSync(lockPath, constants.O_RDWR | constants.O_CREAT, 0o644);
    let locked = false;
    try {
      locked = tryLock(fd);
      if (!locked) throw new DataDirLockedError(resolved, readHolder(lockPath));
      const holder: DataDirLockHolder = { pid: process.pid, since: new Date().toISOString(), hostname: hostname() };
      ftruncateSync(fd, 0);
      writeSync(fd, `${JSON.stringify(holder)}\n`, 0);
      return new DataDirLock(resolved, fd);
    } catch (err) {
      if (locked) unlock(fd);
      closeSync(fd);
      throw err;
    }
  }

  /** Lets the next broker in. Idempotent. */
  release(): void {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    try {
      // A holder that exits normally leaves no name behind; one that is killed leaves its own, which the next holder
      // overwrites.
      ftruncateSync(fd, 0);
    } finally {
      unlock(fd);
      closeSync(fd);
    }
  }
}

/** The holder as its lock file names it; undefined if unreadable (the holder may be between lock and write). */
function readHolder(lockPath: string): DataDirLockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<DataDirLockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.since !== 'string') return undefined;
    return { pid: parsed.pid, since: parsed.since, hostname: typeof parsed.hostname === 'string' ? parsed.hostname : 'unknown host' };
  } catch {
    return undefined;
  }
}
