/**
 * Where a webhook may point and where the emulator actually connects. setWebhook accepts what
 * Telegram accepts (https on ports 443, 80, 88 or 8443) plus plain http to loopback for tests;
 * delivery only ever reaches loopback: a public URL is delivered through a route the test set up
 * (`url_prefix` -> a loopback target), and anything else fails as an unreachable host would.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { badRequest } from './errors.js';

const ALLOWED_HTTPS_PORTS = new Set(['', '443', '80', '88', '8443']);

/** True for hosts that name this machine: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}

/** IPv4 ranges Telegram will not deliver to (private, link-local, multicast and the like). */
function isReservedIpv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

function bad(reason: string): never {
  throw badRequest(`bad webhook: ${reason}`);
}

/** Checks an IP address given to Telegram in place of resolving the host (loopback allowed here). */
function checkIp(ip: string): void {
  if (isIPv6(ip)) bad('IPv6-only addresses are not allowed');
  if (!isIPv4(ip)) bad('Invalid IP address specified');
  if (isReservedIpv4(ip) && !isLoopbackHost(ip)) bad(`IP address ${ip} is reserved`);
}

/** Validates setWebhook's `url` and `ip_address`; throws Telegram's 400 when it would refuse. */
export function checkWebhookUrl(raw: string, ipAddress: string | undefined): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    bad('invalid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') bad('unsupported URL protocol');
  const loopback = isLoopbackHost(url.hostname);
  // Plain http to this machine is the emulator's convenience for tests; Telegram wants https.
  if (url.protocol === 'http:' && !loopback) bad('An HTTPS URL must be provided for webhook');
  if (url.protocol === 'https:' && !ALLOWED_HTTPS_PORTS.has(url.port)) {
    bad('Webhook can be set up only on ports 80, 88, 443 or 8443');
  }
  if (!loopback && isIPv4(url.hostname)) checkIp(url.hostname);
  if (ipAddress !== undefined && ipAddress !== '') checkIp(ipAddress);
}

/** A route prefix in canonical form: origin plus path, without a trailing slash. */
export function canonicalPrefix(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('url_prefix must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badRequest('url_prefix must be an absolute http or https URL');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** A route target in canonical form; it must be an http(s) URL on loopback. */
export function canonicalTarget(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('target must be an http or https URL on 127.0.0.1, ::1 or localhost');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopbackHost(url.hostname)) {
    throw badRequest('target must be an http or https URL on 127.0.0.1, ::1 or localhost');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Where a delivery goes: a loopback URL to POST to, or the error an unreachable host gives. */
export type Destination = { readonly url: string } | { readonly error: string };

/**
 * Resolves a webhook to a loopback URL. With `ip_address`, the URL's host is replaced by that IP
 * (Telegram connects to it instead of resolving the name). The longest matching route wins;
 * otherwise only a loopback host is reachable.
 */
export function destination(
  raw: string,
  ipAddress: string | undefined,
  routes: ReadonlyMap<string, string>,
): Destination {
  const url = new URL(raw);
  if (ipAddress !== undefined && ipAddress !== '') url.hostname = ipAddress;
  const href = url.href;
  let best: string | undefined;
  for (const prefix of routes.keys()) {
    const rest = href.slice(prefix.length);
    const matches = href.startsWith(prefix) && (rest === '' || rest.startsWith('/') || rest.startsWith('?'));
    if (matches && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  if (best !== undefined) return { url: `${routes.get(best)}${href.slice(best.length)}` };
  if (isLoopbackHost(url.hostname)) return { url: href };
  return { error: 'Connection timed out' };
}
