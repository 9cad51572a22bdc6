// What one replica's disk holds after its last completed fsync. The simulator writes every Ready into the volatile
// MemoryStorage at once (what Raft reads) and into this image only when the fsync completes, so a crash keeps
// exactly the synced prefix of the write stream and loses the rest, as a real disk would.
import type { ConfState, Entry, HardState, Snapshot } from '../../broker/raft/types';
import { EMPTY_HARD_STATE } from '../../broker/raft/types';

/** The app's durable state: the applied index it resumes from, its digest there, and the membership there. */
export interface AppCheckpoint {
  readonly index: number;
  readonly digest: number;
  readonly confState: ConfState;
}

export interface WriteBatch {
  readonly hardState?: HardState;
  readonly entries: readonly Entry[];
  readonly snapshot?: Snapshot;
  /** Present (false) when the replica left recovery (Ready.recovering). */
  readonly recovering?: boolean;
}

export class DurableLog {
  hardState: HardState = EMPTY_HARD_STATE;
  /** entries[i] has index snapshot.metadata.index + 1 + i. */
  entries: Entry[] = [];
  /** The replica lost or repaired its state and has not caught up yet (the host's persisted flag). */
  recovering = false;

  constructor(
    public snapshot: Snapshot,
    public app: AppCheckpoint,
  ) {}

  get lastIndex(): number {
    return this.snapshot.metadata.index + this.entries.length;
  }

  /** Applies one Ready's writes in the order a storage engine must: snapshot, then entries, then hard state. */
  write(batch: WriteBatch): void {
    if (batch.snapshot !== undefined) this.installSnapshot(batch.snapshot);
    if (batch.entries.length > 0) this.append(batch.entries);
    if (batch.hardState !== undefined) this.hardState = batch.hardState;
    if (batch.recovering !== undefined) this.recovering = batch.recovering;
  }

  /** The app snapshotted its state machine: entries up to the snapshot go, the snapshot stays. */
  compact(snapshot: Snapshot): void {
    const drop = snapshot.metadata.index - this.snapshot.metadata.index;
    if (drop <= 0) return;
    this.entries = this.entries.slice(drop);
    this.snapshot = snapshot;
  }

  private installSnapshot(snapshot: Snapshot): void {
    const index = snapshot.metadata.index;
    const offset = index - this.snapshot.metadata.index;
    const keep = offset > 0 && offset <= this.entries.length && this.entries[offset - 1]!.term === snapshot.metadata.term;
    this.entries = keep ? this.entries.slice(offset) : [];
    this.snapshot = snapshot;
  }

  private append(entries: readonly Entry[]): void {
    const first = entries[0]!.index;
    const base = this.snapshot.metadata.index;
    if (first <= base) throw new Error(`durable append at ${first}, at or before the snapshot at ${base}`);
    if (first > this.lastIndex + 1) throw new Error(`durable append at ${first} leaves a gap after ${this.lastIndex}`);
    this.entries.length = first - base - 1;
    for (const e of entries) this.entries.push(e);
  }
}
