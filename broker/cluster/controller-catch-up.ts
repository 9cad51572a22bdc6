// How long a broker's controller is "catching up": while its group 0 is recovering (a new store joining a formed
// cluster, a damaged replica being rebuilt), and after it left recovery until it has applied the commit index it
// caught up to — entries up to that index may be older than this store. Partition replicas placed here meanwhile
// with no data of their own may belong to groups this broker voted in under a store it no longer has, so they start
// recovering too (hosted-partitions.ts); once it has caught up, a replica with no data belongs to a group created
// since, and starts as any new group does.
//
// The record lives in the store's meta, so a restart in the middle stays safe: written when group 0 starts
// recovering (staged with the recovering flag of the group itself), and again with the commit index once it left.
// A crash between the flag's clearing and that second write leaves the record without an index: then the whole of
// group 0's log at restart counts as caught up to, which can only be later than the true point.
import type { RaftIndex } from '../raft';
import { StorageCorruptionError, type BrokerStore } from '../storage';
import { CONTROLLER_GROUP_ID } from './controller-state';

const META_KEY = 'controller-catch-up';

interface CatchUpRecord {
  /** The commit index group 0 held when it left recovery; absent while it is recovering. */
  readonly caughtUpAt?: RaftIndex;
}

function decode(bytes: Uint8Array | undefined): CatchUpRecord | undefined {
  if (!bytes) return undefined;
  const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { caughtUpAt?: unknown };
  return Number.isSafeInteger(parsed.caughtUpAt) ? { caughtUpAt: parsed.caughtUpAt as number } : {};
}

function encode(record: CatchUpRecord): Uint8Array {
  return Buffer.from(JSON.stringify(record), 'utf8');
}

/** This broker's replica of group 0, as far as catching up is concerned. */
export interface ControllerReplicaView {
  readonly recovering: boolean;
  readonly applied: RaftIndex;
}

export class ControllerCatchUp {
  private caughtUpAt: RaftIndex | undefined;

  constructor(private readonly store: BrokerStore) {
    const record = decode(store.getMeta(META_KEY));
    if (!record) return;
    this.caughtUpAt = record.caughtUpAt;
    if (this.caughtUpAt !== undefined) return;
    try {
      const log = store.group(CONTROLLER_GROUP_ID);
      if (!log.isRecovering()) this.caughtUpAt = log.lastIndex();
    } catch (err) {
      // A group 0 that cannot be read is rebuilt, recovering, which begins the record anew.
      if (!(err instanceof StorageCorruptionError)) throw err;
    }
  }

  /** Group 0 starts recovering here (staged: it rides with the group's own recovering flag). */
  begin(): void {
    this.caughtUpAt = undefined;
    this.store.putMeta(META_KEY, encode({}));
  }

  /** Group 0 left recovery holding this commit index. */
  caughtUp(commit: RaftIndex): Promise<void> {
    this.caughtUpAt = commit;
    this.store.putMeta(META_KEY, encode({ caughtUpAt: commit }));
    return this.store.commit();
  }

  /** Whether placement read from group 0 may still name groups older than this store (no replica here: yes). */
  catchingUp(controller: ControllerReplicaView | undefined): boolean {
    if (!controller || controller.recovering) return true;
    return this.caughtUpAt !== undefined && controller.applied < this.caughtUpAt;
  }
}
