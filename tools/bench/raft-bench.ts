// Raft core throughput: committed entries per second through a 3-node in-memory cluster. The leader proposes
// batches of small entries; every node runs the host loop (Ready → send → persist to MemoryStorage → apply →
// advance) over the simulator's network with zero delay and no faults. Measures the Raft core alone: no disk, no
// sockets, one core.
//   node bin/run-ts.cjs tools/bench/raft-bench.ts [--entries N] [--batch B] [--bytes S]
import { parseArgs } from 'node:util';
import { MemoryStorage, RaftNode } from '../../broker/raft';
import type { Message } from '../../broker/raft';
import { drawFaultPlan } from '../../test/sim/fault-plan';
import { Network } from '../../test/sim/network';
import { Prng } from '../../test/sim/prng';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '5000000' },
    batch: { type: 'string', default: '1000' },
    bytes: { type: 'string', default: '16' },
    window: { type: 'string', default: '8' },
  },
});
const totalEntries = Number(values.entries);
const batchSize = Number(values.batch);
const entryBytes = Number(values.bytes);
/** Batches proposed but not yet committed: the pipeline depth a real leader keeps under load. */
const windowBatches = Number(values.window);

const NODE_IDS = [1, 2, 3];
const rng = new Prng(1);
const plan = { ...drawFaultPlan(rng.fork(), 3, 'calm'), delayMinUnits: 0, delayMaxUnits: 0, dropRate: 0, dupRate: 0 };
const network = new Network(rng.fork(), plan, 3);

interface BenchNode {
  readonly raft: RaftNode;
  readonly storage: MemoryStorage;
  applied: number;
}

function makeNode(id: number): BenchNode {
  const storage = new MemoryStorage();
  storage.applySnapshot({
    metadata: { index: 0, term: 0, confState: { voters: NODE_IDS, learners: [], votersOutgoing: [] } },
    data: new Uint8Array(0),
  });
  const random = rng.fork();
  const raft = new RaftNode({
    id, storage, electionTicks: 10, heartbeatTicks: 1, random: () => random.float(),
    maxSizePerMsgBytes: 1 << 20, maxInflightMsgs: 256,
  });
  return { raft, storage, applied: 0 };
}

const nodes = NODE_IDS.map(makeNode);
let wire: Message[] = [];
const delays: number[] = [];

function send(msgs: readonly Message[]): void {
  for (const m of msgs) {
    network.route(m.from, m.to, delays);
    if (delays.length > 0) wire.push(m);
  }
}

/** One round: every node with work runs its Ready loop, then every message in flight is delivered. */
function round(): void {
  for (const n of nodes) {
    if (!n.raft.hasReady()) continue;
    const rd = n.raft.ready();
    send(rd.messages);
    if (rd.snapshot !== undefined) n.storage.applySnapshot(rd.snapshot);
    if (rd.entries.length > 0) n.storage.append(rd.entries);
    if (rd.hardState !== undefined) n.storage.setHardState(rd.hardState);
    send(rd.messagesAfterPersist);
    if (rd.committedEntries.length > 0) n.applied = rd.committedEntries[rd.committedEntries.length - 1]!.index;
    n.raft.advance();
  }
  const inFlight = wire;
  wire = [];
  for (const m of inFlight) nodes[m.to - 1]!.raft.step(m);
}

function leader(): BenchNode {
  nodes[0]!.raft.campaign();
  for (let i = 0; i < 100; i++) {
    round();
    if (nodes[0]!.raft.status().role === 'leader') return nodes[0]!;
  }
  throw new Error('node 1 did not become leader');
}

const lead = leader();
const payload = new Uint8Array(entryBytes);
const batch: Uint8Array[] = new Array<Uint8Array>(batchSize).fill(payload);
const startIndex = lead.applied;
let proposed = 0;
let rounds = 0;
let ticks = 0;
const started = process.hrtime.bigint();
while (lead.applied - startIndex < totalEntries) {
  while (proposed < totalEntries && proposed - (lead.applied - startIndex) < windowBatches * batchSize) {
    lead.raft.proposeBatch(batch);
    proposed += batchSize;
  }
  round();
  // Heartbeats keep followers' commit indexes moving; a tick every few rounds is what a 1-ms tick sees at load.
  if (++rounds % 16 === 0) {
    for (const n of nodes) n.raft.tick();
    ticks++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const committed = lead.applied - startIndex;
const minFollower = Math.min(...nodes.map((n) => n.applied)) - startIndex;
console.log(`raft-bench: 3 nodes, in-memory, zero-delay network; proposeBatch of ${batchSize} x ${entryBytes} B, ` +
  `window ${windowBatches} batches`);
console.log(`committed ${committed} entries in ${seconds.toFixed(2)} s (${rounds} rounds, ${ticks} ticks): ` +
  `${Math.round(committed / seconds).toLocaleString('en-US')} entries/s; slowest follower applied ${minFollower}`);
