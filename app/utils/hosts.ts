/**
 * One canonical origin (decision 018): requests name a host we serve, or get a 400 before routing;
 * absolute URLs come from PUBLIC_URL, never from request headers.
 */

/** A Host header as `name[:port]`, lower-cased, or null when it is not a well-formed host. */
export function normalizeHost(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const host = raw.trim().toLowerCase();
  const match = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:(\d{1,5}))?$/.exec(
    host,
  );
  if (!match) return null;
  const port = match[6];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return null;
  return host;
}

/**
 * The hosts this server answers for: PUBLIC_URL's, those listed in ALLOWED_HOSTS, and — when neither
 * is set — the loopback names with the server's port (a local `npm start` or test run).
 */
export function allowedHosts({
  publicUrl,
  allowed,
  port,
}: {
  publicUrl?: string;
  allowed?: string;
  port: number;
}): Set<string> {
  const hosts = new Set<string>();
  if (publicUrl) hosts.add(new URL(publicUrl).host.toLowerCase());
  for (const entry of (allowed ?? "").split(",")) {
    const host = normalizeHost(entry);
    if (host) hosts.add(host);
  }
  if (hosts.size === 0) for (const name of ["localhost", "127.0.0.1", "[::1]"]) hosts.add(`${name}:${port}`);
  return hosts;
}

/** The origin absolute URLs use: PUBLIC_URL, else plain http on the (allowed) host the request named. */
export function canonicalOrigin({ publicUrl, host }: { publicUrl?: string; host: string }): string {
  return publicUrl ? publicUrl.replace(/\/$/, "") : `http://${host}`;
}
