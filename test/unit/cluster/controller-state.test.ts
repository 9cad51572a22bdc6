import { ErrorCode, rafter } from '../../../client/protocol';
import {
  ControllerState, decodeCommand, encodeCommand, planCreateTopic, planDeleteTopic, type ControllerCommand,
  type ControllerTopicLimits,
} from '../../../broker/cluster';
import { randomInt, seededRandom } from './seeded-random';

const LIVENESS_MS = 5_000;
const LIMITS: ControllerTopicLimits = { maxPartitionsPerTopic: 64, defaultMaxMessageBytes: 1 << 20, maxMessageBytesCeiling: 8 << 20, maxSplitKeyBytes: 1024, maxSplitKeysBytesPerTopic: 64 << 10 };

const newState = () => new ControllerState({ livenessTimeoutMs: LIVENESS_MS });

const register = (id: number, atMs: number, rack = ''): ControllerCommand =>
  ({ kind: 'register-broker', atMs, broker: { id, host: `broker-${id}.local`, port: 9000 + id, rack } });
const heartbeat = (brokerId: number, atMs: number): ControllerCommand => ({ kind: 'broker-heartbeat', atMs, brokerId });

function applyOk(state: ControllerState, command: ControllerCommand): void {
  expect(state.apply(command)).toBeUndefined();
}

function plan(state: ControllerState, request: rafter.ICreateTopicRequest, nowMs = state.clockMs): ControllerCommand {
  const command = planCreateTopic(state, request, LIMITS, nowMs);
  if ('error' in command) throw new Error(`unexpected: ${command.message}`);
  return command;
}

function withBrokers(count: number): ControllerState {
  const state = newState();
  for (let id = 1; id <= count; id++) applyOk(state, register(id, 1_000));
  return state;
}

describe('ControllerState: brokers and liveness', () => {
  it('a registered broker is alive until its last heartbeat is older than the liveness timeout on the leader-proposed clock', () => {
    const state = withBrokers(2);
    applyOk(state, heartbeat(1, 4_000));
    expect(state.clockMs).toBe(4_000);
    expect(state.aliveBrokers().map((b) => b.id)).toEqual([1, 2]);
    applyOk(state, heartbeat(1, 6_001));
    expect(state.isAlive(1)).toBe(true);
    expect(state.isAlive(2)).toBe(false);                // last heard at 1000, clock 6001
    expect(state.isAlive(1, 11_002)).toBe(false);        // the leader may judge at its own, later time
    expect(state.isAlive(3)).toBe(false);
    expect(state.broker(2)).toMatchObject({ host: 'broker-2.local', port: 9002, registeredAtMs: 1_000, lastHeartbeatMs: 1_000 });
  });

  it('re-registering updates the address and rack, keeps the first registration time and counts as a heartbeat', () => {
    const state = withBrokers(1);
    applyOk(state, { kind: 'register-broker', atMs: 8_000, broker: { id: 1, host: 'moved.local', port: 7777, rack: 'r2' } });
    expect(state.broker(1)).toEqual({ id: 1, host: 'moved.local', port: 7777, rack: 'r2', registeredAtMs: 1_000, lastHeartbeatMs: 8_000 });
  });

  it('never moves the clock backwards: a new leader behind in time still refreshes heartbeats at the state clock', () => {
    const state = withBrokers(2);
    applyOk(state, heartbeat(1, 10_000));
    applyOk(state, heartbeat(2, 7_000));
    expect(state.clockMs).toBe(10_000);
    expect(state.broker(2)?.lastHeartbeatMs).toBe(10_000);
  });

  it('refuses heartbeats of unregistered brokers and unusable registrations, changing nothing but the clock', () => {
    const state = withBrokers(1);
    const before = state.snapshot();
    expect(state.apply(heartbeat(9, 1_000))).toEqual({ error: ErrorCode.INVALID_REQUEST, message: expect.stringContaining('broker 9 is not registered') });
    expect(state.apply({ kind: 'register-broker', atMs: 1_000, broker: { id: 0, host: 'h', port: 1, rack: '' } })).toHaveProperty('error', ErrorCode.INVALID_REQUEST);
    expect(state.apply({ kind: 'register-broker', atMs: 1_000, broker: { id: 2, host: '', port: 1, rack: '' } })).toHaveProperty('error', ErrorCode.INVALID_REQUEST);
    expect(state.apply({ kind: 'register-broker', atMs: 1_000, broker: { id: 2, host: 'h', port: 0, rack: '' } })).toHaveProperty('error', ErrorCode.INVALID_REQUEST);
    expect(state.snapshot()).toEqual(before);
  });
});

describe('ControllerState: topics and Raft group ids', () => {
  it('allocates partition groups from 1 upward, in partition order, and never reuses a deleted topic\'s groups', () => {
    const state = withBrokers(3);
    applyOk(state, plan(state, { name: 'a', partitions: 3, replicationFactor: 2 }));
    applyOk(state, plan(state, { name: 'b', partitions: 2, replicationFactor: 3 }));
    expect(state.topic('a')?.partitions.map((p) => p.groupId)).toEqual([1, 2, 3]);
    expect(state.topic('b')?.partitions.map((p) => p.groupId)).toEqual([4, 5]);
    applyOk(state, { kind: 'delete-topic', atMs: 2_000, name: 'a' });
    expect(state.topic('a')).toBeUndefined();
    applyOk(state, plan(state, { name: 'a', partitions: 1, replicationFactor: 1 }));
    expect(state.topic('a')?.partitions.map((p) => p.groupId)).toEqual([6]);
    expect(state.nextGroupId).toBe(7);
    expect(state.topics().map((t) => t.spec.name)).toEqual(['a', 'b']);
  });

  it('stores the proposed placement as is: the first replica is the preferred leader', () => {
    const state = withBrokers(3);
    const spec = { name: 'fixed', partitions: 2, replicationFactor: 2, partitioning: rafter.Partitioning.HASH, splitKeys: [], config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 1024 } };
    applyOk(state, { kind: 'create-topic', atMs: 1_500, spec, placement: [[3, 1], [2, 3]] });
    expect(state.topic('fixed')).toEqual({
      spec, createdAtMs: 1_500,
      partitions: [{ partition: 0, groupId: 1, replicas: [3, 1] }, { partition: 1, groupId: 2, replicas: [2, 3] }],
    });
  });

  it('refuses a second creation of a name even when both passed validation before either applied', () => {
    const state = withBrokers(3);
    const first = plan(state, { name: 'race', partitions: 2, replicationFactor: 3 });
    const second = plan(state, { name: 'race', partitions: 5, replicationFactor: 1 });
    applyOk(state, first);
    const groupsAfterFirst = state.nextGroupId;
    expect(state.apply(second)).toEqual({ error: ErrorCode.TOPIC_ALREADY_EXISTS, message: 'topic "race" already exists' });
    expect(state.topic('race')?.partitions).toHaveLength(2);
    expect(state.nextGroupId).toBe(groupsAfterFirst);
  });

  it('refuses placements naming unregistered brokers, repeating a broker, or of the wrong shape', () => {
    const state = withBrokers(3);
    const spec = { name: 'bad', partitions: 2, replicationFactor: 2, partitioning: rafter.Partitioning.HASH, splitKeys: [], config: { retentionMs: 0, retentionBytes: 0, maxMessageBytes: 1024 } };
    const attempt = (placement: number[][]) => state.apply({ kind: 'create-topic', atMs: 1, spec, placement });
    expect(attempt([[1, 2], [2, 7]])).toEqual({ error: ErrorCode.INVALID_TOPIC, message: expect.stringContaining('broker 7, which is not registered') });
    expect(attempt([[1, 1], [2, 3]])).toEqual({ error: ErrorCode.INVALID_TOPIC, message: expect.stringContaining('names a broker twice') });
    expect(attempt([[1, 2]])).toEqual({ error: ErrorCode.INVALID_TOPIC, message: expect.stringContaining('1 partition(s) for 2') });
    expect(attempt([[1, 2], [3]])).toEqual({ error: ErrorCode.INVALID_TOPIC, message: expect.stringContaining('replication factor is 2') });
    expect(state.topics()).toEqual([]);
    expect(state.nextGroupId).toBe(1);
  });

  it('refuses deleting a topic that does not exist', () => {
    const state = withBrokers(1);
    expect(state.apply({ kind: 'delete-topic', atMs: 1, name: 'ghost' })).toHaveProperty('error', ErrorCode.UNKNOWN_TOPIC);
    expect(planDeleteTopic(state, 'ghost', 1)).toHaveProperty('error', ErrorCode.UNKNOWN_TOPIC);
  });
});

describe('planCreateTopic (the leader, before proposing)', () => {
  it('validates with broker/topics rules and places on live brokers only', () => {
    const state = withBrokers(4);
    applyOk(state, heartbeat(1, 6_500));
    applyOk(state, heartbeat(2, 6_500));                // 3 and 4 last heard at 1000: dead at 6500
    expect(planCreateTopic(state, { name: 'bad name!', partitions: 1 }, LIMITS, 6_500)).toHaveProperty('error', ErrorCode.INVALID_TOPIC);
    expect(planCreateTopic(state, { name: 't', partitions: 65 }, LIMITS, 6_500)).toHaveProperty('error', ErrorCode.INVALID_TOPIC);
    expect(planCreateTopic(state, { name: 't', partitions: 1, replicationFactor: 3 }, LIMITS, 6_500))
      .toEqual({ error: ErrorCode.INVALID_TOPIC, message: 'replication factor 3 exceeds the 2 broker(s) available' });
    const command = plan(state, { name: 't', partitions: 6, replicationFactor: 2 }, 6_500);
    if (command.kind !== 'create-topic') throw new Error('expected create-topic');
    expect(new Set(command.placement.flat())).toEqual(new Set([1, 2]));
    expect(command.spec.config.maxMessageBytes).toBe(LIMITS.defaultMaxMessageBytes);
    expect(command.atMs).toBe(6_500);
    applyOk(state, command);
    expect(planCreateTopic(state, { name: 't', partitions: 1 }, LIMITS, 6_500)).toHaveProperty('error', ErrorCode.TOPIC_ALREADY_EXISTS);
  });
});

describe('commands as Raft entries', () => {
  it('round-trip through encodeCommand/decodeCommand', () => {
    const state = withBrokers(3);
    const commands: ControllerCommand[] = [
      register(5, 123, 'rack-x'), heartbeat(5, 456), { kind: 'delete-topic', atMs: 789, name: 'gone' },
      plan(state, { name: 'ranged', partitions: 3, replicationFactor: 2, partitioning: rafter.Partitioning.RANGE, splitKeys: [Buffer.from('g'), Buffer.from('p')], config: { retentionMs: 60_000, retentionBytes: 1 << 30 } }),
    ];
    for (const command of commands) {
      const decoded = decodeCommand(encodeCommand(command));
      expect(decoded).toEqual(command.kind === 'create-topic'
        ? { ...command, spec: { ...command.spec, splitKeys: command.spec.splitKeys.map((k) => expect.objectContaining(Array.from(k))) } }
        : command);
      if (command.kind === 'create-topic' && 'kind' in decoded && decoded.kind === 'create-topic') {
        expect(decoded.spec.splitKeys.map((k) => Buffer.from(k).toString())).toEqual(['g', 'p']);
      }
    }
  });

  it('applyEntry treats an empty entry (a new leader\'s no-op) as nothing and garbage as INVALID_REQUEST, the state untouched', () => {
    const state = withBrokers(2);
    const before = state.snapshot();
    expect(state.applyEntry(new Uint8Array(0))).toBeUndefined();
    expect(state.applyEntry(Uint8Array.of(0xff, 0xff, 0xff))).toHaveProperty('error', ErrorCode.INVALID_REQUEST);
    expect(state.applyEntry(Uint8Array.of(0x08, 0x05))).toEqual({ error: ErrorCode.INVALID_REQUEST, message: expect.stringContaining('no command') });
    expect(state.snapshot()).toEqual(before);
  });
});

/** A random history of entries as a leader would propose them, with some failures mixed in (racing names, unknown brokers, deletes of missing topics). */
function randomHistory(seed: number, length: number): Uint8Array[] {
  const random = seededRandom(seed);
  const planner = newState();
  const entries: Uint8Array[] = [];
  let nowMs = 1_000;
  const propose = (command: ControllerCommand) => {
    entries.push(encodeCommand(command));
    planner.apply(command);
  };
  for (let i = 0; i < length; i++) {
    nowMs += randomInt(random, 0, 3_000);
    const roll = random();
    const brokerId = randomInt(random, 1, 8);
    if (roll < 0.25) propose(register(brokerId, nowMs, `rack-${brokerId % 3}`));
    else if (roll < 0.55) propose(heartbeat(brokerId, nowMs));
    else if (roll < 0.85) {
      const command = planCreateTopic(planner, {
        name: `topic-${randomInt(random, 1, 12)}`, partitions: randomInt(random, 1, 8), replicationFactor: randomInt(random, 1, 3),
      }, LIMITS, nowMs);
      if (!('error' in command)) propose(command);
    } else if (roll < 0.95) propose({ kind: 'delete-topic', atMs: nowMs, name: `topic-${randomInt(random, 1, 12)}` });
    else entries.push(random() < 0.5 ? new Uint8Array(0) : Uint8Array.of(0x22, 0x03, 0x0a, 0x01));
  }
  return entries;
}

describe('determinism and snapshots', () => {
  it('brokers applying the same entries in the same order hold byte-identical state (100 random histories)', () => {
    const seen = { topics: 0, refused: 0 };
    for (let seed = 1; seed <= 100; seed++) {
      const entries = randomHistory(seed, 120);
      const replicas = [newState(), newState(), new ControllerState({ livenessTimeoutMs: 60_000 })];
      const outcomes = replicas.map((state) => entries.map((e) => state.applyEntry(e)?.error ?? ErrorCode.NONE));
      seen.topics += replicas[0].topics().length;
      seen.refused += outcomes[0].filter((code) => code !== ErrorCode.NONE).length;
      expect(outcomes[1]).toEqual(outcomes[0]);
      expect(outcomes[2]).toEqual(outcomes[0]);
      expect(replicas[1].snapshot()).toEqual(replicas[0].snapshot());
      // The liveness timeout is configuration, not state: it changes no stored byte.
      expect(replicas[2].snapshot()).toEqual(replicas[0].snapshot());
    }
    // The histories exercise both paths: topics that apply and commands every broker refuses alike.
    expect(seen.topics).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it('a broker restored from a snapshot mid-history and applying the rest ends where the others do', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const entries = randomHistory(1_000 + seed, 150);
      const cut = randomInt(seededRandom(seed), 0, entries.length);
      const full = newState();
      for (const e of entries) full.applyEntry(e);
      const early = newState();
      for (const e of entries.slice(0, cut)) early.applyEntry(e);
      const late = withBrokers(2);                     // restore replaces whatever was there
      late.restore(early.snapshot());
      for (const e of entries.slice(cut)) late.applyEntry(e);
      expect(late.snapshot()).toEqual(full.snapshot());
      expect(late.topics()).toEqual(full.topics());
      expect(late.brokers()).toEqual(full.brokers());
      expect(late.nextGroupId).toBe(full.nextGroupId);
      expect(late.clockMs).toBe(full.clockMs);
    }
  });

  it('round-trips every field through snapshot() and restore()', () => {
    const state = withBrokers(3);
    applyOk(state, register(4, 2_000, 'east'));
    applyOk(state, plan(state, {
      name: 'ranged', partitions: 3, replicationFactor: 3, partitioning: rafter.Partitioning.RANGE,
      splitKeys: [Buffer.from([0x10]), Buffer.from([0x80, 0x00])], config: { retentionMs: 86_400_000, retentionBytes: 5_000, maxMessageBytes: 4096 },
    }));
    applyOk(state, plan(state, { name: 'plain', partitions: 2 }));
    applyOk(state, { kind: 'delete-topic', atMs: 3_000, name: 'plain' });
    const copy = newState();
    copy.restore(state.snapshot());
    expect(copy.topics()).toEqual(state.topics());
    expect(copy.brokers()).toEqual(state.brokers());
    expect(copy.nextGroupId).toBe(6);
    expect(copy.clockMs).toBe(3_000);
    // The restored split keys are the state's own copies, not views into the snapshot buffer.
    const bytes = state.snapshot();
    const other = newState();
    other.restore(bytes);
    bytes.fill(0);
    expect(Array.from(other.topic('ranged')!.spec.splitKeys[1])).toEqual([0x80, 0x00]);
  });

  it('refuses a corrupt or unknown-version snapshot and keeps its state', () => {
    const state = withBrokers(2);
    const before = state.snapshot();
    expect(() => state.restore(Uint8Array.of(0x08, 0x63))).toThrow('version 99 is not supported');
    expect(() => state.restore(Uint8Array.of(0xff, 0xff))).toThrow();
    expect(state.snapshot()).toEqual(before);
  });
});
