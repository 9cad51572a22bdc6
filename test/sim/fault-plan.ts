// What a seed throws at the cluster: every rate and delay of a run is drawn here, once, from the seed. Seeds draw
// from several mixes (calm, lossy, partitioned, crashing, churning membership) the way FoundationDB's BUGGIFY turns
// faults on per run: one run with everything at a middling rate finds less than many runs each heavy on a few faults.
import type { Prng } from './prng';

/** Simulated time: a node ticks its Raft groups about every TICK_UNITS units; messages and fsyncs take units. */
export const TICK_UNITS = 100;

export interface FaultPlan {
  readonly mix: string;
  /** Per node: units between its ticks (clocks drift apart, so elections do not line up). */
  readonly tickUnits: readonly number[];
  readonly delayMinUnits: number;
  readonly delayMaxUnits: number;
  readonly dropRate: number;
  readonly dupRate: number;
  /** Upper bound of an fsync's duration; each sync draws in [1, syncMaxUnits]. */
  readonly syncMaxUnits: number;
  /** Mean units between nemesis actions (crash, partition, membership change, leader transfer, …). */
  readonly nemesisEveryUnits: number;
  readonly weights: NemesisWeights;
  readonly crashDownUnitsMax: number;
  /** Chance that a freshly elected leader is crashed or isolated soon after, before its entries spread. */
  readonly newLeaderFaultRate: number;
  /** Upper bound of the units between that election and the fault. */
  readonly newLeaderFaultUnitsMax: number;
  readonly partitionUnitsMax: number;
  /** Client proposals per group per tick, on average. */
  readonly proposalsPerTick: number;
  /** Applied entries a replica keeps before it snapshots and compacts (0: never compacts). */
  readonly compactAfterEntries: number;
  /** The app keeps its applied state only in snapshots (restarts replay the log) or with every fsync. */
  readonly appDurability: 'snapshot' | 'sync';
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly maxSizePerMsgBytes: number;
  readonly maxInflightMsgs: number;
}

export interface NemesisWeights {
  readonly crash: number;
  readonly crashLeader: number;
  readonly partition: number;
  readonly isolateLeader: number;
  readonly oneWay: number;
  readonly membership: number;
  readonly transfer: number;
  readonly compact: number;
  /** A node crashes and comes back with an emptied store (every group), recovering. */
  readonly wipe: number;
  /** One group of one node loses its log (its term and vote survive) and restarts recovering. */
  readonly repair: number;
}

export type NemesisAction = keyof NemesisWeights;

const NO_FAULTS: NemesisWeights = {
  crash: 0, crashLeader: 0, partition: 0, isolateLeader: 0, oneWay: 0, membership: 0, transfer: 0, compact: 0,
  wipe: 0, repair: 0,
};

interface Mix {
  readonly name: string;
  readonly weights: NemesisWeights;
  readonly lossy: boolean;
  /** Settings the mix fixes instead of drawing them. */
  readonly fixed?: Partial<FaultPlan>;
}

const MIXES: readonly Mix[] = [
  { name: 'calm', lossy: false, weights: { ...NO_FAULTS, transfer: 1, compact: 1 } },
  { name: 'lossy', lossy: true, weights: { ...NO_FAULTS, compact: 1, transfer: 1 } },
  { name: 'partitions', lossy: false, weights: { ...NO_FAULTS, partition: 3, isolateLeader: 3, oneWay: 2, compact: 1 } },
  { name: 'crashes', lossy: false, weights: { ...NO_FAULTS, crash: 3, crashLeader: 3, compact: 1 } },
  { name: 'membership', lossy: false, weights: { ...NO_FAULTS, membership: 4, transfer: 2, crash: 1, compact: 1 } },
  {
    // Figure 8 of the Raft paper: leaders come and go before their entries spread, so logs of different terms
    // overlap at the same indexes. Small messages let a follower acknowledge old entries before the new leader's
    // own, and slow fsyncs make a crash lose the leader's unsynced tail.
    name: 'leader-churn', lossy: false,
    weights: { ...NO_FAULTS, crashLeader: 1, isolateLeader: 1, crash: 1 },
    fixed: {
      nemesisEveryUnits: 20 * TICK_UNITS, crashDownUnitsMax: 15 * TICK_UNITS, partitionUnitsMax: 15 * TICK_UNITS,
      maxSizePerMsgBytes: 48, proposalsPerTick: 1, syncMaxUnits: 100, delayMaxUnits: 50,
      newLeaderFaultRate: 0.6, newLeaderFaultUnitsMax: 4 * TICK_UNITS,
    },
  },
  {
    name: 'chaos', lossy: true,
    weights: {
      ...NO_FAULTS, crash: 2, crashLeader: 2, partition: 2, isolateLeader: 2, oneWay: 1, membership: 2, transfer: 1,
      compact: 1,
    },
  },
  {
    // Issue 9: a replica loses its state (an emptied data directory, a damaged group rebuilt) while others lag
    // behind partitions or crash, leaders above all. No membership churn: a group shrunk to two voters cannot
    // lose one replica's state and stay live, by any protocol.
    name: 'wipes', lossy: true,
    weights: {
      ...NO_FAULTS, wipe: 2, repair: 2, crash: 1, crashLeader: 2, partition: 1, isolateLeader: 2, oneWay: 1,
      transfer: 1, compact: 1,
    },
  },
];

export const MIX_NAMES: readonly string[] = MIXES.map((m) => m.name);

export function drawFaultPlan(rng: Prng, nodeCount: number, mixName?: string): FaultPlan {
  const mix = mixName === undefined ? rng.pick(MIXES) : MIXES.find((m) => m.name === mixName);
  if (mix === undefined) throw new Error(`unknown fault mix ${mixName}; known: ${MIX_NAMES.join(', ')}`);
  const tickUnits: number[] = [];
  const skew = rng.pick([0, 5, 20]);
  for (let i = 0; i < nodeCount; i++) tickUnits.push(TICK_UNITS - skew + rng.int(2 * skew + 1));
  const delayMaxUnits = rng.pick([1, 10, 50, 150, 400]);
  const preVote = rng.chance(0.75);
  // A removed server that never learns of its removal campaigns forever; without PreVote or CheckQuorum nothing
  // stops it from deposing every leader (thesis §4.2.3), so membership churn needs one of them.
  const checkQuorum = rng.chance(0.75) || (!preVote && mix.weights.membership > 0);
  return {
    mix: mix.name,
    tickUnits,
    delayMinUnits: rng.range(0, Math.min(delayMaxUnits, 20)),
    delayMaxUnits,
    dropRate: mix.lossy ? rng.pick([0.02, 0.1, 0.3]) : rng.pick([0, 0, 0.01]),
    dupRate: mix.lossy ? rng.pick([0.02, 0.1]) : rng.pick([0, 0.01]),
    syncMaxUnits: rng.pick([1, 20, 100, 300]),
    nemesisEveryUnits: TICK_UNITS * rng.pick([3, 10, 30]),
    weights: mix.weights,
    crashDownUnitsMax: TICK_UNITS * rng.pick([2, 20, 60]),
    newLeaderFaultRate: 0,
    newLeaderFaultUnitsMax: 0,
    partitionUnitsMax: TICK_UNITS * rng.pick([5, 30, 100]),
    proposalsPerTick: rng.pick([0.05, 0.3, 1, 3]),
    compactAfterEntries: rng.pick([0, 5, 30, 200]),
    appDurability: rng.chance(0.5) ? 'snapshot' : 'sync',
    preVote,
    checkQuorum,
    maxSizePerMsgBytes: rng.pick([64, 1024, 1 << 20]),
    maxInflightMsgs: rng.pick([1, 4, 256]),
    ...mix.fixed,
  };
}

export function pickNemesisAction(rng: Prng, weights: NemesisWeights): NemesisAction | undefined {
  let total = 0;
  for (const key of Object.keys(weights) as NemesisAction[]) total += weights[key];
  if (total === 0) return undefined;
  let r = rng.float() * total;
  for (const key of Object.keys(weights) as NemesisAction[]) {
    r -= weights[key];
    if (r < 0) return key;
  }
  return undefined;
}
