/** The data of the crash writer's entry at (group, index): checkable after the crash without any other record. */
export function crashPayload(groupId: number, index: number): Buffer {
  const data = Buffer.alloc(256, (groupId * 31 + index) & 0xff);
  data.writeUInt32BE(groupId, 0);
  data.writeUInt32BE(index, 4);
  return data;
}
