import http from "node:http";
import type net from "node:net";
import express from "express";
import { afterEach, describe, expect, test } from "vitest";
import { loadShedder } from "#server/load-shedding.ts";

/**
 * Load shedding in front of the routes: past the bound, a request is answered 503 with Retry-After at
 * once, and /healthz still answers. A real HTTP server and real connections; requests are held open
 * by the test itself, so nothing depends on the machine's speed.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0)) fn();
});

async function serve(options: Parameters<typeof loadShedder>[0]) {
  const shedder = loadShedder(options);
  const app = express();
  const held: (() => void)[] = [];
  app.use(shedder.middleware);
  app.get("/healthz", (_req, res) => res.send("ok"));
  app.get("/slow", (_req, res) => {
    held.push(() => res.send("done"));
  });
  app.get("/fast", (_req, res) => res.send("fast"));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  cleanups.push(() => {
    shedder.stop();
    server.closeAllConnections();
    server.close();
  });
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
  return { shedder, held, get, port };
}

describe("load shedding", () => {
  test("past the bound on requests in flight: 503 with Retry-After before any work; /healthz still answers; capacity comes back", async () => {
    const { shedder, held, get } = await serve({ maxInFlight: 2, maxLagMs: 0 });
    const first = get("/slow");
    const second = get("/slow");
    while (held.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(shedder.inFlight()).toBe(2);
    const shed = await get("/fast");
    expect(shed.status).toBe(503);
    expect(shed.headers.get("Retry-After")).toBe("2");
    expect(shed.headers.get("Cache-Control")).toBe("no-store");
    expect((await get("/healthz")).status).toBe(200);
    for (const release of held) release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(shedder.inFlight()).toBe(0);
    expect((await get("/fast")).status).toBe(200);
  });

  test("a client that hangs up frees its place", async () => {
    const { shedder, held, port } = await serve({ maxInFlight: 1, maxLagMs: 0 });
    const request = http.get({ host: "127.0.0.1", port, path: "/slow" });
    request.on("error", () => undefined);
    while (held.length < 1) await new Promise((r) => setTimeout(r, 5));
    expect(shedder.inFlight()).toBe(1);
    request.destroy();
    while (shedder.inFlight() > 0) await new Promise((r) => setTimeout(r, 5));
    expect(shedder.inFlight()).toBe(0);
  });

  test("a blocked event loop sheds new requests until it recovers", async () => {
    const { get } = await serve({ maxInFlight: 0, maxLagMs: 250, sampleMs: 200 });
    // Block the loop for 700 ms (far past the 250 ms bound), until a sample (every 200 ms here) has seen it.
    let shedSeen = false;
    for (let attempt = 0; attempt < 10 && !shedSeen; attempt++) {
      const until = Date.now() + 700;
      while (Date.now() < until) {
        /* busy: this is the overload */
      }
      // The overdue sample runs first; ask right after it, within the same sampling period.
      await new Promise((r) => setTimeout(r, 30));
      shedSeen = (await get("/fast")).status === 503;
    }
    expect(shedSeen).toBe(true);
    expect((await get("/healthz")).status).toBe(200);
    // A quiet sample later, requests are served again.
    let served = false;
    for (let attempt = 0; attempt < 50 && !served; attempt++) {
      await new Promise((r) => setTimeout(r, 250));
      served = (await get("/fast")).status === 200;
    }
    expect(served).toBe(true);
  }, 60_000);
});
