// One broker of a cluster: the broker↔broker transport and peer endpoint, the multi-Raft host, the controller
// (group 0) and the partitions placed here, reconciled after every change of the controller state. It answers what
// the dispatcher asks of a cluster (Metadata from the controller state plus the leadership this broker sees,
// admin requests on the controller leader) and what `rafter cluster status` reads (GET /cluster).
//
// Leaders in Metadata: a broker knows who leads the groups it hosts, and only a group's leader knows its in-sync
// replicas; every broker also polls the others for the groups they lead (leader-reports.ts). So Metadata names a
// partition's leader and in-sync replicas as the leader itself reported them (at most a poll interval old), or this
// broker's own Raft view when that is newer (a higher term). For a partition with neither it names a live replica;
// that replica answers NOT_LEADER with the real leader, which the SDK follows without a metadata round trip.
//
// Joining the controller: a store that holds group 0 resumes it. A new store (first start, wiped or replaced
// directory) learns from every seed's peer Hello whether the cluster was ever formed (formation.ts): founds it with
// the others, or joins it recovering and votes only once caught up. A damaged replica — of the controller or of a
// partition — stops alone and is rebuilt from the others (replica-repair.ts, hosted-partitions.ts); /health says
// `degraded` while any replica here is damaged or recovering, or the controller waits for the seeds.
import type uWS from 'uWebSockets.js';
import type { Registry } from 'prom-client';
import { ErrorCode, type rafter } from '../../client/protocol';
import type { SeedBroker } from '../config';
import type { PartitionMetricLabels } from '../metrics';
import { PARTITION_CONTENT_RULES, PartitionMetrics, type Partition, type PartitionError } from '../partition';
import {
  attachPeerEndpoint, PeerMessageValidator, PeerMetrics, PeerTransport, RaftHost, type Hello, type PeerEndpoint,
} from '../replication';
import { StorageCorruptionError, type BrokerStore } from '../storage';
import { metadataResponse, NO_LEADER_ID, topicMetadata, type PartitionLeadership } from './cluster-view';
import type { BrokerAddress } from './commands';
import { ControllerCatchUp } from './controller-catch-up';
import { CONTROLLER_CONTENT_RULES, ControllerService } from './controller-service';
import { registerClusterMetrics } from './cluster-metrics';
import { CONTROLLER_GROUP_ID } from './controller-state';
import { Formation, isControllerUnformed } from './formation';
import { HostedPartitions } from './hosted-partitions';
import { replicaElsewhere, resolveLeadership } from './leadership';
import { LeaderReportPoller, LeaderReports, type LeaderReport } from './leader-reports';
import { planCreateTopic, type ControllerTopicLimits } from './proposals';
import { ReplicaRepairs, type DamagedReplica, type ReplicaOf } from './replica-repair';

export const PEER_PATH = '/peer';
/** A follower this many entries or more behind its leader is not in sync. */
export const ISR_MAX_LAG_ENTRIES = 1000;
/** How long CreateTopic waits for the new partitions hosted here to elect leaders before it answers anyway. */
const LEADER_WAIT_MS = 2_000;

export interface ClusterNodeOptions {
  readonly brokerId: number;
  readonly clusterId: string;
  readonly seeds: readonly SeedBroker[];
  readonly store: BrokerStore;
  readonly registry: Registry;
  readonly limits: ControllerTopicLimits;
  readonly tickMs: number;
  readonly electionTicks: number;
  readonly livenessTimeoutMs: number;
  /** How long CreateTopic waits for its entry to apply. Default 10 s. */
  readonly adminTimeoutMs?: number;
  /** Per-partition metric series by partition (default) or summed per topic. */
  readonly partitionMetricLabels?: PartitionMetricLabels;
  /** Lines for the operator: damage, repairs, how the controller was joined. Default stderr. */
  readonly log?: (line: string) => void;
}

/** What /health adds for a cluster broker; `degraded` when anything here needs the operator's eye or is catching up. */
export interface ClusterNodeHealth {
  readonly degraded: boolean;
  /** Replicas stopped by damaged stored data: being rebuilt from the others, or unrepairable. */
  readonly damagedReplicas: Array<{ groupId: number; replicaOf: string; state: DamagedReplica['state'] }>;
  /** Replicas catching up after losing or repairing their state (they do not vote meanwhile). */
  readonly recoveringReplicas: Array<{ groupId: number; replicaOf: string }>;
  /** A new store waiting for every seed's report before it founds the cluster or joins it. */
  readonly formation?: { readonly waitingFor: number[] };
  /** The store failed to commit: nothing here persists or applies anything more. */
  readonly storageFailure?: string;
}

/** A replica's view for `rafter cluster status`. */
export interface PartitionStatus {
  topic: string;
  partition: number;
  groupId: number;
  replicas: number[];
  leaderId: number;
  term: number;
  role: string;
  /** On the leader: the in-sync replicas and each follower's lag in Raft entries. */
  inSyncReplicas?: number[];
  lagEntries?: Record<string, number>;
  highWatermark: number;
  logEndOffset: number;
}

export interface ClusterStatus {
  brokerId: number;
  clusterId: string;
  controller: { leaderId: number; term: number; role: string };
  brokers: Array<{ id: number; host: string; port: number; alive: boolean; lastHeartbeatAgoMs: number }>;
  partitions: PartitionStatus[];
}

export class ClusterNode {
  readonly transport: PeerTransport;
  readonly host: RaftHost;
  readonly controller: ControllerService;
  readonly partitions: HostedPartitions;
  readonly repairs: ReplicaRepairs;
  private endpoint: PeerEndpoint | undefined;
  private readonly adminTimeoutMs: number;
  private readonly log: (line: string) => void;
  /** Set while this broker's store holds no group 0 and it has not decided how to join. */
  private formation: Formation | undefined;
  private readonly catchUp: ControllerCatchUp;
  private started = false;
  /** Set by stop(): a repair scheduled before must not touch a store about to close. */
  private stopping = false;
  private readonly leaderReports: LeaderReports;
  private readonly leaderReportPoller: LeaderReportPoller;

  constructor(private readonly options: ClusterNodeOptions) {
    const peerMetrics = new PeerMetrics(options.registry);
    this.adminTimeoutMs = options.adminTimeoutMs ?? 10_000;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.repairs = new ReplicaRepairs({ brokerId: options.brokerId, registry: options.registry, log: this.log });
    // Every reader of the store reports damage there (the Raft host, a partition's recovery, a fetch, the scrubber).
    // Handled on a later turn: the reader is in the middle of its work on the group.
    options.store.onCorruption((err) => this.later(() => this.replicaDamaged(err.groupId, err)));
    this.catchUp = new ControllerCatchUp(options.store);
    if (!storeHoldsController(options.store)) this.formation = new Formation(options.brokerId, options.seeds.map((s) => s.id));
    this.transport = new PeerTransport({
      brokerId: options.brokerId,
      clusterId: options.clusterId,
      metrics: peerMetrics,
      onDropped: (to, groupId, messages, reason) => this.host.handleDropped(to, groupId, messages, reason),
      storeState: () => this.storeState(),
      onPeerHello: (hello) => this.handlePeerHello(hello),
    });
    this.host = new RaftHost({
      brokerId: options.brokerId,
      store: options.store,
      transport: this.transport,
      registry: options.registry,
      tickMs: options.tickMs,
      electionTicks: options.electionTicks,
      onGroupDamaged: (groupId, err) => {
        if (!this.stopping) this.replicaDamaged(groupId, err);
      },
      onFailure: (err) => this.log(`rafter broker ${options.brokerId}: storage failed, no group on this broker persists or applies anything more until it restarts: ${err.message}`),
      // Only the seeds speak for a group, each for itself; what they send must be what their groups' kinds hold.
      validator: new PeerMessageValidator({
        brokerId: options.brokerId,
        peers: options.seeds.map((s) => s.id).filter((id) => id !== options.brokerId),
        rulesFor: (groupId) => (groupId === CONTROLLER_GROUP_ID ? CONTROLLER_CONTENT_RULES : PARTITION_CONTENT_RULES),
        registry: options.registry,
        log: this.log,
      }),
      log: this.log,
    });
    this.partitions = new HostedPartitions({
      brokerId: options.brokerId,
      host: this.host,
      store: options.store,
      repairs: this.repairs,
      controllerCatchingUp: () => this.controllerCatchingUp(),
      later: (fn) => this.later(fn),
      metrics: new PartitionMetrics(options.registry, () => this.partitions.all(), {
        labels: options.partitionMetricLabels,
        replication: (p) => ({
          replicas: this.controller.state.topic(p.topic)?.partitions[p.partition]?.replicas.length ?? 0,
          inSyncReplicas: p.isLeader ? this.inSync(p.groupId).inSync.length : undefined,
        }),
      }),
    });
    const seeds: BrokerAddress[] = options.seeds.map((s) => ({ id: s.id, host: s.host, port: s.port, rack: '' }));
    const heartbeatIntervalMs = Math.max(50, Math.floor(options.livenessTimeoutMs / 4));
    // A report outlives a few missed polls, not a broker's death: by then liveness has given up on it too.
    this.leaderReports = new LeaderReports(options.livenessTimeoutMs);
    this.leaderReportPoller = new LeaderReportPoller({
      brokerId: options.brokerId, peers: options.seeds, intervalMs: heartbeatIntervalMs, reports: this.leaderReports,
    });
    this.controller = new ControllerService({
      brokerId: options.brokerId,
      host: this.host,
      store: options.store,
      seeds,
      livenessTimeoutMs: options.livenessTimeoutMs,
      heartbeatIntervalMs,
      isReachable: (id) => this.transport.isConnected(id),
      onChange: () => this.partitions.reconcile(this.controller.state),
      onRecovered: () => this.controllerRecovered(),
    });
    registerClusterMetrics(options.registry, {
      controller: this.controller,
      hostedLeadership: (groupId) => this.host.leadership(groupId),
      leadershipOf: (groupId) => this.leadershipOf(groupId),
    });
    for (const seed of options.seeds) {
      if (seed.id !== options.brokerId) this.transport.addPeer(seed.id, `ws://${seed.host}:${seed.port}${PEER_PATH}`);
    }
  }

  /** Mounts the peer endpoint and /cluster on the broker's app (before it listens). */
  routes(app: uWS.TemplatedApp): void {
    this.endpoint = attachPeerEndpoint(app, PEER_PATH, {
      brokerId: this.options.brokerId,
      clusterId: this.options.clusterId,
      // The transport's, which are in the registry: the endpoint's own would count frames and rejections for nobody.
      metrics: this.transport.metrics,
      onBatch: (from, groups) => this.host.handlePeerBatch(from, groups),
      storeState: () => this.storeState(),
      onPeerHello: (hello) => this.handlePeerHello(hello),
    });
    app.get('/cluster', (res) => {
      res.writeHeader('content-type', 'application/json').end(JSON.stringify(this.status()));
    });
    app.get('/cluster/leaders', (res) => {
      res.writeHeader('content-type', 'application/json').end(JSON.stringify(this.leaderReport()));
    });
  }

  /**
   * Starts ticking and joins group 0 (its entries then rebuild the state and the partitions here): at once from a
   * store that holds it, else once formation is decided.
   */
  start(): void {
    this.started = true;
    this.host.start();
    this.leaderReportPoller.start();
    if (!this.formation) return this.startController({});
    const { store, brokerId } = this.options;
    if (this.formation.decision() === 'undecided') {
      this.log(`rafter broker ${brokerId}: store ${store.storeId} holds no controller group: waiting for every seed to report before founding the cluster or joining it recovering (${this.formation.explain()})`);
    }
    this.maybeJoinController();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.leaderReportPoller.stop();
    this.controller.stop();
    await this.host.stop();
    this.transport.close();
    this.endpoint?.closeAll();
  }

  // --- joining the controller, damage, health ---------------------------------------------------------------------

  /** What this broker's Hellos say of its store: its id, and whether its group 0 never took part (formation.ts). */
  private storeState(): { storeId: string; controllerUnformed: boolean } {
    const { store } = this.options;
    let controllerUnformed = false;
    try {
      const log = store.group(CONTROLLER_GROUP_ID);
      const { term, vote } = log.initialState().hardState;
      controllerUnformed = isControllerUnformed({
        hosted: log.hasData(), recovering: log.isRecovering(), lastIndex: log.lastIndex(), term, vote,
      });
    } catch (err) {
      // A group 0 that cannot even be read took part in something: it is not unformed.
      if (!(err instanceof StorageCorruptionError)) throw err;
    }
    return { storeId: store.storeId, controllerUnformed };
  }

  private handlePeerHello(hello: Hello): void {
    if (!this.formation) return;
    this.formation.report(hello.brokerId, hello);
    this.maybeJoinController();
  }

  private maybeJoinController(): void {
    const formation = this.formation;
    if (!formation || !this.started) return;
    const decision = formation.decision();
    if (decision === 'undecided') return;
    this.formation = undefined;
    const { brokerId, store, seeds } = this.options;
    if (decision === 'founding') {
      this.log(`rafter broker ${brokerId}: store ${store.storeId} founds the cluster with seeds ${seeds.map((s) => s.id).join(',')}: ${formation.explain()}`);
      return this.startController({});
    }
    this.log(`rafter broker ${brokerId}: store ${store.storeId} joins the formed cluster recovering, voting only once caught up: ${formation.explain()}`);
    this.startController({ recovering: true });
  }

  private startController(options: { recovering?: boolean }): void {
    if (options.recovering) this.catchUp.begin();
    try {
      this.controller.start(options);
    } catch (err) {
      if (!(err instanceof StorageCorruptionError)) throw err;
      this.controllerDamaged(err);
    }
  }

  /** Work on damage, on a later turn (the reader that found it is in the middle of its work), unless stopping. */
  private later(fn: () => void): void {
    setImmediate(() => {
      if (!this.stopping) fn();
    });
  }

  private replicaDamaged(groupId: number, err: StorageCorruptionError): void {
    if (groupId === CONTROLLER_GROUP_ID) this.controllerDamaged(err);
    else this.partitions.markDamaged(groupId, err);
  }

  /** Group 0 here met damaged stored data: it stops, and is rebuilt from the other seeds if there are any. */
  private controllerDamaged(err: StorageCorruptionError): void {
    const { brokerId, seeds } = this.options;
    const others = seeds.map((s) => s.id).filter((id) => id !== brokerId);
    this.host.removeGroup(CONTROLLER_GROUP_ID);
    if (!this.repairs.reportDamaged(CONTROLLER_GROUP_ID, { controller: true }, err, others)) return;
    this.later(() => {
      if (this.host.group(CONTROLLER_GROUP_ID)) return;
      this.host.dropGroupLog(CONTROLLER_GROUP_ID);
      this.repairs.rebuildStarted(CONTROLLER_GROUP_ID);
      this.startController({ recovering: true });
    });
  }

  private controllerRecovered(): void {
    this.repairs.recovered(CONTROLLER_GROUP_ID);
    const commit = this.host.group(CONTROLLER_GROUP_ID)?.status().commit ?? 0;
    this.catchUp.caughtUp(commit).catch(() => undefined);
  }

  private controllerCatchingUp(): boolean {
    const group = this.host.group(CONTROLLER_GROUP_ID);
    return this.catchUp.catchingUp(group && { recovering: group.isRecovering(), applied: group.status().applied });
  }

  /** What /health reports of this broker's replicas and its controller. */
  health(): ClusterNodeHealth {
    const damagedReplicas = this.repairs.list().map((d) => ({ groupId: d.groupId, replicaOf: replicaName(d.of), state: d.state }));
    const recoveringReplicas = this.host.groupIds()
      .filter((id) => this.host.group(id)?.isRecovering())
      .map((groupId) => ({ groupId, replicaOf: this.hostedReplicaName(groupId) }));
    const formation = this.formation ? { waitingFor: this.formation.waitingFor() } : undefined;
    const storageFailure = this.host.storageFailure?.message;
    return {
      degraded: damagedReplicas.length > 0 || recoveringReplicas.length > 0 || formation !== undefined || storageFailure !== undefined,
      damagedReplicas,
      recoveringReplicas,
      ...(formation ? { formation } : {}),
      ...(storageFailure !== undefined ? { storageFailure } : {}),
    };
  }

  private hostedReplicaName(groupId: number): string {
    if (groupId === CONTROLLER_GROUP_ID) return replicaName({ controller: true });
    const p = this.partitions.byGroupId(groupId);
    return p ? replicaName(p) : `group ${groupId}`;
  }

  // --- what the dispatcher asks (ClusterFrontend) -----------------------------------------------------------------

  partition(topic: string, partition: number): Partition | PartitionError {
    return this.partitions.lookup(this.controller.state, topic, partition, (groupId) => this.replicaHint(groupId));
  }

  metadata(topics: readonly string[]): rafter.IMetadataResponse {
    return metadataResponse(this.controller.state, (g) => this.leadershipOf(g), {
      topics, controllerId: this.controllerId(), clusterId: this.options.clusterId, nowMs: Date.now(),
    });
  }

  listTopics(): rafter.ITopicMetadata[] {
    return this.controller.state.topics().map((t) => topicMetadata(t, (g) => this.leadershipOf(g)));
  }

  describeTopic(name: string): rafter.IDescribeTopicResponse {
    const topic = this.controller.state.topic(name);
    if (!topic) return { error: ErrorCode.UNKNOWN_TOPIC, errorMessage: `topic "${name}" does not exist` };
    const partitions: rafter.IPartitionState[] = [];
    for (const placement of topic.partitions) {
      const p = this.partitions.byGroupId(placement.groupId);
      if (!p || !p.isLeader) continue;
      partitions.push({
        partition: p.partition, error: ErrorCode.NONE, logStartOffset: p.logStartOffset, logEndOffset: p.logEndOffset,
        highWatermark: p.highWatermark, sizeBytes: p.sizeBytes(), leaderId: this.options.brokerId,
      });
    }
    return { topic: topicMetadata(topic, (g) => this.leadershipOf(g)), partitions };
  }

  async createTopic(request: rafter.ICreateTopicRequest): Promise<rafter.ICreateTopicResponse> {
    const { state } = this.controller;
    if (!this.controller.isLeader) {
      const leaderId = this.controller.leaderId;
      const errorMessage = leaderId > 0 ? `broker ${leaderId} is the controller` : 'the controller has no leader right now';
      return { error: ErrorCode.NOT_CONTROLLER, errorMessage };
    }
    const command = planCreateTopic(state, request, this.options.limits, Date.now());
    if ('error' in command) return { error: command.error, errorMessage: command.message };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), this.adminTimeoutMs); });
    const result = await Promise.race([this.controller.propose(command), timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      return { error: ErrorCode.REQUEST_TIMED_OUT, errorMessage: `the controller did not commit the topic within ${this.adminTimeoutMs} ms` };
    }
    if (result) return { error: result.error, errorMessage: result.message };
    const name = request.name ?? '';
    // The first produce need not bounce off LEADER_NOT_AVAILABLE: wait (briefly, well inside a client's request
    // timeout) for the partitions here to elect. A partition placed on a broker that just died may take longer.
    const deadline = Date.now() + LEADER_WAIT_MS;
    while (Date.now() < deadline && !this.hostedHaveLeaders(name)) await new Promise((resolve) => setTimeout(resolve, 20));
    const topic = state.topic(name);
    return topic ? { topic: topicMetadata(topic, (g) => this.leadershipOf(g)) } : { error: ErrorCode.UNKNOWN_TOPIC, errorMessage: `topic "${name}" was deleted` };
  }

  // --- leadership -------------------------------------------------------------------------------------------------

  controllerId(): number {
    const leaderId = this.controller.leaderId;
    return leaderId > 0 ? leaderId : NO_LEADER_ID;
  }

  private hostedHaveLeaders(topicName: string): boolean {
    const topic = this.controller.state.topic(topicName);
    if (!topic) return true;
    return topic.partitions.every((p) => {
      if (!this.partitions.byGroupId(p.groupId)) return true;
      return (this.host.leadership(p.groupId)?.leaderId ?? 0) > 0;
    });
  }

  /** Who leads a partition group and with which in-sync replicas, as far as this broker can tell (leadership.ts). */
  leadershipOf(groupId: number): PartitionLeadership | undefined {
    const now = Date.now();
    return resolveLeadership({
      brokerId: this.options.brokerId,
      hosted: this.partitions.byGroupId(groupId) ? this.host.leadership(groupId) : undefined,
      inSync: () => this.inSync(groupId).inSync,
      reported: this.leaderReports.reported(groupId, now),
      liveReplicas: this.liveReplicas(groupId, now),
    });
  }

  /** The partition groups this broker leads, with their in-sync replicas: what GET /cluster/leaders answers. */
  leaderReport(): LeaderReport {
    const groups = [];
    for (const p of this.partitions.all()) {
      const l = this.host.leadership(p.groupId);
      if (l?.role === 'leader') groups.push({ groupId: p.groupId, term: l.term, inSyncReplicas: this.inSync(p.groupId).inSync });
    }
    return { brokerId: this.options.brokerId, groups };
  }

  /** A live replica of a group on another broker: it knows the leader and redirects to it. */
  private replicaHint(groupId: number): number {
    return replicaElsewhere(this.options.brokerId, this.liveReplicas(groupId, Date.now()));
  }

  private liveReplicas(groupId: number, nowMs: number): number[] {
    const state = this.controller.state;
    for (const topic of state.topics()) {
      const placement = topic.partitions.find((p) => p.groupId === groupId);
      if (placement) return placement.replicas.filter((id) => state.isAlive(id, nowMs));
    }
    return [];
  }

  /** On the leader of a hosted group: followers caught up and connected, and every follower's lag in entries. */
  private inSync(groupId: number): { inSync: number[]; lag: Record<string, number> } {
    const status = this.host.group(groupId)?.status();
    const inSync: number[] = [this.options.brokerId];
    const lag: Record<string, number> = {};
    if (!status?.progress) return { inSync, lag };
    for (const [id, pr] of status.progress) {
      if (id === this.options.brokerId) continue;
      const behind = Math.max(0, status.lastIndex - pr.match);
      lag[String(id)] = behind;
      if (pr.state === 'replicate' && behind < ISR_MAX_LAG_ENTRIES && this.transport.isConnected(id)) inSync.push(id);
    }
    return { inSync: inSync.sort((a, b) => a - b), lag };
  }

  status(): ClusterStatus {
    const state = this.controller.state;
    const now = Date.now();
    const controller = this.host.leadership(CONTROLLER_GROUP_ID);
    const partitions: PartitionStatus[] = [];
    for (const p of this.partitions.all()) {
      const l = this.host.leadership(p.groupId);
      const placement = state.topic(p.topic)?.partitions[p.partition];
      const entry: PartitionStatus = {
        topic: p.topic, partition: p.partition, groupId: p.groupId, replicas: [...(placement?.replicas ?? [])],
        leaderId: l?.leaderId ?? 0, term: l?.term ?? 0, role: l?.role ?? 'none',
        highWatermark: p.highWatermark, logEndOffset: p.logEndOffset,
      };
      if (l?.role === 'leader') {
        const { inSync, lag } = this.inSync(p.groupId);
        entry.inSyncReplicas = inSync;
        entry.lagEntries = lag;
      }
      partitions.push(entry);
    }
    return {
      brokerId: this.options.brokerId,
      clusterId: this.options.clusterId,
      controller: { leaderId: controller?.leaderId ?? 0, term: controller?.term ?? 0, role: controller?.role ?? 'none' },
      brokers: state.brokers().map((b) => ({
        id: b.id, host: b.host, port: b.port, alive: state.isAlive(b.id, now), lastHeartbeatAgoMs: Math.max(0, now - b.lastHeartbeatMs),
      })),
      partitions: partitions.sort((a, b) => a.groupId - b.groupId),
    };
  }
}

/** Whether the store holds group 0 (a store whose group 0 cannot even be read does: it is damaged, not new). */
function storeHoldsController(store: BrokerStore): boolean {
  try {
    return store.group(CONTROLLER_GROUP_ID).hasData();
  } catch (err) {
    if (err instanceof StorageCorruptionError) return true;
    throw err;
  }
}

function replicaName(of: ReplicaOf): string {
  return 'controller' in of ? 'controller' : `${of.topic}/${of.partition}`;
}
