import { ConfigError, DEFAULT_BROKER_CONFIG, parseBrokerArgs, resolveBrokerConfig } from '../../../broker/config';


describe('broker config', () => {
  it('defaults to the embedded single broker on 127.0.0.1:9092 with ./data', () => {
    const config = resolveBrokerConfig();
    expect(config).toMatchObject({ dataDir: './data', host: '127.0.0.1', port: 9092, brokerId: 1, durable: true });
    expect(config).toEqual(DEFAULT_BROKER_CONFIG);
  });

  it('ignores undefined overrides and keeps given ones', () => {
    expect(resolveBrokerConfig({ port: 0, host: undefined })).toMatchObject({ port: 0, host: '127.0.0.1' });
  });

  it.each([
    [{ port: 70000 }, /port/],
    [{ port: 1.5 }, /port/],
    [{ brokerId: 0 }, /brokerId/],
    [{ dataDir: '' }, /dataDir/],
    [{ maxFetchBytes: 16 << 20 }, /maxFetchBytes/],
    [{ defaultMaxMessageBytes: 9 << 20 }, /defaultMaxMessageBytes/],
    [{ maxBackpressureBytes: 1024 }, /maxBackpressureBytes/],
    [{ idleTimeoutSeconds: 3 }, /idleTimeoutSeconds/],
    [{ maxConnections: 10, maxConnectionsPerIp: 11 }, /maxConnectionsPerIp/],
    [{ maxInFlightRequestBytesPerConnection: 1 << 20 }, /maxInFlightRequestBytesPerConnection/],
    [{ maxMetadataResponseBytes: 16 << 20 }, /maxMetadataResponseBytes/],
    [{ allowedOrigins: [''] }, /allowedOrigins/],
  ])('refuses %j', (partial, why) => {
    expect(() => resolveBrokerConfig(partial)).toThrow(ConfigError);
    expect(() => resolveBrokerConfig(partial)).toThrow(why);
  });

  it('lets the defaults that must fit the frame size follow it', () => {
    expect(resolveBrokerConfig({ maxFrameBytes: 64 << 20, maxQueuedRequestBytes: 64 << 20, maxBackpressureBytes: 256 << 20 })).toMatchObject({ maxInFlightRequestBytesPerConnection: 64 << 20, maxMetadataResponseBytes: 4 << 20 });
    expect(resolveBrokerConfig({ maxFrameBytes: 1 << 20, maxFetchBytes: 1 << 20, defaultMaxMessageBytes: 1 << 19, maxQueuedRequestBytes: 1 << 20 }))
      .toMatchObject({ maxInFlightRequestBytesPerConnection: 32 << 20, maxMetadataResponseBytes: 1 << 20 });
  });

  it('parses process flags', () => {
    expect(parseBrokerArgs(['--data-dir', '/tmp/d', '--port', '0', '--host', '127.0.0.1', '--durable', 'false']))
      .toEqual({ dataDir: '/tmp/d', port: 0, host: '127.0.0.1', durable: false });
    expect(parseBrokerArgs(['--allowed-origins', 'https://a.example, https://b.example', '--max-connections-per-ip', '8']))
      .toEqual({ allowedOrigins: ['https://a.example', 'https://b.example'], maxConnectionsPerIp: 8 });
    expect(() => parseBrokerArgs(['--nope', '1'])).toThrow(/unknown option --nope/);
    expect(() => parseBrokerArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseBrokerArgs(['--port', 'abc'])).toThrow(/needs a number/);
  });

  it('takes --rebuild-from-peers alone or with a value, and a scrub rate (0: off)', () => {
    expect(parseBrokerArgs(['--rebuild-from-peers', '--port', '0'])).toEqual({ rebuildFromPeers: true, port: 0 });
    expect(parseBrokerArgs(['--port', '0', '--rebuild-from-peers'])).toEqual({ rebuildFromPeers: true, port: 0 });
    expect(parseBrokerArgs(['--rebuild-from-peers', 'false'])).toEqual({ rebuildFromPeers: false });
    expect(resolveBrokerConfig({}).rebuildFromPeers).toBe(false);
    expect(resolveBrokerConfig(parseBrokerArgs(['--scrub-bytes-per-second', '0'])).scrubBytesPerSecond).toBe(0);
    expect(() => resolveBrokerConfig({ scrubBytesPerSecond: -1 })).toThrow(/scrubBytesPerSecond/);
  });
});
