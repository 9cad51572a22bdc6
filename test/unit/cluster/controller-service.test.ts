// ControllerService at start: the stored snapshot of group 0 is restored before the group is hosted, and one that
// cannot be (an unknown version, garbage) is reported as damage, which the cluster node answers by rebuilding the
// replica from the other seeds, rather than as an error that ends the process at every start.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ControllerService } from '../../../broker/cluster/controller-service';
import { RaftHost } from '../../../broker/replication';
import { BrokerStore, StorageCorruptionError } from '../../../broker/storage';
import { controllerSnapshotOfVersion } from './fixture';

async function withStoredSnapshot(data: Uint8Array, fn: (service: ControllerService) => void): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-controller-service-'));
  const store = BrokerStore.open({ dataDir, durable: false });
  const host = new RaftHost({ brokerId: 1, store });
  try {
    const log = store.group(0);
    log.applySnapshot({ metadata: { index: 40, term: 3, confState: { voters: [1, 2, 3], learners: [], votersOutgoing: [] } }, data });
    log.setHardState({ term: 3, vote: 0, commit: 40 });
    await store.commit();
    fn(new ControllerService({
      brokerId: 1, host, store, seeds: [1, 2, 3].map((id) => ({ id, host: '127.0.0.1', port: 9000 + id, rack: '' })),
      livenessTimeoutMs: 1000, heartbeatIntervalMs: 250, isReachable: () => false, onChange: () => undefined,
    }));
  } finally {
    await host.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('ControllerService.start', () => {
  it('restores the stored snapshot and hosts group 0', async () => {
    await withStoredSnapshot(controllerSnapshotOfVersion(1), (service) => {
      service.start();
      expect(service.state.broker(2)).toMatchObject({ host: 'b2.local' });
      expect(service.started).toBe(true);
      service.stop();
    });
  });

  it('reports a stored snapshot of version 99 as damage to group 0, hosting nothing (it once ended every start)', async () => {
    await withStoredSnapshot(controllerSnapshotOfVersion(99), (service) => {
      let thrown: unknown;
      try {
        service.start();
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(StorageCorruptionError);
      expect(thrown).toMatchObject({ groupId: 0, index: 40, check: 'group_state', reason: 'controller snapshot version 99 is not supported' });
      expect(service.started).toBe(false);
      service.stop();
    });
  });
});
