// Cluster-wide gauges, computed at scrape time from the controller state. Every broker says whether it is the
// active controller; the cluster gauges come from the active controller alone, so that sum() or max() over the
// brokers neither multiplies nor loses them, and they stay right while other brokers are down (their own
// per-replica series vanish with them; the controller still knows their partitions).
//
// The controller replicates placement and liveness, not leadership, so the health it reports mixes what it knows
// for sure with what liveness implies: for a partition this broker leads, its Raft progress (the in-sync replicas);
// for one it follows, the leader its Raft group knows and the live replicas; for one it does not host, the live
// replicas alone (a partition with none is offline). The per-leader `rafter_partition_under_replicated` is the
// exact count where every partition has a leader.
import { Gauge, type Registry } from 'prom-client';
import type { Leadership } from '../replication';
import { clusterHealth, type PartitionLeadership } from './cluster-view';
import { CONTROLLER_GROUP_ID, type ControllerState } from './controller-state';

export interface ClusterMetricsSource {
  readonly controller: { readonly state: ControllerState; readonly isLeader: boolean };
  /** Leadership of a group hosted here (undefined: not hosted). */
  hostedLeadership(groupId: number): Leadership | undefined;
  /** The leader's view with its in-sync replicas, for a group this broker leads. */
  leadershipOf(groupId: number): PartitionLeadership | undefined;
}

export function registerClusterMetrics(registry: Registry, source: ClusterMetricsSource): void {
  const registers = [registry];
  new Gauge({
    name: 'rafter_controller_active', help: '1 on the broker that leads the controller (Raft group 0), else 0', registers,
    collect() {
      this.set(source.hostedLeadership(CONTROLLER_GROUP_ID)?.role === 'leader' ? 1 : 0);
    },
  });

  // One health computation per scrape, shared by the gauges below (each gauge's collect() asks for it).
  let cached: { atMs: number; health: ReturnType<typeof clusterHealth> } | undefined;
  const health = () => {
    const now = Date.now();
    if (cached && now - cached.atMs < 1000) return cached.health;
    cached = { atMs: now, health: clusterHealth(source.controller.state, controllerLookup(source, now), now) };
    return cached.health;
  };
  const clusterGauge = (name: string, help: string, read: (h: ReturnType<typeof clusterHealth>) => number) => new Gauge({
    name, help, registers,
    collect() {
      this.reset();
      if (source.controller.isLeader) this.set(read(health()));
    },
  });
  new Gauge({
    name: 'rafter_cluster_brokers', help: 'Brokers the controller knows, by state (registered, alive); from the active controller',
    labelNames: ['state'], registers,
    collect() {
      this.reset();
      if (!source.controller.isLeader) return;
      const h = health();
      this.set({ state: 'registered' }, h.brokersRegistered);
      this.set({ state: 'alive' }, h.brokersAlive);
    },
  });
  clusterGauge('rafter_cluster_topics', 'Topics in the cluster; from the active controller', (h) => h.topics);
  clusterGauge('rafter_cluster_partitions', 'Partitions in the cluster; from the active controller', (h) => h.partitions);
  clusterGauge('rafter_cluster_under_replicated_partitions',
    'Partitions with a replica out of sync or dead, as the active controller sees them', (h) => h.underReplicatedPartitions);
  clusterGauge('rafter_cluster_offline_partitions',
    'Partitions without a leader (no live replica), as the active controller sees them', (h) => h.offlinePartitions);
  clusterGauge('rafter_cluster_partitions_off_preferred_leader',
    'Partitions led by a broker other than their preferred (first) replica; from the active controller', (h) => h.partitionsOffPreferredLeader);
  clusterGauge('rafter_cluster_leader_imbalance_ratio',
    'Partitions off their preferred leader over partitions with a leader; from the active controller', (h) => h.leaderImbalanceRatio);
  new Gauge({
    name: 'rafter_cluster_partition_leaders', help: 'Partitions each broker leads, as the active controller sees them',
    labelNames: ['leader'], registers,
    collect() {
      this.reset();
      if (!source.controller.isLeader) return;
      for (const [id, n] of health().leadersPerBroker) this.set({ leader: String(id) }, n);
    },
  });
}

function controllerLookup(source: ClusterMetricsSource, nowMs: number): (groupId: number) => PartitionLeadership | undefined {
  const state = source.controller.state;
  const replicasOf = new Map<number, readonly number[]>();
  for (const topic of state.topics()) for (const p of topic.partitions) replicasOf.set(p.groupId, p.replicas);
  return (groupId) => {
    const replicas = replicasOf.get(groupId) ?? [];
    const alive = replicas.filter((id) => state.isAlive(id, nowMs));
    const hosted = source.hostedLeadership(groupId);
    if (hosted) {
      if (hosted.role === 'leader') return source.leadershipOf(groupId);
      if (hosted.leaderId <= 0) return undefined;
      return { leaderId: hosted.leaderId, leaderEpoch: hosted.term, inSyncReplicas: alive };
    }
    if (alive.length === 0) return undefined;
    // Not hosted here: its leader is unknown; the preferred replica leads when it lives (placement and elections aim so).
    return { leaderId: alive[0], leaderEpoch: 0, inSyncReplicas: alive };
  };
}
