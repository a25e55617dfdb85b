import { pino, type DestinationStream, type Logger } from "pino";
import { remember } from "@epic-web/remember";

/**
 * Keys that never reach a log line, wherever they appear: credentials, session and cart cookies,
 * order-link tokens, and what a shopper typed into a password or address field.
 */
export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  "password",
  "token",
  "secret",
  "*.password",
  "*.token",
  "*.secret",
  "*.email",
  // Customs clearance (decision 026): the resident ID number, in plain or sealed, under any name.
  "customsId",
  "idNumber",
  "customsIdSealed",
  "*.customsId",
  "*.idNumber",
  "*.customsIdSealed",
  "*.customs",
];

/**
 * In tests a log line at error level goes through console.error, so the test set-up's rule "an
 * unexpected console.error fails the test" also covers errors the app logs; lower levels stay quiet.
 */
const testDestination: DestinationStream = {
  write(line: string) {
    const entry = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
    // eslint-disable-next-line no-console -- the test harness listens on console.error
    if (entry.level >= 50) console.error(`${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
  },
};

function createLogger(): Logger {
  const mode = process.env.NODE_ENV;
  const level = process.env.LOG_LEVEL ?? (mode === "test" ? "warn" : "info");
  const options = { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: undefined };
  if (mode === "test") return pino(options, testDestination);
  // A person at a terminal reads one coloured line per event; production, CI and anything piped
  // (a log collector) get JSON lines.
  if (mode !== "production" && process.stdout.isTTY && !process.env.CI) {
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { translateTime: "HH:MM:ss", ignore: "pid,hostname" } },
    });
  }
  return pino(options);
}

/** The process's logger: one JSON line per event in production, readable lines in development. */
export const logger: Logger = remember("logger", createLogger);

/** An error's message (never its stack outside development), for one log line. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
