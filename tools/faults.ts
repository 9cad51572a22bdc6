// `npm run faults -- [--minutes N] [--seed S] [--brokers 3|5] [--nemesis kill,pause,...] [--rate R] [--pause-ms A-B] [--keep]`
// runs one fault campaign on real broker processes (test/faults/campaign.ts) and exits 1 if the checker finds a
// violation, printing the seed, the schedule and the first bad records, and keeping the run dir.
// `npm run faults -- check <runDir>` checks a saved run dir again (its history and its brokers' stores).
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { checkRunDir, runCampaign } from '../test/faults/campaign';
import { NEMESIS_KINDS, SURVIVED_KINDS, type NemesisKind } from '../test/faults/nemesis';
import { formatSummary, formatViolations, summarize } from '../test/faults/report';

const USAGE = [
  'usage: npm run faults -- [--minutes N] [--seed S] [--brokers 3|5] [--nemesis KINDS] [--rate R] [--pause-ms A-B] [--keep]',
  `       KINDS: comma-separated, of ${NEMESIS_KINDS.join(',')} (default ${SURVIVED_KINDS.join(',')})`,
  '       npm run faults -- check <runDir>',
].join('\n');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      minutes: { type: 'string', default: '5' },
      seed: { type: 'string' },
      brokers: { type: 'string', default: '3' },
      nemesis: { type: 'string', default: SURVIVED_KINDS.join(',') },
      rate: { type: 'string', default: '50' },
      'pause-ms': { type: 'string', default: '3000-15000' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] === 'check') {
    if (!positionals[1]) throw new Error(USAGE);
    const { events, check } = await checkRunDir(positionals[1]);
    console.log(formatSummary(summarize(events), check));
    if (!check.ok) console.log(formatViolations(check));
    return check.ok ? 0 : 1;
  }
  if (positionals.length > 0) throw new Error(`unexpected ${positionals.join(' ')}\n${USAGE}`);
  const kinds = values.nemesis.split(',').map((k) => k.trim()).filter((k) => k !== '');
  for (const k of kinds) if (!NEMESIS_KINDS.includes(k as NemesisKind)) throw new Error(`unknown nemesis kind ${k}\n${USAGE}`);
  const brokers = number('brokers', values.brokers);
  if (brokers !== 3 && brokers !== 5) throw new Error('--brokers is 3 or 5');
  const pause = /^(\d+)-(\d+)$/.exec(values['pause-ms']);
  if (!pause || Number(pause[1]) > Number(pause[2])) throw new Error('--pause-ms is MIN-MAX in ms, e.g. 3000-15000');
  const result = await runCampaign({
    seed: values.seed === undefined ? randomInt(1, 2 ** 47) : number('seed', values.seed),
    minutes: number('minutes', values.minutes),
    brokers,
    kinds: kinds as NemesisKind[],
    ratePerProducer: number('rate', values.rate),
    pauseMs: [Number(pause[1]), Number(pause[2])],
    keep: values.keep,
  });
  return result.ok ? 0 : 1;
}

function number(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got ${text}`);
  return value;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
