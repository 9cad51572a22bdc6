// The committed entries a host applies come from memory once they are durable (RaftLog's `recent` run), never stale:
// what a new leader overwrote is not handed out, and storage serves what memory no longer holds. (A Raft-level
// guard for the host's apply path: the simulator checks the same through whole clusters.)
import { EntryType, MemoryStorage, type Entry } from '../../../broker/raft';
import { RaftLog } from '../../../broker/raft/log';

const entry = (index: number, term: number): Entry => ({ index, term, type: EntryType.Normal, data: new Uint8Array([index, term]) });
const ids = (entries: readonly Entry[]) => entries.map((e) => `${e.index}@${e.term}`);

/** Persists what is unstable, as a host's flush cycle does, and says so. */
function persist(log: RaftLog, storage: MemoryStorage): void {
  const pending = log.unstable.nextEntries();
  if (pending.length === 0) return;
  log.unstable.acceptInProgress();
  storage.append(pending);
  const last = pending[pending.length - 1];
  log.stableTo(last.index, last.term);
}

describe('committed entries handed out after they became durable', () => {
  let storage: MemoryStorage;
  let log: RaftLog;
  let storageReads: number;
  beforeEach(() => {
    storage = new MemoryStorage();
    const read = storage.entries.bind(storage);
    storageReads = 0;
    storage.entries = (lo, hi, maxBytes) => {
      storageReads++;
      return read(lo, hi, maxBytes);
    };
    log = new RaftLog(storage);
  });

  it('come from memory, in order, and leave it once applied', () => {
    log.append([entry(1, 1), entry(2, 1), entry(3, 1)]);
    persist(log, storage);
    log.commitTo(2);
    expect(ids(log.nextCommittedEntries(Infinity))).toEqual(['1@1', '2@1']);
    log.appliedTo(2);
    log.commitTo(3);
    expect(ids(log.nextCommittedEntries(Infinity))).toEqual(['3@1']);
    expect(storageReads).toBe(0);
  });

  it('are never entries a new leader overwrote after they were durable', () => {
    log.append([entry(1, 1), entry(2, 1), entry(3, 1)]);
    persist(log, storage);
    log.append([entry(2, 2), entry(3, 2)]);
    persist(log, storage);
    log.commitTo(3);
    expect(ids(log.nextCommittedEntries(Infinity))).toEqual(['1@1', '2@2', '3@2']);
  });

  it('respect maxBytes beyond the first entry, and continue where the last batch stopped', () => {
    log.append([entry(1, 1), entry(2, 1), entry(3, 1)]);
    persist(log, storage);
    log.commitTo(3);
    const first = log.nextCommittedEntries(0);
    expect(ids(first)).toEqual(['1@1']);
    log.appliedTo(1);
    expect(ids(log.nextCommittedEntries(Infinity))).toEqual(['2@1', '3@1']);
  });

  it('come from storage when memory does not hold them (a restart)', () => {
    storage.append([entry(1, 1), entry(2, 1)]);
    log = new RaftLog(storage);
    log.commitTo(2);
    expect(ids(log.nextCommittedEntries(Infinity))).toEqual(['1@1', '2@1']);
    expect(storageReads).toBe(1);
  });
});
