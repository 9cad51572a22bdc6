// Broker addresses: users give `host:port` (or a full ws:// / wss:// URL, e.g. behind a proxy); brokers advertise
// host and port in metadata, and the client reaches them with the scheme and path of the first bootstrap address.
import { RafterInvalidArgumentError } from '../errors';

export interface BrokerAddress {
  /** host:port, the identity of a connection. */
  address: string;
  url: string;
}

export interface UrlTemplate {
  scheme: 'ws' | 'wss';
  path: string;
}

export const DEFAULT_URL_TEMPLATE: UrlTemplate = { scheme: 'ws', path: '/' };

export function parseBrokerAddress(input: string, template: UrlTemplate = DEFAULT_URL_TEMPLATE): BrokerAddress & { template: UrlTemplate } {
  const text = input.trim();
  const url = /^wss?:\/\//.test(text) ? parseUrl(text) : undefined;
  if (url) {
    const scheme = url.protocol === 'wss:' ? 'wss' : 'ws';
    const port = url.port || (scheme === 'wss' ? '443' : '80');
    const template = { scheme, path: url.pathname || '/' } as const;
    return { address: `${url.hostname}:${port}`, url: `${scheme}://${url.host}${template.path}`, template };
  }
  const match = /^(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new RafterInvalidArgumentError('brokers', `"${input}" is not host:port or a ws:// URL`);
  }
  return { address: `${match[1]}:${port}`, url: brokerUrl(match[1], port, template), template };
}

export function brokerUrl(host: string, port: number, template: UrlTemplate): string {
  return `${template.scheme}://${host}:${port}${template.path}`;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
