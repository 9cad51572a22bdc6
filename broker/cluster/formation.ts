// Whether a broker whose store holds no controller group — a first start, a wiped or replaced data directory, a
// --rebuild-from-peers — may found the cluster as a voter of group 0, or must join it recovering: learning
// everything from a leader before it votes or counts toward a quorum. (Redpanda's seed-driven bootstrap and etcd's
// initial-cluster-state answer the same question.) Without the rule, a wiped broker rejoins under its old id, votes
// with an empty log, and helps elect a leader that lacks acknowledged entries.
//
// The rule: found only once EVERY seed has said, in a peer Hello of a connection made after this store was, that
// its own group 0 is unformed; recover as soon as any seed says it is formed; otherwise wait.
//
// Every seed, not a majority. Seeds A, B, C; A and B commit entries while C is down. Pause A and wipe B: C (never
// took part) and B (empty) are a majority, and both truthfully say "unformed". Founding on that, they would elect a
// leader without what A holds, and A's acknowledged entries would be overwritten when it returns. A seed that says
// nothing (paused, down, unreachable) may hold everything, so silence never counts as unformed.
//
// Why all-unformed proves nothing can be lost: anything ever committed in group 0 was taken part in by a majority
// of the seeds (a term past 1, entries past the bootstrap snapshot), and a seed that took part in anything says
// "formed" as long as it holds it. This store is new, so it holds nothing either. If every seed said "unformed"
// after this store existed, no store anywhere held any of group 0 when it spoke; what a seed took part in after
// speaking, it took part in with this broker as a founding member of the same new cluster, which is ordinary Raft.
// Reports are kept once heard: a seed that said "unformed" and then founded with the others does not make a slow
// broker's founding unsafe — the slow broker joins with an empty log and a term of 1, which is what any founding
// voter that has not yet heard from its leader has.
import type { NodeId, Term } from '../raft';

export type FormationDecision = 'founding' | 'recovering' | 'undecided';

/** What a seed's Hello said of its store. */
export interface StoreReport {
  readonly storeId: string;
  readonly controllerUnformed: boolean;
}

export class Formation {
  private readonly unformed = new Map<NodeId, string>();
  private formedBy: { brokerId: NodeId; storeId: string } | undefined;

  /** `seedIds` are group 0's voters, this broker among them; this broker's own store is new and unformed. */
  constructor(private readonly brokerId: NodeId, private readonly seedIds: readonly NodeId[]) {
    if (!seedIds.includes(brokerId)) throw new Error(`broker ${brokerId} is not among the seeds ${seedIds.join(',')}`);
  }

  /** A seed's report, from a connection made after this store was. Reports of non-seeds are not asked for. */
  report(brokerId: NodeId, report: StoreReport): void {
    if (brokerId === this.brokerId || !this.seedIds.includes(brokerId)) return;
    if (report.controllerUnformed) this.unformed.set(brokerId, report.storeId);
    else this.formedBy ??= { brokerId, storeId: report.storeId };
  }

  decision(): FormationDecision {
    if (this.formedBy) return 'recovering';
    return this.waitingFor().length === 0 ? 'founding' : 'undecided';
  }

  /** The seeds not heard from yet (only while undecided does this matter). */
  waitingFor(): NodeId[] {
    return this.seedIds.filter((id) => id !== this.brokerId && !this.unformed.has(id));
  }

  /** Why the decision is what it is, for the log line that announces it. */
  explain(): string {
    if (this.formedBy) {
      return `broker ${this.formedBy.brokerId} (store ${this.formedBy.storeId || 'unknown'}) reports the cluster formed`;
    }
    const heard = [...this.unformed].map(([id, storeId]) => `${id} (store ${storeId || 'unknown'})`);
    const waiting = this.waitingFor();
    if (waiting.length === 0) return heard.length === 0 ? 'the only seed' : `every other seed reports unformed: ${heard.join(', ')}`;
    return `waiting for seeds ${waiting.join(',')} to report; unformed so far: ${heard.length > 0 ? heard.join(', ') : 'none'}`;
  }
}

/** What this broker's own group 0 looks like, for its Hello. */
export interface ControllerGroupView {
  /** No group 0 here yet: the store is new and has not decided how to join. */
  readonly hosted: boolean;
  readonly recovering: boolean;
  readonly lastIndex: number;
  readonly term: Term;
  readonly vote: NodeId;
}

/**
 * Whether this broker's group 0 has never taken part: none yet, or only its bootstrap snapshot (index 1) at term 1 or
 * less with no vote cast. A recovering group 0 has been told the cluster exists, so it is formed.
 */
export function isControllerUnformed(view: ControllerGroupView): boolean {
  if (!view.hosted) return true;
  return !view.recovering && view.lastIndex <= 1 && view.term <= 1 && view.vote === 0;
}
