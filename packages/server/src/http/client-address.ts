import type { Context } from 'hono';

/**
 * Who sent a request, as far as this server can tell. `X-Forwarded-For` and `X-Forwarded-Proto`
 * are believed only when the direct peer is a trusted proxy (PARLEY_TRUSTED_PROXIES): anyone
 * else could write them to pose as another address or as HTTPS.
 */
export type ClientAddress = { readonly ip: string | null; readonly isHttps: boolean };

/** The TCP peer under @hono/node-server; absent under `app.request()` unless a test passes it. */
export function peerAddress(c: Context): string | null {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return null;
  const incoming = env.incoming as { socket?: { remoteAddress?: string } } | undefined;
  return normalizeAddress(incoming?.socket?.remoteAddress ?? null);
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is `127.0.0.1`. */
export function normalizeAddress(address: string | null): string | null {
  if (address === null || address === '') return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

export function resolveClientAddress(c: Context, trustedProxies: ReadonlySet<string>): ClientAddress {
  const peer = peerAddress(c);
  const directHttps = new URL(c.req.url).protocol === 'https:';
  if (peer === null || !trustedProxies.has(peer)) return { ip: peer, isHttps: directHttps };
  // Walk the chain from the nearest hop: the first address not itself a trusted proxy is the client.
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => normalizeAddress(hop.trim()))
    .filter((hop): hop is string => hop !== null);
  let ip: string = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index];
    if (hop === undefined) break;
    ip = hop;
    if (!trustedProxies.has(hop)) break;
  }
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase();
  return { ip, isHttps: proto === undefined || proto === '' ? directHttps : proto === 'https' };
}

/** PARLEY_TRUSTED_PROXIES: comma-separated addresses of the reverse proxies in front of Parley. */
export function parseTrustedProxies(value: string | undefined): ReadonlySet<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((entry) => normalizeAddress(entry.trim()))
      .filter((entry): entry is string => entry !== null),
  );
}
