import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOwner } from "#app/models/access.server.ts";
import { exportListings } from "#app/models/owner/import-export.server.ts";
import { toCsv } from "#app/utils/csv.ts";

/** GET /sell/export.csv — the owner's listings in the import format (UTF-8 with BOM, so spreadsheets read Chinese). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { store } = requireOwner({ request, context });
  const rows = exportListings(store);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="listings.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
