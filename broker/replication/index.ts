// The replication layer's public surface: the multi-Raft host (raft-host.ts, whose header documents its API) and the
// broker↔broker transport of Raft traffic it drives once per flush cycle:
//
//   transport.send(toBroker, groupId, rd.messages)   // per group and peer; queued, never blocks
//   transport.flush()                                 // one frame per peer: all groups' messages + coalesced heartbeats
//   attachPeerEndpoint(app, '/peer', { onBatch: (fromBroker, groups) => step each message into its group's node })
//
// and reacts to onDropped (reportUnreachable / reportSnapshot(to, false)) and onConnectionChange.
export type { GroupId, GroupMessages } from './group-messages';
export { MalformedFrameError } from './malformed-frame-error';
export {
  decodePeerFrame, encodeHello, encodeRaftBatch, maxEncodedMessageBytes, validateLogSlice, NO_STORE_STATE, PEER_PROTOCOL_VERSION,
  type DecodedPeerFrame, type Hello, type HelloStoreState, type RaftBatch,
} from './raft-codec';
export {
  expandHeartbeats, HeartbeatCoalescer, isCoalescable, type CoalescedHeartbeats,
} from './heartbeat-coalescer';
export { backoffDelayMs } from './backoff';
export { PeerMetrics, type DropReason, type RejectReason } from './peer-metrics';
export {
  CLOSE_POLICY_VIOLATION, DEFAULT_MAX_FRAME_BYTES, PeerTransport, REAL_TIMERS, type PeerTransportOptions, type Timers,
} from './peer-transport';
export { attachPeerEndpoint, type PeerEndpoint, type PeerEndpointOptions } from './peer-endpoint';
export {
  ANY_CONTENT, MAX_INDEX, MAX_NODE_ID, MAX_TERM, messageProblem, PeerMessageValidator, REFUSAL_REASONS,
  type GroupContentRules, type MessageContext, type PeerMessageValidatorOptions, type Refusal, type RefusalReason,
} from './peer-message-validation';
export {
  RaftGroup, RaftHost, type CreateGroupOptions, type GroupStateMachine, type Leadership, type RaftHostOptions,
} from './raft-host';
