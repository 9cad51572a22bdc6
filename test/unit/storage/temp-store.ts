// A BrokerStore in a fresh directory under the OS temp dir, reopened on demand and removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { BrokerStore } from '../../../broker/storage';

export interface TempStore {
  readonly dataDir: string;
  store: BrokerStore;
  registry: Registry;
  /** Closes the store (staged, uncommitted writes are lost) and opens the same directory again. */
  reopen(): Promise<BrokerStore>;
  dispose(): Promise<void>;
}

export function openTempStore(durable = true): TempStore {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-storage-'));
  const open = (registry: Registry) => BrokerStore.open({ dataDir, durable, registry });
  const registry = new Registry();
  const temp: TempStore = {
    dataDir,
    registry,
    store: open(registry),
    async reopen() {
      await temp.store.close();
      temp.registry = new Registry();
      temp.store = open(temp.registry);
      return temp.store;
    },
    async dispose() {
      await temp.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return temp;
}

/** The value of a counter or the count of a histogram in the store's registry. */
export async function metricValue(registry: Registry, name: string, suffix = ''): Promise<number> {
  const metrics = await registry.getMetricsAsJSON();
  const metric = metrics.find((m) => m.name === name);
  if (!metric) throw new Error(`no metric ${name}`);
  const values = metric.values as Array<{ value: number; metricName?: string }>;
  const value = values.find((v) => (v.metricName === undefined ? suffix === '' : v.metricName === `${name}${suffix}`));
  return value?.value ?? 0;
}
