import { loadEnv } from "./env.server.ts";
import { notFound } from "./http.server.ts";

/**
 * The local mailbox (/dev/mail) is a developer tool: 404 when NODE_ENV is production. In a
 * .server module because a route may export only Remix's own functions beside server code (the
 * client build refuses a route exporting a helper that reaches env.server.ts).
 */
export function requireDevMailbox() {
  if (loadEnv().NODE_ENV === "production") notFound();
}
