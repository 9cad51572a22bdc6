import { MessageType, type Message } from '../../../broker/raft';
import { expandHeartbeats, HeartbeatCoalescer, isCoalescable } from '../../../broker/replication';
import { append, heartbeat, message } from './raft-messages';

function expandAll(coalescer: HeartbeatCoalescer): Array<[number, Message]> {
  const out: Array<[number, Message]> = [];
  const { heartbeats, heartbeatResponses } = coalescer.take();
  if (heartbeats) expandHeartbeats(heartbeats, MessageType.Heartbeat, (g, m) => out.push([g, m]));
  if (heartbeatResponses) expandHeartbeats(heartbeatResponses, MessageType.HeartbeatResp, (g, m) => out.push([g, m]));
  return out;
}

describe('heartbeat coalescer', () => {
  it('turns the heartbeats of many groups into columns and back into the same messages', () => {
    const coalescer = new HeartbeatCoalescer();
    const sent: Array<[number, Message]> = [];
    for (let groupId = 1; groupId <= 1000; groupId++) {
      const m = heartbeat(groupId % 7 + 1, groupId * 3, { from: 1 + (groupId % 3), to: 4 });
      sent.push([groupId, m]);
      expect(coalescer.maybeAdd(groupId, m)).toBe(true);
    }
    expect(coalescer.size).toBe(1000);
    expect(expandAll(coalescer)).toEqual(sent);
    expect(coalescer.size).toBe(0);
  });

  it('keeps heartbeats and responses apart, each in the order collected', () => {
    const coalescer = new HeartbeatCoalescer();
    const resp = message(MessageType.HeartbeatResp, { from: 2, to: 1, term: 5 });
    const hb = heartbeat(5, 9);
    coalescer.maybeAdd(3, resp);
    coalescer.maybeAdd(8, hb);
    expect(expandAll(coalescer)).toEqual([[8, hb], [3, resp]]);
  });

  it('takes nothing it cannot carry exactly: other types, and heartbeats with fields outside the columns', () => {
    const coalescer = new HeartbeatCoalescer();
    const refused = [
      append(1, 1, [1]), message(MessageType.Vote), heartbeat(1, 1, { reject: true }), heartbeat(1, 1, { index: 3 }),
      heartbeat(1, 1, { logTerm: 1 }), heartbeat(1, 1, { rejectHint: 2 }), heartbeat(1, 1, { recoveryConfirmed: true }),
    ];
    for (const m of refused) {
      expect(isCoalescable(m)).toBe(false);
      expect(coalescer.maybeAdd(1, m)).toBe(false);
    }
    expect(coalescer.size).toBe(0);
    expect(coalescer.take()).toEqual({});
  });

  it('hands out fresh columns after take, so what was taken is not changed by later heartbeats', () => {
    const coalescer = new HeartbeatCoalescer();
    coalescer.maybeAdd(1, heartbeat(1, 1));
    const first = coalescer.take();
    coalescer.maybeAdd(2, heartbeat(2, 2));
    expect(first.heartbeats?.groupIds).toEqual([1]);
    expect(coalescer.take().heartbeats?.groupIds).toEqual([2]);
  });
});
