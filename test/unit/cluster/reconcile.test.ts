import { groupsFor, reconcileGroups, CONTROLLER_GROUP_ID } from '../../../broker/cluster';
import { createTopic, stateWithBrokers } from './fixture';

describe('reconcileGroups', () => {
  it('a fresh broker creates every group placed on it, with all replicas as peers, and removes nothing', () => {
    const state = stateWithBrokers(3);
    createTopic(state, 'orders', [[1, 2], [2, 3], [3, 1]]);        // groups 1, 2, 3
    createTopic(state, 'audit', [[2, 3, 1]]);                       // group 4
    expect(reconcileGroups(1, state, [])).toEqual({
      create: [
        { groupId: 1, topic: 'orders', partition: 0, peers: [1, 2] },
        { groupId: 3, topic: 'orders', partition: 2, peers: [3, 1] },
        { groupId: 4, topic: 'audit', partition: 0, peers: [2, 3, 1] },
      ],
      remove: [],
    });
    expect(reconcileGroups(2, state, []).create.map((g) => g.groupId)).toEqual([1, 2, 4]);
  });

  it('leaves hosted groups alone, creates the missing ones, and removes the groups of deleted topics', () => {
    const state = stateWithBrokers(3);
    createTopic(state, 'old', [[1, 2], [2, 1]]);                    // groups 1, 2
    createTopic(state, 'kept', [[1, 3]]);                           // group 3
    createTopic(state, 'new', [[3, 1], [2, 3]]);                    // groups 4, 5
    expect(state.apply({ kind: 'delete-topic', atMs: 2_000, name: 'old' })).toBeUndefined();
    const plan = reconcileGroups(1, state, new Set([1, 2, 3]));
    expect(plan.create).toEqual([{ groupId: 4, topic: 'new', partition: 0, peers: [3, 1] }]);
    expect(plan.remove).toEqual([1, 2]);
  });

  it('never creates or removes the controller\'s group 0, and is a no-op once applied', () => {
    const state = stateWithBrokers(2);
    createTopic(state, 't', [[1, 2], [2, 1]]);
    expect(reconcileGroups(1, state, [CONTROLLER_GROUP_ID])).toEqual({ create: groupsFor(1, state), remove: [] });
    expect(reconcileGroups(1, state, [CONTROLLER_GROUP_ID, 1, 2])).toEqual({ create: [], remove: [] });
    // Hosting a group the placement does not give this broker (e.g. 99, left from another life) means removing it.
    expect(reconcileGroups(1, state, [2, 99, 1])).toEqual({ create: [], remove: [99] });
  });

  it('a broker with nothing placed on it hosts nothing', () => {
    const state = stateWithBrokers(4);
    createTopic(state, 't', [[1, 2], [2, 3]]);
    expect(reconcileGroups(4, state, [1])).toEqual({ create: [], remove: [1] });
  });
});
