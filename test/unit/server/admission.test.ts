// Who may open a client connection: the Origin of a browser page, and the connection counts.
import { resolveBrokerConfig } from '../../../broker/config';
import { ConnectionAdmission, originAllowed } from '../../../broker/server/admission';

describe('connection admission', () => {
  const config = resolveBrokerConfig({ host: '10.0.0.5', advertisedHost: 'broker-1.example', maxConnections: 3, maxConnectionsPerIp: 2 });

  it.each([
    ['', true], // not a browser
    ['http://10.0.0.5:9092', true],
    ['https://broker-1.example', true],
    ['http://broker-1.example:3000', true],
    ['http://evil.example', false],
    ['http://10.0.0.5.evil.example', false],
    ['null', false], // a sandboxed page or a file
    ['not a url', false],
  ])('origin %j: %s', (origin, allowed) => {
    expect(originAllowed(origin, config)).toBe(allowed);
  });

  it('lets in listed origins, or any with "*", and compares IPv6 hosts without brackets', () => {
    expect(originAllowed('https://app.example', { ...config, allowedOrigins: ['https://app.example'] })).toBe(true);
    expect(originAllowed('https://app.example:8443', { ...config, allowedOrigins: ['https://app.example'] })).toBe(false);
    expect(originAllowed('https://anything.example', { ...config, allowedOrigins: ['*'] })).toBe(true);
    expect(originAllowed('http://[::1]:9092', { ...config, host: '::1' })).toBe(true);
  });

  it('refuses past the per-address and the total count, and counts closes', () => {
    const admission = new ConnectionAdmission(config);
    admission.opened('a');
    admission.opened('a');
    expect(admission.check('a', '')).toMatchObject({ reason: 'max_connections_per_ip', status: '429 Too Many Requests' });
    expect(admission.check('b', '')).toBeUndefined();
    admission.opened('b');
    expect(admission.check('c', '')).toMatchObject({ reason: 'max_connections', status: '503 Service Unavailable' });
    expect(admission.check('c', 'http://evil.example')).toMatchObject({ reason: 'origin', status: '403 Forbidden' });
    admission.closed('a');
    expect(admission.check('a', '')).toBeUndefined();
    expect(admission.check('c', '')).toBeUndefined();
  });
});
