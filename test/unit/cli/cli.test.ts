// The CLI in-process: argument parsing, help and exit codes, and the client commands against the fixture broker.
import { parseFrom, unescapeSeparator, brokerList, CliUsageError } from '../../../tools/cli/args';
import { CliIo } from '../../../tools/cli/io';
import { findCommand, main } from '../../../tools/cli/main';
import { toMessage } from '../../../tools/cli/produce';
import { FakeBroker } from '../client/fake-broker';

function memoryIo(lines: string[] = [], env: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    stdinLines: async function* () {
      yield* lines;
    },
    env,
    onSignal: () => () => {},
  };
  return io;
}

describe('CLI arguments', () => {
  it('finds commands by their leading words', () => {
    expect(findCommand(['topic', 'create', 'x'])?.command.path).toEqual(['topic', 'create']);
    expect(findCommand(['consume', 't'])?.rest).toEqual(['t']);
    expect(findCommand(['topic', 'frobnicate'])).toBeUndefined();
  });

  it('parses start positions', () => {
    expect(parseFrom({}, 'consume')).toBe('latest');
    expect(parseFrom({ 'from-beginning': true }, 'consume')).toBe('earliest');
    expect(parseFrom({ from: 'earliest' }, 'consume')).toBe('earliest');
    expect(parseFrom({ from: 'offset:42' }, 'consume')).toEqual({ offset: 42 });
    expect(parseFrom({ from: 'timestamp:1700000000000' }, 'consume')).toEqual({ timestampMs: 1700000000000 });
    expect(() => parseFrom({ from: 'offset:-1' }, 'consume')).toThrow(CliUsageError);
    expect(() => parseFrom({ from: 'earliest', 'from-beginning': true }, 'consume')).toThrow(/not both/);
  });

  it('takes brokers from --brokers, then RAFTER_BROKERS, then the default', () => {
    expect(brokerList({ brokers: 'a:1, b:2' }, { RAFTER_BROKERS: 'c:3' }, 'x')).toEqual(['a:1', 'b:2']);
    expect(brokerList({}, { RAFTER_BROKERS: 'c:3' }, 'x')).toEqual(['c:3']);
    expect(brokerList({}, {}, 'x')).toEqual(['127.0.0.1:9092']);
  });

  it('splits key and value at the first separator, with escapes', () => {
    expect(unescapeSeparator('\\t')).toBe('\t');
    expect(toMessage('k\tv\tw', '\t', undefined)).toEqual({ key: 'k', value: 'v\tw' });
    expect(toMessage('no-separator', '\t', 3)).toEqual({ value: 'no-separator', partition: 3 });
    expect(toMessage('a:b', undefined, undefined)).toEqual({ value: 'a:b' });
  });

  it('prints help with exit 0, and usage errors with exit 2', async () => {
    const help = memoryIo();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out).toContain('topic create');
    const cmdHelp = memoryIo();
    expect(await main(['consume', '--help'], cmdHelp)).toBe(0);
    expect(cmdHelp.out).toContain('--from-beginning');
    const unknown = memoryIo();
    expect(await main(['topic', 'frobnicate'], unknown)).toBe(2);
    expect(unknown.err).toContain("try 'rafter topic create'");
    const badFlag = memoryIo();
    expect(await main(['topic', 'list', '--nope'], badFlag)).toBe(2);
    expect(badFlag.err).toContain("Run 'rafter topic list --help'");
    const missing = memoryIo();
    expect(await main(['topic', 'create', 'x'], missing)).toBe(2);
    expect(missing.err).toContain('--partitions is required');
    const range = memoryIo();
    expect(await main(['topic', 'create', 'x', '--partitions', '3', '--split-keys', 'a'], range)).toBe(2);
    expect(range.err).toContain('needs --split-keys with 2 keys');
  });
});

describe('CLI commands against a broker', () => {
  let broker: FakeBroker;
  const run = async (argv: string[], lines: string[] = []) => {
    const io = memoryIo(lines);
    const code = await main([...argv, '--brokers', broker.address], io);
    return { code, out: io.out, err: io.err };
  };

  beforeEach(async () => {
    broker = await FakeBroker.start();
  });

  afterEach(() => broker.stop());

  it('creates, lists and describes topics, as text and JSON', async () => {
    expect((await run(['topic', 'create', 'orders', '--partitions', '3', '--split-keys', 'g,p'])).out).toBe('created topic orders (3 partitions, range)\n');
    expect((await run(['topic', 'list'])).out).toMatch(/^TOPIC\s+PARTITIONS\s+REPLICAS\s+PARTITIONING\norders\s+3\s+1\s+range\n$/);
    const listed = JSON.parse((await run(['topic', 'list', '--json'])).out);
    expect(listed).toMatchObject([{ name: 'orders', partitioning: 'range', splitKeys: ['g', 'p'] }]);
    const described = await run(['topic', 'describe', 'orders']);
    expect(described.out).toContain('split keys: "g", "p"');
    expect(described.out).toContain('HIGH-WATERMARK');
    expect(JSON.parse((await run(['topic', 'describe', 'orders', '--json'])).out).partitions).toHaveLength(3);
    const missing = await run(['topic', 'describe', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('UNKNOWN_TOPIC');
  });

  it('produces stdin lines and consumes them back up to the end offsets seen at start', async () => {
    broker.createTopic('lines', 2);
    const produced = await run(['produce', 'lines', '--key-separator', '\\t'], ['a\t1', 'b\t2', 'c\t3', 'novalue']);
    expect(produced.code).toBe(0);
    expect(produced.err).toMatch(/^produced 4 records to lines in/);
    const consumed = await run(['consume', 'lines', '--from-beginning']);
    expect(consumed.code).toBe(0);
    expect(consumed.out.split('\n').filter(Boolean).sort()).toEqual(['1', '2', '3', 'novalue']);
    const json = await run(['consume', 'lines', '--from', 'earliest', '--json', '--max', '10']);
    const records = json.out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(records).toHaveLength(4);
    expect(records.find((r) => r.value === '2')).toMatchObject({ topic: 'lines', key: 'b', headers: {} });
    expect(records.find((r) => r.value === 'novalue').key).toBeNull();
  });

  it('stops after --max records and reads one --partition from an offset', async () => {
    broker.createTopic('p', 2);
    await run(['produce', 'p', '--partition', '1'], ['x', 'y', 'z']);
    expect((await run(['consume', 'p', '--from-beginning', '--max', '2'])).out).toBe('x\ny\n');
    expect((await run(['consume', 'p', '--partition', '1', '--from', 'offset:2'])).out).toBe('z\n');
    expect((await run(['consume', 'p', '--partition', '0', '--from-beginning'])).out).toBe('');
  });

  it('exits 1 with a hint when no broker answers', async () => {
    const io = memoryIo();
    const port = broker.port;
    await broker.stop();
    const code = await main(['topic', 'list', '--brokers', `127.0.0.1:${port}`], io);
    expect(code).toBe(1);
    expect(io.err).toContain("Start one with 'rafter broker start'");
    broker = await FakeBroker.start();
  });
});
