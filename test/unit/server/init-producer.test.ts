// Producer identities: an id is derived from a secret token, so only the token's holder can write under it, and any
// broker can check that without remembering anything.
import { ErrorCode } from '../../../client/protocol';
import {
  checkProducerCredential, initProducerId, ISSUED_PRODUCER_EPOCH, issueProducerIdentity, PRODUCER_TOKEN_BYTES, producerIdOf,
} from '../../../broker/server/init-producer';
import type { Reply } from '../../../broker/server';
import type { ResponseBody } from '../../../broker/server/responses';

describe('producer identities', () => {
  it('issues distinct ids below 2^53, never 0, each the one its token stands for, at epoch 0', () => {
    const identities = Array.from({ length: 2000 }, () => issueProducerIdentity());
    expect(new Set(identities.map((i) => i.producerId)).size).toBe(identities.length);
    for (const { producerId, producerEpoch, producerToken } of identities) {
      expect(Number.isSafeInteger(producerId) && producerId > 0).toBe(true);
      expect(producerToken).toHaveLength(PRODUCER_TOKEN_BYTES);
      expect(producerIdOf(producerToken)).toBe(producerId);
      expect(producerEpoch).toBe(ISSUED_PRODUCER_EPOCH);
    }
  });

  it('derives the id from the token alone: the same on every broker, and after a restart', () => {
    const token = new Uint8Array(PRODUCER_TOKEN_BYTES).map((_, i) => i);
    expect(producerIdOf(token)).toBe(producerIdOf(Uint8Array.from(token)));
    expect(producerIdOf(token)).toBe(issueProducerIdentity(() => token).producerId);
    // The first 53 bits of SHA-256("rafter producer id v1\0" || token), pinned: a change would strand running producers.
    expect(producerIdOf(token)).toBe(2610724578182300);
    expect(producerIdOf(token.subarray(1))).toBe(0);
    expect(producerIdOf(undefined)).toBe(0);
  });

  it('lets a batch through only with its own token and the issued epoch', () => {
    const mine = issueProducerIdentity();
    const theirs = issueProducerIdentity();
    const tokenId = producerIdOf(mine.producerToken);
    expect(checkProducerCredential({ producerId: mine.producerId, producerEpoch: 0 }, tokenId)).toBeUndefined();
    expect(checkProducerCredential({ producerId: 0, producerEpoch: 0 }, 0)).toBeUndefined();
    expect(checkProducerCredential({ producerId: mine.producerId, producerEpoch: 0 }, 0))
      .toMatchObject({ error: ErrorCode.UNKNOWN_PRODUCER_ID, message: expect.stringMatching(/without the producer_token/) });
    expect(checkProducerCredential({ producerId: theirs.producerId, producerEpoch: 0 }, tokenId))
      .toMatchObject({ error: ErrorCode.UNKNOWN_PRODUCER_ID, message: expect.stringMatching(/does not belong/) });
    expect(checkProducerCredential({ producerId: mine.producerId, producerEpoch: 7 }, tokenId))
      .toMatchObject({ error: ErrorCode.INVALID_PRODUCER_EPOCH, message: expect.stringMatching(/epoch 7 was never issued/) });
  });

  it('answers InitProducerId at once with id, epoch and token', () => {
    let sent: { body: ResponseBody; error: ErrorCode } | undefined;
    const reply: Reply = { done: false, send: (body, error) => { sent = { body, error }; }, skip: () => undefined };
    const token = new Uint8Array(PRODUCER_TOKEN_BYTES).fill(9);
    initProducerId(reply, () => token);
    expect(sent).toEqual({
      body: { initProducerIdResponse: { producerId: producerIdOf(token), producerEpoch: 0, producerToken: token } }, error: ErrorCode.NONE,
    });
  });
});
