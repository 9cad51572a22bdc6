// InitProducerId: hands an idempotent producer its id for the session. Ids come from a ProducerIdAllocator; on a
// single broker that is StoreProducerIdAllocator, and the controller will serve the same interface for a cluster.
import { ErrorCode } from '../../client/protocol';
import type { BrokerStore } from '../storage';
import type { PendingOperation, Reply } from './request-context';

export interface ProducerIdentity {
  /** Never 0: 0 marks a batch that is not idempotent. */
  producerId: number;
  producerEpoch: number;
}

export interface ProducerIdAllocator {
  /** A producer id no producer was given before, not even before a restart. */
  allocate(): Promise<ProducerIdentity>;
}

export const PRODUCER_ID_META_KEY = 'producer-id-limit';
/** Ids reserved per durable write: one commit per this many producers, and at most this many skipped per restart. */
export const PRODUCER_ID_BLOCK = 1000;

/**
 * Allocates ids from blocks reserved in the store's meta: the stored value is the first id not yet reserved, written
 * durably before any id of the block is handed out, so a restart continues above everything ever handed out.
 */
export class StoreProducerIdAllocator implements ProducerIdAllocator {
  private nextId: number;
  private limit: number;
  private reserving: Promise<void> | undefined;

  constructor(private readonly store: BrokerStore, private readonly blockSize = PRODUCER_ID_BLOCK) {
    const stored = store.getMeta(PRODUCER_ID_META_KEY);
    this.limit = stored ? readU64(stored) : 1;
    this.nextId = this.limit;
  }

  async allocate(): Promise<ProducerIdentity> {
    while (this.nextId >= this.limit) {
      // Single flight: callers that find the block used up wait for the same reservation.
      this.reserving ??= this.reserve().finally(() => (this.reserving = undefined));
      await this.reserving;
    }
    return { producerId: this.nextId++, producerEpoch: 0 };
  }

  private async reserve(): Promise<void> {
    const limit = this.limit + this.blockSize;
    if (!Number.isSafeInteger(limit)) throw new Error('producer ids are exhausted');
    this.store.putMeta(PRODUCER_ID_META_KEY, writeU64(limit));
    await this.store.commit();
    this.limit = limit;
  }
}

/** Answers one InitProducerIdRequest; tracked like any request that waits on a commit. */
export function initProducerId(allocator: ProducerIdAllocator | undefined, reply: Reply): PendingOperation {
  if (!allocator) {
    const errorMessage = 'this broker does not allocate producer ids';
    reply.send({ initProducerIdResponse: { error: ErrorCode.UNSUPPORTED, errorMessage } }, ErrorCode.UNSUPPORTED);
    return { settled: Promise.resolve(), finishNow: () => undefined };
  }
  const settled = allocator.allocate().then(
    ({ producerId, producerEpoch }) => {
      reply.send({ initProducerIdResponse: { producerId, producerEpoch } }, ErrorCode.NONE);
    },
    (err: unknown) => {
      // The reservation did not reach the disk: nothing was handed out, so the producer may simply ask again.
      const errorMessage = `cannot allocate a producer id: ${(err as Error).message}`;
      reply.send({ initProducerIdResponse: { error: ErrorCode.STORAGE_ERROR, errorMessage } }, ErrorCode.STORAGE_ERROR);
    },
  );
  // One short commit: a shutdown lets it finish rather than cutting it off.
  return { settled, finishNow: () => undefined };
}

function readU64(bytes: Uint8Array): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return dv.getUint32(0, true) + dv.getUint32(4, true) * 0x1_0000_0000;
}

function writeU64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, value % 0x1_0000_0000, true);
  dv.setUint32(4, Math.floor(value / 0x1_0000_0000), true);
  return out;
}
