// Issue 10, deliverable 2, on three real broker processes: forged Raft messages sent to a broker's peer endpoint as
// another broker of the cluster, one kind per test, each of which once corrupted or stopped the cluster:
// - a 1-byte entry in a partition group (a RangeError in Partition.onEntriesStaged failed the followers' whole Raft
//   host: the partition had no leader once its leader died);
// - a controller snapshot of version 99 (restore threw in the flush cycle, and again at every start);
// - a vote at term 2^53 (a term that can never be raised again: no leader after the leader's death);
// - a partition snapshot at index 1e6 holding garbage (the follower's restore threw, and its answer made the leader
//   exit with "node N needs index 1000001 but the latest snapshot is at 1");
// - a controller command that does not decode (committed and applied by every broker).
// Each is now refused before Raft sees it and counted by reason. After each: every broker still runs and is
// healthy, everything acknowledged reads back once at its offset, and the cluster elects a new leader when a
// leader is SIGKILLed (and the killed broker restarts and catches up).
import { Rafter } from '../../client';
import { CONTROLLER_CONTENT_RULES } from '../../broker/cluster/controller-service';
import { ControllerState } from '../../broker/cluster/controller-state';
import { rafter as controllerWire } from '../../broker/cluster/generated/controller';
import { EntryType, MessageType, VOTE_TRANSFER, type Message } from '../../broker/raft';
import type { GroupMessages } from '../../broker/replication';
import { BrokerStore } from '../../broker/storage';
import { ClusterProcesses, stopAllBrokerProcesses } from '../../tools/broker-process';
import {
  checkExactlyOnce, clusterSettled, fullyReplicated, health, KeyedStream, leaderOf, readAll, waitFor, type Acked,
  type ClusterView,
} from './helpers/cluster-checks';
import { peerUrl, raftMessage, sendForged } from './helpers/forged-peer';

jest.setTimeout(180_000);

const BROKER_ARGS = ['--raft-tick-ms', '50', '--raft-election-ticks', '10', '--liveness-timeout-ms', '2000'];
const ALL = [1, 2, 3];
const TOPIC = 'forged';
const CONTROLLER = 0;
/** No group has this id: a message for it is dropped and counted (as unknown-group) before anything else looks at it. */
const MARKER_GROUP = 0xffff_fffe;

/** Broker `id`'s /metrics lines for `name` whose labels include `labels`, summed. */
async function metric(cluster: ClusterProcesses, id: number, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${cluster.broker(id)!.httpUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if ((line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && line.includes(labels)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

const refused = (cluster: ClusterProcesses, id: number, reason: string) =>
  metric(cluster, id, 'rafter_peer_messages_refused_total', `reason="${reason}"`);

/** Refusals for `reason` so far, by broker: what a forgery must add to. */
async function refusedBy(cluster: ClusterProcesses, reason: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const id of ALL) counts.set(id, await refused(cluster, id, reason));
  return counts;
}

/** Each of `ids` refused at least `count` messages for a reason between the counts `before` and `after`. */
function expectRefused(ids: number[], before: Map<number, number>, after: Map<number, number>, count = 1): void {
  const refusedEnough = (id: number) => Math.min(count, after.get(id)! - before.get(id)!);
  expect(ids.map((id) => ({ broker: id, refused: refusedEnough(id) }))).toEqual(ids.map((id) => ({ broker: id, refused: count })));
}

describe('forged peer messages against three broker processes', () => {
  let cluster: ClusterProcesses;
  let client: Rafter;
  let clusterId: string;
  let groupId: number;
  const acked: Acked[] = [];
  /** Brokers that exited by themselves (not by the test's kill). */
  const exitedOnTheirOwn = new Set<number>();
  const killing = new Set<number>();

  const watch = (id: number) => {
    void cluster.broker(id)!.exited.then(() => {
      if (!killing.has(id)) exitedOnTheirOwn.add(id);
    });
  };

  /** The partition's leader and term, and the controller's, as the leaders themselves report them. */
  async function leaders(): Promise<{ partition: { id: number; term: number }; controller: { id: number; term: number } }> {
    const partitionLeader = await leaderOf(cluster, ALL, TOPIC, 0);
    const view = await cluster.clusterView(partitionLeader) as { partitions: Array<{ topic: string; term: number }> };
    const partitionTerm = view.partitions.find((p) => p.topic === TOPIC)!.term;
    const controllerId = await clusterSettled(cluster, ALL);
    const controllerView = await cluster.clusterView(controllerId) as { controller: { leaderId: number; term: number; role: string } };
    return { partition: { id: partitionLeader, term: partitionTerm }, controller: { id: controllerId, term: controllerView.controller.term } };
  }

  const commitIndex = (id: number, group: number) => metric(cluster, id, 'rafter_raft_commit_index', `group="${group}"`);

  async function writeSome(label: string): Promise<void> {
    const stream = await KeyedStream.start(client.producer(), TOPIC, [`${label}-a`, `${label}-b`, `${label}-c`]);
    await stream.ackedMore(30, 30_000);
    await stream.stop();
    acked.push(...stream.acked);
  }

  /** Every broker still runs and is healthy, and everything acknowledged reads back once, where it was acknowledged. */
  async function intact(): Promise<void> {
    expect([...exitedOnTheirOwn]).toEqual([]);
    for (const id of ALL) {
      await waitFor(`broker ${id} healthy`, async () => ((await health(cluster, id)).status === 'ok' ? true : undefined), 30_000);
    }
    checkExactlyOnce(acked, await readAll(client, TOPIC));
  }

  /** SIGKILLs the leader of `group`; another broker must lead it; the killed broker restarts and catches up. */
  async function killLeaderOf(group: 'partition' | 'controller'): Promise<void> {
    const before = await leaders();
    const victim = before[group].id;
    const others = ALL.filter((id) => id !== victim);
    killing.add(victim);
    await cluster.kill(victim);
    const next = group === 'partition'
      ? await leaderOf(cluster, others, TOPIC, 0, 30_000)
      : await waitFor('a new controller', async () => {
        const h = await health(cluster, others[0]);
        return others.includes(h.controllerId) ? h.controllerId : undefined;
      }, 30_000);
    expect(others).toContain(next);
    await cluster.startBroker(victim);
    killing.delete(victim);
    watch(victim);
    await clusterSettled(cluster, ALL, 30_000);
    await fullyReplicated(cluster, ALL, TOPIC, 1, 60_000);
  }

  async function afterForgery(label: string, killGroup: 'partition' | 'controller'): Promise<void> {
    await intact();
    await killLeaderOf(killGroup);
    await writeSome(`${label}-after`);
    await intact();
  }

  beforeAll(async () => {
    cluster = await ClusterProcesses.start({ brokers: 3, args: BROKER_ARGS });
    for (const id of ALL) watch(id);
    await clusterSettled(cluster, ALL);
    clusterId = (await (await fetch(`${cluster.broker(1)!.httpUrl}/health`)).json() as { clusterId: string }).clusterId;
    client = new Rafter({ brokers: cluster.bootstrap, clientId: 'forged-peer-test', requestTimeoutMs: 5_000 });
    await client.admin().createTopic({ topic: TOPIC, partitions: 1, replicationFactor: 3 });
    await fullyReplicated(cluster, ALL, TOPIC, 1);
    groupId = ((await cluster.clusterView(1)) as ClusterView).partitions.find((p) => p.topic === TOPIC)!.groupId;
    await writeSome('start');
  });

  afterAll(async () => {
    await client?.close();
    await stopAllBrokerProcesses();
  });

  /**
   * Sends each of `targets`, as broker `as`, the frame `make` builds for it, followed on the same connection by a
   * message for a group nobody hosts; resolves once every target counted that one. Frames on a connection are handled
   * in order, so each target has then handled the forged frame too: with or without validation, what it did with it
   * is done, and what follows checks its effects.
   */
  async function forge(as: number, targets: number[], make: (target: number) => Promise<GroupMessages[]>): Promise<void> {
    const dropped = (id: number) => metric(cluster, id, 'rafter_raft_inbound_dropped_total', 'reason="unknown-group"');
    for (const target of targets) {
      const before = await dropped(target);
      const marker = [{ groupId: MARKER_GROUP, messages: [raftMessage(MessageType.Heartbeat, as, target, 1)] }];
      await sendForged(peerUrl(cluster.broker(target)!.port), as, clusterId, await make(target), marker);
      await waitFor(`broker ${target} handling the forged frame`, async () => ((await dropped(target)) > before ? true : undefined));
    }
  }

  /** As the group's leader, sends each of its followers the message `make` builds for it; returns the followers. */
  async function forgeToFollowers(group: number, leader: number, make: (follower: number) => Promise<Message>): Promise<number[]> {
    const followers = ALL.filter((id) => id !== leader);
    await forge(leader, followers, async (follower) => [{ groupId: group, messages: [await make(follower)] }]);
    return followers;
  }

  it('a 1-byte entry in a partition group is refused; the followers keep their groups, a new leader is elected', async () => {
    await fullyReplicated(cluster, ALL, TOPIC, 1);
    const { partition } = await leaders();
    const before = await refusedBy(cluster, 'entry');
    const followers = await forgeToFollowers(groupId, partition.id, async (follower) => {
      const commit = await commitIndex(follower, groupId);
      return raftMessage(MessageType.App, partition.id, follower, partition.term + 1, {
        index: commit, logTerm: partition.term, commit,
        entries: [{ term: partition.term + 1, index: commit + 1, type: EntryType.Normal, data: new Uint8Array([0x09]) }],
      });
    });
    const after = await refusedBy(cluster, 'entry');
    await afterForgery('one-byte', 'partition');
    expectRefused(followers, before, after);
  });

  it('a controller snapshot of version 99 is refused; every broker runs, restarts and elects a new controller', async () => {
    const { controller } = await leaders();
    const state = new ControllerState({ livenessTimeoutMs: 2000 });
    const snapshot = controllerWire.controller.ControllerSnapshot.decode(state.snapshot());
    snapshot.version = 99;
    const data = controllerWire.controller.ControllerSnapshot.encode(snapshot).finish();
    const before = await refusedBy(cluster, 'snapshot');
    const followers = await forgeToFollowers(CONTROLLER, controller.id, async (follower) => raftMessage(MessageType.Snap, controller.id, follower, controller.term, {
      snapshot: { metadata: { index: (await commitIndex(follower, CONTROLLER)) + 1000, term: controller.term, confState: { voters: ALL, learners: [], votersOutgoing: [] } }, data },
    }));
    const after = await refusedBy(cluster, 'snapshot');
    // A snapshot taken would be stored: the broker would meet it again at every start.
    const restarted = followers[0];
    killing.add(restarted);
    await cluster.kill(restarted);
    await cluster.startBroker(restarted);
    killing.delete(restarted);
    watch(restarted);
    await clusterSettled(cluster, ALL, 30_000);
    await afterForgery('snapshot-99', 'controller');
    expectRefused(followers, before, after);
  });

  it('a vote at term 2^53 is refused: terms stay where they can rise, and leaders are elected after a SIGKILL', async () => {
    const { partition, controller } = await leaders();
    const candidate = controller.id;
    const before = await refusedBy(cluster, 'term');
    const voters = ALL.filter((id) => id !== candidate);
    const vote = (group: number, voter: number) => ({
      groupId: group,
      messages: [raftMessage(MessageType.Vote, candidate, voter, 2 ** 53, { index: 2 ** 50, logTerm: 2 ** 53, rejectHint: VOTE_TRANSFER })],
    });
    await forge(candidate, voters, async (voter) => [vote(CONTROLLER, voter), vote(groupId, voter)]);
    const after = await refusedBy(cluster, 'term');
    for (const id of ALL) {
      expect(await metric(cluster, id, 'rafter_raft_term', `group="${CONTROLLER}"`)).toBeLessThan(2 ** 50);
      expect(await metric(cluster, id, 'rafter_raft_term', `group="${groupId}"`)).toBeLessThan(2 ** 50);
    }
    expect(partition.term).toBeLessThan(2 ** 50);
    await afterForgery('term-2-53', 'controller');
    await killLeaderOf('partition');
    expectRefused(voters, before, after, 2);
  });

  it('a partition snapshot at index 1e6 holding garbage is refused; the leader keeps running and nothing is lost', async () => {
    await fullyReplicated(cluster, ALL, TOPIC, 1);
    const { partition } = await leaders();
    const garbage = new Uint8Array(Buffer.from('garbage, not an end offset and a producer state'.repeat(4)));
    const before = await refusedBy(cluster, 'snapshot');
    const followers = await forgeToFollowers(groupId, partition.id, async (follower) => raftMessage(MessageType.Snap, partition.id, follower, partition.term, {
      snapshot: { metadata: { index: 1_000_000, term: partition.term, confState: { voters: ALL, learners: [], votersOutgoing: [] } }, data: garbage },
    }));
    const after = await refusedBy(cluster, 'snapshot');
    await writeSome('garbage-snapshot');
    expect((await leaders()).partition.id).toBe(partition.id);
    await afterForgery('garbage-snapshot', 'partition');
    expectRefused(followers, before, after);
  });

  it('a controller command that does not decode is refused: no broker stores it', async () => {
    const { controller } = await leaders();
    const garbage = new Uint8Array(Buffer.from('\xff\xff\xff\xff not a controller command', 'latin1'));
    const before = await refusedBy(cluster, 'entry');
    const followers = await forgeToFollowers(CONTROLLER, controller.id, async (follower) => {
      const commit = await commitIndex(follower, CONTROLLER);
      return raftMessage(MessageType.App, controller.id, follower, controller.term + 1, {
        index: commit, logTerm: controller.term, commit: commit + 1,
        entries: [{ term: controller.term + 1, index: commit + 1, type: EntryType.Normal, data: garbage }],
      });
    });
    const after = await refusedBy(cluster, 'entry');
    await afterForgery('bad-command', 'controller');
    // Every entry of every broker's controller log is a command a controller leader wrote.
    await cluster.stopAll();
    for (const id of ALL) {
      const store = BrokerStore.open({ dataDir: cluster.dataDir(id), durable: false });
      try {
        const log = store.group(CONTROLLER);
        const problems: string[] = [];
        for (let index = log.firstIndex(); index <= log.lastIndex();) {
          const entries = log.entries(index, log.lastIndex() + 1, 1 << 20);
          for (const e of entries) {
            const problem = e.type === EntryType.Normal ? CONTROLLER_CONTENT_RULES.entryProblem(e) : undefined;
            if (problem) problems.push(`broker ${id} index ${e.index}: ${problem}`);
          }
          index = entries[entries.length - 1].index + 1;
        }
        expect(problems).toEqual([]);
      } finally {
        await store.close();
      }
    }
    expectRefused(followers, before, after);
  });
});
