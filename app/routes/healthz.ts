import { getDatabaseHealth } from "#app/models/health.server.ts";
import { getSearchHealth } from "#app/models/search.server.ts";

/**
 * Liveness for operators and load balancers; never cached. Search being down is "degraded", not an
 * error: the SQLite fallback still answers.
 */
export async function loader() {
  const db = getDatabaseHealth();
  const search = db.ok ? await getSearchHealth() : null;
  const status = !db.ok ? "error" : search?.reachable ? "ok" : "degraded";
  return Response.json({ status, db, search }, { status: db.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
