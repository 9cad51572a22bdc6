// Producer ids: unique across concurrent callers and across restarts, reserved in blocks in the store's meta.
import { ErrorCode } from '../../../client/protocol';
import { initProducerId, StoreProducerIdAllocator, type ProducerIdAllocator } from '../../../broker/server/init-producer';
import type { Reply } from '../../../broker/server';
import type { ResponseBody } from '../../../broker/server/responses';
import { openTempStore, type TempStore } from './store-fixture';

describe('producer id allocation', () => {
  let temp: TempStore;
  beforeEach(() => { temp = openTempStore(); });
  afterEach(() => temp.dispose());

  it('hands out distinct ids from 1, never 0, to concurrent callers, with one commit per block', async () => {
    const allocator = new StoreProducerIdAllocator(temp.store, 4);
    const ids = await Promise.all(Array.from({ length: 10 }, () => allocator.allocate()));
    expect(ids.map((i) => i.producerId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ids.every((i) => i.producerEpoch === 0)).toBe(true);
  });

  it('never reuses an id after a restart: it continues above the reserved block', async () => {
    const first = new StoreProducerIdAllocator(temp.store, 100);
    const before = [await first.allocate(), await first.allocate()].map((i) => i.producerId);
    const reopened = await temp.reopen();
    const after = (await new StoreProducerIdAllocator(reopened, 100).allocate()).producerId;
    expect(before).toEqual([1, 2]);
    expect(after).toBe(101);
  });

  it('answers InitProducerId with the id, or STORAGE_ERROR when the reservation cannot be stored', async () => {
    const answer = async (allocator: ProducerIdAllocator | undefined) => {
      let sent: { body: ResponseBody; error: ErrorCode } | undefined;
      const reply: Reply = { done: false, send: (body, error) => { sent = { body, error }; }, skip: () => undefined };
      await initProducerId(allocator, reply).settled;
      return sent!;
    };
    expect(await answer(new StoreProducerIdAllocator(temp.store))).toEqual({
      body: { initProducerIdResponse: { producerId: 1, producerEpoch: 0 } }, error: ErrorCode.NONE,
    });
    const failing: ProducerIdAllocator = { allocate: () => Promise.reject(new Error('disk full')) };
    expect(await answer(failing)).toMatchObject({ error: ErrorCode.STORAGE_ERROR, body: { initProducerIdResponse: { error: ErrorCode.STORAGE_ERROR } } });
    expect(await answer(undefined)).toMatchObject({ error: ErrorCode.UNSUPPORTED });
  });
});
