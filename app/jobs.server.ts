import { remember } from "@epic-web/remember";
import { deleteSpentTokens } from "#app/models/account-tokens.server.ts";
import { expireReservations } from "#app/models/checkout.server.ts";
import { sweepOrphanMedia } from "#app/models/media.server.ts";
import { expireImportJobs } from "#app/models/owner/import-export.server.ts";
import { sendDueNotifications } from "#app/models/notifications.server.ts";
import { sendDueRefunds } from "#app/models/refunds.server.ts";
import { deleteExpiredSessions } from "#app/models/sessions.server.ts";
import { flushSearchLog } from "#app/models/search.server.ts";
import { closeDb, getDb } from "#app/utils/db.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { deleteExpiredRateLimits } from "#app/utils/rate-limit.server.ts";
import { enqueueFestivalBoundaries } from "#search/festival-boundaries.ts";
import { syncSearchOnce } from "#search/outbox.ts";

/** How often festival starts and ends are looked for: the bound on how stale a sorted price can be. */
export const FESTIVAL_BOUNDARY_INTERVAL_MS = 15_000;

/** A piece of background work run every `intervalMs`, never twice at once. */
export interface BackgroundJob {
  name: string;
  intervalMs: number;
  run: () => void | Promise<void>;
}

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
    // Shoppers' searches are written in batches, at most a second late.
    { name: "search-log-flush", intervalMs: 1_000, run: flushSearchLog },
    // Festivals starting or ending change the prices search sorts on: their products are re-sent
    // through the outbox, at most this long after the boundary (decision 015).
    {
      name: "festival-boundaries",
      intervalMs: FESTIVAL_BOUNDARY_INTERVAL_MS,
      run: () => void enqueueFestivalBoundaries(getDb()),
    },
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

const state = remember("backgroundJobs", () => ({ running: new Map<string, RunningJob>() }));

/** Starts every background job once per process (a second call is a no-op). */
export function startBackgroundJobs(jobs: BackgroundJob[] = backgroundJobs()) {
  for (const job of jobs) {
    if (state.running.has(job.name)) continue;
    const running: RunningJob = { timer: setInterval(() => tick(job, running), job.intervalMs), inFlight: null };
    running.timer.unref();
    state.running.set(job.name, running);
  }
}

function tick(job: BackgroundJob, running: RunningJob) {
  if (running.inFlight) return;
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
  await Promise.allSettled(running.map((job) => job.inFlight));
  try {
    flushSearchLog();
  } finally {
    if (closeDatabase) closeDb();
  }
}

export const runningJobNames = () => [...state.running.keys()];
