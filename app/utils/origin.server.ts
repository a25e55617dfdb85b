import { loadEnv } from "./env.server.ts";

/** Absolute URLs: the configured public URL, else the request's own origin. */
export function publicOrigin(request: Request): string {
  return loadEnv().PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
}
