// Who may open a client connection, decided at the WebSocket upgrade before any frame is read: a bound on open
// connections in total and per remote address, and, for browsers, the page's Origin. A browser lets any page open
// a WebSocket to any host and says which page it is in the Origin header: without this check a page from anywhere
// could produce to and read from a broker its visitor can reach (a laptop's local broker, an intranet's). Clients
// that are not browsers send no Origin and are let in.
import type { BrokerConfig } from '../config';
import type { CONNECTION_REJECT_REASONS } from '../metrics';

export type AdmissionRefusal = {
  reason: (typeof CONNECTION_REJECT_REASONS)[number];
  /** The HTTP status line the upgrade is answered with. */
  status: string;
  message: string;
};

/**
 * Whether a page from `origin` may connect: no Origin (not a browser), a page on the broker's own host (host or
 * advertisedHost, any scheme and port; the configured names, never the request's Host header, which a DNS rebinding
 * page controls), or an origin in allowedOrigins ("*": any).
 */
export function originAllowed(origin: string, config: Pick<BrokerConfig, 'host' | 'advertisedHost' | 'allowedOrigins'>): boolean {
  if (origin === '') return true;
  if (config.allowedOrigins.includes('*') || config.allowedOrigins.includes(origin)) return true;
  let hostname: string;
  try {
    hostname = new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return false;
  }
  return hostname === config.host || (config.advertisedHost !== undefined && hostname === config.advertisedHost);
}

/** Open client connections by remote address, against maxConnections and maxConnectionsPerIp. */
export class ConnectionAdmission {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly config: Pick<BrokerConfig, 'host' | 'advertisedHost' | 'allowedOrigins' | 'maxConnections' | 'maxConnectionsPerIp'>) {}

  /** Why a connection from `address` with this Origin header is refused, or undefined to let it in. */
  check(address: string, origin: string): AdmissionRefusal | undefined {
    if (!originAllowed(origin, this.config)) {
      return { reason: 'origin', status: '403 Forbidden', message: `origin ${origin} may not open the client endpoint (see allowedOrigins)\n` };
    }
    if (this.total >= this.config.maxConnections) {
      return { reason: 'max_connections', status: '503 Service Unavailable', message: `the broker has ${this.total} connections, its maximum\n` };
    }
    if ((this.byAddress.get(address) ?? 0) >= this.config.maxConnectionsPerIp) {
      return {
        reason: 'max_connections_per_ip', status: '429 Too Many Requests',
        message: `${address} has ${this.config.maxConnectionsPerIp} connections open, the most one address may have\n`,
      };
    }
    return undefined;
  }

  opened(address: string): void {
    this.total++;
    this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
  }

  closed(address: string): void {
    this.total--;
    const left = (this.byAddress.get(address) ?? 1) - 1;
    if (left > 0) this.byAddress.set(address, left);
    else this.byAddress.delete(address);
  }
}
