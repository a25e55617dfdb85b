import crypto from "node:crypto";
import os from "node:os";
import { remember } from "@epic-web/remember";
import { sql } from "drizzle-orm";
import { deleteSpentTokens } from "#app/models/account-tokens.server.ts";
import { expireReservations } from "#app/models/checkout.server.ts";
import { purgeCustomsIds } from "#app/models/customs.server.ts";
import { sweepOrphanMedia } from "#app/models/media.server.ts";
import { expireImportJobs } from "#app/models/owner/import-export.server.ts";
import { sendDueNotifications } from "#app/models/notifications.server.ts";
import { sendDueRefunds } from "#app/models/refunds.server.ts";
import { queueDueReminders } from "#app/models/reminders.server.ts";
import { deleteExpiredSessions } from "#app/models/sessions.server.ts";
import { flushSearchLog } from "#app/models/search.server.ts";
import { closeDb, getDb } from "#app/utils/db.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { deleteExpiredRateLimits } from "#app/utils/rate-limit.server.ts";
import { enqueueFestivalBoundaries } from "#search/festival-boundaries.ts";
import { syncSearchOnce } from "#search/outbox.ts";

/** How often festival starts and ends are looked for: the bound on how stale a sorted price can be. */
export const FESTIVAL_BOUNDARY_INTERVAL_MS = 15_000;

/** How often due reminders are looked for. */
export const REMINDER_JOB_INTERVAL_MS = 30_000;

/** A piece of background work run every `intervalMs`, never twice at once. */
export interface BackgroundJob {
  name: string;
  intervalMs: number;
  run: () => void | Promise<void>;
  /**
   * Runs in every worker process because its work is that process's own (a buffer in its memory).
   * Every other job runs only in the process holding the jobs lease: exactly one place at a time.
   */
  everyProcess?: boolean;
}

/** How long the jobs lease lasts unrenewed: a killed holder is replaced within this time. */
export const JOB_LEASE_MS = 10_000;
const LEASE_NAME = "background-jobs";

/**
 * The process's background work, in one list: later features add their job here. Each job reports
 * a failure once per distinct message (an outage of Meilisearch is one line, not one per tick).
 */
export function backgroundJobs(): BackgroundJob[] {
  return [
    { name: "search-sync", intervalMs: 500, run: () => syncSearchOnce(getDb()).then(throwIfError) },
    // Unpaid checkouts give their stock back when their reservation runs out.
    { name: "reservation-expiry", intervalMs: 60_000, run: () => void expireReservations() },
    // Refunds the payment provider has not accepted yet (it was unreachable) are sent again, with backoff.
    { name: "refund-sender", intervalMs: 5_000, run: () => sendDueRefunds().then(() => undefined) },
    // Image files nothing refers to any more (a failed or outraced upload, a crash) are removed after an hour.
    { name: "media-orphans", intervalMs: 10 * 60_000, run: () => void sweepOrphanMedia() },
    // CSV import jobs not confirmed in time expire; their rows and files are deleted (decision 029).
    { name: "import-expiry", intervalMs: 10 * 60_000, run: () => expireImportJobs().then(() => undefined) },
    // Expired sign-in sessions are deleted (they already sign nobody in; decision 018).
    { name: "session-purge", intervalMs: 60 * 60_000, run: () => void deleteExpiredSessions() },
    // Verification and reset links used or expired over a day ago are deleted (decision 022).
    { name: "account-token-purge", intervalMs: 60 * 60_000, run: () => void deleteSpentTokens() },
    // Rate-limit counters whose window has ended count as none already; they are dropped (decision 020).
    { name: "rate-limit-purge", intervalMs: 10 * 60_000, run: () => void deleteExpiredRateLimits() },
    // Email waiting in the notifications outbox is sent, with retries and backoff (decision 021).
    { name: "mail-sender", intervalMs: 2_000, run: () => sendDueNotifications().then(() => undefined) },
    // Customs ID numbers of orders finished 30 days ago are deleted (decision 026).
    { name: "customs-id-purge", intervalMs: 60 * 60_000, run: () => void purgeCustomsIds() },
    // Shoppers' searches are written in batches, at most a second late.
    { name: "search-log-flush", intervalMs: 1_000, run: flushSearchLog, everyProcess: true },
    // Festivals starting or ending change the prices search sorts on: their products are re-sent
    // through the outbox, at most this long after the boundary (decision 015).
    {
      name: "festival-boundaries",
      intervalMs: FESTIVAL_BOUNDARY_INTERVAL_MS,
      run: () => void enqueueFestivalBoundaries(getDb()),
    },
    // "Remind me": reminders due now get their email queued in the outbox, once (decision 036).
    // Every 30 s: an email goes out between 10 and 9.5 minutes before the start.
    { name: "reminders", intervalMs: REMINDER_JOB_INTERVAL_MS, run: () => void queueDueReminders() },
  ];
}

function throwIfError(error: string | undefined) {
  if (error) throw new Error(error);
}

interface RunningJob {
  timer: NodeJS.Timeout;
  inFlight: Promise<void> | null;
  lastError?: string;
}

const state = remember("backgroundJobs", () => ({
  running: new Map<string, RunningJob>(),
  /** This process's name in the lease table. */
  holder: `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`,
  leaseMs: JOB_LEASE_MS,
  /** Until when (real time) this process may run the leased jobs; 0 when it does not hold the lease. */
  leaseUntil: 0,
  leaseTimer: undefined as NodeJS.Timeout | undefined,
}));

/**
 * Starts every background job once per process (a second call is a no-op). Several worker
 * processes may each call this (decision 031): they all keep trying to take the jobs lease, and
 * only the holder runs the jobs that are not `everyProcess`.
 */
export function startBackgroundJobs(jobs: BackgroundJob[] = backgroundJobs(), options: { leaseMs?: number } = {}) {
  if (!state.leaseTimer) {
    state.leaseMs = options.leaseMs ?? JOB_LEASE_MS;
    renewJobLease();
    // Renewed well before it runs out, so a busy event loop does not lose it; and tried every 2 s at
    // most by the others, so a lease handed over on shutdown is taken up within seconds.
    state.leaseTimer = setInterval(renewJobLease, Math.max(50, Math.min(2_000, Math.floor(state.leaseMs / 4))));
    state.leaseTimer.unref();
  }
  for (const job of jobs) {
    if (state.running.has(job.name)) continue;
    const running: RunningJob = { timer: setInterval(() => tick(job, running), job.intervalMs), inFlight: null };
    running.timer.unref();
    state.running.set(job.name, running);
  }
}

/**
 * Takes the lease when it is free or expired, renews it when this process holds it. One
 * conditional upsert, so two processes can never both believe they hold it: SQLite serialises the
 * writes and only one of them changes the row.
 */
function renewJobLease() {
  const at = Date.now();
  try {
    const { changes } = getDb().run(
      sql`INSERT INTO job_leases (name, holder, expires_at) VALUES (${LEASE_NAME}, ${state.holder}, ${at + state.leaseMs})
          ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
          WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= ${at}`,
    );
    const held = changes === 1;
    if (held && state.leaseUntil === 0) logger.info({ holder: state.holder }, "this process runs the background jobs");
    if (!held && state.leaseUntil !== 0) logger.warn({ holder: state.holder }, "background jobs lease lost");
    // A margin under the written expiry: by the time another process may take over, this one has stopped.
    state.leaseUntil = held ? at + Math.floor(state.leaseMs / 2) : 0;
  } catch (error) {
    // A busy or closed database: keep the lease until it runs out on its own, then stop.
    logger.warn(`jobs lease: ${errorMessage(error)}`);
  }
}

/** Whether this process currently runs the leased jobs. */
export const holdsJobLease = () => Date.now() < state.leaseUntil;

function tick(job: BackgroundJob, running: RunningJob) {
  if (running.inFlight) return;
  if (!job.everyProcess && !holdsJobLease()) return;
  running.inFlight = (async () => {
    try {
      await job.run();
      if (running.lastError) logger.info({ job: job.name }, "background job recovered");
      running.lastError = undefined;
    } catch (error) {
      const message = errorMessage(error);
      if (message !== running.lastError)
        logger.warn({ job: job.name }, `background job failed, will retry: ${message}`);
      running.lastError = message;
    } finally {
      running.inFlight = null;
    }
  })();
}

/**
 * Stops the timers, waits for work already under way, writes what is buffered, then closes SQLite.
 * Called on SIGTERM/SIGINT, after the HTTP server has stopped taking requests.
 */
export async function stopBackgroundJobs({ closeDatabase = true } = {}) {
  const running = [...state.running.values()];
  for (const job of running) clearInterval(job.timer);
  state.running.clear();
  clearInterval(state.leaseTimer);
  state.leaseTimer = undefined;
  await Promise.allSettled(running.map((job) => job.inFlight));
  try {
    flushSearchLog();
    // Handed over at once rather than when it runs out: another worker takes the jobs on its next renewal.
    if (state.leaseUntil !== 0)
      getDb().run(sql`DELETE FROM job_leases WHERE name = ${LEASE_NAME} AND holder = ${state.holder}`);
    state.leaseUntil = 0;
  } finally {
    if (closeDatabase) closeDb();
  }
}

export const runningJobNames = () => [...state.running.keys()];
