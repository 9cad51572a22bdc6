// The broker's one LMDB environment and its group commit. Every GroupLog stages writes in memory; commit() writes
// everything staged, by every group, in one transaction and resolves once it is fsynced. A transaction takes what is
// staged when it begins (lmdb-js begins it on a later event-loop turn), so every commit() of the same turn shares it;
// calls after it began wait for the next one, which gathers everything staged meanwhile. Under load a transaction
// carries many groups' appends for the price of one fsync.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { open, type RootDatabase } from 'lmdb';
import type { Registry } from 'prom-client';
import { StorageFailedError, StoreOpenError, type StorageCorruptionError } from './errors';
import { GroupLog, deleteGroup, writeGroup, type BinaryDb, type GroupLogHost, type GroupWrite } from './group-log';
import { StateKind, keyGroupId, stateKey, stateKind } from './layout';
import { readLmdbHeader, type LmdbHeader } from './lmdb-file';
import { StoreScrubber, type ScrubbedStore } from './scrubber';
import { createStorageMetrics, type StorageMetrics } from './storage-metrics';

export interface BrokerStoreOptions {
  dataDir: string;
  /** Default true. false only for tests/benchmarks that measure without fsync. */
  durable?: boolean;
  /** Initial LMDB map size; lmdb-js grows it as the data does. */
  mapSizeBytes?: number;
  /** Storage metrics go here (commit latency, bytes and groups per transaction, transactions, database size). */
  registry?: Registry;
}

/** A group's data goes away in the transaction that carries this. */
interface Drop {
  readonly dropGroupId: number;
}

interface Waiter {
  promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

function waiter(): Waiter {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const STORE_FILE_NAME = 'rafter.lmdb';
const STORE_ID_META_KEY = 'store-id';

export class BrokerStore implements GroupLogHost, ScrubbedStore {
  readonly entriesDb: BinaryDb;
  readonly offsetsDb: BinaryDb;
  readonly stateDb: BinaryDb;
  private readonly metaDb: BinaryDb;
  private readonly metrics: StorageMetrics;
  private readonly groups = new Map<number, GroupLog>();
  /** Groups and drops with something for the next transaction, in the order they were staged. */
  private queue: Array<GroupLog | Drop> = [];
  private stagedMeta = new Map<string, Uint8Array>();
  private inflightMeta = new Map<string, Uint8Array>();
  /** Groups whose drop is not yet durable, with the transaction carrying it (0: staged). Their stored data is stale. */
  private readonly dropping = new Map<number, number>();
  private txnCount = 0;
  private inflight: Promise<void> | undefined;
  /** Whether the transaction in flight has taken what was staged (callers from then on wait for the next). */
  private collected = false;
  /** Callers that arrived while a transaction was in flight: the next transaction resolves them. */
  private next: Waiter | undefined;
  private failure: StorageFailedError | undefined;
  private closed = false;
  private readonly scratch = { buffer: Buffer.allocUnsafe(64 * 1024) };
  /** Groups whose stored data failed a check, with the first damage found; reported once each. */
  private readonly damaged = new Map<number, StorageCorruptionError>();
  private readonly corruptionListeners = new Set<(err: StorageCorruptionError) => void>();

  /**
   * Opens (or creates) the store in dataDir. Throws StoreOpenError, having changed nothing, when the data file is
   * cut short or not an LMDB file (checked before LMDB maps it: reading a mapped page past the end of the file would
   * kill the process with SIGBUS) or when LMDB refuses it.
   */
  static open(options: BrokerStoreOptions): BrokerStore {
    mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, STORE_FILE_NAME);
    const createdFresh = !existsSync(file);
    if (!createdFresh) preflight(file);
    let env: RootDatabase | undefined;
    try {
      env = open({
        path: file,
        maxDbs: 4,
        mapSize: options.mapSizeBytes,
        noSync: options.durable === false,
        // Without overlapping sync a commit returns once fsynced: one fsync per transaction, and the promise of a
        // transaction means durable. (Overlapping sync measured slower here for back-to-back group commits.)
        overlappingSync: false,
      });
      return new BrokerStore(env, options.registry, createdFresh);
    } catch (err) {
      void env?.close();
      throw new StoreOpenError(file, `LMDB refused it: ${errorText(err)}`);
    }
  }

  /**
   * This store's identity: made when the store is created and never shared by another store, so a wiped or replaced
   * data directory is told apart from the one a broker had before, under the same broker id (KIP-853's directory id).
   */
  readonly storeId: string;

  private constructor(
    private readonly env: RootDatabase,
    registry: Registry | undefined,
    /** True when this open created the store: nothing this broker acknowledged before (if anything) is in it. */
    readonly createdFresh: boolean,
  ) {
    const binary = { keyEncoding: 'binary', encoding: 'binary' } as const;
    this.entriesDb = env.openDB<Buffer, Buffer>({ name: 'entries', ...binary });
    this.offsetsDb = env.openDB<Buffer, Buffer>({ name: 'offsets', ...binary });
    this.stateDb = env.openDB<Buffer, Buffer>({ name: 'state', ...binary });
    this.metaDb = env.openDB<Buffer, Buffer>({ name: 'meta', ...binary });
    const storedId = this.metaDb.get(Buffer.from(STORE_ID_META_KEY, 'utf8'));
    if (storedId) {
      this.storeId = Buffer.from(storedId).toString('utf8');
    } else {
      // Written at once and synchronously: an identity that a crash could lose would be remade on the next open.
      this.storeId = randomUUID();
      this.metaDb.putSync(Buffer.from(STORE_ID_META_KEY, 'utf8'), Buffer.from(this.storeId, 'utf8'));
    }
    this.metrics = createStorageMetrics(registry, {
      fileBytes: () => {
        const stats = env.getStats() as { lastPageNumber: number; pageSize: number };
        return (stats.lastPageNumber + 1) * stats.pageSize;
      },
      freePages: () => {
        // LMDB keeps no count of free pages; what no tree (the root, the named databases, the free list) holds is free.
        const treePages = (s: TreeStats) =>
          s.treeBranchPageCount + s.treeLeafPageCount + s.overflowPages;
        const stats = env.getStats() as { lastPageNumber: number; root: TreeStats; free: TreeStats };
        const used = [this.entriesDb, this.offsetsDb, this.stateDb, this.metaDb]
          .reduce((sum, db) => sum + treePages(db.getStats() as TreeStats), treePages(stats.root) + treePages(stats.free));
        const META_PAGES = 2;
        return Math.max(0, stats.lastPageNumber + 1 - META_PAGES - used);
      },
      damagedGroups: () => this.damaged.size,
    });
  }

  /** The log of one Raft group (a partition, or group 0 the controller). Created on first use. */
  group(groupId: number): GroupLog {
    this.assertOpen();
    let log = this.groups.get(groupId);
    if (!log) {
      log = new GroupLog(this, groupId, !this.dropping.has(groupId));
      this.groups.set(groupId, log);
    }
    return log;
  }

  /** Groups that have anything stored or staged (for recovery at startup). */
  groupIds(): number[] {
    this.assertOpen();
    const ids = new Set<number>();
    for (const key of this.stateDb.getKeys()) {
      const groupId = keyGroupId(key);
      if (stateKind(key) === StateKind.LogMeta && !this.dropping.has(groupId)) ids.add(groupId);
    }
    for (const [groupId, log] of this.groups) if (log.hasData()) ids.add(groupId);
    return [...ids].sort((a, b) => a - b);
  }

  /** Staged: deletes all of a group's data. Its GroupLog is unusable afterwards; group(id) starts a new, empty one. */
  dropGroup(groupId: number): void {
    this.assertWritable();
    this.groups.get(groupId)?.markDropped();
    this.groups.delete(groupId);
    // Whatever was damaged goes with it: the group's new log starts clean.
    this.damaged.delete(groupId);
    this.dropping.set(groupId, 0);
    this.queue.push({ dropGroupId: groupId });
  }

  /**
   * Calls listener once for each group found damaged from now on (by a read or by the scrubber), with the first
   * damage found in it; returns the unsubscribe function.
   */
  onCorruption(listener: (err: StorageCorruptionError) => void): () => void {
    this.corruptionListeners.add(listener);
    return () => this.corruptionListeners.delete(listener);
  }

  /** The damage found so far, one per group (for /health). */
  damagedGroups(): StorageCorruptionError[] {
    return [...this.damaged.values()];
  }

  /** A scrubber over this store, reporting through it; `nowMs` stamps the end of each full pass. */
  scrubber(nowMs: () => number): StoreScrubber {
    return new StoreScrubber(this, this.metrics, nowMs);
  }

  getMeta(key: string): Uint8Array | undefined {
    this.assertOpen();
    return this.stagedMeta.get(key) ?? this.inflightMeta.get(key) ?? this.metaDb.get(Buffer.from(key, 'utf8'));
  }

  /** Staged until commit(). */
  putMeta(key: string, value: Uint8Array): void {
    this.assertWritable();
    this.stagedMeta.set(key, value);
  }

  /**
   * Group commit: writes everything staged by every GroupLog in one LMDB transaction and resolves once it is durable.
   * Calls made before a requested transaction begins join it; calls made while one is being written are gathered into
   * the next. Rejects, and the store refuses all further writes, if a transaction fails.
   */
  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    // A transaction that has not begun yet takes whatever is staged when it begins.
    if (this.inflight && !this.collected) return this.inflight;
    const staged = this.queue.length > 0 || this.stagedMeta.size > 0;
    if (this.inflight) {
      if (!staged && !this.next) return this.inflight;
      this.next ??= waiter();
      return this.next.promise;
    }
    return staged ? this.startTransaction() : Promise.resolve();
  }

  /** Waits for the transactions in flight (staged but uncommitted writes are discarded), then closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.inflight) await this.inflight.catch(() => undefined);
    this.closed = true;
    this.metrics.unregister();
    await this.env.close();
  }

  // --- GroupLogHost -----------------------------------------------------------------------------------------------

  assertWritable(): void {
    this.assertOpen();
    if (this.failure) throw this.failure;
  }

  enqueue(log: GroupLog): void {
    this.queue.push(log);
  }

  reportCorruption(err: StorageCorruptionError): void {
    if (this.damaged.has(err.groupId)) return;
    this.damaged.set(err.groupId, err);
    this.metrics.corruptionsDetectedTotal.inc({ check: err.check });
    for (const listener of this.corruptionListeners) listener(err);
  }

  // --- ScrubbedStore ----------------------------------------------------------------------------------------------

  scrubbable(groupId: number): GroupLog | undefined {
    if (this.closed || this.damaged.has(groupId) || this.dropping.has(groupId)) return undefined;
    const log = this.groups.get(groupId);
    if (log) return log.hasData() ? log : undefined;
    return this.stateDb.doesExist(stateKey(groupId, StateKind.LogMeta)) ? this.group(groupId) : undefined;
  }

  // --- transactions -----------------------------------------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }

  /**
   * Requests a transaction. lmdb-js runs the callback once the write thread is ready (a later event-loop turn), and
   * the callback collects what is staged at that moment: everything staged in between joins this transaction.
   */
  private startTransaction(): Promise<void> {
    const txn = ++this.txnCount;
    const startedNs = process.hrtime.bigint();
    let writes: Array<GroupWrite | Drop> = [];
    let groups = 0;
    this.collected = false;
    const inflight = this.env
      .childTransaction(() => {
        this.collected = true;
        ({ writes, groups } = this.collect(txn));
        return this.writeAll(writes, this.inflightMeta);
      })
      .then(
        (bytes) => {
          this.metrics.commitDurationSeconds.observe(Number(process.hrtime.bigint() - startedNs) / 1e9);
          this.metrics.transactionBytes.observe(bytes);
          this.metrics.transactionGroups.observe(groups);
          this.metrics.transactionsTotal.inc();
          this.complete(txn, writes);
        },
        (err: unknown) => {
          this.metrics.transactionFailuresTotal.inc();
          this.fail(err);
          throw this.failure;
        },
      );
    this.inflight = inflight;
    return inflight;
  }

  /** Takes everything staged for transaction txn. */
  private collect(txn: number): { writes: Array<GroupWrite | Drop>; groups: number } {
    const writes: Array<GroupWrite | Drop> = [];
    const groups = new Set<number>();
    for (const item of this.queue) {
      if (item instanceof GroupLog) {
        // A dropped log's writes are void: the drop queued after them deletes the group.
        if (item.isDropped()) continue;
        writes.push(item.beginWrite(txn));
        groups.add(item.groupId);
      } else {
        writes.push(item);
        this.dropping.set(item.dropGroupId, txn);
        groups.add(item.dropGroupId);
      }
    }
    this.queue = [];
    this.inflightMeta = this.stagedMeta;
    this.stagedMeta = new Map();
    return { writes, groups: groups.size };
  }

  private writeAll(writes: ReadonlyArray<GroupWrite | Drop>, meta: ReadonlyMap<string, Uint8Array>): number {
    let bytes = 0;
    for (const write of writes) {
      if ('dropGroupId' in write) deleteGroup(this, write.dropGroupId);
      else bytes += writeGroup(this, write, this.scratch);
    }
    for (const [key, value] of meta) {
      this.metaDb.putSync(Buffer.from(key, 'utf8'), Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      bytes += value.length;
    }
    return bytes;
  }

  private complete(txn: number, writes: ReadonlyArray<GroupWrite | Drop>): void {
    this.inflight = undefined;
    this.inflightMeta = new Map();
    for (const write of writes) {
      if ('dropGroupId' in write) {
        if (this.dropping.get(write.dropGroupId) === txn) this.dropping.delete(write.dropGroupId);
      } else if (!write.log.isDropped()) {
        write.log.completeWrite(txn);
      }
    }
    const next = this.next;
    this.next = undefined;
    if (next) {
      const staged = this.queue.length > 0 || this.stagedMeta.size > 0;
      if (staged) this.startTransaction().then(next.resolve, next.reject);
      else next.resolve();
    }
  }

  private fail(err: unknown): void {
    this.inflight = undefined;
    this.failure = new StorageFailedError(err);
    const next = this.next;
    this.next = undefined;
    next?.reject(this.failure);
  }
}

/**
 * Moves a store that cannot be used out of the way, data file and lock file, to `rafter.lmdb.damaged-<UTC time>`
 * (and `rafter.lmdb-lock.damaged-<UTC time>`) in the same directory, so the next open creates a fresh store and the
 * old one is kept for inspection. Returns the new paths.
 */
export function moveStoreAside(dataDir: string, now: Date): string[] {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const moved: string[] = [];
  for (const name of [STORE_FILE_NAME, `${STORE_FILE_NAME}-lock`]) {
    const from = path.join(dataDir, name);
    if (!existsSync(from)) continue;
    const to = `${from}.damaged-${stamp}`;
    renameSync(from, to);
    moved.push(to);
  }
  return moved;
}

/** An error's message (fs and LMDB errors need not be instances of this realm's Error). */
function errorText(err: unknown): string {
  return typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
}

/** Refuses a data file that LMDB would map and then fault on: cut short, or without a valid meta page. */
function preflight(file: string): void {
  let header: LmdbHeader;
  try {
    header = readLmdbHeader(file);
  } catch (err) {
    throw new StoreOpenError(file, `it cannot be read (${errorText(err)})`);
  }
  const needed = header.neededBytes;
  if (needed !== undefined && header.fileBytes < needed) {
    throw new StoreOpenError(file, `truncated (${header.fileBytes} bytes, the store needs at least ${needed})`);
  }
  if (!header.ok) throw new StoreOpenError(file, `not a valid LMDB data file (${header.problem})`);
}

interface TreeStats {
  treeBranchPageCount: number;
  treeLeafPageCount: number;
  overflowPages: number;
}
