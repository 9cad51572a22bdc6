// The RaftLogStore contract on MemoryStorage. It has no disk: a restart keeps the same instance, which holds
// everything synced (and everything else, which the contract allows).
import { MemoryStorage } from '../../../broker/raft';
import { describeRaftStorageContract } from './raft-storage-contract';

describeRaftStorageContract('MemoryStorage', async () => {
  const store = new MemoryStorage();
  return { store, restart: async () => store, dispose: async () => undefined };
});
