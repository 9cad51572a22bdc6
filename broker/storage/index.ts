// broker/storage: the only code that touches disk. One LMDB environment per broker, group commit across Raft groups.
export { BrokerStore, STORE_FILE_NAME, moveStoreAside, type BrokerStoreOptions } from './broker-store';
export { GroupLog } from './group-log';
export { CORRUPTION_CHECKS, StorageCorruptionError, StorageFailedError, StoreOpenError, type CorruptionCheck } from './errors';
export { StoreScrubber } from './scrubber';
