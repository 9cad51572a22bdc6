/**
 * A peer sent a frame that does not decode or breaks the protocol's rules (a log slice with gaps, a local-only
 * message type, ragged heartbeat columns). The frame is rejected whole: Raft recovers from the loss, and nothing a
 * peer sends is trusted past the codec.
 */
export class MalformedFrameError extends Error {
  override readonly name = 'MalformedFrameError';
}
