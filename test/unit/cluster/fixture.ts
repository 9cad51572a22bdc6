// A controller state built by applying commands, as a broker would from group 0's log.
import { rafter } from '../../../client/protocol';
import { ControllerState, type Placement } from '../../../broker/cluster';
import { rafter as controllerWire } from '../../../broker/cluster/generated/controller';

export const LIVENESS_MS = 5_000;

/** Brokers 1..count registered at 1000 (racks r0, r1, … round robin when racks > 0). */
export function stateWithBrokers(count: number, racks = 0): ControllerState {
  const state = new ControllerState({ livenessTimeoutMs: LIVENESS_MS });
  for (let id = 1; id <= count; id++) {
    const error = state.apply({ kind: 'register-broker', atMs: 1_000, broker: { id, host: `b${id}.local`, port: 9000 + id, rack: racks > 0 ? `r${id % racks}` : '' } });
    if (error) throw new Error(error.message);
  }
  return state;
}

/** Creates a HASH topic with exactly this placement (replication factor from its first partition). */
export function createTopic(state: ControllerState, name: string, placement: Placement, atMs = 1_000): void {
  const error = state.apply({
    kind: 'create-topic', atMs, placement,
    spec: {
      name, partitions: placement.length, replicationFactor: placement[0].length, partitioning: rafter.Partitioning.HASH,
      splitKeys: [], config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 1 << 20 },
    },
  });
  if (error) throw new Error(error.message);
}

/** The snapshot of a state with brokers 1..2 registered, claiming to be of `version` (1 is the one restore knows). */
export function controllerSnapshotOfVersion(version: number): Uint8Array {
  const decoded = controllerWire.controller.ControllerSnapshot.decode(stateWithBrokers(2).snapshot());
  decoded.version = version;
  return controllerWire.controller.ControllerSnapshot.encode(decoded).finish();
}
