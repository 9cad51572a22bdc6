// The Grafana dashboards, defined once here and written as JSON to grafana/dashboards/ by
// `node bin/run-ts.cjs tools/monitoring/write-dashboards.ts` (a unit test fails when the JSON is stale). Every panel
// says what it shows and what to do when it turns red; docs/operations.md lists the same.
//
// Queries use the Grafana variables $broker and $topic (regex matchers; "All" is .*) and $__rate_interval.

export interface PanelQuery {
  readonly expr: string;
  readonly legend: string;
}

export interface PanelSpec {
  readonly title: string;
  readonly kind: 'timeseries' | 'stat';
  readonly unit: string;
  readonly queries: readonly PanelQuery[];
  /** What the panel shows. */
  readonly shows: string;
  /** What an operator does when it turns red (or trends the wrong way). */
  readonly whenRed: string;
  /** Stat panels: the value from which the panel is red. */
  readonly redFrom?: number;
}

export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly file: string;
  readonly description: string;
  readonly topicVariable: boolean;
  readonly panels: readonly PanelSpec[];
}

const B = 'broker=~"$broker"';
const T = 'topic=~"$topic"';
const RI = '[$__rate_interval]';
const q = (expr: string, legend: string): PanelQuery => ({ expr, legend });
const p99 = (metric: string, by: string, filter = B) =>
  `histogram_quantile(0.99, sum by (le, ${by}) (rate(${metric}_bucket{${filter}}${RI})))`;
const p50 = (metric: string, by: string, filter = B) =>
  `histogram_quantile(0.5, sum by (le, ${by}) (rate(${metric}_bucket{${filter}}${RI})))`;

const clusterOverview: DashboardSpec = {
  uid: 'rafter-cluster',
  title: 'Rafter / Cluster overview',
  file: 'cluster-overview.json',
  description: 'Is the cluster healthy: brokers, controller, partitions without leaders or replicas, balance, throughput.',
  topicVariable: false,
  panels: [
    {
      title: 'Brokers up (scraped)', kind: 'stat', unit: 'none', queries: [q('sum(up{job="rafter"})', 'up')],
      shows: 'Brokers whose /metrics Prometheus reached at the last scrape.',
      whenRed: 'Fewer than expected: find the broker that is down (`rafter cluster status`, its log) and restart it; the partitions it led have moved to other replicas.',
    },
    {
      title: 'Brokers alive (controller)', kind: 'stat', unit: 'none',
      queries: [q('max(rafter_cluster_brokers{state="alive"})', 'alive'), q('max(rafter_cluster_brokers{state="registered"})', 'registered')],
      shows: 'Brokers the controller hears from (alive) and knows (registered).',
      whenRed: 'alive < registered: a broker stopped heartbeating; check it and its network to the controller.',
    },
    {
      title: 'Active controller', kind: 'stat', unit: 'none', queries: [q('sum(rafter_controller_active)', 'controllers')], redFrom: 2,
      shows: 'Brokers that lead the controller group (Raft group 0): exactly 1 when healthy.',
      whenRed: '0 for more than a few seconds: no quorum of seed brokers; bring seeds back up. No topic can be created meanwhile, existing partitions keep working.',
    },
    {
      title: 'Offline partitions', kind: 'stat', unit: 'none', queries: [q('max(rafter_cluster_offline_partitions)', 'offline')], redFrom: 1,
      shows: 'Partitions without a leader, as the active controller sees them: they take no writes or reads.',
      whenRed: 'Bring back the brokers holding their replicas (a majority of each partition\'s replicas must be up).',
    },
    {
      title: 'Under-replicated partitions', kind: 'stat', unit: 'none',
      queries: [q('max(rafter_cluster_under_replicated_partitions)', 'controller view'), q('sum(rafter_partition_under_replicated)', 'reported by leaders')], redFrom: 1,
      shows: 'Partitions with a replica dead or out of sync: one more failure may make them unavailable.',
      whenRed: 'Find the lagging or dead broker (Raft dashboard: follower lag, peer connected); fix it before another broker goes down.',
    },
    {
      title: 'Topics and partitions', kind: 'stat', unit: 'none',
      queries: [q('max(rafter_cluster_topics)', 'topics'), q('max(rafter_cluster_partitions)', 'partitions')],
      shows: 'Topics and partitions in the cluster (controller state).',
      whenRed: 'Never red; a sudden change means topics were created or deleted.',
    },
    {
      title: 'Leaders per broker', kind: 'timeseries', unit: 'none',
      queries: [q(`sum by (broker) (rafter_partition_leader{${B}})`, 'broker {{broker}}')],
      shows: 'Partitions each broker leads. Leaders do the produce and fetch work, so these should be close.',
      whenRed: 'One broker leads far more than others (e.g. after a restart): transfer leaderships back to the preferred replicas.',
    },
    {
      title: 'Leader imbalance', kind: 'timeseries', unit: 'percentunit',
      queries: [q('max(rafter_cluster_leader_imbalance_ratio)', 'off preferred leader')],
      shows: 'Share of partitions led by a broker other than their preferred (first) replica.',
      whenRed: 'Stays above ~10% after all brokers are up: rebalance leadership.',
    },
    {
      title: 'Produce and fetch throughput', kind: 'timeseries', unit: 'Bps',
      queries: [
        q(`sum by (broker) (rate(rafter_received_bytes_total{${B}}${RI}))`, 'in {{broker}}'),
        q(`sum by (broker) (rate(rafter_sent_bytes_total{${B}}${RI}))`, 'out {{broker}}'),
      ],
      shows: 'Bytes clients send to (produce) and receive from (fetch) each broker.',
      whenRed: 'A sudden drop with steady client load: check request errors on the Clients dashboard.',
    },
    {
      title: 'Request latency p99 by type', kind: 'timeseries', unit: 's',
      queries: [q(p99('rafter_request_duration_seconds', 'type', `${B},type!="fetchRequest"`), '{{type}}')],
      shows: 'p99 from a request\'s arrival to its answer (fetch long polls left out: they wait by design).',
      whenRed: 'Produce p99 above ~100 ms: look at fsync latency (Storage) and proposal-to-commit latency (Raft).',
    },
  ],
};

const topics: DashboardSpec = {
  uid: 'rafter-topics',
  title: 'Rafter / Topics and partitions',
  file: 'topics-and-partitions.json',
  description: 'Per topic and partition: write rates, offsets, sizes, leadership and replication.',
  topicVariable: true,
  panels: [
    {
      title: 'Records appended per second', kind: 'timeseries', unit: 'ops',
      queries: [q(`sum by (topic) (max by (topic, partition) (rate(rafter_partition_appended_records_total{${T}}${RI})))`, '{{topic}}')],
      shows: 'Records committed per topic (each partition counted once, not once per replica).',
      whenRed: 'Falls to 0 while producers run: check the producers\' errors and the partitions\' leaders.',
    },
    {
      title: 'Bytes appended per second', kind: 'timeseries', unit: 'Bps',
      queries: [q(`sum by (topic) (max by (topic, partition) (rate(rafter_partition_appended_bytes_total{${T}}${RI})))`, '{{topic}}')],
      shows: 'Record batch bytes committed per topic.',
      whenRed: 'Compare with disk throughput; sustained growth means retention must keep up.',
    },
    {
      title: 'Size on disk', kind: 'timeseries', unit: 'bytes',
      queries: [q(`sum by (topic) (rafter_partition_size_bytes{${T},${B}})`, '{{topic}}')],
      shows: 'Bytes stored per topic, all replicas on the selected brokers.',
      whenRed: 'Growing towards the disk size: lower retention or add disk before brokers run out of space.',
    },
    {
      title: 'High watermark', kind: 'timeseries', unit: 'none',
      queries: [q(`max by (topic, partition) (rafter_partition_high_watermark{${T}})`, '{{topic}}/{{partition}}')],
      shows: 'Offset up to which each partition is committed and readable.',
      whenRed: 'Flat while producers write: the partition cannot commit (no quorum); see Raft.',
    },
    {
      title: 'Uncommitted records (log end - high watermark)', kind: 'timeseries', unit: 'none',
      queries: [q(`max by (topic, partition) (rafter_partition_log_end_offset{${T}}) - max by (topic, partition) (rafter_partition_high_watermark{${T}})`, '{{topic}}/{{partition}}')],
      shows: 'Records the leader has taken but a quorum has not yet stored.',
      whenRed: 'Stays high: followers are slow or unreachable; see follower lag.',
    },
    {
      title: 'Log start offset', kind: 'timeseries', unit: 'none',
      queries: [q(`max by (topic, partition) (rafter_partition_log_start_offset{${T}})`, '{{topic}}/{{partition}}')],
      shows: 'First offset still stored; it moves as retention deletes old data.',
      whenRed: 'Consumers behind it lose data (OFFSET_OUT_OF_RANGE): give the topic longer retention.',
    },
    {
      title: 'Partitions led per broker', kind: 'timeseries', unit: 'none',
      queries: [q(`sum by (broker) (rafter_partition_leader{${T},${B}})`, 'broker {{broker}}')],
      shows: 'Leaders of the selected topics on each broker.',
      whenRed: 'Skewed: the topic\'s load sits on few brokers; rebalance leaders.',
    },
    {
      title: 'In-sync replicas vs replicas', kind: 'timeseries', unit: 'none',
      queries: [
        q(`sum by (topic) (rafter_partition_in_sync_replicas{${T}})`, 'in sync {{topic}}'),
        q(`sum by (topic) (rafter_partition_replicas{${T}} * on (broker, topic, partition) group_left () rafter_partition_leader{${T}})`, 'replicas {{topic}}'),
      ],
      shows: 'Replicas in sync with their leaders against the replicas placed, per topic.',
      whenRed: 'The lines part: a replica fell behind or died; see under-replicated partitions and follower lag.',
    },
  ],
};

const raft: DashboardSpec = {
  uid: 'rafter-raft',
  title: 'Rafter / Raft and replication',
  file: 'raft-and-replication.json',
  description: 'The Raft groups on each broker: roles, proposals, commit latency, elections, follower lag, peer links.',
  topicVariable: false,
  panels: [
    {
      title: 'Groups by role', kind: 'timeseries', unit: 'none',
      queries: [q(`sum by (broker, role) (rafter_raft_groups{${B}})`, '{{broker}} {{role}}')],
      shows: 'Raft groups each broker hosts, by its role in them.',
      whenRed: 'Candidates that persist: elections do not finish (network between brokers, clock or load).',
    },
    {
      title: 'Groups recovering', kind: 'timeseries', unit: 'none',
      queries: [q(`sum by (broker) (rafter_raft_groups_recovering{${B}})`, '{{broker}}')],
      shows: 'Groups whose replica on each broker lost or repaired its state (an emptied store, a damaged log rebuilt) and is catching up from the others; it does not vote meanwhile.',
      whenRed: 'Above 0 for more than a catch-up: the broker cannot reach a leader, or the others lack a quorum without it; one more failure in those groups makes them unavailable.',
    },
    {
      title: 'Proposals and appends per second', kind: 'timeseries', unit: 'ops',
      queries: [
        q(`sum by (broker) (rate(rafter_raft_proposals_total{${B}}${RI}))`, 'proposals {{broker}}'),
        q(`sum by (broker) (rate(rafter_raft_entries_appended_total{${B}}${RI}))`, 'appended {{broker}}'),
        q(`sum by (broker) (rate(rafter_raft_entries_applied_total{${B}}${RI}))`, 'applied {{broker}}'),
      ],
      shows: 'Proposals accepted by leaders, entries persisted and entries applied on each broker.',
      whenRed: 'Applied falls behind appended for long: the brokers cannot commit (quorum lost).',
    },
    {
      title: 'Proposal-to-commit latency', kind: 'timeseries', unit: 's',
      queries: [
        q(p50('rafter_raft_proposal_commit_duration_seconds', 'broker'), 'p50 {{broker}}'),
        q(p99('rafter_raft_proposal_commit_duration_seconds', 'broker'), 'p99 {{broker}}'),
      ],
      shows: 'From a proposal on a leader until a quorum stored it and it applied: the replication part of produce latency.',
      whenRed: 'p99 above ~50 ms: a slow follower disk or network; compare fsync latency of each broker.',
    },
    {
      title: 'Flush cycle', kind: 'timeseries', unit: 's',
      queries: [q(p99('rafter_raft_flush_duration_seconds', 'broker'), 'p99 {{broker}}')],
      shows: 'One flush cycle of the Raft host: collect ready groups, send, one fsync, apply.',
      whenRed: 'Rising with load: the disk is the bottleneck (see Storage).',
    },
    {
      title: 'Groups per flush', kind: 'timeseries', unit: 'none',
      queries: [q(p50('rafter_raft_flush_groups', 'broker'), 'p50 {{broker}}')],
      shows: 'Raft groups sharing one flush (group commit): the higher, the cheaper each write.',
      whenRed: 'Informational.',
    },
    {
      title: 'Elections and leader changes', kind: 'timeseries', unit: 'none',
      queries: [
        q(`sum by (broker) (increase(rafter_raft_campaigns_total{${B}}${RI}))`, 'campaigns {{broker}}'),
        q(`sum by (broker) (increase(rafter_raft_elections_won_total{${B}}${RI}))`, 'won {{broker}}'),
        q(`sum by (broker) (increase(rafter_raft_leader_changes_total{${B}}${RI}))`, 'leader changes {{broker}}'),
      ],
      shows: 'Elections started and won, and leaders learned, per broker.',
      whenRed: 'Elections without broker restarts: brokers lose heartbeats (overload, event loop stalls, network).',
    },
    {
      title: 'Follower lag (entries)', kind: 'timeseries', unit: 'none',
      queries: [q(`max by (broker, peer) (rafter_raft_follower_lag_entries{${B}})`, '{{broker}} -> {{peer}}')],
      shows: 'Entries each follower is behind, the most over the groups the broker leads.',
      whenRed: 'Growing: that follower cannot keep up (disk, network) and will drop out of sync.',
    },
    {
      title: 'Snapshots', kind: 'timeseries', unit: 'none',
      queries: [
        q(`sum by (broker) (increase(rafter_raft_snapshots_sent_total{${B}}${RI}))`, 'sent {{broker}}'),
        q(`sum by (broker) (increase(rafter_raft_snapshots_restored_total{${B}}${RI}))`, 'restored {{broker}}'),
      ],
      shows: 'Snapshots sent to followers too far behind the log, and restored.',
      whenRed: 'Repeated snapshots to one broker: it keeps falling behind the compacted log.',
    },
    {
      title: 'Damaged replicas and repairs', kind: 'timeseries', unit: 'none',
      queries: [
        q(`sum by (broker, state) (rafter_replicas_damaged{${B}})`, 'damaged {{broker}} {{state}}'),
        q(`sum by (broker) (increase(rafter_replica_repairs_started_total{${B}}${RI}))`, 'repairs started {{broker}}'),
        q(`sum by (broker) (increase(rafter_replica_repairs_completed_total{${B}}${RI}))`, 'repairs completed {{broker}}'),
      ],
      shows: 'Replicas stopped by damaged stored data (rebuilding from the others, or unrepairable), and rebuilds started and finished.',
      whenRed: 'unrepairable above 0: no other replica holds that data; restore the broker\'s data directory from a backup. Rebuilding for long: the group has no leader to catch up from (see Groups recovering); bring its other replicas back.',
    },
    {
      title: 'Peer messages refused, groups failed', kind: 'timeseries', unit: 'none',
      queries: [
        q(`sum by (broker, reason) (increase(rafter_peer_messages_refused_total{${B}}${RI}))`, 'refused {{broker}} {{reason}}'),
        q(`max by (broker) (rafter_raft_groups_failed_total{${B}})`, 'groups failed {{broker}}'),
      ],
      shows: 'Raft messages from peers refused before Raft saw them (out of bounds, malformed entries or snapshots), by reason; and Raft groups stopped on a broker because their work threw, since it started.',
      whenRed: 'Any refusal: a peer sends what no honest broker of this cluster sends (another version, a bug, or someone on the peer port); the broker\'s stderr line names the sender, group and why. Groups failed above 0: those groups are stopped on that broker until it restarts; its stderr line has the error.',
    },
    {
      title: 'Controller group', kind: 'timeseries', unit: 'none',
      queries: [
        q(`max by (broker) (rafter_raft_term{group="0",${B}})`, 'term {{broker}}'),
        q(`max by (broker) (rafter_raft_commit_index{group="0",${B}})`, 'commit {{broker}}'),
      ],
      shows: 'Term and commit index of the controller (group 0) on each broker.',
      whenRed: 'A term that keeps rising: controller elections repeat; a commit index behind the others: that broker lags.',
    },
    {
      title: 'Peer links', kind: 'timeseries', unit: 'Bps',
      queries: [
        q(`sum by (broker, peer) (rate(rafter_peer_sent_bytes_total{${B}}${RI}))`, '{{broker}} -> {{peer}}'),
      ],
      shows: 'Bytes each broker sends to each peer broker (Raft traffic).',
      whenRed: 'A link at 0 while others carry traffic: that peer is unreachable (see peer connected).',
    },
    {
      title: 'Peer connected', kind: 'timeseries', unit: 'none',
      queries: [q(`max by (broker, peer) (rafter_peer_connected{${B}})`, '{{broker}} -> {{peer}}')],
      shows: '1 while the connection from a broker to a peer is open and verified.',
      whenRed: '0: check the peer process, the network, and that both run with the same cluster id and seeds.',
    },
    {
      title: 'Peer send queue', kind: 'timeseries', unit: 'bytes',
      queries: [q(`max by (broker, peer) (rafter_peer_queue_bytes{${B}})`, '{{broker}} -> {{peer}}')],
      shows: 'Bytes waiting to go to each peer.',
      whenRed: 'Near its bound: messages are dropped and retransmitted; the link or the peer is too slow.',
    },
  ],
};

const storage: DashboardSpec = {
  uid: 'rafter-storage',
  title: 'Rafter / Storage',
  file: 'storage.json',
  description: 'The LMDB environment of each broker: group-commit transactions, fsync latency, sizes; the broker process.',
  topicVariable: false,
  panels: [
    {
      title: 'Commit (fsync) latency', kind: 'timeseries', unit: 's',
      queries: [
        q(p50('rafter_storage_commit_duration_seconds', 'broker'), 'p50 {{broker}}'),
        q(p99('rafter_storage_commit_duration_seconds', 'broker'), 'p99 {{broker}}'),
      ],
      shows: 'One group-commit transaction from its start until durable (LMDB commit with fsync).',
      whenRed: 'p99 above ~50 ms: the disk is saturated or failing; move load or replace the disk.',
    },
    {
      title: 'Transactions per second', kind: 'timeseries', unit: 'ops',
      queries: [
        q(`sum by (broker) (rate(rafter_storage_transactions_total{${B}}${RI}))`, 'committed {{broker}}'),
        q(`sum by (broker) (rate(rafter_storage_transaction_failures_total{${B}}${RI}))`, 'failed {{broker}}'),
      ],
      shows: 'Storage transactions committed and failed.',
      whenRed: 'Any failure: the broker stops taking writes; read its log (disk full, I/O error).',
    },
    {
      title: 'Bytes per transaction', kind: 'timeseries', unit: 'bytes',
      queries: [
        q(p50('rafter_storage_transaction_bytes', 'broker'), 'p50 {{broker}}'),
        q(p99('rafter_storage_transaction_bytes', 'broker'), 'p99 {{broker}}'),
      ],
      shows: 'Value bytes written per transaction: larger transactions use the disk better.',
      whenRed: 'Informational.',
    },
    {
      title: 'Groups per transaction', kind: 'timeseries', unit: 'none',
      queries: [q(p50('rafter_storage_transaction_groups', 'broker'), 'p50 {{broker}}')],
      shows: 'Raft groups whose writes share one transaction (one fsync).',
      whenRed: 'Informational.',
    },
    {
      title: 'Data file size', kind: 'timeseries', unit: 'bytes',
      queries: [q(`max by (broker) (rafter_storage_db_size_bytes{${B}})`, '{{broker}}')],
      shows: 'Size of the LMDB data file in use (free pages included).',
      whenRed: 'Approaching the map size or the disk: lower retention or grow the disk.',
    },
    {
      title: 'Free pages', kind: 'timeseries', unit: 'none',
      queries: [q(`max by (broker) (rafter_storage_free_pages{${B}})`, '{{broker}}')],
      shows: 'Pages of the data file no tree uses: reused before the file grows.',
      whenRed: 'Informational: many free pages after retention mean the file will not grow for a while.',
    },
    {
      title: 'Damaged groups', kind: 'timeseries', unit: 'none',
      queries: [q(`max by (broker) (rafter_storage_damaged_groups{${B}})`, '{{broker}}')],
      shows: 'Raft groups whose stored data failed a check (entry checksum, offset index), found by a read or the scrubber.',
      whenRed: 'Above 0: that broker logged the partition, index and check on stderr and /health lists it; the partition answers STORAGE_ERROR there (a cluster repairs it from the other replicas).',
    },
    {
      title: 'Scrubber', kind: 'timeseries', unit: 'Bps',
      queries: [q(`sum by (broker) (rate(rafter_storage_scrubbed_bytes_total{${B}}${RI}))`, '{{broker}}')],
      shows: 'Stored bytes per second the background scrubber reads and checks (--scrub-bytes-per-second).',
      whenRed: 'Informational: at 0 the scrubber is off, and damage in data nobody reads goes unnoticed until it is read.',
    },
    {
      title: 'Process memory', kind: 'timeseries', unit: 'bytes',
      queries: [
        q(`max by (broker) (rafter_process_resident_memory_bytes{${B}})`, 'rss {{broker}}'),
        q(`max by (broker) (rafter_nodejs_heap_size_used_bytes{${B}})`, 'heap {{broker}}'),
      ],
      shows: 'Resident memory and used JS heap of each broker process.',
      whenRed: 'Heap growing without bound: a leak; capture a heap snapshot and restart the broker.',
    },
    {
      title: 'CPU and event loop', kind: 'timeseries', unit: 's',
      queries: [
        q(`sum by (broker) (rate(rafter_process_cpu_seconds_total{${B}}${RI}))`, 'cpu {{broker}}'),
        q(`max by (broker) (rafter_nodejs_eventloop_lag_p99_seconds{${B}})`, 'loop lag p99 {{broker}}'),
      ],
      shows: 'CPU seconds per second, and the p99 event loop delay, per broker.',
      whenRed: 'CPU at 1 (one core) or loop lag above ~50 ms: the broker is saturated; spread partitions or add brokers.',
    },
  ],
};

const clients: DashboardSpec = {
  uid: 'rafter-clients',
  title: 'Rafter / Clients',
  file: 'clients.json',
  description: 'The client front door of each broker, and the SDK metrics of applications that export them.',
  topicVariable: true,
  panels: [
    {
      title: 'Connections', kind: 'timeseries', unit: 'none',
      queries: [
        q(`sum by (broker) (rafter_connections_open{${B}})`, 'open {{broker}}'),
        q(`sum by (broker) (rafter_connections_paused{${B}})`, 'paused {{broker}}'),
      ],
      shows: 'Open client connections, and those paused until their send buffer drains.',
      whenRed: 'Paused connections that stay: their clients read too slowly; check those consumers.',
    },
    {
      title: 'Requests per second by type', kind: 'timeseries', unit: 'reqps',
      queries: [q(`sum by (type) (rate(rafter_requests_total{${B}}${RI}))`, '{{type}}')],
      shows: 'Requests answered, by request type.',
      whenRed: 'A storm of metadataRequest: clients keep refreshing (leaders moving, NOT_LEADER answers).',
    },
    {
      title: 'Request errors', kind: 'timeseries', unit: 'reqps',
      queries: [q(`sum by (type, error) (rate(rafter_requests_total{${B},error!="NONE"}${RI}))`, '{{type}} {{error}}')],
      shows: 'Requests answered with an error code, by type and code.',
      whenRed: 'NOT_LEADER or LEADER_NOT_AVAILABLE that persist: elections; REQUEST_TIMED_OUT: commits too slow; UNAUTHORIZED, INVALID_REQUEST: client bugs or configuration.',
    },
    {
      title: 'Request latency p99', kind: 'timeseries', unit: 's',
      queries: [q(p99('rafter_request_duration_seconds', 'type'), '{{type}}')],
      shows: 'p99 per request type (fetch includes its long poll).',
      whenRed: 'Produce p99 rising: fsync and commit latency (Storage, Raft).',
    },
    {
      title: 'Frames rejected and backpressure', kind: 'timeseries', unit: 'ops',
      queries: [
        q(`sum by (reason) (rate(rafter_frames_rejected_total{${B}}${RI}))`, 'rejected {{reason}}'),
        q(`sum by (kind) (rate(rafter_backpressure_drops_total{${B}}${RI}))`, 'dropped {{kind}}'),
        q(`sum(rate(rafter_backpressure_stalls_total{${B}}${RI}))`, 'stalls'),
      ],
      shows: 'Client frames turned away before dispatch, connections closed for overflowing, and pauses for backpressure.',
      whenRed: 'Rejections: a client sends malformed or oversized frames (version mismatch?). Drops: a client reads far too slowly.',
    },
    {
      title: 'SDK produce latency p99', kind: 'timeseries', unit: 's',
      queries: [q('histogram_quantile(0.99, sum by (le, broker) (rate(rafter_client_produce_request_duration_seconds_bucket[$__rate_interval])))', 'broker {{broker}}')],
      shows: 'Produce round trips as applications see them (instrumentProducer).',
      whenRed: 'Far above the broker-side latency: the network or the application\'s event loop.',
    },
    {
      title: 'SDK records produced and fetched', kind: 'timeseries', unit: 'ops',
      queries: [
        q(`sum by (topic) (rate(rafter_client_produced_records_total{${T}}${RI}))`, 'produced {{topic}}'),
        q(`sum by (topic) (rate(rafter_client_fetched_records_total{${T}}${RI}))`, 'fetched {{topic}}'),
      ],
      shows: 'Records applications produced (acknowledged) and fetched.',
      whenRed: 'Fetched below produced for long: consumers fall behind (see lag).',
    },
    {
      title: 'Consumer lag', kind: 'timeseries', unit: 'none',
      queries: [q(`sum by (topic) (rafter_client_consumer_lag_records{${T}})`, '{{topic}}')],
      shows: 'Records between consumers\' positions and the high watermark, per topic (instrumentConsumer).',
      whenRed: 'Growing: consumers are too slow or stuck; add consumers or fix the slow processing.',
    },
    {
      title: 'SDK retries', kind: 'timeseries', unit: 'ops',
      queries: [
        q('sum(rate(rafter_client_produce_retries_total[$__rate_interval]))', 'produce retries'),
        q('sum(rate(rafter_client_produce_requests_total{outcome="error"}[$__rate_interval])) or vector(0)', 'produce request errors'),
      ],
      shows: 'Batches retried by producers, and produce requests that failed.',
      whenRed: 'Sustained retries: leaders move or brokers are unreachable; see Cluster overview.',
    },
  ],
};

export const DASHBOARDS: readonly DashboardSpec[] = [clusterOverview, topics, raft, storage, clients];

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

function variable(name: string, label: string, query: string): object {
  return {
    name, label, type: 'query', datasource: DATASOURCE, query: { query, refId: `${name}-values` }, definition: query,
    refresh: 2, includeAll: true, multi: true, allValue: '.*', current: { selected: true, text: ['All'], value: ['$__all'] },
    sort: 3,
  };
}

/** Grafana's dashboard JSON (schema 39) for a spec. */
export function renderDashboard(spec: DashboardSpec): object {
  const templating = [
    {
      name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', refresh: 1,
      current: { selected: false, text: 'Prometheus', value: 'prometheus' },
    },
    variable('broker', 'Broker', 'label_values(rafter_build_info, broker)'),
    ...(spec.topicVariable ? [variable('topic', 'Topic', 'label_values(rafter_partition_high_watermark{broker=~"$broker"}, topic)')] : []),
  ];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const panels = spec.panels.map((p, i) => {
    const w = p.kind === 'stat' ? 6 : 12;
    const h = p.kind === 'stat' ? 5 : 8;
    if (x + w > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const gridPos = { x, y, w, h };
    x += w;
    rowHeight = Math.max(rowHeight, h);
    const steps = p.redFrom === undefined
      ? [{ color: 'green', value: null }]
      : [{ color: 'green', value: null }, { color: 'red', value: p.redFrom }];
    return {
      id: i + 1,
      type: p.kind,
      title: p.title,
      description: `${p.shows} When red: ${p.whenRed}`,
      datasource: DATASOURCE,
      gridPos,
      fieldConfig: { defaults: { unit: p.unit, thresholds: { mode: 'absolute', steps } }, overrides: [] },
      options: p.kind === 'stat'
        ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background', graphMode: 'none', textMode: 'value_and_name' }
        : { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
      targets: p.queries.map((t, j) => ({ datasource: DATASOURCE, expr: t.expr, legendFormat: t.legend, refId: String.fromCharCode(65 + j) })),
    };
  });
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ['rafter'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: true,
    refresh: '10s',
    time: { from: 'now-1h', to: 'now' },
    templating: { list: templating },
    links: [{ title: 'Rafter dashboards', type: 'dashboards', tags: ['rafter'], asDropdown: true }],
    panels,
  };
}

/** The file text as written to grafana/dashboards/. */
export function dashboardJson(spec: DashboardSpec): string {
  return `${JSON.stringify(renderDashboard(spec), null, 2)}\n`;
}
