// The controller (Raft group 0): its pure parts. Nothing here does I/O, keeps time or drives Raft; the multi-Raft
// host and the request dispatcher use it like this:
//
// On the controller leader, per admin request (the dispatcher forwards admin requests there from any broker):
//   const cmd = planCreateTopic(state, request, limits, Date.now())   // validate (broker/topics), place, stamp time
//   if ('error' in cmd) answer(cmd) else node.propose(encodeCommand(cmd))   // answer once the entry applies
//   planDeleteTopic(state, name, now); { kind: 'register-broker' | 'broker-heartbeat', atMs: now, … } likewise.
//
// On every broker hosting group 0, per committed entry, in log order:
//   const error = state.applyEntry(entry.data)      // undefined: applied; else the same error on every broker
// and per Raft snapshot: state.snapshot() to make one, state.restore(bytes) to install one.
//
// On every broker, after the controller state changes (it reads the state from group 0 where it hosts it):
//   const { create, remove } = reconcileGroups(myBrokerId, state, hostedGroupIds)   // groups to start / stop
//
// Serving clients and metrics, with leaders from the partitions' own Raft groups:
//   metadataResponse(state, groupId => leadership, { topics, controllerId, clusterId })
//   clusterHealth(state, groupId => leadership)
//
// Guarantees: applying the same entries in the same order gives byte-identical snapshot() on every broker. Partition
// group ids start at FIRST_PARTITION_GROUP_ID (1; group 0 is the controller's), rise monotonically and are never
// reused. A partition's first replica is its preferred leader. Liveness is derived (never stored) from the last
// heartbeat and ControllerStateOptions.livenessTimeoutMs, on the clock the leader's timestamps advance.
export {
  decodeCommand, encodeCommand, type BrokerAddress, type ControllerCommand, type Placement,
} from './commands';
export {
  ControllerState, CONTROLLER_GROUP_ID, CONTROLLER_SNAPSHOT_VERSION,
  type BrokerRecord, type ClusterTopic, type ControllerStateOptions, type PartitionPlacement,
} from './controller-state';
export { countLoad, placeReplicas, type BrokerLoad, type PlacementBroker, type PlacementRequest } from './placement';
export { planCreateTopic, planDeleteTopic, type ControllerTopicLimits } from './proposals';
export { groupsFor, reconcileGroups, type GroupAssignment, type ReconcilePlan } from './reconcile';
export {
  clusterHealth, metadataResponse, topicMetadata, NO_LEADER_ID,
  type ClusterHealth, type LeadershipLookup, type MetadataOptions, type PartitionLeadership,
} from './cluster-view';
