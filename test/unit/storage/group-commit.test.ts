// Group commit: one transaction for every group's staged writes, callers during a transaction joined into the next,
// metrics per transaction, and a failed transaction leaving the store refusing writes.
import { EntryType, type Entry } from '../../../broker/raft/types';
import { StorageFailedError } from '../../../broker/storage';
import { metricValue, openTempStore, type TempStore } from './temp-store';

function entry(index: number, bytes = 64): Entry {
  return { index, term: 1, type: EntryType.Normal, data: Buffer.alloc(bytes, index & 0xff) };
}

describe('BrokerStore group commit', () => {
  let temp: TempStore;

  beforeEach(() => {
    temp = openTempStore();
  });

  afterEach(async () => {
    await temp.dispose();
  });

  const transactions = () => metricValue(temp.registry, 'rafter_storage_transactions_total');

  it('writes many groups in one transaction', async () => {
    for (let groupId = 1; groupId <= 50; groupId++) {
      const log = temp.store.group(groupId);
      log.append([entry(1), entry(2)]);
      log.setHardState({ term: 1, vote: 1, commit: 2 });
    }
    await temp.store.commit();
    expect(await transactions()).toBe(1);
    expect(await metricValue(temp.registry, 'rafter_storage_transaction_groups', '_sum')).toBe(50);
    expect(await metricValue(temp.registry, 'rafter_storage_transaction_bytes', '_sum')).toBeGreaterThan(50 * 2 * 64);
    expect(await metricValue(temp.registry, 'rafter_storage_commit_duration_seconds', '_count')).toBe(1);
    expect(await metricValue(temp.registry, 'rafter_storage_db_size_bytes')).toBeGreaterThan(50 * 2 * 64);
    const store = await temp.reopen();
    expect(store.groupIds()).toHaveLength(50);
    for (let groupId = 1; groupId <= 50; groupId++) {
      expect(store.group(groupId).lastIndex()).toBe(2);
      expect(store.group(groupId).initialState().hardState.commit).toBe(2);
    }
  });

  it('callers of one event-loop turn share one transaction, and every caller resolves', async () => {
    const a = temp.store.group(1);
    const b = temp.store.group(2);
    a.append([entry(1)]);
    const first = [temp.store.commit(), a.sync()];
    b.append([entry(1)]);
    a.append([entry(2)]);
    await Promise.all([...first, temp.store.commit(), b.sync()]);
    expect(await transactions()).toBe(1);
    expect(await metricValue(temp.registry, 'rafter_storage_transaction_groups', '_sum')).toBe(2);
    const store = await temp.reopen();
    expect([store.group(1).lastIndex(), store.group(2).lastIndex()]).toEqual([2, 1]);
  });

  it('a commit with nothing staged waits for the transaction in flight, or for nothing', async () => {
    await temp.store.commit();
    expect(await transactions()).toBe(0);
    temp.store.group(1).append([entry(1)]);
    const inflight = temp.store.commit();
    await temp.store.commit();
    await inflight;
    expect(await transactions()).toBe(1);
  });

  it('groups that commit concurrently share each transaction: one per round, not one per group', async () => {
    const rounds = 20;
    const writers = [1, 2, 3, 4, 5, 6, 7, 8].map(async (groupId) => {
      const log = temp.store.group(groupId);
      for (let index = 1; index <= rounds; index++) {
        log.append([entry(index, 1024)]);
        await log.sync();
      }
    });
    await Promise.all(writers);
    // Each writer appends again as soon as its commit resolves: those continuations run before the next transaction
    // begins, so all eight join it.
    expect(await transactions()).toBeLessThanOrEqual(rounds + 1);
    const store = await temp.reopen();
    for (let groupId = 1; groupId <= 8; groupId++) expect(store.group(groupId).lastIndex()).toBe(rounds);
  });

  it('reads see writes while their transaction is in flight', async () => {
    const log = temp.store.group(1);
    log.append([entry(1), entry(2)]);
    const inflight = temp.store.commit();
    log.append([entry(3)]);
    expect(log.entries(1, 4).map((e) => e.index)).toEqual([1, 2, 3]);
    await inflight;
    expect(log.entries(1, 4).map((e) => e.index)).toEqual([1, 2, 3]);
    await temp.store.commit();
    expect(log.entries(1, 4).map((e) => e.index)).toEqual([1, 2, 3]);
  });

  it('a failed transaction rejects its callers, writes nothing, and leaves the store refusing writes', async () => {
    temp.store.group(1).append([entry(1)]);
    await temp.store.commit();
    temp.store.group(1).append([entry(2)]);
    // Data that throws when read stands in for an I/O error inside the transaction.
    const unreadable = new Proxy(new Uint8Array(8), {
      get(_target, property) {
        if (property === 'length') return 8;
        throw new Error('disk on fire');
      },
    });
    // Readable while staged (its checksum is computed then), unreadable once the transaction writes it.
    let inTransaction = false;
    const readable = new Uint8Array(8);
    temp.store.group(2).append([{ index: 1, term: 1, type: EntryType.Normal, get data() { return inTransaction ? unreadable : readable; } }]);
    inTransaction = true;
    const failed = temp.store.commit();
    temp.store.group(1).append([entry(3)]);
    const joined = temp.store.commit();
    await expect(failed).rejects.toThrow(StorageFailedError);
    await expect(joined).rejects.toThrow('storage failed: disk on fire');
    await expect(temp.store.commit()).rejects.toThrow(StorageFailedError);
    expect(() => temp.store.group(1).append([entry(4)])).toThrow(StorageFailedError);
    expect(() => temp.store.putMeta('k', Buffer.from('v'))).toThrow(StorageFailedError);
    expect(await metricValue(temp.registry, 'rafter_storage_transaction_failures_total')).toBe(1);
    const store = await temp.reopen();
    expect(store.group(1).lastIndex()).toBe(1);
    expect(store.group(2).lastIndex()).toBe(0);
  });
});
