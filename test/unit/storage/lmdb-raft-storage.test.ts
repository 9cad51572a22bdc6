// The RaftLogStore contract on the LMDB GroupLog, three ways: reads of staged writes (still in memory), of committed
// writes (read back from LMDB), and of a reopened environment after every write. Restart = close and open again.
import type { RaftLogStore } from '../../../broker/raft/storage';
import { describeRaftStorageContract, type RaftStorageHarness } from './raft-storage-contract';
import { openTempStore } from './temp-store';

const GROUP_ID = 7;

function lmdbHarness(settle: 'staged' | 'committed' | 'reopened'): () => Promise<RaftStorageHarness> {
  return async () => {
    const temp = openTempStore();
    const reopen = async (): Promise<RaftLogStore> => (await temp.reopen()).group(GROUP_ID);
    const harness: RaftStorageHarness = {
      store: temp.store.group(GROUP_ID),
      restart: reopen,
      dispose: () => temp.dispose(),
    };
    if (settle === 'staged') return harness;
    return {
      ...harness,
      async settle() {
        await temp.store.commit();
        return settle === 'reopened' ? reopen() : temp.store.group(GROUP_ID);
      },
    };
  };
}

describeRaftStorageContract('LMDB GroupLog, reads of staged writes', lmdbHarness('staged'));
describeRaftStorageContract('LMDB GroupLog, reads of committed writes', lmdbHarness('committed'));
describeRaftStorageContract('LMDB GroupLog, reopened after every write', lmdbHarness('reopened'));
