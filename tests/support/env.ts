import { afterAll, beforeAll } from "vitest";
import { resetStripeClient } from "#app/models/payments.server.ts";
import { resetEnv } from "#app/utils/env.server.ts";

/** Re-reads the environment with these variables set (undefined deletes one); restores afterwards. */
export function setEnv(overrides: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnv();
  resetStripeClient();
}

/** For a whole test file: these variables while it runs. */
export function useEnv(overrides: Record<string, string | undefined>) {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const key of Object.keys(overrides)) saved[key] = process.env[key];
    setEnv(overrides);
  });
  afterAll(() => setEnv(saved));
}
