import { setMaxListeners } from "node:events";
import http from "node:http";
import https from "node:https";

/**
 * The HTTP client the Meilisearch SDK uses here. Node's built-in fetch added about 45 ms to every
 * request against Meilisearch on loopback (measured: 47 ms with fetch, 1.5 ms with node:http for
 * the same search), which alone would break the 25 ms p95 target; node:http with keep-alive and
 * TCP_NODELAY does not. See docs/decisions/006-meilisearch-http-client.md.
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

export class MeiliHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const detail =
      typeof body === "object" && body && "message" in body ? String((body as { message: unknown }).message) : "";
    super(`Meilisearch answered ${status}${detail ? `: ${detail}` : ""}`);
  }
}

export function nodeHttpClient(input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  const transport = url.protocol === "https:" ? https : http;
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const body = typeof init.body === "string" ? init.body : init.body == null ? undefined : String(init.body);
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) return reject(signal.reason ?? new Error("aborted"));
    // The SDK reuses one signal across the polls of a task wait and adds its own listener per poll;
    // the signal dies with the wait, so this is not a leak — raise the warning threshold for it.
    if (signal) setMaxListeners(1000, signal);
    // Detach ours when each request ends.
    const onAbort = () =>
      request.destroy(signal?.reason instanceof Error ? signal.reason : new Error("Meilisearch request timed out"));
    const settle =
      <T>(fn: (value: T) => void) =>
      (value: T) => {
        signal?.removeEventListener("abort", onAbort);
        fn(value);
      };
    resolve = settle(resolve);
    reject = settle(reject);
    const request = transport.request(
      url,
      { method: init.method ?? "GET", headers, agent: agents[url.protocol as "http:" | "https:"] },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown;
          try {
            parsed = text === "" ? undefined : JSON.parse(text);
          } catch {
            return reject(new MeiliHttpError(response.statusCode ?? 0, text.slice(0, 200)));
          }
          if ((response.statusCode ?? 500) >= 400) return reject(new MeiliHttpError(response.statusCode ?? 0, parsed));
          resolve(parsed);
        });
      },
    );
    request.on("socket", (socket) => socket.setNoDelay(true));
    request.on("error", reject);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.end(body);
  });
}
