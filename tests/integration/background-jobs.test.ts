import { afterEach, describe, expect, test } from "vitest";
import { backgroundJobs, runningJobNames, startBackgroundJobs, stopBackgroundJobs } from "#app/jobs.server.ts";

afterEach(() => stopBackgroundJobs({ closeDatabase: false }));

describe("background jobs", () => {
  test("the process's jobs are listed in one place", () => {
    expect(backgroundJobs().map((job) => job.name)).toEqual([
      "search-sync",
      "reservation-expiry",
      "refund-sender",
      "media-orphans",
      "import-expiry",
      "session-purge",
      "account-token-purge",
      "rate-limit-purge",
      "mail-sender",
      "customs-id-purge",
      "search-log-flush",
      "festival-boundaries",
      "reminders",
    ]);
  });

  test("start once per process; stop waits for a run under way to finish", async () => {
    let release!: () => void;
    let finished = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const job = {
      name: "slow",
      intervalMs: 5,
      run: async () => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
      },
    };
    startBackgroundJobs([job]);
    startBackgroundJobs([job]);
    expect(runningJobNames()).toEqual(["slow"]);
    await running;
    const stopped = stopBackgroundJobs({ closeDatabase: false }).then(() => finished);
    release();
    expect(await stopped).toBe(true);
    expect(runningJobNames()).toEqual([]);
  });

  test("a failing job keeps running (it retries on the next tick) and never runs twice at once", async () => {
    let calls = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    await new Promise<void>((resolve) => {
      startBackgroundJobs([
        {
          name: "flaky",
          intervalMs: 2,
          run: async () => {
            concurrent += 1;
            maxConcurrent = Math.max(maxConcurrent, concurrent);
            calls += 1;
            await new Promise((r) => setTimeout(r, 10));
            concurrent -= 1;
            if (calls >= 3) resolve();
            throw new Error("search server away");
          },
        },
      ]);
    });
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(maxConcurrent).toBe(1);
  });
});
