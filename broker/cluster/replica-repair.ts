// The damaged replicas on this broker, as the operator sees them: one stderr line when a replica is found damaged
// (which group, which partition, the index and the check that failed, and what happens next), another when its
// rebuild is done; the counters and gauges below; and the list /health reports. The repair itself is done by the
// replica's owner (hosted-partitions.ts for partitions, the cluster node for the controller): it stops the group,
// drops its log keeping term and vote, and hosts it again recovering, so that the leader re-sends everything.
//
// A replica whose group has no other member (RF=1, or the controller of a one-seed cluster) has nothing to be
// rebuilt from: it stays stopped with its data untouched, answers STORAGE_ERROR, and the
// rafter_replicas_damaged{state="unrepairable"} gauge (alerted on) asks an operator to restore it.
import { Counter, Gauge, type Registry } from 'prom-client';

export type DamagedState = 'rebuilding' | 'unrepairable';

/** Where a damaged replica belongs: the controller, or a partition. */
export type ReplicaOf = { readonly controller: true } | { readonly topic: string; readonly partition: number };

export interface DamagedReplica {
  readonly groupId: number;
  readonly of: ReplicaOf;
  readonly state: DamagedState;
  /** The damage found (the same error may be reported by several readers: the store, the Raft host, a fetch). */
  readonly error: Error;
  /** Whether its log was dropped and it is hosted again, recovering: later damage is new damage. */
  readonly rebuildStarted: boolean;
  readonly sinceMs: number;
}

export interface ReplicaRepairsOptions {
  readonly brokerId: number;
  readonly registry?: Registry;
  /** One line to the operator (stderr in a broker process). */
  readonly log: (line: string) => void;
  readonly now?: () => number;
}

export function describeReplica(of: ReplicaOf, groupId: number): string {
  return 'controller' in of ? `the controller (group ${groupId})` : `${of.topic}/${of.partition} (group ${groupId})`;
}

export class ReplicaRepairs {
  private readonly damaged = new Map<number, DamagedReplica>();
  private readonly found: Counter<string>;
  private readonly started: Counter<string>;
  private readonly completed: Counter<string>;
  private readonly now: () => number;

  constructor(private readonly options: ReplicaRepairsOptions) {
    this.now = options.now ?? Date.now;
    const registers = options.registry ? [options.registry] : [];
    this.found = new Counter({
      name: 'rafter_replica_damage_found_total', help: 'Replicas on this broker found with damaged stored data (each stops alone)', registers,
    });
    this.started = new Counter({
      name: 'rafter_replica_repairs_started_total', help: 'Damaged replicas whose log was dropped to be rebuilt from the other replicas', registers,
    });
    this.completed = new Counter({
      name: 'rafter_replica_repairs_completed_total', help: 'Rebuilt replicas that caught up with their leader and vote again', registers,
    });
    const damaged = this.damaged;
    new Gauge({
      name: 'rafter_replicas_damaged',
      help: 'Replicas on this broker now stopped by damage: rebuilding from the others, or unrepairable (no other replica; an operator must act)',
      labelNames: ['state'], registers,
      collect() {
        const counts: Record<DamagedState, number> = { rebuilding: 0, unrepairable: 0 };
        for (const d of damaged.values()) counts[d.state]++;
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }

  /**
   * A replica was found damaged (its owner stops it). `others` are the group's other members it can be rebuilt from.
   * Returns whether the owner should rebuild it: not when this is damage already known (the same error from
   * another reader, or any report before the rebuild dropped the damaged log), not when there is nobody to rebuild
   * from, and not when it is damaged again after its rebuild began (what it wrote since is bad too: the store
   * itself may be failing, and an operator must look).
   */
  reportDamaged(groupId: number, of: ReplicaOf, err: Error, others: readonly number[]): boolean {
    const known = this.damaged.get(groupId);
    if (known && (!known.rebuildStarted || known.error === err)) return false;
    const again = known !== undefined;
    const state: DamagedState = others.length > 0 && !again ? 'rebuilding' : 'unrepairable';
    this.damaged.set(groupId, { groupId, of, state, error: err, rebuildStarted: false, sinceMs: this.now() });
    this.found.inc();
    const next = state === 'rebuilding' ? `rebuilding from replicas ${others.join(',')}`
      : again ? 'damaged again while being rebuilt, so the store may be failing: it stays stopped until an operator acts'
        : 'no other replica to rebuild from: it answers STORAGE_ERROR until an operator restores the data';
    this.options.log(`rafter broker ${this.options.brokerId}: replica of ${describeReplica(of, groupId)} is damaged, stopped here alone: ${err.message}; ${next}`);
    return state === 'rebuilding';
  }

  /** The damaged replica's log is dropped and it is hosted again, recovering. */
  rebuildStarted(groupId: number): void {
    const d = this.damaged.get(groupId);
    if (d?.state !== 'rebuilding') return;
    this.damaged.set(groupId, { ...d, rebuildStarted: true });
    this.started.inc();
  }


  /** A replica left recovery: if it was being rebuilt, the repair is done. */
  recovered(groupId: number): void {
    const d = this.damaged.get(groupId);
    if (!d || d.state !== 'rebuilding') return;
    this.damaged.delete(groupId);
    this.completed.inc();
    const tookS = Math.round((this.now() - d.sinceMs) / 100) / 10;
    this.options.log(`rafter broker ${this.options.brokerId}: replica of ${describeReplica(d.of, groupId)} rebuilt from the other replicas in ${tookS} s; it votes again`);
  }

  /** The group went away (its topic was deleted): nothing to repair any more. */
  forget(groupId: number): void {
    this.damaged.delete(groupId);
  }

  get(groupId: number): DamagedReplica | undefined {
    return this.damaged.get(groupId);
  }

  list(): DamagedReplica[] {
    return [...this.damaged.values()].sort((a, b) => a.groupId - b.groupId);
  }
}
