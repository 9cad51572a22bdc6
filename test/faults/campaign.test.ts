// The short fault campaign CI runs: 3 real brokers, 3 minutes of every nemesis kind (kill, pause, partition,
// latency, crash, damage, wipe), then the checker over the whole history and every replica. The seed is new each
// run (FAULTS_SEED=S to replay one) and printed first; a failure prints the schedule and the first bad records and
// keeps the run dir. Longer and other campaigns: `npm run faults -- --minutes N --seed S --nemesis KINDS`.
import { randomInt } from 'node:crypto';
import { runCampaign } from './campaign';
import { SURVIVED_KINDS } from './nemesis';

// Long enough for one round of all seven kinds (a round's faults and gaps take 70-130 s, plus restarts and catching up).
const MINUTES = 3;
jest.setTimeout(20 * 60_000);

const say = (line: string) => process.stderr.write(`${line}\n`);

test(`a ${MINUTES}-minute campaign of ${SURVIVED_KINDS.join(', ')} on 3 brokers loses, duplicates, reorders and misplaces nothing`, async () => {
  const seed = process.env.FAULTS_SEED ? Number(process.env.FAULTS_SEED) : randomInt(1, 2 ** 47);
  say(`fault campaign seed ${seed} (replay: FAULTS_SEED=${seed} npx jest test/faults/campaign.test.ts)`);
  const result = await runCampaign({ seed, minutes: MINUTES, brokers: 3, kinds: SURVIVED_KINDS, log: say });
  expect(result.report).not.toContain('CAMPAIGN FAILED');
  expect(result.ok).toBe(true);
  // The campaign did what it says: every kind ran, and writes went on through it.
  const ran = Object.keys(result.summary.faultsByKind).sort();
  expect(ran).toEqual([...SURVIVED_KINDS].sort());
  expect(result.check.stats.acked).toBeGreaterThan(5_000);
  expect(result.check.stats.inLog).toBeGreaterThanOrEqual(result.check.stats.acked);
});
