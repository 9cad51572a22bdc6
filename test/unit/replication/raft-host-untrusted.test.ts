// The Raft host's side of "nothing from a socket reaches state unchecked": every peer message passes the validator
// before its group's node steps it, and a state machine that throws on an entry stops its group alone instead of
// failing every group on the broker.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { EntryType, MessageType, NotLeaderError, type Entry, type Message } from '../../../broker/raft';
import { ANY_CONTENT, PeerMessageValidator, RaftHost, type GroupStateMachine, type Leadership } from '../../../broker/replication';
import { BrokerStore } from '../../../broker/storage';
import { waitFor } from './raft-host-cluster';

const data = (s: string) => new Uint8Array(Buffer.from(s));

class Recorder implements GroupStateMachine {
  readonly applied: string[] = [];
  leadership: Leadership | undefined;
  failure: Error | undefined;

  apply(entries: readonly Entry[]): void {
    for (const e of entries) if (e.type === EntryType.Normal && e.data.length > 0) this.applied.push(Buffer.from(e.data).toString());
  }

  onLeadershipChange(l: Leadership): void {
    this.leadership = l;
  }

  onFailure(err: Error): void {
    this.failure = err;
  }
}

async function withHost(options: Partial<ConstructorParameters<typeof RaftHost>[0]>, fn: (host: RaftHost, registry: Registry) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rafter-raft-host-untrusted-'));
  const store = BrokerStore.open({ dataDir, durable: false });
  const registry = new Registry();
  const host = new RaftHost({ brokerId: 1, store, registry, tickMs: 10, ...options });
  try {
    host.start();
    await fn(host, registry);
  } finally {
    await host.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const heartbeat = (term: number): Message => ({
  type: MessageType.Heartbeat, from: 2, to: 1, term, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0,
});

describe('RaftHost with untrusted peers', () => {
  it('steps no peer message the validator refuses (a heartbeat at term 2^53 once pinned the group\'s term there)', async () => {
    const validator = new PeerMessageValidator({ brokerId: 1, peers: [2, 3], rulesFor: () => ANY_CONTENT, log: () => undefined });
    await withHost({ validator }, async (host) => {
      const group = host.createGroup(7, { voters: [1, 2, 3], stateMachine: new Recorder() });
      const before = group.status().term;
      host.handlePeerBatch(2, [{ groupId: 7, messages: [heartbeat(2 ** 53)] }]);
      expect(group.status().term).toBe(before);
      host.handlePeerBatch(2, [{ groupId: 7, messages: [heartbeat(before + 1)] }]);
      expect(group.status()).toMatchObject({ term: before + 1, leaderId: 2 });
      expect((await validator.refused.get()).values.find((v) => v.labels.reason === 'term')?.value).toBe(1);
    });
  });

  it('an error thrown by a state machine on an entry stops that group alone, said in one line; the others and the store go on', async () => {
    const lines: string[] = [];
    await withHost({ log: (line) => lines.push(line) }, async (host, registry) => {
      // Group 5's state machine cannot take 'b' (as a partition once could not take a 1-byte entry).
      const five = new Recorder();
      const chokes: GroupStateMachine = {
        apply: (entries) => {
          if (entries.some((e) => Buffer.from(e.data).toString() === 'b')) throw new RangeError('Offset is outside the bounds of the DataView');
          five.apply(entries);
        },
        onLeadershipChange: (l) => five.onLeadershipChange(l),
        onFailure: (err) => five.onFailure(err),
      };
      const six = new Recorder();
      const group5 = host.createGroup(5, { voters: [1], stateMachine: chokes });
      const group6 = host.createGroup(6, { voters: [1], stateMachine: six });
      await waitFor('leaders', () => five.leadership?.role === 'leader' && six.leadership?.role === 'leader');
      for (const s of ['a', 'b', 'c']) {
        group5.propose(data(s));
        group6.propose(data(s));
      }
      await waitFor('group 5 stopped', () => host.groupIds().length === 1);
      expect(host.groupIds()).toEqual([6]);
      expect(five.leadership).toEqual({ role: 'follower', leaderId: 0, term: expect.any(Number) });
      expect(five.failure).toBeInstanceOf(RangeError);
      expect(() => group5.propose(data('d'))).toThrow(NotLeaderError);
      expect(lines).toEqual([expect.stringMatching(/^rafter broker 1: Raft group 5 stopped on this broker by an error in its work; .*RangeError: Offset is outside/s)]);
      expect(await registry.metrics()).toContain('rafter_raft_groups_failed_total 1');
      await waitFor('group 6 applies', () => six.applied.length === 3);
      group6.propose(data('d'));
      await waitFor('group 6 goes on', () => six.applied.length === 4);
      expect(host.storageFailure).toBeUndefined();
    });
  });
});
