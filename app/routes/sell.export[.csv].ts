import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportListings } from "#app/models/owner.server.ts";
import { requireOwner } from "#app/utils/auth.server.ts";
import { toCsv } from "#app/utils/csv.ts";

/** GET /sell/export.csv — the owner's listings in the import format (UTF-8 with BOM, so spreadsheets read Chinese). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOwner(request, "en");
  const rows = exportListings(user)!;
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="listings.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
