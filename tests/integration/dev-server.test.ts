/**
 * `npm run dev` runs the production pipeline (headers, CSRF, limits, request context, background
 * jobs) around Vite in middleware mode. This starts the real dev script on a copy of the test
 * database, checks what production guarantees, then stops it with SIGTERM and checks the shutdown.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TEST_DATA_DIR } from "#tests/setup/paths.ts";

const root = path.resolve(import.meta.dirname, "../..");
let child: ChildProcess;
let base: string;
let databasePath: string;
let output = "";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadline: number) {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`dev server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  databasePath = path.join(TEST_DATA_DIR, `dev-server-${process.pid}.db`);
  fs.copyFileSync(process.env.DATABASE_PATH!, databasePath);
  // node itself (not the tsx CLI, which answers a signal with its own exit code) runs the script.
  child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      // A search server that refuses connections: the dev server must still start (SQLite fallback).
      MEILI_HOST: "http://127.0.0.1:9",
      CI: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealth(`${base}/healthz`, Date.now() + 90_000);
}, 120_000);

afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
});

/** A raw HTTP/1.1 GET with exactly this Host line (fetch would not send a malformed one). */
function rawGet(pathname: string, host: string, extra = ""): Promise<{ status: number; text: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`);
  });
}

describe("the dev server runs the production pipeline", () => {
  test("a Host we do not serve, or a malformed one, gets 400 before routing; links come from the canonical origin", async () => {
    const { port } = new URL(base);
    for (const host of ["evil.example", `evil.example:${port}`, `localhost:${Number(port) + 1}`, "[::1", "a b", "%"]) {
      const answer = await rawGet("/", host);
      expect(answer.status, host).toBe(400);
      expect(answer.text, host).not.toContain("at ");
    }
    // An allowed host, with a forwarded scheme from a peer nobody said to trust: the links ignore it.
    const page = await rawGet(
      "/zh",
      `127.0.0.1:${port}`,
      "X-Forwarded-Proto: javascript\r\nX-Forwarded-Host: evil.example\r\n",
    );
    expect(page.status).toBe(200);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page.text)?.[1];
    expect(canonical).toBe(`http://127.0.0.1:${port}/zh`);
    expect(page.text).not.toContain("evil.example");
    expect(page.text).not.toContain("javascript://");
  });

  test("a page carries the CSP with a nonce that its inline scripts use, and the other security headers", async () => {
    const response = await fetch(`${base}/zh`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const html = await response.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain('lang="zh-Hans"');
  }, 60_000);

  test("a cross-site POST is refused with 403 before any route runs; the same POST from our origin is not", async () => {
    const body = new URLSearchParams({ intent: "add", productId: "1", quantity: "1" });
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    const crossSite = await fetch(`${base}/cart`, {
      method: "POST",
      body,
      headers: { ...headers, Origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await fetch(`${base}/cart`, {
      method: "POST",
      body,
      headers: { ...headers, Origin: base },
      redirect: "manual",
    });
    // A form posted without JavaScript: Post/Redirect/Get to the cart page, which says what happened.
    expect(sameSite.status).toBe(303);
    expect(sameSite.headers.get("location")).toBe("/cart?notice=added");
    expect(sameSite.headers.get("set-cookie")).toMatch(/__cart=/);
    // The same form sent by a fetcher (Remix's `.data` request) answers with data, not a redirect.
    const cookie = sameSite.headers.get("set-cookie")!.split(";")[0]!;
    const fetched = await fetch(`${base}/cart.data`, {
      method: "POST",
      body,
      headers: { ...headers, Origin: base, cookie },
      redirect: "manual",
    });
    expect(fetched.status).toBe(200);
    expect(await fetched.text()).toContain("cart.added");
  }, 60_000);

  test("an oversized body is refused with 413 from its announced length, before any of it is read", async () => {
    // Only the headers are sent: the answer must come without the body (a client still writing a
    // body the server has refused would see the connection closed instead of the 413).
    const { port } = new URL(base);
    const status = await new Promise<number>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString();
        const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
        if (match) {
          resolve(Number(match[1]));
          socket.destroy();
        }
      });
      socket.on("error", reject);
      socket.write(
        `POST /cart HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: ${base}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`,
      );
    });
    expect(status).toBe(413);
  });

  test("SIGTERM: requests under way finish, buffered search-log rows are written, the process exits 0", async () => {
    // A search is recorded in memory and written by the background flush (or at shutdown).
    const query = `shutdown-check-${process.pid}`;
    // A submitted search on the page (the API is not logged: scripts poll it).
    const search = await fetch(`${base}/search?q=${query}`);
    expect(search.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const db = new Database(databasePath, { readonly: true });
    try {
      const row = db.prepare("SELECT count(*) AS n FROM search_queries WHERE query = ?").get(query) as { n: number };
      expect(row.n).toBe(1);
    } finally {
      db.close();
    }
  }, 60_000);
});
