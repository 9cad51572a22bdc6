// The replication layer's public surface. For now: the broker↔broker transport for Raft traffic (the multi-Raft
// host that drives every group's Ready cycle over it comes next).
export type { GroupId, GroupMessages } from './group-messages';
export { MalformedFrameError } from './malformed-frame-error';
export {
  decodePeerFrame, encodeHello, encodeRaftBatch, maxEncodedMessageBytes, validateLogSlice, PEER_PROTOCOL_VERSION,
  type DecodedPeerFrame, type Hello, type RaftBatch,
} from './raft-codec';
export {
  expandHeartbeats, HeartbeatCoalescer, isCoalescable, type CoalescedHeartbeats,
} from './heartbeat-coalescer';
