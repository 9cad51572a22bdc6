import { ErrorCode } from '../../../client/protocol';
import { countLoad, placeReplicas, type BrokerLoad, type Placement, type PlacementBroker } from '../../../broker/cluster';
import { randomInt, seededRandom } from './seeded-random';

function place(...args: Parameters<typeof placeReplicas>): Placement {
  const result = placeReplicas(...args);
  if ('error' in result) throw new Error(`unexpected placement error: ${result.message}`);
  return result;
}

function spread(load: Map<number, BrokerLoad>, brokers: readonly PlacementBroker[], key: keyof BrokerLoad): number {
  const counts = brokers.map((b) => load.get(b.id)?.[key] ?? 0);
  return Math.max(...counts) - Math.min(...counts);
}

/** Broker ids deliberately sparse and not starting at 1, racks assigned round robin. */
function topology(count: number, racks: number): PlacementBroker[] {
  return Array.from({ length: count }, (_, i) => ({ id: 2 + i * 3, rack: racks > 0 ? `rack-${i % racks}` : '' }));
}

/** Problems of a placement whatever the balance: shape, distinct brokers, only the given brokers. */
function shapeProblems(placement: Placement, partitions: number, rf: number, brokers: readonly PlacementBroker[]): string[] {
  const ids = new Set(brokers.map((b) => b.id));
  const problems: string[] = [];
  if (placement.length !== partitions) problems.push(`${placement.length} partitions, wanted ${partitions}`);
  placement.forEach((replicas, p) => {
    if (replicas.length !== rf) problems.push(`partition ${p}: ${replicas.length} replicas`);
    if (new Set(replicas).size !== replicas.length) problems.push(`partition ${p}: repeated broker in ${replicas.join(',')}`);
    if (replicas.some((id) => !ids.has(id))) problems.push(`partition ${p}: unknown broker in ${replicas.join(',')}`);
  });
  return problems;
}

describe('placeReplicas', () => {
  it('refuses a replication factor above the number of live brokers, as INVALID_TOPIC with the counts', () => {
    const result = placeReplicas({ topic: 't', partitions: 3, replicationFactor: 4, brokers: topology(3, 0) });
    expect(result).toEqual({ error: ErrorCode.INVALID_TOPIC, message: expect.stringContaining('replication factor 4 exceeds the 3 live broker(s)') });
    expect(placeReplicas({ topic: 't', partitions: 1, replicationFactor: 1, brokers: [] })).toHaveProperty('error', ErrorCode.INVALID_TOPIC);
    expect(placeReplicas({ topic: 't', partitions: 0, replicationFactor: 1, brokers: topology(3, 0) })).toHaveProperty('error', ErrorCode.INVALID_TOPIC);
    expect(placeReplicas({ topic: 't', partitions: 1, replicationFactor: 0, brokers: topology(3, 0) })).toHaveProperty('error', ErrorCode.INVALID_TOPIC);
  });

  it('gives the same placement for the same inputs, whatever the order brokers are listed in', () => {
    const brokers = topology(7, 3);
    const load = new Map([[5, { replicas: 4, leaders: 1 }], [11, { replicas: 2, leaders: 2 }]]);
    const a = place({ topic: 'orders', partitions: 24, replicationFactor: 3, brokers, load });
    const b = place({ topic: 'orders', partitions: 24, replicationFactor: 3, brokers: [...brokers].reverse(), load });
    expect(b).toEqual(a);
  });

  it('spreads a fresh cluster evenly: replica and preferred-leader counts differ by at most one (1,000 random topologies)', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const random = seededRandom(seed);
      const count = randomInt(random, 1, 12);
      // No racks, or racks of equal size: uneven racks make even replica counts impossible (see the rack test).
      const evenRackCounts = [2, 3, 4].filter((r) => count % r === 0);
      const racks = random() < 0.5 || evenRackCounts.length === 0 ? 0 : evenRackCounts[randomInt(random, 0, evenRackCounts.length - 1)];
      const brokers = topology(count, racks);
      const rf = randomInt(random, 1, Math.min(count, 5));
      const partitions = randomInt(random, 1, 64);
      const placement = place({ topic: `t${seed}`, partitions, replicationFactor: rf, brokers });
      const where = `seed ${seed} (${count} brokers, ${racks} racks, rf ${rf}, ${partitions} partitions)`;
      problems.push(...shapeProblems(placement, partitions, rf, brokers).map((p) => `${where}: ${p}`));
      const load = countLoad(placement);
      if (spread(load, brokers, 'replicas') > 1) problems.push(`${where}: replica spread ${spread(load, brokers, 'replicas')}`);
      if (spread(load, brokers, 'leaders') > 1) problems.push(`${where}: leader spread ${spread(load, brokers, 'leaders')}`);
    }
    expect(problems).toEqual([]);
  });

  it('with racks on every broker, spreads each partition over min(rf, racks) racks, even when racks are uneven', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 500; seed++) {
      const random = seededRandom(10_000 + seed);
      const count = randomInt(random, 2, 12);
      const racks = randomInt(random, 2, Math.min(count, 5));
      // Uneven racks on purpose: rack i gets brokers i, i + racks, … and the remainder lands on the first racks.
      const brokers = topology(count, racks);
      const rackOf = new Map(brokers.map((b) => [b.id, b.rack]));
      const rf = randomInt(random, 1, Math.min(count, 5));
      const placement = place({ topic: `t${seed}`, partitions: randomInt(random, 1, 40), replicationFactor: rf, brokers });
      placement.forEach((replicas, p) => {
        const spanned = new Set(replicas.map((id) => rackOf.get(id))).size;
        if (spanned !== Math.min(rf, racks)) problems.push(`seed ${seed} partition ${p}: ${spanned} racks for rf ${rf} over ${racks} racks`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('keeps one rack from holding two replicas of a partition while another rack has none', () => {
    // Rack a has four brokers, rack b one: every partition needs its second replica on broker 9.
    const brokers = [{ id: 1, rack: 'a' }, { id: 2, rack: 'a' }, { id: 3, rack: 'a' }, { id: 4, rack: 'a' }, { id: 9, rack: 'b' }];
    const placement = place({ topic: 'skewed', partitions: 8, replicationFactor: 2, brokers });
    expect(placement.every((replicas) => replicas.includes(9))).toBe(true);
    // The lone broker holds every partition, but not every leadership: leaders still spread over all five.
    expect(spread(countLoad(placement), brokers, 'leaders')).toBeLessThanOrEqual(1);
  });

  it('ignores racks unless every broker has one', () => {
    const brokers = [{ id: 1, rack: 'a' }, { id: 2, rack: 'a' }, { id: 3, rack: '' }, { id: 4, rack: 'b' }];
    const placement = place({ topic: 'partial', partitions: 12, replicationFactor: 2, brokers });
    const load = countLoad(placement);
    expect(spread(load, brokers, 'replicas')).toBe(0);
    expect(spread(load, brokers, 'leaders')).toBe(0);
  });

  it('counts existing topics: an empty new broker takes the new replicas until it catches up', () => {
    const brokers = topology(4, 0);
    const [b1, b2, b3, newcomer] = brokers.map((b) => b.id);
    const load = new Map([[b1, { replicas: 10, leaders: 4 }], [b2, { replicas: 10, leaders: 3 }], [b3, { replicas: 10, leaders: 3 }]]);
    const placement = place({ topic: 'after-join', partitions: 6, replicationFactor: 1, brokers, load });
    expect(placement.map(([leader]) => leader)).toEqual(Array(6).fill(newcomer));
    const more = place({ topic: 'after-join', partitions: 4, replicationFactor: 2, brokers, load });
    expect(more.filter((replicas) => replicas.includes(newcomer))).toHaveLength(4);
  });

  it('topic after topic, replica counts never drift apart further than before (or one), without racks (500 random histories)', () => {
    const problems: string[] = [];
    let worstLeaderGrowth = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const random = seededRandom(20_000 + seed);
      const brokers = topology(randomInt(random, 1, 12), 0);
      const all: (readonly number[])[] = [];
      let previousReplicaSpread = 0;
      let previousLeaderSpread = 0;
      for (let t = 0; t < 5; t++) {
        const rf = randomInt(random, 1, Math.min(brokers.length, 5));
        const placement = place({ topic: `t${seed}-${t}`, partitions: randomInt(random, 1, 40), replicationFactor: rf, brokers, load: countLoad(all) });
        all.push(...placement);
        const load = countLoad(all);
        const replicaSpread = spread(load, brokers, 'replicas');
        const leaderSpread = spread(load, brokers, 'leaders');
        if (replicaSpread > Math.max(previousReplicaSpread, 1)) problems.push(`seed ${seed} topic ${t}: replica spread ${previousReplicaSpread} -> ${replicaSpread}`);
        worstLeaderGrowth = Math.max(worstLeaderGrowth, leaderSpread - Math.max(previousLeaderSpread, 1));
        previousReplicaSpread = replicaSpread;
        previousLeaderSpread = leaderSpread;
      }
    }
    expect(problems).toEqual([]);
    // Leaders can only move within the replica sets replica balance chose, so when existing topics left replica and
    // leader counts out of step, a topic may widen the leader spread — by at most one over these histories.
    expect(worstLeaderGrowth).toBeLessThanOrEqual(1);
  });
});
