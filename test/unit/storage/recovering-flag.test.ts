// The per-group Recovering record (RaftConfig.recovering): staged like the hard state, written by the next commit,
// read back at open, and gone with the group.
import { openTempStore } from './temp-store';

describe('GroupLog recovering flag', () => {
  it('is written by the next commit, survives a reopen, and is removed once cleared', async () => {
    const temp = openTempStore();
    try {
      const log = temp.store.group(3);
      expect(log.isRecovering()).toBe(false);
      log.setRecovering(true);
      expect(log.isRecovering()).toBe(true);
      await temp.store.commit();
      let reopened = await temp.reopen();
      expect(reopened.group(3).isRecovering()).toBe(true);
      expect(reopened.group(4).isRecovering()).toBe(false);
      reopened.group(3).setRecovering(false);
      await reopened.commit();
      reopened = await temp.reopen();
      expect(reopened.group(3).isRecovering()).toBe(false);
    } finally {
      await temp.dispose();
    }
  });

  it('is lost with a staged write that never committed, and dropped with the group', async () => {
    const temp = openTempStore();
    try {
      temp.store.group(5).setRecovering(true);
      let reopened = await temp.reopen();
      expect(reopened.group(5).isRecovering()).toBe(false);
      reopened.group(5).setRecovering(true);
      await reopened.commit();
      reopened.dropGroup(5);
      await reopened.commit();
      reopened = await temp.reopen();
      expect(reopened.group(5).isRecovering()).toBe(false);
    } finally {
      await temp.dispose();
    }
  });
});
