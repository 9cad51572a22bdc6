// Majority decisions as pure functions of plain data (etcd's quorum/majority.go), so they are tested on their own.
import type { NodeId, RaftIndex } from './types';

export type VoteResult = 'won' | 'lost' | 'pending';

/**
 * The highest index acknowledged by a majority of `voters`: the median from the top of their acknowledged
 * indexes. With no voters it is Infinity, so a joint half that is empty never holds a commit back.
 */
export function committedIndex(voters: readonly NodeId[], ackedIndex: (id: NodeId) => RaftIndex): RaftIndex {
  const n = voters.length;
  if (n === 0) return Infinity;
  // Voter sets are small (3, 5, 7): an insertion sort of a fresh small array beats anything clever.
  const acked = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = ackedIndex(voters[i]!);
    let j = i;
    while (j > 0 && acked[j - 1]! > v) {
      acked[j] = acked[j - 1]!;
      j--;
    }
    acked[j] = v;
  }
  return acked[n - Math.floor(n / 2) - 1]!;
}

/** Whether the votes cast so far (true = granted) decide the election among `voters`; other ids are ignored. */
export function voteResult(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  if (voters.length === 0) return 'won';
  let granted = 0;
  let missing = 0;
  for (const id of voters) {
    const v = votes.get(id);
    if (v === undefined) missing++;
    else if (v) granted++;
  }
  const majority = Math.floor(voters.length / 2) + 1;
  if (granted >= majority) return 'won';
  if (granted + missing >= majority) return 'pending';
  return 'lost';
}
