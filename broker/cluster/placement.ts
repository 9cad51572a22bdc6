// Where a new topic's replicas go. Pure: the controller leader calls it before proposing CreateTopic, and the
// command carries the result, so followers never recompute it (the same inputs give the same result all the same).
//
// Each partition takes its replicas one at a time from the brokers holding the fewest replicas so far (existing
// topics included), and when every broker has a rack, from a rack the partition does not use yet: Kafka's rack-aware
// spread, reached greedily instead of by its interleaved round robin so that the existing load counts. Ties go to
// the broker with fewer preferred leaderships, then to a rotation seeded by the topic name, so that small topics do
// not all start on the lowest broker id.
//
// Preferred leaders are then chosen among each partition's replicas: greedily, then improved along augmenting paths
// (move p's leadership from a to b, q's from b to c, …) until no broker leads two or more partitions more than some
// broker it could hand one to. A leader-balanced placement matters because the preferred leader is where leadership
// is steered back to after failures.
import { ErrorCode } from '../../client/protocol';
import type { TopicError } from '../topics';
import type { Placement } from './commands';

export interface PlacementBroker {
  readonly id: number;
  /** '' when the broker has no rack. */
  readonly rack: string;
}

export interface BrokerLoad {
  /** Replicas the broker holds. */
  replicas: number;
  /** Partitions whose preferred leader (first replica) it is. */
  leaders: number;
}

export interface PlacementRequest {
  /** Seeds the tie-breaking rotation. */
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** The brokers that may receive replicas (the live ones); ids distinct. */
  readonly brokers: readonly PlacementBroker[];
  /** What existing topics already put on each broker; brokers missing from it hold nothing. */
  readonly load?: ReadonlyMap<number, BrokerLoad>;
}

/** Replica and preferred-leader counts per broker of the given placements. */
export function countLoad(placements: Iterable<readonly number[]>): Map<number, BrokerLoad> {
  const load = new Map<number, BrokerLoad>();
  for (const replicas of placements) {
    replicas.forEach((id, i) => {
      const l = load.get(id) ?? { replicas: 0, leaders: 0 };
      l.replicas += 1;
      if (i === 0) l.leaders += 1;
      load.set(id, l);
    });
  }
  return load;
}

/** FNV-1a: a stable, well-spread seed from the topic name. */
function nameSeed(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Candidate {
  readonly id: number;
  readonly rack: string;
  /** Position in the topic's rotation: the last tie-breaker. */
  readonly rank: number;
  replicas: number;
  leaders: number;
}

export function placeReplicas(request: PlacementRequest): Placement | TopicError {
  const { partitions, replicationFactor: rf, brokers } = request;
  if (!Number.isSafeInteger(partitions) || partitions < 1) {
    return { error: ErrorCode.INVALID_TOPIC, message: `partitions must be at least 1, got ${partitions}` };
  }
  if (!Number.isSafeInteger(rf) || rf < 1) {
    return { error: ErrorCode.INVALID_TOPIC, message: `replication factor must be at least 1, got ${rf}` };
  }
  if (rf > brokers.length) {
    return {
      error: ErrorCode.INVALID_TOPIC,
      message: `replication factor ${rf} exceeds the ${brokers.length} live broker(s) that could hold a replica`,
    };
  }
  if (new Set(brokers.map((b) => b.id)).size !== brokers.length) throw new Error('placeReplicas: broker ids must be distinct');

  const sorted = [...brokers].sort((a, b) => a.id - b.id);
  const start = nameSeed(request.topic) % sorted.length;
  const candidates: Candidate[] = sorted.map((b, i) => {
    const load = request.load?.get(b.id);
    return { id: b.id, rack: b.rack, rank: (i - start + sorted.length) % sorted.length, replicas: load?.replicas ?? 0, leaders: load?.leaders ?? 0 };
  });
  // Racks count only when every broker has one: a broker without a rack could sit anywhere, so spreading "across
  // racks" with it would promise nothing.
  const rackAware = candidates.every((c) => c.rack !== '');

  const sets: Candidate[][] = [];
  for (let p = 0; p < partitions; p++) {
    const chosen: Candidate[] = [];
    const usedRacks = new Set<string>();
    for (let k = 0; k < rf; k++) {
      let pool = candidates.filter((c) => !chosen.includes(c));
      if (rackAware) {
        const fresh = pool.filter((c) => !usedRacks.has(c.rack));
        if (fresh.length > 0) pool = fresh;
      }
      const pick = pool.reduce((best, c) => (byReplicasThenLeaders(c, best) < 0 ? c : best));
      pick.replicas += 1;
      chosen.push(pick);
      usedRacks.add(pick.rack);
    }
    sets.push(chosen);
  }

  const leaderOf = sets.map((set) => {
    const leader = set.reduce((best, c) => (byLeadersThenReplicas(c, best) < 0 ? c : best));
    leader.leaders += 1;
    return leader;
  });
  while (maybeShiftLeadership(sets, leaderOf));

  return sets.map((set, p) => [leaderOf[p].id, ...set.filter((c) => c !== leaderOf[p]).map((c) => c.id)]);
}

function byReplicasThenLeaders(a: Candidate, b: Candidate): number {
  return a.replicas - b.replicas || a.leaders - b.leaders || a.rank - b.rank;
}

function byLeadersThenReplicas(a: Candidate, b: Candidate): number {
  return a.leaders - b.leaders || a.replicas - b.replicas || a.rank - b.rank;
}

/**
 * Finds a broker u and a chain of the new partitions u → … → v, each led by the previous broker and holding a
 * replica on the next, with v leading at least two fewer partitions than u; moves each leadership one step along it.
 * Every shift lowers the sum of squared leader counts, so repeating it terminates.
 */
function maybeShiftLeadership(sets: Candidate[][], leaderOf: Candidate[]): boolean {
  const led = new Map<Candidate, number[]>();
  leaderOf.forEach((c, p) => {
    const list = led.get(c);
    if (list) list.push(p);
    else led.set(c, [p]);
  });
  const sources = [...led.keys()].sort((a, b) => b.leaders - a.leaders || a.rank - b.rank);
  for (const source of sources) {
    // Breadth-first over brokers; `via` remembers the partition whose leadership would move into each one.
    const via = new Map<Candidate, number>();
    const queue: Candidate[] = [source];
    const seen = new Set<Candidate>([source]);
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head];
      for (const p of led.get(from) ?? []) {
        for (const to of sets[p]) {
          if (seen.has(to)) continue;
          seen.add(to);
          via.set(to, p);
          if (to.leaders <= source.leaders - 2) {
            for (let at = to; at !== source;) {
              const partition = via.get(at)!;
              const previous = leaderOf[partition];
              leaderOf[partition] = at;
              at = previous;
            }
            source.leaders -= 1;
            to.leaders += 1;
            return true;
          }
          queue.push(to);
        }
      }
    }
  }
  return false;
}
