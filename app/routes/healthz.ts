import { getDatabaseHealth } from "#app/models/health.server.ts";

/** Liveness and database state for operators and load balancers; never cached. */
export async function loader() {
  const db = getDatabaseHealth();
  return Response.json(
    { status: db.ok ? "ok" : "error", db },
    { status: db.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
