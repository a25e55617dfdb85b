import { remember } from "@epic-web/remember";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** DEV-ONLY key for personal data outside production: public, so it protects nothing real. */
export const DEV_ONLY_PII_KEYS = "dev:ZGV2LW9ubHktcGlpLWtleS1ub3QtZm9yLXJlYWwhISE=";

const PORT_RULE = "must be a whole number from 1 to 65535";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ error: PORT_RULE })
      .int({ error: PORT_RULE })
      .min(1, { error: PORT_RULE })
      .max(65535, { error: PORT_RULE })
      .default(3000),
    DATABASE_PATH: z.string().min(1).default("data/market.db"),
    MEILI_HOST: z.url().optional(),
    MEILI_MASTER_KEY: z.string().optional(),
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9_]*$/, "must contain only a-z, 0-9 and _")
      .default(""),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /** Payment methods offered in Stripe Checkout, comma-separated (those the Stripe account supports). */
    STRIPE_PAYMENT_METHODS: z
      .string()
      .regex(
        /^(card|alipay|wechat_pay)(,(card|alipay|wechat_pay))*$/,
        "must be a comma-separated list of card, alipay, wechat_pay",
      )
      .default("card"),
    /** Requests per minute per client address on /api/search (0 turns the limit off, e.g. for benchmarks). */
    API_SEARCH_RATE_LIMIT: z.coerce
      .number({ error: "must be a whole number from 0" })
      .int({ error: "must be a whole number from 0" })
      .min(0, { error: "must be a whole number from 0" })
      .default(600),
    /** How long a search waits for Meilisearch before it answers from SQLite instead. */
    SEARCH_TIMEOUT_MS: z.coerce
      .number({ error: "must be a whole number of milliseconds from 50 to 60000" })
      .int({ error: "must be a whole number of milliseconds from 50 to 60000" })
      .min(50, { error: "must be a whole number of milliseconds from 50 to 60000" })
      .max(60_000, { error: "must be a whole number of milliseconds from 50 to 60000" })
      .default(300),
    /** How long an unpaid checkout holds its stock. */
    CHECKOUT_RESERVATION_MINUTES: z.coerce
      .number({ error: "must be a whole number of minutes from 1 to 1440" })
      .int({ error: "must be a whole number of minutes from 1 to 1440" })
      .min(1, { error: "must be a whole number of minutes from 1 to 1440" })
      .max(1440, { error: "must be a whole number of minutes from 1 to 1440" })
      .default(30),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /**
     * Worker processes `npm start` runs over the one database (node:cluster, decision 031). Unset: the
     * number of cores when NODE_ENV=production, 1 otherwise. `npm run dev` always runs one.
     */
    WEB_CONCURRENCY: z.coerce
      .number({ error: "must be a whole number from 1 to 64" })
      .int({ error: "must be a whole number from 1 to 64" })
      .min(1, { error: "must be a whole number from 1 to 64" })
      .max(64, { error: "must be a whole number from 1 to 64" })
      .optional(),
    /**
     * Keys for personal data encrypted at rest (customs ID numbers; decision 026): comma-separated
     * `id:base64` pairs of 32-byte keys, the first encrypting, all decrypting. Required in production;
     * elsewhere a fixed DEV-ONLY key is used (it is public in this file: never use it for real data).
     */
    PII_KEYS: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=)*$/, {
        error: "must be comma-separated id:base64 pairs of 32-byte keys",
      })
      .optional(),
    /** Where email goes (smtp:// or smtps://user:pass@host:port); unset: the local mailbox under data/mail, shown at /dev/mail. */
    SMTP_URL: z
      .string()
      .refine((u) => /^smtps?:\/\/[^\s]+$/.test(u), { error: "must be an smtp:// or smtps:// URL" })
      .optional(),
    /** The From of every email. */
    MAIL_FROM: z.string().min(3).default("Silk Road Market <market@silkroad.localhost>"),
    /** The canonical origin (scheme, host, port) of every absolute URL; required in production. */
    PUBLIC_URL: z
      .url()
      .refine((u) => /^https?:\/\/[^/]+\/?$/.test(u), { error: "must be an origin such as https://market.example" })
      .optional(),
    /**
     * Extra Host values accepted besides PUBLIC_URL's (comma-separated host[:port]); without either,
     * the loopback names with the server's port. Any other Host is refused with 400 before routing.
     */
    ALLOWED_HOSTS: z.string().optional(),
    /**
     * Which proxies' X-Forwarded-For (and -Proto) to believe: a hop count ("1" behind one load
     * balancer) or comma-separated addresses/subnets. Unset: none — the client address is the peer's.
     */
    TRUST_PROXY: z.string().optional(),
    /** Requests handled at once beyond which new ones get 503 + Retry-After (load shedding; 0 = off). */
    MAX_IN_FLIGHT: z.coerce
      .number({ error: "must be a whole number from 0 to 100000" })
      .int({ error: "must be a whole number from 0 to 100000" })
      .min(0, { error: "must be a whole number from 0 to 100000" })
      .max(100_000, { error: "must be a whole number from 0 to 100000" })
      .default(64),
    /**
     * Event-loop delay (p99 over a second, ms) beyond which new requests are shed (0 = off, the
     * default: on a shared or throttled machine a slow render would shed healthy traffic).
     */
    MAX_EVENT_LOOP_LAG_MS: z.coerce
      .number({ error: "must be a whole number of milliseconds from 0 to 60000" })
      .int({ error: "must be a whole number of milliseconds from 0 to 60000" })
      .min(0, { error: "must be a whole number of milliseconds from 0 to 60000" })
      .max(60_000, { error: "must be a whole number of milliseconds from 0 to 60000" })
      .default(0),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && !env.PII_KEYS) {
      ctx.addIssue({ code: "custom", path: ["PII_KEYS"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && env.PII_KEYS?.includes(DEV_ONLY_PII_KEYS)) {
      ctx.addIssue({ code: "custom", path: ["PII_KEYS"], message: "must not use the development key in production" });
    }
    if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "is required in production" });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "is required when STRIPE_SECRET_KEY is set",
      });
    }
  });

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string; PII_KEYS: string };

export class EnvError extends Error {}

/** Empty strings count as unset, so `PORT= npm start` behaves like no PORT at all. */
function cleaned(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

/**
 * Parses the environment once. A bad value throws an EnvError whose message is one readable line
 * ("Invalid environment: PORT must be ...") that start-up prints instead of a stack trace.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(cleaned(source));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")} ${describe(i)}`);
    throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
  }
  const env = result.data;
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? devSessionSecret(env.DATABASE_PATH),
    PII_KEYS: env.PII_KEYS ?? DEV_ONLY_PII_KEYS,
  };
}

function describe(issue: z.core.$ZodIssue): string {
  const message = issue.message;
  return message.startsWith("is ") || message.startsWith("must ") ? message : `is invalid (${message.toLowerCase()})`;
}

/** Outside production, a random secret is generated once and kept beside the database under data/. */
function devSessionSecret(databasePath: string): string {
  const file = path.join(path.dirname(path.resolve(databasePath)), "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * Stripe when a key is configured; otherwise the local demo provider — except in production (the
 * operator's NODE_ENV), where checkout is unavailable rather than pretending to take money.
 */
export function paymentMode(env: Env = loadEnv()): "stripe" | "demo" | "unavailable" {
  if (env.STRIPE_SECRET_KEY) return "stripe";
  return env.NODE_ENV === "production" ? "unavailable" : "demo";
}

// Process-wide: the server script validates the environment before it loads the app build, which
// bundles its own copy of this module; both must see the same values.
const envHolder = remember("env", () => ({ env: undefined as Env | undefined }));

/** Forget the parsed environment so the next loadEnv() reads process.env again (tests). */
export function resetEnv() {
  envHolder.env = undefined;
}

/** The validated environment for the running process; exits with one line on a bad value. */
export function loadEnv(): Env {
  if (envHolder.env) return envHolder.env;
  try {
    envHolder.env = parseEnv();
    return envHolder.env;
  } catch (error) {
    if (error instanceof EnvError) {
      // Before any logger exists: one plain line for the operator.
      // eslint-disable-next-line no-console
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
