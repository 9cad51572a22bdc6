import type { Message } from '../raft';

/** A Raft group's id: 0 is the controller, every partition has its own. */
export type GroupId = number;

/** Messages of one Raft group, in the order its node produced them. */
export interface GroupMessages {
  readonly groupId: GroupId;
  readonly messages: readonly Message[];
}
