/**
 * Several worker processes over one SQLite file (decision 031), as `WEB_CONCURRENCY=2 npm start`
 * runs them: real child processes using the app's model functions on this file's database.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import { REMINDER_LEAD_MS } from "#app/models/reminders.server.ts";
import {
  festivalSessions,
  jobLeases,
  notifications,
  orderItems,
  products,
  reminders,
  stores,
  users,
} from "#db/schema/index.ts";
import { bumpIndexGeneration, indexGeneration } from "#search/generation.ts";
import { createFestival, createProduct } from "#tests/support/factories.ts";

const script = path.resolve(import.meta.dirname, "../support/worker-process.ts");
const workers: Worker[] = [];

class Worker {
  private next = 0;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly pid: number;

  private constructor(readonly child: ChildProcess) {
    this.pid = child.pid!;
    child.on("message", (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const call = this.waiting.get(m.id)!;
      this.waiting.delete(m.id);
      if (m.error) call.reject(new Error(m.error));
      else call.resolve(m.result);
    });
  }

  static async start(): Promise<Worker> {
    const child = fork(script, {
      execArgv: ["--import", "tsx"],
      env: { ...process.env },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
    });
    const worker = new Worker(child);
    workers.push(worker);
    return worker;
  }

  call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = (this.next += 1);
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, ...args });
    });
  }

  kill(signal: NodeJS.Signals = "SIGTERM") {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill(signal);
    return exited;
  }
}

afterAll(async () => {
  await Promise.all(
    workers.splice(0).map((w) => (w.child.exitCode === null && w.child.signalCode === null ? w.kill("SIGKILL") : null)),
  );
});

/** Polls until `check` holds (no timing assertion: a busy machine only makes it slower). */
async function eventually(check: () => boolean, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const probeFile = (name: string) => path.join(os.tmpdir(), `jobs-probe-${name}-${process.pid}-${Date.now()}`);
const probeLines = (file: string) =>
  fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map(Number) : [];

// Each worker loads the app's modules through tsx: seconds on a quiet machine, much more on a busy
// one. The same two workers serve every test, in order.
describe("two worker processes on one database", { timeout: 300_000 }, () => {
  let a: Worker;
  let b: Worker;
  beforeAll(async () => {
    [a, b] = await Promise.all([Worker.start(), Worker.start()]);
  }, 300_000);

  test("concurrent checkouts across both never oversell", async () => {
    const product = createProduct(getDb(), { stock: 30, priceCents: 2500 });
    // 80 guests, 40 in each process checking out at the same moment, for 30 units. A write that
    // could not wait its turn (SQLITE_BUSY) would fail the call.
    const startAt = Date.now() + 3_000;
    const [placedA, placedB] = await Promise.all([
      a.call<number[]>("checkout", { productId: product.id, count: 40, startAt }),
      b.call<number[]>("checkout", { productId: product.id, count: 40, startAt }),
    ]);
    expect(placedA.length + placedB.length).toBe(30);
    const lines = getDb().select().from(orderItems).where(eq(orderItems.productId, product.id)).all();
    expect(lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(30);
    expect(new Set(lines.map((l) => l.orderId))).toEqual(new Set([...placedA, ...placedB]));
    const row = getDb().select().from(products).where(eq(products.id, product.id)).get()!;
    expect({ onHand: row.onHand, reserved: row.reserved }).toEqual({ onHand: 30, reserved: 30 });
  });

  test("a rate limit counts across both", async () => {
    const rule = { name: "cross-process", key: `203.0.113.${process.pid % 250}`, points: 5, duration: 600 };
    for (let i = 0; i < 3; i++) expect(await a.call("hit", rule)).toBeNull();
    for (let i = 0; i < 2; i++) expect(await b.call("hit", rule)).toBeNull();
    expect(await b.call("hit", rule)).toBeGreaterThan(0);
    expect(await a.call("hit", rule)).toBeGreaterThan(0);
  });

  test("the reminders job run by both at once queues each reminder's email exactly once", async () => {
    const startsAt = new Date(Math.floor((Date.now() + 2 * 86_400_000) / 60_000) * 60_000);
    const festival = createFestival(getDb(), { startsAt, endsAt: new Date(startsAt.getTime() + 86_400_000) });
    const store = getDb().select().from(stores).where(eq(stores.status, "approved")).get()!;
    const [session] = getDb()
      .insert(festivalSessions)
      .values({
        festivalId: festival.id,
        storeId: store.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        titleEn: "Race",
        titleZh: "并发",
        titleFr: "Course",
        productIds: [],
      })
      .returning()
      .all();
    const shoppers = getDb()
      .insert(users)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          email: `reminded-${i}-${process.pid}@example.com`,
          passwordHash: "x",
          locale: "en" as const,
        })),
      )
      .returning({ id: users.id })
      .all();
    const remindAt = new Date(startsAt.getTime() - REMINDER_LEAD_MS);
    getDb()
      .insert(reminders)
      .values(
        shoppers.map((u) => ({
          userId: u.id,
          kind: "session" as const,
          targetId: session!.id,
          locale: "en" as const,
          remindAt,
        })),
      )
      .run();
    const at = remindAt.getTime() + 1_000;
    const startAt = Date.now() + 3_000;
    const [queuedA, queuedB] = await Promise.all([
      a.call<number>("queueReminders", { at, startAt, runs: 3 }),
      b.call<number>("queueReminders", { at, startAt, runs: 3 }),
    ]);
    expect(queuedA + queuedB).toBe(40);
    const mail = getDb().select().from(notifications).where(eq(notifications.kind, "reminder")).all();
    expect(mail.filter((n) => n.payload.includes('"title":"Race"'))).toHaveLength(40);
    const rows = getDb().select().from(reminders).where(eq(reminders.targetId, session!.id)).all();
    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
  });

  test("a search-index change made by one process is seen by the other's result cache", async () => {
    const start = await b.call<number>("generation");
    await a.call("bumpGeneration");
    expect(await b.call<number>("generation")).toBe(start + 1);
    bumpIndexGeneration(getDb()); // and this process, a third
    expect(await a.call<number>("generation")).toBe(start + 2);
    expect(indexGeneration(getDb())).toBe(start + 2);
  });

  // Every run of the probe job appends the pid of the process that ran it.
  const probe = probeFile("jobs");
  afterAll(() => fs.rmSync(probe, { force: true }));

  test("the background jobs run in one process only; one that stops cleanly hands them over", async () => {
    await a.call("startProbeJob", { probeFile: probe, leaseMs: 3_000 });
    await eventually(() => probeLines(probe).length >= 3);
    await b.call("startProbeJob", { probeFile: probe, leaseMs: 3_000 });
    await eventually(() => probeLines(probe).length >= 20);
    expect(new Set(probeLines(probe))).toEqual(new Set([a.pid]));
    await a.call("stopJobs");
    // Handed over at once: the lease row is gone (or already b's), not left to run out.
    const lease = getDb().select().from(jobLeases).get();
    expect(lease?.holder ?? `:${b.pid}:`).toContain(`:${b.pid}:`);
    await eventually(() => probeLines(probe).includes(b.pid));
  });

  test("when the process running the jobs is killed, another takes them over", async () => {
    // b holds the lease now (previous test); a asks again.
    await a.call("startProbeJob", { probeFile: probe, leaseMs: 3_000 });
    const linesAtStart = probeLines(probe).length;
    await eventually(() => probeLines(probe).length >= linesAtStart + 20);
    expect(new Set(probeLines(probe).slice(linesAtStart))).toEqual(new Set([b.pid]));
    await b.kill("SIGKILL");
    const linesAtKill = probeLines(probe).length;
    await eventually(
      () =>
        probeLines(probe)
          .slice(linesAtKill)
          .filter((pid) => pid === a.pid).length >= 5,
    );
    expect(new Set(probeLines(probe).slice(linesAtKill))).toEqual(new Set([a.pid]));
  });
});
