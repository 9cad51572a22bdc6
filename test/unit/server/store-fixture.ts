// A real BrokerStore on a temporary directory for partition and dispatcher tests; durable: false keeps them fast
// (fsync is not what these tests are about; test/integration covers crash durability).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { BrokerStore } from '../../../broker/storage';

export interface TempStore {
  dataDir: string;
  store: BrokerStore;
  registry: Registry;
  reopen(): Promise<BrokerStore>;
  dispose(): Promise<void>;
}

export function openTempStore(): TempStore {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-server-unit-'));
  const registry = new Registry();
  const fixture: TempStore = {
    dataDir,
    registry,
    store: BrokerStore.open({ dataDir, durable: false, registry }),
    async reopen() {
      await fixture.store.close();
      fixture.registry = new Registry();
      fixture.store = BrokerStore.open({ dataDir, durable: false, registry: fixture.registry });
      return fixture.store;
    },
    async dispose() {
      await fixture.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}
