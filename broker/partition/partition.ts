// One partition: its Raft group's state machine. The leader validates each producer batch by its header and CRC
// (records are never decoded here), assigns offsets at proposal time by patching the header in place, and proposes
// one entry per batch. Every replica indexes the offsets of the batches it persists (reading only the base offset
// from the batch header) and moves its high watermark when entries are applied: the commit point. Fetches read
// stored batch bytes up to the high watermark and return them as they are. Followers refuse produce and fetch with
// NOT_LEADER and the leader they know.
//
// Idempotent producers (producer-state.ts has the rules): every replica applies each committed batch's header to
// its ProducerStateTable in log order; the leader checks each batch against it (and the batches it has proposed
// but not yet applied) before proposing, and answers a retry of a batch already in the log with the offset the
// original got instead of writing it again. Restart: the table is restored from the latest producer-state
// checkpoint in the log at or before the commit point (producer-state-checkpoint.ts; the leader proposes one every
// checkpointBytes or checkpointEntries of batches) and the batches after it are re-applied, so a restart reads a
// bounded stretch of the log; a log without checkpoints is re-applied from its first entry on top of its snapshot.
import {
  ErrorCode, rafter, batchBaseOffset, batchMaxTimestampMs, batchRecordCount, readBatchHeader, stampBatch, type BatchHeader,
} from '../../client/protocol';
import { LeaderTransferInProgressError, NotLeaderError, ProposalRefusedError } from '../raft/errors';
import { NO_NODE, type Entry, type NodeId, type RaftIndex, type Snapshot, type Term } from '../raft/types';
import type { GroupStateMachine, Leadership } from '../replication';
import { StorageCorruptionError, type GroupLog } from '../storage';
import { checkBatchFormat, encodePartitionSnapshot, isBatchEntry, snapshotEndOffset, snapshotProducerState } from './entry-format';
import type { PartitionCounters } from './partition-metrics';
import { ProducerStateTable, type ProducerBatchHeader, type ProducerStateOptions } from './producer-state';
import { decodeProducerStateCheckpoint, encodeProducerStateCheckpoint, isProducerStateCheckpoint } from './producer-state-checkpoint';
import type { GroupReplica, ReplicatedLog } from './replicated-log';

export interface PartitionError {
  error: ErrorCode;
  message: string;
  /** With NOT_LEADER: the leader this replica knows of (0: none). */
  leaderId?: NodeId;
}

/**
 * Why a write was not acknowledged; NOT_LEADER is retriable (the write may or may not have been committed). The
 * producer-state refusals (OUT_OF_ORDER_SEQUENCE, PRODUCER_FENCED, DUPLICATE_SEQUENCE, ...) wrote nothing.
 */
export class PartitionWriteError extends Error {
  constructor(readonly error: ErrorCode, message: string, readonly leaderId: NodeId = NO_NODE) {
    super(message);
    this.name = 'PartitionWriteError';
  }
}

export interface AppendResult {
  baseOffset: number;
  appendTimeMs: number;
}

export type ReadResult = { batches: Uint8Array[] } | PartitionError;

export interface PartitionOptions {
  topic: string;
  partition: number;
  groupId: number;
  log: GroupLog;
  replicated: ReplicatedLog;
  maxMessageBytes: number;
  counters: PartitionCounters;
  producerState?: PartitionProducerStateOptions;
  /** The replica, created recovering, caught up with its leader and votes again. */
  onRecovered?: () => void;
}

export interface PartitionProducerStateOptions extends ProducerStateOptions {
  /** The leader checkpoints the producer state into the log after this many bytes of batches. Default 32 MiB. */
  checkpointBytes?: number;
  /** ... or after this many batches, whichever comes first. Default 4096. */
  checkpointEntries?: number;
}

const DEFAULT_CHECKPOINT_BYTES = 32 * 1024 * 1024;
const DEFAULT_CHECKPOINT_ENTRIES = 4096;

/** A write waiting for its acknowledgement: its entry's index and term identify it (Log Matching). */
interface PendingAck {
  readonly index: RaftIndex;
  readonly term: Term;
  readonly result: AppendResult;
  readonly resolve: (r: AppendResult) => void;
  readonly reject: (err: Error) => void;
}

/** A retry of a batch whose original is proposed but not yet committed: answered as the original is. */
interface DuplicateWaiter {
  readonly batch: ProducerBatchHeader;
  readonly baseOffset: number;
  readonly resolve: (r: AppendResult) => void;
  readonly reject: (err: Error) => void;
}

/** A FIFO of pending acknowledgements with a moving head (no O(n) shift per ack). */
class AckQueue {
  private items: PendingAck[] = [];
  private head = 0;

  push(p: PendingAck): void {
    this.items.push(p);
  }

  peek(): PendingAck | undefined {
    return this.items[this.head];
  }

  shift(): void {
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Takes everything still waiting. */
  drain(): PendingAck[] {
    const rest = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return rest;
  }
}

/** Bytes read per step when scanning the log for a timestamp or for producer state. */
const SCAN_BYTES = 1024 * 1024;

export class Partition implements GroupStateMachine {
  readonly topic: string;
  readonly partition: number;
  readonly groupId: number;
  readonly maxMessageBytes: number;
  /** First offset still stored. */
  logStartOffset = 0;
  /** The offset the next appended record gets (on the leader: including proposals not yet committed). */
  logEndOffset = 0;
  /** Records below it are committed; fetches never read at or past it. */
  highWatermark = 0;
  /** Bytes of batches committed since this broker started: long polls measure new data by its growth. */
  committedBytes = 0;

  private readonly log: GroupLog;
  private readonly replica: GroupReplica;
  private readonly counters: PartitionCounters;
  private readonly onRecoveredHook: PartitionOptions['onRecovered'];
  /** Raft index of the last applied entry: the read bound that matches the high watermark. */
  private committedIndex: RaftIndex;
  /** Last index staged into the log by this replica: an append at or before it replaced a suffix. */
  private lastStagedIndex: RaftIndex;
  /** The log end at the latest snapshot (when no batch is left in the log to read it from). */
  private snapshotEndOffset = 0;
  private leading = false;
  private leaderTerm: Term = 0;
  private knownLeaderId: NodeId = NO_NODE;
  private readonly awaitingPersist = new AckQueue();
  private readonly awaitingCommit = new AckQueue();
  private failure: Error | undefined;
  private readonly listeners = new Set<() => void>();
  private notifyScheduled = false;
  /** Idempotent producers, as of producerStateIndex; on the leader also what it proposed and has not applied. */
  private readonly producers: ProducerStateTable;
  private producerStateIndex: RaftIndex = 0;
  private awaitingOriginal: DuplicateWaiter[] = [];
  private readonly checkpointBytes: number;
  private readonly checkpointEntries: number;
  /** Batch bytes and entries applied since the last producer-state checkpoint in the log. */
  private bytesSinceCheckpoint = 0;
  private entriesSinceCheckpoint = 0;
  /** Index of the checkpoint this leader proposed last: no other is proposed until it is applied (or lost). */
  private checkpointProposedIndex: RaftIndex = 0;

  constructor(options: PartitionOptions) {
    this.topic = options.topic;
    this.partition = options.partition;
    this.groupId = options.groupId;
    this.log = options.log;
    this.maxMessageBytes = options.maxMessageBytes;
    this.counters = options.counters;
    this.onRecoveredHook = options.onRecovered;
    this.producers = new ProducerStateTable(options.producerState);
    this.checkpointBytes = options.producerState?.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES;
    this.checkpointEntries = options.producerState?.checkpointEntries ?? DEFAULT_CHECKPOINT_ENTRIES;
    this.replica = options.replicated.open(options.groupId, options.log, this);
    this.committedIndex = Math.max(this.replica.committedAtOpen, this.log.firstIndex() - 1);
    this.lastStagedIndex = this.log.lastIndex();
    try {
      this.recover();
      this.recoverProducerState();
      this.onLeadershipChange(this.replica.initialLeadership);
    } catch (err) {
      // Damage in this partition's log fails this partition only (every write and read answers STORAGE_ERROR);
      // the store has reported it. Offsets and producer state are unknown, so nothing may be appended.
      if (!(err instanceof StorageCorruptionError)) throw err;
      this.failure = err;
    }
  }

  /**
   * Offsets after a restart come from the log itself: the last batch's base offset and count give the log end,
   * the last committed batch the high watermark, the first batch the log start.
   */
  private recover(): void {
    this.logEndOffset = this.endOffsetAt(this.log.lastIndex());
    this.highWatermark = this.endOffsetAt(Math.min(this.committedIndex, this.log.lastIndex()));
    this.logStartOffset = this.logEndOffset;
    const last = this.log.lastIndex();
    for (let index = this.log.firstIndex(); index <= last; index++) {
      const header = this.batchHeaderAt(index);
      if (header) {
        this.logStartOffset = header.baseOffset;
        break;
      }
    }
  }

  /**
   * The producer state at the commit point: the latest checkpoint at or before it (found scanning back, at most
   * about one checkpoint interval), else the log's snapshot; then the batches after it re-applied in log order.
   */
  private recoverProducerState(): void {
    const first = this.log.firstIndex();
    const through = Math.min(this.committedIndex, this.log.lastIndex());
    let from = first;
    let found = false;
    for (let index = through; index >= first && !found; index--) {
      const [entry] = this.log.entries(index, index + 1);
      const checkpoint = entry && decodeProducerStateCheckpoint(entry);
      if (!checkpoint) continue;
      this.producers.restore(checkpoint.state);
      from = Math.max(checkpoint.appliedIndex + 1, first);
      found = true;
    }
    if (!found) this.restoreProducerState(this.log.snapshot().data);
    this.producerStateIndex = from - 1;
    this.forEachEntry(from, through, (e) => this.applyToProducerState(e));
  }

  /** Calls fn for each entry in [from, through], reading the log a bounded number of bytes at a time. */
  private forEachEntry(from: RaftIndex, through: RaftIndex, fn: (e: Entry) => void): void {
    for (let lo = from; lo <= through;) {
      const entries = this.log.entries(lo, through + 1, SCAN_BYTES);
      for (const e of entries) fn(e);
      lo = entries[entries.length - 1].index + 1;
    }
  }

  /** Committed entries in log order, each once: the table follows the log; checkpoints restart the count. */
  private applyToProducerState(e: Entry): void {
    if (e.index <= this.producerStateIndex) return;
    this.producerStateIndex = e.index;
    if (isBatchEntry(e)) {
      const header = readBatchHeader(e.data);
      if (typeof header !== 'string') this.producers.apply(header);
      this.bytesSinceCheckpoint += e.data.length;
      this.entriesSinceCheckpoint++;
    } else if (isProducerStateCheckpoint(e)) {
      this.bytesSinceCheckpoint = 0;
      this.entriesSinceCheckpoint = 0;
    }
  }

  /** The table part of a partition snapshot; none (an older snapshot) means no producers. */
  private restoreProducerState(snapshotData: Uint8Array): void {
    const state = snapshotProducerState(snapshotData);
    this.producers.restore(state.length > 0 ? state : new ProducerStateTable().snapshot());
  }

  /** The offset after the last batch at or before `index` (read from batch headers, scanning back). */
  private endOffsetAt(index: RaftIndex): number {
    for (let i = index; i >= this.log.firstIndex(); i--) {
      const header = this.batchHeaderAt(i);
      if (header) return header.baseOffset + header.recordCount;
    }
    return this.snapshotEndOffset;
  }

  private batchHeaderAt(index: RaftIndex): BatchHeader | undefined {
    const [entry] = this.log.entries(index, index + 1);
    if (!entry || !isBatchEntry(entry)) return undefined;
    const header = readBatchHeader(entry.data);
    return typeof header === 'string' ? undefined : header;
  }

  /**
   * Checks a producer batch without decoding its records: size, header shape, CRC (which reads every byte), then the
   * records' framing against the header (checkRecordSet).
   */
  checkBatch(batch: Uint8Array): BatchHeader | PartitionError {
    if (batch.length > this.maxMessageBytes) {
      return {
        error: ErrorCode.MESSAGE_TOO_LARGE,
        message: `batch of ${batch.length} bytes exceeds max.message.bytes ${this.maxMessageBytes} of ${this.topic}`,
      };
    }
    const header = checkBatchFormat(batch);
    return typeof header === 'string' ? { error: ErrorCode.CORRUPT_BATCH, message: header } : header;
  }

  /** A failed store fails every later write: what was staged may not have reached the disk. */
  get storageFailure(): Error | undefined {
    return this.failure;
  }

  /** Whether this replica leads the partition (and so serves produce and fetch). */
  get isLeader(): boolean {
    return this.leading;
  }

  /** The leader as this replica knows it (0: none known). */
  get leaderId(): NodeId {
    return this.knownLeaderId;
  }

  /** The leader's term while this replica leads; the last term it led in otherwise. */
  get leaderEpoch(): Term {
    return this.leaderTerm;
  }

  /**
   * Assigns offsets to a checked batch, patching it in place (the caller hands over the bytes), proposes it, and
   * resolves per `acks`: ACKS_ALL once committed, ACKS_LEADER once durable here, ACKS_NONE at once. Offsets are
   * assigned at once, so batches appended in one turn keep their order. Rejects with a PartitionWriteError
   * (NOT_LEADER) on a follower, or when leadership is lost or the store fails before the acknowledgement; with the
   * store's error if the store had already failed (nothing is written then).
   */
  append(batch: Uint8Array, header: BatchHeader, appendTimeMs: number, acks: rafter.Acks = rafter.Acks.ACKS_ALL): Promise<AppendResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.leading) return Promise.reject(this.notLeaderError());
    const decision = this.producers.check(header);
    if (decision.kind === 'error') return Promise.reject(new PartitionWriteError(decision.code, decision.message, this.knownLeaderId));
    if (decision.kind === 'duplicate') return this.answerDuplicate(header, decision.baseOffset, decision.pending, acks);
    const baseOffset = this.logEndOffset;
    stampBatch(batch, baseOffset, appendTimeMs);
    let index: RaftIndex;
    try {
      index = this.replica.propose(batch, this.leaderTerm);
    } catch (err) {
      if (!(err instanceof ProposalRefusedError)) return Promise.reject(err);
      if (err instanceof NotLeaderError) {
        // Our view of the log is stale; the host tells us the new leadership in its next cycle.
        this.leading = false;
        this.knownLeaderId = err.leaderId;
      }
      const leaderId = err instanceof LeaderTransferInProgressError ? err.transfereeId : this.knownLeaderId;
      return Promise.reject(new PartitionWriteError(ErrorCode.NOT_LEADER, err.message, leaderId));
    }
    this.logEndOffset = baseOffset + header.recordCount;
    // In the same turn as the check: a retry of this batch, or the producer's next one, is checked against it.
    this.producers.addPending(header, baseOffset);
    this.maybeCheckpoint();
    const result: AppendResult = { baseOffset, appendTimeMs };
    if (acks === rafter.Acks.ACKS_NONE) return Promise.resolve(result);
    const queue = acks === rafter.Acks.ACKS_LEADER ? this.awaitingPersist : this.awaitingCommit;
    const term = this.leaderTerm;
    return new Promise((resolve, reject) => queue.push({ index, term, result, resolve, reject }));
  }

  /**
   * A retry of a batch in the log: nothing is written, the answer is the original's offset. An original still in
   * flight is answered once committed (or NOT_LEADER if lost), as its own request is.
   */
  private answerDuplicate(batch: ProducerBatchHeader, baseOffset: number, pending: boolean, acks: rafter.Acks): Promise<AppendResult> {
    if (!pending || acks === rafter.Acks.ACKS_NONE) return Promise.resolve({ baseOffset, appendTimeMs: this.appendTimeAt(baseOffset) });
    return new Promise((resolve, reject) => this.awaitingOriginal.push({ batch, baseOffset, resolve, reject }));
  }

  /** The append time stamped into the stored batch at baseOffset (0 if it is not stored here). */
  private appendTimeAt(baseOffset: number): number {
    return this.storedBatchAt(baseOffset)?.appendTimeMs ?? 0;
  }

  private storedBatchAt(baseOffset: number): BatchHeader | undefined {
    const index = this.log.indexOfOffset(baseOffset);
    const header = index === undefined ? undefined : this.batchHeaderAt(index);
    return header?.baseOffset === baseOffset ? header : undefined;
  }

  /** Answers the duplicates whose originals are now committed: the batch stored at their offset must be theirs. */
  private answerDuplicates(): void {
    if (this.awaitingOriginal.length === 0) return;
    const waiting: DuplicateWaiter[] = [];
    for (const w of this.awaitingOriginal) {
      if (w.baseOffset >= this.highWatermark) {
        waiting.push(w);
        continue;
      }
      const stored = this.storedBatchAt(w.baseOffset);
      const original = stored !== undefined && stored.producerId === w.batch.producerId &&
        stored.producerEpoch === w.batch.producerEpoch && stored.baseSequence === w.batch.baseSequence;
      if (original) w.resolve({ baseOffset: w.baseOffset, appendTimeMs: stored.appendTimeMs });
      else w.reject(this.notLeaderError());
    }
    this.awaitingOriginal = waiting;
  }

  /**
   * Leader: records the producer state in the log once enough has been applied since the last checkpoint, so a
   * restart re-applies a bounded stretch. The state is the applied one, so the checkpoint names its applied index.
   */
  private maybeCheckpoint(): void {
    if (this.bytesSinceCheckpoint < this.checkpointBytes && this.entriesSinceCheckpoint < this.checkpointEntries) return;
    if (this.checkpointProposedIndex > this.producerStateIndex) return;
    try {
      const data = encodeProducerStateCheckpoint(this.producerStateIndex, this.producers.snapshot());
      this.checkpointProposedIndex = this.replica.propose(data, this.leaderTerm);
    } catch {
      // Leadership is going: the next leader checkpoints.
    }
  }

  private notLeaderError(): PartitionWriteError {
    const leader = this.knownLeaderId === NO_NODE ? 'no leader is known' : `the leader is broker ${this.knownLeaderId}`;
    return new PartitionWriteError(ErrorCode.NOT_LEADER, `not the leader of ${this.topic}/${this.partition}; ${leader}`, this.knownLeaderId);
  }

  // --- GroupStateMachine ------------------------------------------------------------------------------------------

  /** Indexes the batches' offsets in the same transaction; a follower's log end follows its log. */
  onEntriesStaged(entries: readonly Entry[]): void {
    const truncated = entries[0].index <= this.lastStagedIndex;
    const compactedThrough = this.log.firstIndex() - 1;
    let lastBatch: Uint8Array | undefined;
    for (const e of entries) {
      if (!isBatchEntry(e) || e.index <= compactedThrough) continue;
      this.log.indexOffset(batchBaseOffset(e.data), e.index);
      lastBatch = e.data;
    }
    this.lastStagedIndex = entries[entries.length - 1].index;
    // The leader's log end already counts its proposals.
    if (this.leading) return;
    if (lastBatch) this.logEndOffset = batchBaseOffset(lastBatch) + batchRecordCount(lastBatch);
    else if (truncated) this.logEndOffset = this.endOffsetAt(this.lastStagedIndex);
  }

  /** acks=leader: this replica's own fsync of the entries is done. */
  onPersisted(entries: readonly Entry[]): void {
    settle(this.awaitingPersist, entries, () => this.notLeaderError());
  }

  /** Committed entries: the high watermark moves, and acks=all writes among them are answered. */
  apply(entries: readonly Entry[]): void {
    let bytes = 0;
    let records = 0;
    let endOffset = -1;
    for (const e of entries) {
      this.applyToProducerState(e);
      if (!isBatchEntry(e)) continue;
      const count = batchRecordCount(e.data);
      endOffset = batchBaseOffset(e.data) + count;
      // Entries re-delivered after a restart (the stored commit index lags) were counted before.
      if (e.index <= this.committedIndex) continue;
      bytes += e.data.length;
      records += count;
    }
    const last = entries[entries.length - 1].index;
    if (last > this.committedIndex) this.committedIndex = last;
    if (endOffset > this.highWatermark) this.highWatermark = endOffset;
    if (!this.leading && this.logEndOffset < this.highWatermark) this.logEndOffset = this.highWatermark;
    settle(this.awaitingCommit, entries, () => this.notLeaderError());
    this.answerDuplicates();
    if (records === 0) return;
    this.committedBytes += bytes;
    this.counters.recordsAppended.inc(records);
    this.counters.bytesAppended.inc(bytes);
    if (!this.notifyScheduled && this.listeners.size > 0) {
      // Many batches commit together; waiters hear about it once.
      this.notifyScheduled = true;
      queueMicrotask(() => {
        this.notifyScheduled = false;
        for (const listener of [...this.listeners]) listener();
      });
    }
  }

  /** The log now starts after the leader's snapshot: our offsets continue from the end offset it records. */
  restore(snapshot: Snapshot): void {
    const endOffset = snapshotEndOffset(snapshot.data);
    this.snapshotEndOffset = endOffset;
    if (snapshot.metadata.index > this.committedIndex) this.committedIndex = snapshot.metadata.index;
    this.lastStagedIndex = Math.max(this.lastStagedIndex, snapshot.metadata.index);
    this.logStartOffset = endOffset;
    this.highWatermark = endOffset;
    this.logEndOffset = this.endOffsetAt(this.log.lastIndex());
    this.restoreProducerState(snapshot.data);
    this.producerStateIndex = snapshot.metadata.index;
  }

  /** The state at the last applied entry: the offset after it, and the producer state. */
  snapshotData(): Uint8Array {
    return encodePartitionSnapshot(this.highWatermark, this.producers.snapshot());
  }

  onLeadershipChange(leadership: Leadership): void {
    const wasLeading = this.leading;
    const previousTerm = this.leaderTerm;
    this.knownLeaderId = leadership.leaderId;
    if (leadership.role === 'leader') {
      if (wasLeading && previousTerm === leadership.term) return;
      this.failPending();
      this.leading = true;
      this.leaderTerm = leadership.term;
      // Offsets continue after the last batch in our log, committed or not: a new leader keeps its whole log.
      this.logEndOffset = this.endOffsetAt(this.log.lastIndex());
      this.addPendingFromLog();
    } else {
      this.leading = false;
      if (wasLeading || this.awaitingOriginal.length > 0) this.failPending();
    }
  }

  /**
   * A new leader commits its whole log, so the batches in it after the applied index will be written: a retry of
   * one of them is a duplicate, not a new batch.
   */
  private addPendingFromLog(): void {
    const from = Math.max(this.producerStateIndex, this.log.firstIndex() - 1) + 1;
    this.forEachEntry(from, this.log.lastIndex(), (e) => {
      if (!isBatchEntry(e)) return;
      const header = readBatchHeader(e.data);
      if (typeof header !== 'string') this.producers.addPending(header, header.baseOffset);
    });
  }

  onRecovered(): void {
    this.onRecoveredHook?.();
  }

  onFailure(err: Error): void {
    this.failure ??= err;
    const waiting = [...this.awaitingPersist.drain(), ...this.awaitingCommit.drain(), ...this.awaitingOriginal];
    this.awaitingOriginal = [];
    if (waiting.length === 0) return;
    // Proposed before the failure: the entries may be on disk, or on the other replicas, which can commit them
    // without this broker. NOT_LEADER says so ('maybe') and sends the client to whoever leads the partition now.
    const undecided = new PartitionWriteError(ErrorCode.NOT_LEADER,
      `${this.topic}/${this.partition} stopped on this broker before the write was acknowledged (${this.failure.message}); ` +
      'it may still be committed', NO_NODE);
    for (const p of waiting) p.reject(undecided);
  }

  /**
   * Leadership ended or changed term: what is still waiting may or may not commit, so the client hears NOT_LEADER
   * and retries; proposals not yet applied are no longer this leader's to vouch for.
   */
  private failPending(): void {
    this.producers.clearPending();
    this.checkpointProposedIndex = 0;
    const waiting = [...this.awaitingPersist.drain(), ...this.awaitingCommit.drain(), ...this.awaitingOriginal];
    this.awaitingOriginal = [];
    if (waiting.length === 0) return;
    const err = this.notLeaderError();
    for (const p of waiting) p.reject(err);
  }

  /** Calls listener whenever the high watermark moves; returns the unsubscribe function. */
  onHighWatermark(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  offsetProblem(offset: number): PartitionError | undefined {
    if (this.failure instanceof StorageCorruptionError) return { error: ErrorCode.STORAGE_ERROR, message: this.failure.message };
    if (!this.leading) {
      const { error, message, leaderId } = this.notLeaderError();
      return { error, message, leaderId };
    }
    if (!Number.isSafeInteger(offset) || offset < this.logStartOffset || offset > this.highWatermark) {
      return {
        error: ErrorCode.OFFSET_OUT_OF_RANGE,
        message: `offset ${offset} is outside [${this.logStartOffset}, ${this.highWatermark}] of ${this.topic}/${this.partition}`,
      };
    }
    return undefined;
  }

  /**
   * Committed batches from the one holding `offset`, up to maxBytes (the first batch always whole). The first batch
   * may start before `offset`: batches are served as stored and the client skips the records it did not ask for.
   */
  read(offset: number, maxBytes: number): ReadResult {
    const problem = this.offsetProblem(offset);
    if (problem) return problem;
    if (offset === this.highWatermark) return { batches: [] };
    try {
      const batches = this.log.readBatchesAt(offset, this.committedIndex + 1, Math.max(1, maxBytes));
      if (batches) return { batches };
    } catch (err) {
      return { error: ErrorCode.STORAGE_ERROR, message: (err as Error).message };
    }
    return { error: ErrorCode.OFFSET_OUT_OF_RANGE, message: `offset ${offset} is not in the offset index of ${this.topic}/${this.partition}` };
  }

  /**
   * The first offset whose batch's max timestamp is at or after timestampMs (batch precision: records are not
   * decoded), or the high watermark when there is none. A linear scan: listing by time is rare.
   */
  offsetForTimestamp(timestampMs: number): { offset: number; timestampMs: number } | PartitionError {
    let index = this.log.firstIndex();
    const end = this.committedIndex + 1;
    try {
      while (index < end) {
        const batches = this.log.readBatches(index, end, SCAN_BYTES);
        if (batches.length === 0) break;
        for (const batch of batches) {
          const maxTs = batchMaxTimestampMs(batch);
          if (maxTs >= timestampMs) {
            const header = readBatchHeader(batch);
            if (typeof header === 'string') continue;
            return { offset: Math.max(header.baseOffset, this.logStartOffset), timestampMs: maxTs };
          }
        }
        const lastOffset = readBatchHeader(batches[batches.length - 1]);
        if (typeof lastOffset === 'string') break;
        const next = this.log.indexOfOffset(lastOffset.baseOffset);
        if (next === undefined) break;
        index = next + 1;
      }
    } catch (err) {
      return { error: ErrorCode.STORAGE_ERROR, message: (err as Error).message };
    }
    return { offset: this.highWatermark, timestampMs: -1 };
  }

  sizeBytes(): number {
    return this.log.sizeBytes();
  }
}

/**
 * Answers the waiting writes whose entries are in `entries` (consecutive, ascending): resolved if the entry at their
 * index still has their term, rejected otherwise (the proposal was replaced by another leader's entry).
 */
function settle(queue: AckQueue, entries: readonly Entry[], notLeader: () => Error): void {
  const first = entries[0].index;
  const last = entries[entries.length - 1].index;
  for (let p = queue.peek(); p !== undefined && p.index <= last; p = queue.peek()) {
    queue.shift();
    const e = p.index >= first ? entries[p.index - first] : undefined;
    if (e !== undefined && e.term === p.term) p.resolve(p.result);
    else p.reject(notLeader());
  }
}
