// broker/storage: the only code that touches disk. One LMDB environment per broker, group commit across Raft groups.
export { BrokerStore, STORE_FILE_NAME, moveStoreAside, type BrokerStoreOptions } from './broker-store';
export { GroupLog } from './group-log';
export { DataDirLock, DataDirLockedError, DATA_DIR_LOCK_FILE_NAME, type DataDirLockHolder } from './data-dir-lock';
export { CORRUPTION_CHECKS, StorageCorruptionError, StorageFailedError, StoreOpenError, type CorruptionCheck } from './errors';
export { StoreScrubber, type ScrubStep } from './scrubber';
