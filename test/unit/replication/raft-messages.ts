// Raft messages for the replication tests, with every field set the way the Raft core sets it.
import { MessageType, type Message } from '../../../broker/raft';
import { EntryType, type Entry } from '../../../broker/raft/types';

export function message(type: MessageType, fields: Partial<Message> = {}): Message {
  return {
    type, from: 1, to: 2, term: 3, logTerm: 0, index: 0, entries: [], commit: 0, reject: false, rejectHint: 0,
    ...fields,
  };
}

/** Entries at prevIndex+1.. with the given terms; entry i's data is `bytesEach` bytes of (index & 0xff). */
export function entries(prevIndex: number, terms: number[], bytesEach = 8): Entry[] {
  return terms.map((term, i) => {
    const index = prevIndex + 1 + i;
    return { term, index, type: EntryType.Normal, data: new Uint8Array(bytesEach).fill(index & 0xff) };
  });
}

export function append(prevIndex: number, prevTerm: number, terms: number[], fields: Partial<Message> = {}): Message {
  return message(MessageType.App, {
    term: Math.max(prevTerm, ...terms), logTerm: prevTerm, index: prevIndex, entries: entries(prevIndex, terms), commit: prevIndex,
    ...fields,
  });
}

export function heartbeat(groupTerm: number, commit: number, fields: Partial<Message> = {}): Message {
  return message(MessageType.Heartbeat, { term: groupTerm, commit, ...fields });
}
