// What the operator is told about damaged replicas, and which reports of damage start a rebuild.
import { Registry } from 'prom-client';
import { ReplicaRepairs } from '../../../broker/cluster/replica-repair';
import { StorageCorruptionError } from '../../../broker/storage';

function setup() {
  const lines: string[] = [];
  const registry = new Registry();
  let now = 1_000;
  const repairs = new ReplicaRepairs({ brokerId: 2, registry, log: (line) => lines.push(line), now: () => now });
  const value = async (name: string, state?: string) => {
    const { values } = await registry.getSingleMetric(name)!.get();
    return values.filter((v) => state === undefined || v.labels.state === state).reduce((n, v) => n + v.value, 0);
  };
  return { repairs, lines, value, advance: (ms: number) => { now += ms; } };
}

const damage = (groupId: number, index: number) => new StorageCorruptionError(groupId, index, 'entry_checksum', 'entry checksum mismatch (header says 0x1234)');
const stream3 = { topic: 'stream', partition: 3 };

describe('replica repairs', () => {
  it('says once what is damaged, where, which check failed and that it is rebuilt, and again when it is done', async () => {
    const { repairs, lines, value, advance } = setup();
    const err = damage(7, 1234);
    expect(repairs.reportDamaged(7, stream3, err, [1, 3])).toBe(true);
    expect(lines).toEqual(['rafter broker 2: replica of stream/3 (group 7) is damaged, stopped here alone: '
      + 'storage corruption in group 7 at index 1234 (entry_checksum): entry checksum mismatch (header says 0x1234); rebuilding from replicas 1,3']);
    expect(await value('rafter_replicas_damaged', 'rebuilding')).toBe(1);
    // The same damage, reported by another reader (the store, a fetch), before or after the rebuild began: nothing new.
    expect(repairs.reportDamaged(7, stream3, damage(7, 1234), [1, 3])).toBe(false);
    repairs.rebuildStarted(7);
    expect(repairs.reportDamaged(7, stream3, err, [1, 3])).toBe(false);
    advance(2_500);
    repairs.recovered(7);
    expect(lines[1]).toBe('rafter broker 2: replica of stream/3 (group 7) rebuilt from the other replicas in 2.5 s; it votes again');
    expect(lines).toHaveLength(2);
    expect(await value('rafter_replica_damage_found_total')).toBe(1);
    expect(await value('rafter_replica_repairs_started_total')).toBe(1);
    expect(await value('rafter_replica_repairs_completed_total')).toBe(1);
    expect(await value('rafter_replicas_damaged')).toBe(0);
    expect(repairs.list()).toEqual([]);
  });

  it('a replica with no other member is unrepairable: it stays listed, and the gauge asks an operator to act', async () => {
    const { repairs, lines, value } = setup();
    expect(repairs.reportDamaged(0, { controller: true }, damage(0, 9), [])).toBe(false);
    expect(lines[0]).toMatch(/replica of the controller \(group 0\) is damaged.*; no other replica to rebuild from: it answers STORAGE_ERROR/);
    expect(await value('rafter_replicas_damaged', 'unrepairable')).toBe(1);
    repairs.recovered(0);
    expect(repairs.get(0)?.state).toBe('unrepairable');
  });

  it('damage found again after the rebuild began stops the replica for good: the store itself may be failing', async () => {
    const { repairs, lines, value } = setup();
    repairs.reportDamaged(7, stream3, damage(7, 1234), [1, 3]);
    repairs.rebuildStarted(7);
    expect(repairs.reportDamaged(7, stream3, damage(7, 20), [1, 3])).toBe(false);
    expect(lines[1]).toMatch(/at index 20 .*damaged again while being rebuilt, so the store may be failing/);
    expect(repairs.get(7)?.state).toBe('unrepairable');
    expect(await value('rafter_replica_damage_found_total')).toBe(2);
    expect(await value('rafter_replicas_damaged', 'unrepairable')).toBe(1);
  });
});
