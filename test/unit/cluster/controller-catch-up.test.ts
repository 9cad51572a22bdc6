// How long replicas placed on a broker must start recovering after its controller group recovered, across restarts.
import { ControllerCatchUp } from '../../../broker/cluster/controller-catch-up';
import { CONTROLLER_GROUP_ID } from '../../../broker/cluster';
import { openTempStore, type TempStore } from '../storage/temp-store';

describe('controller catch-up', () => {
  let temp: TempStore;
  beforeEach(() => { temp = openTempStore(false); });
  afterEach(() => temp.dispose());

  it('a store that never recovered its controller never holds new replicas back', () => {
    const catchUp = new ControllerCatchUp(temp.store);
    expect(catchUp.catchingUp({ recovering: false, applied: 0 })).toBe(false);
    // No controller replica here at all: whatever placement it read may be old.
    expect(catchUp.catchingUp(undefined)).toBe(true);
  });

  it('holds them back while recovering, and until the commit index it caught up to is applied, across a restart', async () => {
    const catchUp = new ControllerCatchUp(temp.store);
    catchUp.begin();
    expect(catchUp.catchingUp({ recovering: true, applied: 500 })).toBe(true);
    await catchUp.caughtUp(120);
    expect(catchUp.catchingUp({ recovering: false, applied: 119 })).toBe(true);
    expect(catchUp.catchingUp({ recovering: false, applied: 120 })).toBe(false);
    await temp.reopen();
    const again = new ControllerCatchUp(temp.store);
    expect(again.catchingUp({ recovering: false, applied: 100 })).toBe(true);
    expect(again.catchingUp({ recovering: false, applied: 120 })).toBe(false);
  });

  it('a restart that lost the caught-up index counts the whole stored controller log as still to apply', async () => {
    new ControllerCatchUp(temp.store).begin();
    const log = temp.store.group(CONTROLLER_GROUP_ID);
    log.append([1, 2, 3].map((index) => ({ term: 2, index, type: 0, data: new Uint8Array([index]) })));
    await temp.store.commit();
    await temp.reopen();
    // The recovering flag was cleared (not set here), but the index it caught up to never reached the disk.
    const catchUp = new ControllerCatchUp(temp.store);
    expect(catchUp.catchingUp({ recovering: false, applied: 2 })).toBe(true);
    expect(catchUp.catchingUp({ recovering: false, applied: 3 })).toBe(false);
  });
});
