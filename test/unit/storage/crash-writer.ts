// Child process of the crash durability test: appends to several groups as fast as commits allow and reports each
// entry on stdout once its commit has resolved ("ack <group> <index>"), until it is killed.
//   node bin/run-ts.cjs test/unit/storage/crash-writer.ts <dataDir> <groups>
import { EntryType } from '../../../broker/raft/types';
import { BrokerStore } from '../../../broker/storage';
import { crashPayload } from './crash-payload';

async function writeGroup(store: BrokerStore, groupId: number): Promise<never> {
  const log = store.group(groupId);
  for (let index = log.lastIndex() + 1; ; index++) {
    log.append([{ index, term: 1, type: EntryType.Normal, data: crashPayload(groupId, index) }]);
    await store.commit();
    process.stdout.write(`ack ${groupId} ${index}\n`);
  }
}

const [dataDir, groups] = process.argv.slice(2);
const store = BrokerStore.open({ dataDir });
for (let groupId = 1; groupId <= Number(groups); groupId++) {
  writeGroup(store, groupId).catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
