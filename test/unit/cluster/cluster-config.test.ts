// Cluster mode's configuration: the seed list is every broker's address book and the controller's voter set.
import { ConfigError, parseBrokerArgs, parseSeeds, resolveBrokerConfig } from '../../../broker/config';

const SEEDS = '1@127.0.0.1:9092,2@127.0.0.1:9093,3@127.0.0.1:9094';

describe('cluster configuration', () => {
  it('parses seeds sorted by id and takes the port and advertised host from this broker\'s entry', () => {
    expect(parseSeeds('3@h3:3,1@h1:1,2@h2:2').map((s) => s.id)).toEqual([1, 2, 3]);
    const config = resolveBrokerConfig(parseBrokerArgs(['--broker-id', '2', '--port', '0', '--seeds', SEEDS]));
    expect(config.port).toBe(9093);
    expect(config.advertisedHost).toBe('127.0.0.1');
    expect(config.clusterId).toBe(`rafter-${SEEDS}`);
    expect(config.listenRetryMs).toBe(30_000);
  });

  it('refuses seed lists the controller cannot run on and brokers missing from them', () => {
    expect(() => parseSeeds('1@h:1,2@h:2')).toThrow(ConfigError);
    expect(() => parseSeeds('1@h:1,1@h:2,3@h:3')).toThrow(/twice/);
    expect(() => parseSeeds('1@h')).toThrow(/id@host:port/);
    expect(() => parseSeeds('2000@h:1')).toThrow(/1\.\.1023/);
    expect(() => resolveBrokerConfig({ brokerId: 4, seeds: SEEDS })).toThrow(/must name this broker/);
    expect(() => resolveBrokerConfig({ brokerId: 1, port: 9999, seeds: SEEDS })).toThrow(/differs/);
  });

  it('leaves the single-broker mode as it was', () => {
    const config = resolveBrokerConfig({ port: 0 });
    expect(config.seeds).toBeUndefined();
    expect(config.clusterId).toBeUndefined();
    expect(config.listenRetryMs).toBe(0);
  });
});
