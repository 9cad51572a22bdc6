// A store's identity: made once when the store is created, kept across reopens, never shared by a new store in a
// wiped directory — what tells a broker that restarted on its own data from one that lost it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { STORE_FILE_NAME } from '../../../broker/storage/broker-store';
import { openTempStore } from './temp-store';

describe('BrokerStore identity', () => {
  it('a new store is fresh and has an id; reopened it keeps the id and is not fresh; wiped it gets a new id', async () => {
    const temp = openTempStore();
    try {
      const first = temp.store;
      expect(first.createdFresh).toBe(true);
      expect(first.storeId).toMatch(/^[0-9a-f-]{36}$/);
      const id = first.storeId;

      const reopened = await temp.reopen();
      expect(reopened.createdFresh).toBe(false);
      expect(reopened.storeId).toBe(id);

      await temp.store.close();
      rmSync(path.join(temp.dataDir, STORE_FILE_NAME), { force: true });
      rmSync(path.join(temp.dataDir, `${STORE_FILE_NAME}-lock`), { force: true });
      const wiped = await temp.reopen();
      expect(wiped.createdFresh).toBe(true);
      expect(wiped.storeId).not.toBe(id);
    } finally {
      await temp.dispose();
    }
  });
});
