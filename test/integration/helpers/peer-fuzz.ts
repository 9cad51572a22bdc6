// Hostile frames for a broker's peer endpoint, drawn from one seeded Prng, most of them made from real frames that
// brokers sent each other (captured by a PeerTap): replayed as they were, with bytes flipped, cut, inserted or set to
// 0xff, or decoded and sent back with one message made invalid (a term or index out of bounds, a local or unknown
// type, a partition entry or snapshot that is no batch, checkpoint or snapshot, a controller entry that is no
// command, entries or a snapshot where the type has none, a slice with a gap); plus random bytes and hellos where a
// batch belongs. A message made invalid is sent alone, addressed from the connection's broker to the target, so it
// reaches the validator; nothing valid is forged (what a forged valid message can do is for authentication to stop).
import { encodeHello, PEER_PROTOCOL_VERSION, NO_STORE_STATE } from '../../../broker/replication';
import { rafter } from '../../../broker/replication/generated/peer';
import type { Prng } from '../../sim/prng';
import { mutateBytes, seededBytes } from './fuzz-bytes';

const wire = rafter.peer;
type WireMessage = rafter.peer.IRaftMessage;

export type PeerFuzzKind = 'replay' | 'mutated' | 'invalid_message' | 'random_bytes' | 'hello';

export interface PeerFuzzFrame {
  readonly kind: PeerFuzzKind;
  /** For invalid_message: what was made invalid. */
  readonly detail?: string;
  readonly bytes: Uint8Array;
}

export interface PeerFuzzTarget {
  /** The broker the frames go to, and the one the connection speaks as. */
  readonly to: number;
  readonly as: number;
  readonly clusterId: string;
}

/** A second hello ends the connection, and with it every frame sent behind it: it comes rarely. */
const HELLO_CHANCE = 0.02;
const KINDS: readonly PeerFuzzKind[] = ['replay', 'mutated', 'mutated', 'invalid_message', 'invalid_message', 'invalid_message', 'random_bytes'];

/** Values a bounded field may not take: past 2^50, past 2^53, the largest uint64. */
const HUGE = [2 ** 50 + 1, 2 ** 53, 2 ** 64 - 1];

export class PeerFuzzer {
  constructor(private readonly rng: Prng, private readonly captured: readonly Uint8Array[]) {}

  next(target: PeerFuzzTarget): PeerFuzzFrame {
    const kind = this.captured.length === 0 ? 'random_bytes' : this.rng.chance(HELLO_CHANCE) ? 'hello' : this.rng.pick(KINDS);
    switch (kind) {
      case 'replay':
        return { kind, bytes: this.rng.pick(this.captured) };
      case 'mutated':
        return { kind, bytes: mutateBytes(this.rng, this.rng.pick(this.captured)) };
      case 'invalid_message':
        return this.invalidMessage(target);
      case 'hello':
        return { kind, bytes: encodeHello({ brokerId: target.as, clusterId: target.clusterId, protocolVersion: PEER_PROTOCOL_VERSION, ...NO_STORE_STATE }) };
      default:
        return { kind: 'random_bytes', bytes: this.bytes(this.rng.range(0, 400)) };
    }
  }

  /** One message of a captured frame, readdressed to the target and made invalid in one way. */
  private invalidMessage(target: PeerFuzzTarget): PeerFuzzFrame {
    const r = this.rng;
    const frame = this.decodedBatch();
    const groups = (frame?.groups ?? []).filter((g) => (g.messages ?? []).length > 0);
    const group = groups.length > 0 ? r.pick(groups) : { groupId: r.pick([0, 1, 2]), messages: [{ type: wire.MessageType.MSG_HEARTBEAT, term: 1 }] };
    const m: WireMessage = { ...r.pick(group.messages!), from: target.as, to: target.to };
    const how = r.pick(['term', 'log_term', 'index', 'commit', 'type', 'entry_data', 'entry_gap', 'snapshot', 'shape', 'zero_term']);
    switch (how) {
      case 'term':
        m.term = r.pick(HUGE);
        break;
      case 'zero_term':
        m.term = 0;
        break;
      case 'log_term':
        m.logTerm = r.pick(HUGE);
        break;
      case 'index':
        m.index = r.pick(HUGE);
        break;
      case 'commit':
        m.commit = r.pick(HUGE);
        break;
      case 'type':
        m.type = r.pick([0, 12, 13, 99, 2 ** 31 - 1]) as rafter.peer.MessageType;
        break;
      case 'entry_data': {
        // An append whose one entry is no batch, checkpoint, command or membership change of its group.
        m.type = wire.MessageType.MSG_APP;
        const term = Number(m.term ?? 1) || 1;
        m.entries = [{ term, index: Number(m.index ?? 0) + 1, type: r.pick([0, 0, 0, 1, 5]), data: this.badEntryData(group.groupId ?? 0) }];
        m.logTerm = Math.min(Number(m.logTerm ?? 0), term);
        m.snapshot = null;
        break;
      }
      case 'entry_gap': {
        m.type = wire.MessageType.MSG_APP;
        const term = Number(m.term ?? 1) || 1;
        const at = Number(m.index ?? 0);
        m.entries = [{ term, index: at + 1, type: 0, data: new Uint8Array(0) }, { term, index: at + 3, type: 0, data: new Uint8Array(0) }];
        m.logTerm = Math.min(Number(m.logTerm ?? 0), term);
        m.snapshot = null;
        break;
      }
      case 'snapshot': {
        m.type = wire.MessageType.MSG_SNAP;
        const term = Number(m.term ?? 1) || 1;
        m.entries = [];
        m.snapshot = {
          metadata: {
            index: r.pick([1_000_000, ...HUGE]), term: r.chance(0.5) ? term : term + 1,
            confState: r.chance(0.5) ? { voters: [1, 2, 3] } : { voters: r.pick([[], [0], [1, 1], [1, 2 ** 31]]), votersOutgoing: r.chance(0.3) ? [1] : [] },
          },
          data: this.bytes(r.range(0, 200)),
        };
        break;
      }
      default:
        // Entries or a snapshot where the type has none.
        m.type = r.pick([wire.MessageType.MSG_HEARTBEAT, wire.MessageType.MSG_VOTE, wire.MessageType.MSG_APP_RESP]);
        if (r.chance(0.5)) m.entries = [{ term: 1, index: 1, type: 0, data: new Uint8Array(0) }];
        else m.snapshot = { metadata: { index: 5, term: 1, confState: { voters: [1, 2, 3] } }, data: new Uint8Array(0) };
    }
    const bytes = wire.PeerFrame.encode({ raftBatch: { groups: [{ groupId: group.groupId ?? 0, messages: [m] }] } }).finish();
    return { kind: 'invalid_message', detail: how, bytes };
  }

  /** Data no leader of that group writes: a byte of a batch, a cut or lying batch, a checkpoint or command of garbage. */
  private badEntryData(groupId: number): Uint8Array {
    const r = this.rng;
    const real = this.capturedEntryData(groupId);
    switch (r.int(4)) {
      case 0:
        return new Uint8Array([groupId === 0 ? 0xff : 0x09]);
      case 1:
        return real && real.length > 2 ? real.subarray(0, r.range(1, real.length - 1)) : this.bytes(r.range(2, 90));
      case 2: {
        // A real entry with one bit flipped: a batch's CRC or a command's framing catches it.
        const data = real ? Uint8Array.from(real) : this.bytes(r.range(80, 300));
        if (data.length > 0) data[r.int(data.length)] ^= 1 << r.int(8);
        return data.length > 0 ? data : new Uint8Array([0xff]);
      }
      default:
        return Uint8Array.from([r.pick([0x09, 0x50, 0x0a, 0xff]), ...this.bytes(r.range(1, 120))]);
    }
  }

  private capturedEntryData(groupId: number): Uint8Array | undefined {
    for (let tries = 0; tries < 8; tries++) {
      const frame = this.decodedBatch();
      for (const g of frame?.groups ?? []) {
        if ((g.groupId ?? 0) !== groupId) continue;
        for (const m of g.messages ?? []) for (const e of m.entries ?? []) if (e.data && e.data.length > 0) return e.data;
      }
    }
    return undefined;
  }

  private decodedBatch(): rafter.peer.IRaftBatch | undefined {
    try {
      return wire.PeerFrame.decode(this.rng.pick(this.captured)).raftBatch ?? undefined;
    } catch {
      return undefined;
    }
  }

  private bytes(n: number): Uint8Array {
    return seededBytes(this.rng, n);
  }
}
