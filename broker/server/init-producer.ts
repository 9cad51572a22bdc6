// Producer identities: InitProducerId hands an idempotent producer its id, and every produce request proves that the
// ids its batches carry are its own.
//
// A producer id cannot be a secret: every batch a consumer fetches shows it. So an id comes with a producer token
// (32 random bytes) and is derived from it, id = the first 53 bits of SHA-256(domain, token). The producer sends
// the token with each produce request (ProduceRequest.producer_token); it is never stored or served. A leader
// refuses an idempotent batch whose id is not the token's (UNKNOWN_PRODUCER_ID): a batch without a token, or with
// someone else's id. The check needs no state, so it holds on every broker, on a new leader after failover and
// after a restart, with nothing replicated; the producer-state table (broker/partition/producer-state.ts) is
// unchanged and only ever sees batches that passed it. Ids stay below 2^53 because they decode as JS numbers
// (client/protocol/numbers-not-longs.ts). What it costs an attacker who read a victim's id: a token whose hash
// matches 53 bits, about 2^53 SHA-256 evaluations for one producer session. Random ids drawn independently
// collide, with probability about n^2 / 2^54 among n producers; a collision matters only between two producers
// writing one partition within the producer-state expiry.
//
// Epochs: InitProducerId issues epoch 0 to every new id, and nothing raises an epoch yet (no KIP-360 bump), so a
// batch with any other epoch did not come through InitProducerId and is refused (INVALID_PRODUCER_EPOCH): no one
// can fence a producer by writing a higher epoch. Raising epochs later needs a credential per epoch.
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode } from '../../client/protocol';
import type { PartitionError } from '../partition';
import type { Reply } from './request-context';

export interface ProducerIdentity {
  /** Never 0: 0 marks a batch that is not idempotent. */
  producerId: number;
  producerEpoch: number;
  producerToken: Uint8Array;
}

export const PRODUCER_TOKEN_BYTES = 32;
export const ISSUED_PRODUCER_EPOCH = 0;
const PRODUCER_ID_DOMAIN = 'rafter producer id v1\u0000';

/**
 * The producer id a token stands for; 0 (no producer) for a token of the wrong length. When connections authenticate
 * (issue 15) the principal joins the token here, binding the id to whoever asked for it.
 */
export function producerIdOf(token: Uint8Array | undefined): number {
  if (token === undefined || token.length !== PRODUCER_TOKEN_BYTES) return 0;
  const digest = createHash('sha256').update(PRODUCER_ID_DOMAIN).update(token).digest();
  return digest.readUIntBE(0, 6) * 32 + (digest[6] >>> 3);
}

/** A new identity: a fresh token and the id it stands for (drawn again in the 2^-53 case that the id is 0). */
export function issueProducerIdentity(random: (bytes: number) => Uint8Array = randomBytes): ProducerIdentity {
  for (;;) {
    const producerToken = Uint8Array.from(random(PRODUCER_TOKEN_BYTES));
    const producerId = producerIdOf(producerToken);
    if (producerId !== 0) return { producerId, producerEpoch: ISSUED_PRODUCER_EPOCH, producerToken };
  }
}

/**
 * Whether a produce request whose token stands for `tokenProducerId` (producerIdOf of its token, computed once per
 * request) may write a batch stamped with this producer id and epoch; batches that are not idempotent always may.
 */
export function checkProducerCredential(
  batch: { producerId: number; producerEpoch: number }, tokenProducerId: number,
): PartitionError | undefined {
  const { producerId, producerEpoch } = batch;
  if (producerId === 0) return undefined;
  if (tokenProducerId === 0) {
    return {
      error: ErrorCode.UNKNOWN_PRODUCER_ID,
      message: `batch of producer ${producerId} comes without the producer_token InitProducerId gave with the id`,
    };
  }
  if (producerId !== tokenProducerId) {
    return { error: ErrorCode.UNKNOWN_PRODUCER_ID, message: `producer id ${producerId} does not belong to this request's producer_token` };
  }
  if (producerEpoch !== ISSUED_PRODUCER_EPOCH) {
    return {
      error: ErrorCode.INVALID_PRODUCER_EPOCH,
      message: `producer ${producerId} epoch ${producerEpoch} was never issued: InitProducerId issues epoch ${ISSUED_PRODUCER_EPOCH} and nothing raises it`,
    };
  }
  return undefined;
}

/** Answers one InitProducerIdRequest: any broker can, at once, as issuing an id takes neither state nor a commit. */
export function initProducerId(reply: Reply, random?: (bytes: number) => Uint8Array): void {
  reply.send({ initProducerIdResponse: issueProducerIdentity(random) }, ErrorCode.NONE);
}
