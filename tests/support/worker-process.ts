/**
 * A second (third…) worker process for tests of several processes over one database (decision 031).
 * Run with `fork(this file, { execArgv: ["--import", "tsx"], env: { DATABASE_PATH } })`; it answers
 * each IPC message `{ id, cmd, ...args }` with `{ id, result }` or `{ id, error }`. It uses the same
 * model functions the app's workers use, on the same SQLite file as the test.
 */
import fs from "node:fs";
import { startBackgroundJobs, stopBackgroundJobs } from "#app/jobs.server.ts";
import { changeCart } from "#app/models/cart.server.ts";
import { placeOrder } from "#app/models/checkout.server.ts";
import { queueDueReminders } from "#app/models/reminders.server.ts";
import { hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { bumpIndexGeneration, indexGeneration } from "#search/generation.ts";
import { shippingDetails } from "./addresses.ts";

export const WORKER_SHIPPING = shippingDetails({
  email: "amina.okafor@example.com",
  name: "Amina Okafor",
  phone: "+234 803 555 0101",
  address: "12 Marina Road",
  city: "Lagos",
  postcode: "101001",
  country: "NG",
});

type Message = { id: number; cmd: string } & Record<string, unknown>;

const commands: Record<string, (m: Message) => unknown> = {
  /** `count` guests each put one unit of `productId` in a cart and check out; the placed order ids. */
  /**
   * `count` guests each put one unit of `productId` in a cart; at `startAt` (epoch ms, the same for
   * every process) they all check out, one after another; the placed order ids.
   */
  checkout: async ({ productId, count, startAt }) => {
    const owners = Array.from({ length: count as number }, (_, i) => ({ token: `worker-${process.pid}-${i}` }));
    for (const owner of owners) changeCart(owner, productId as number, 1, "add");
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (startAt as number) - Date.now())));
    const placed: number[] = [];
    for (const owner of owners) {
      const result = placeOrder({ owner, userId: null, shipping: WORKER_SHIPPING, locale: "zh", provider: "demo" });
      if (result.ok) placed.push(result.orderId);
    }
    return placed;
  },
  /** At `startAt` (epoch ms), runs the reminders job `runs` times with its clock at `at`; how many it queued. */
  queueReminders: async ({ at, startAt, runs }) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (startAt as number) - Date.now())));
    let queued = 0;
    for (let i = 0; i < (runs as number); i++) queued += queueDueReminders(new Date(at as number));
    return queued;
  },
  /**
   * Flash-sale race (decision 035): each buyer (a guest cart token and an email) puts `quantity` of
   * `productId` in a cart; at `startAt` they all check out; the placed order ids.
   */
  slotCheckout: async ({ productId, quantity, buyers, startAt }) => {
    const list = buyers as { token: string; email: string }[];
    for (const b of list) changeCart({ token: b.token }, productId as number, quantity as number, "add");
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (startAt as number) - Date.now())));
    const placed: number[] = [];
    for (const b of list) {
      const result = placeOrder({
        owner: { token: b.token },
        userId: null,
        shipping: { ...WORKER_SHIPPING, email: b.email },
        locale: "zh",
        provider: "demo",
      });
      if (result.ok) placed.push(result.orderId);
      // Let the other processes' checkouts in between (a real race, not one process's batch).
      await new Promise((resolve) => setImmediate(resolve));
    }
    return placed;
  },
  /** A job that writes this process's id to `probeFile` on every run. */
  startProbeJob: ({ probeFile, leaseMs }) => {
    startBackgroundJobs(
      [{ name: "probe", intervalMs: 50, run: () => fs.appendFileSync(probeFile as string, `${process.pid}\n`) }],
      { leaseMs: leaseMs as number },
    );
    return process.pid;
  },
  stopJobs: () => stopBackgroundJobs({ closeDatabase: false }).then(() => true),
  hit: ({ name, key, points, duration }) =>
    hitRateLimit(name as string, key as string, { points: points as number, duration: duration as number }),
  generation: () => indexGeneration(getDb()),
  bumpGeneration: () => bumpIndexGeneration(getDb()),
};

process.on("message", (message: Message) => {
  Promise.resolve()
    .then(() => commands[message.cmd]!(message))
    .then(
      (result) => process.send!({ id: message.id, result }),
      (error: unknown) => process.send!({ id: message.id, error: String(error) }),
    );
});
process.send!({ ready: process.pid });
