// The safety properties of Raft (Ongaro's thesis, Figure 3.2), checked against what the real code hands out:
// every entry a replica writes, every role it takes, every entry its app applies. The checker keeps a mirror of
// each replica's log as (term, key, prefix hash) per index, where the prefix hash chains every entry up to it, so
// "two logs agree up to i" is one comparison. Each check runs when the event that could break it happens.
import type { Entry } from '../../broker/raft/types';

export type InvariantName =
  | 'election safety'
  | 'log matching'
  | 'leader completeness'
  | 'state machine safety'
  | 'commit monotonic'
  | 'durable commit monotonic'
  | 'committed entry truncated'
  | 'applied in order'
  | 'acknowledged proposal lost'
  /** A replica that lost its state left recovery without everything committed before the loss. */
  | 'recovery completeness'
  | 'liveness'
  /** The code under test threw. */
  | 'no exception';

export class InvariantViolation extends Error {
  constructor(
    readonly invariant: InvariantName,
    readonly detail: string,
  ) {
    super(`${invariant}: ${detail}`);
  }
}

/** A 32-bit digest of an entry's payload: equal entries have equal keys (distinct ones may rarely collide, which
 * can only hide a bug, never invent one). */
export function entryKey(e: Entry): number {
  let h = (0x811c9dc5 ^ (e.type + 1)) >>> 0;
  const d = e.data;
  for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i]!, 0x01000193);
  return h >>> 0;
}

function chain(prev: number, term: number, key: number): number {
  let h = Math.imul(prev ^ term, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ key, 0x85ebca77);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The checker's copy of one replica's log: entries (base, last], with `prefix[base]` standing for the snapshot. */
class LogMirror {
  base = 0;
  last = 0;
  readonly terms: number[] = [0];
  readonly keys: number[] = [0];
  readonly prefix: number[] = [0];
  commitHigh = 0;
  durableCommitHigh = 0;
  /** Leadership terms already checked for completeness. */
  completenessCheckedTerm = 0;
  /** Since the replica lost its state: the highest index known committed then (it must hold it to recover). */
  committedAtLoss: number | undefined;
}

interface GroupRecord {
  /** term → the one node that led it. */
  readonly leaders: Map<number, number>;
  /** "index,term" → prefix hash: the first log seen with that entry fixes what every log must hold up to it. */
  readonly prefixByEntry: Map<string, number>;
  /** index → key of the entry applied there (by whoever applied it first). */
  readonly appliedKeys: number[];
  /** index → prefix hash of the log that applied it (committed prefix). */
  readonly committedPrefix: number[];
  committedMax: number;
  /** index → key of an acknowledged proposal. */
  readonly acked: Map<number, number>;
  ackedMax: number;
}

export class InvariantChecker {
  private readonly groups: GroupRecord[] = [];
  private readonly mirrors: LogMirror[][] = [];

  constructor(groupCount: number, nodeCount: number) {
    for (let g = 0; g < groupCount; g++) {
      this.groups.push({
        leaders: new Map(), prefixByEntry: new Map(), appliedKeys: [], committedPrefix: [0], committedMax: 0,
        acked: new Map(), ackedMax: 0,
      });
      const row: LogMirror[] = [];
      for (let n = 1; n <= nodeCount; n++) row.push(new LogMirror());
      this.mirrors.push(row);
    }
  }

  private mirror(group: number, node: number): LogMirror {
    return this.mirrors[group]![node - 1]!;
  }

  ackedMax(group: number): number {
    return this.groups[group]!.ackedMax;
  }

  ackedCount(): number {
    let n = 0;
    for (const g of this.groups) n += g.acked.size;
    return n;
  }

  /** Called whenever a replica is seen as leader of `term`. */
  observeLeader(group: number, node: number, term: number): void {
    const record = this.groups[group]!;
    const other = record.leaders.get(term);
    if (other === undefined) record.leaders.set(term, node);
    else if (other !== node) {
      throw new InvariantViolation('election safety', `group ${group}: nodes ${other} and ${node} both led term ${term}`);
    }
  }

  /** The group starts from a snapshot at (index, term) that every initial member holds: committed by fiat. */
  observeBootstrap(group: number, index: number, term: number): void {
    const record = this.groups[group]!;
    const prefix = chain(0, term, 0);
    record.prefixByEntry.set(`${index},${term}`, prefix);
    record.committedPrefix[index] = prefix;
    record.committedMax = index;
  }

  /** A replica wrote entries to its log (Ready.entries), possibly replacing a suffix. */
  observeAppend(group: number, node: number, entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const m = this.mirror(group, node);
    const record = this.groups[group]!;
    const first = entries[0]!.index;
    if (first <= m.base || first > m.last + 1) {
      throw new InvariantViolation('log matching',
        `group ${group} node ${node}: append at ${first} outside (${m.base}, ${m.last + 1}]`);
    }
    if (first <= m.commitHigh) {
      throw new InvariantViolation('committed entry truncated',
        `group ${group} node ${node}: append at ${first} rewrites its committed index ${m.commitHigh}`);
    }
    let prev = m.prefix[first - 1 - m.base]!;
    let i = first - m.base;
    for (const e of entries) {
      if (e.index !== m.base + i) {
        throw new InvariantViolation('log matching', `group ${group} node ${node}: Ready entries not contiguous at ${e.index}`);
      }
      const key = entryKey(e);
      prev = chain(prev, e.term, key);
      m.terms[i] = e.term;
      m.keys[i] = key;
      m.prefix[i] = prev;
      const id = `${e.index},${e.term}`;
      const seen = record.prefixByEntry.get(id);
      if (seen === undefined) record.prefixByEntry.set(id, prev);
      else if (seen !== prev) {
        throw new InvariantViolation('log matching',
          `group ${group} node ${node}: entry (index ${e.index}, term ${e.term}) follows a different log than on another node`);
      }
      i++;
    }
    m.last = first + entries.length - 1;
    m.terms.length = m.keys.length = m.prefix.length = m.last - m.base + 1;
  }

  /** A replica replaced its log with a snapshot at (index, term). */
  observeSnapshot(group: number, node: number, index: number, term: number): void {
    const m = this.mirror(group, node);
    const record = this.groups[group]!;
    const prefix = index === 0 ? 0 : record.prefixByEntry.get(`${index},${term}`);
    if (prefix === undefined) {
      throw new InvariantViolation('log matching',
        `group ${group} node ${node}: snapshot at (index ${index}, term ${term}), an entry no log ever held`);
    }
    const committed = record.committedPrefix[index];
    if (committed !== undefined && committed !== prefix) {
      throw new InvariantViolation('state machine safety',
        `group ${group} node ${node}: snapshot at ${index} holds a log other than the committed one`);
    }
    this.resetMirror(m, index, term, prefix);
  }

  private resetMirror(m: LogMirror, index: number, term: number, prefix: number): void {
    m.base = index;
    m.last = index;
    m.terms.length = m.keys.length = m.prefix.length = 1;
    m.terms[0] = term;
    m.keys[0] = 0;
    m.prefix[0] = prefix;
  }

  /** A replica (re)starts from durable state: its log is what survived, its commit what was durably recorded. */
  observeRestart(group: number, node: number, snapshotIndex: number, snapshotTerm: number, entries: readonly Entry[],
    durableCommit: number): void {
    const m = this.mirror(group, node);
    const prefix = snapshotIndex === 0 ? 0 : this.groups[group]!.prefixByEntry.get(`${snapshotIndex},${snapshotTerm}`);
    if (prefix === undefined) throw new Error(`restart from a snapshot at ${snapshotIndex} the checker never saw`);
    this.resetMirror(m, snapshotIndex, snapshotTerm, prefix);
    m.commitHigh = 0;
    this.observeAppend(group, node, entries);
    if (durableCommit < m.durableCommitHigh) {
      throw new InvariantViolation('durable commit monotonic',
        `group ${group} node ${node}: restarted with commit ${durableCommit} < durable ${m.durableCommitHigh}`);
    }
    m.commitHigh = durableCommit;
  }

  /**
   * A replica lost its state (wiped or repaired): its commit index starts over, so the monotonic-commit checks
   * start over with it (what it reports and applies from here on is checked against the group's history as usual),
   * and it owes every entry committed by now before it may leave recovery.
   */
  observeLoss(group: number, node: number): void {
    const m = this.mirror(group, node);
    m.commitHigh = 0;
    m.durableCommitHigh = 0;
    m.committedAtLoss = this.groups[group]!.committedMax;
  }

  /**
   * The replica durably left recovery holding entries up to `durableLastIndex`: it must hold, in agreement with
   * the committed log, every entry committed before it lost its state.
   */
  observeRecovered(group: number, node: number, durableLastIndex: number): void {
    const m = this.mirror(group, node);
    const owed = m.committedAtLoss;
    m.committedAtLoss = undefined;
    if (owed === undefined) return;
    const record = this.groups[group]!;
    const committed = record.committedPrefix[owed];
    const held = owed > m.last || owed > durableLastIndex ? undefined : owed >= m.base ? m.prefix[owed - m.base] : committed;
    if (held === undefined || (committed !== undefined && held !== committed)) {
      throw new InvariantViolation('recovery completeness',
        `group ${group} node ${node}: left recovery with log ${m.base}..${m.last} (durable to ${durableLastIndex}), `
        + `without the entry at ${owed} committed before it lost its state`);
    }
  }

  observeCommit(group: number, node: number, commit: number): void {
    const m = this.mirror(group, node);
    if (commit < m.commitHigh) {
      throw new InvariantViolation('commit monotonic',
        `group ${group} node ${node}: commit went from ${m.commitHigh} back to ${commit}`);
    }
    m.commitHigh = commit;
  }

  observeDurableCommit(group: number, node: number, commit: number): void {
    const m = this.mirror(group, node);
    if (commit < m.durableCommitHigh) {
      throw new InvariantViolation('durable commit monotonic',
        `group ${group} node ${node}: persisted commit ${commit} after ${m.durableCommitHigh}`);
    }
    m.durableCommitHigh = commit;
  }

  /** The replica's app applied `entry` as the next index after `appliedBefore`. Returns the entry's key. */
  observeApply(group: number, node: number, appliedBefore: number, entry: Entry): number {
    if (entry.index !== appliedBefore + 1) {
      throw new InvariantViolation('applied in order',
        `group ${group} node ${node}: applied ${entry.index} after ${appliedBefore}`);
    }
    const m = this.mirror(group, node);
    const key = entryKey(entry);
    const slot = entry.index - m.base;
    if (slot <= 0 || entry.index > m.last || m.keys[slot] !== key || m.terms[slot] !== entry.term) {
      throw new InvariantViolation('state machine safety',
        `group ${group} node ${node}: applied (index ${entry.index}, term ${entry.term}), not what its log holds`);
    }
    const record = this.groups[group]!;
    const known = record.appliedKeys[entry.index];
    if (known === undefined) {
      record.appliedKeys[entry.index] = key;
      record.committedPrefix[entry.index] = m.prefix[slot]!;
      if (entry.index > record.committedMax) record.committedMax = entry.index;
    } else if (known !== key) {
      throw new InvariantViolation(record.acked.has(entry.index) ? 'acknowledged proposal lost' : 'state machine safety',
        `group ${group} node ${node}: applied at index ${entry.index} an entry other than the one applied before`);
    }
    return key;
  }

  /** The app on the leader that took a proposal applied it: the client has its acknowledgment. */
  observeAck(group: number, index: number, key: number): void {
    const record = this.groups[group]!;
    if (record.appliedKeys[index] !== key) throw new Error(`ack of index ${index} that was not applied`);
    record.acked.set(index, key);
    if (index > record.ackedMax) record.ackedMax = index;
  }

  /**
   * A leader's log holds every committed entry (leader completeness). Checked on the first Ready a leader hands
   * out in a term, when the mirror has caught up with everything it appended on becoming leader.
   */
  checkLeaderCompleteness(group: number, node: number, term: number): void {
    const m = this.mirror(group, node);
    if (m.completenessCheckedTerm >= term) return;
    m.completenessCheckedTerm = term;
    const record = this.groups[group]!;
    if (record.committedMax > m.last) {
      throw new InvariantViolation('leader completeness',
        `group ${group}: node ${node} leads term ${term} with log up to ${m.last}, but ${record.committedMax} is committed`);
    }
    for (let i = record.committedMax; i > m.base; i--) {
      const committed = record.committedPrefix[i];
      if (committed === undefined) continue;
      if (m.prefix[i - m.base] !== committed) {
        throw new InvariantViolation('leader completeness',
          `group ${group}: node ${node} leads term ${term} without the committed entry at ${i}`);
      }
      return;
    }
  }
}
