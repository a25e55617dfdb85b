import type { LoaderFunctionArgs } from "@remix-run/node";
import { readMedia } from "#app/models/media.server.ts";

/** Uploaded photos: random, content-addressed names, so they can be cached for a year. */
export async function loader({ params }: LoaderFunctionArgs) {
  const bytes = readMedia(params.file ?? "");
  if (!bytes)
    return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
