import type { LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { notFound } from "#app/utils/http.server.ts";

/** Any path no other route claims: a translated 404 page, in the language of the URL's prefix. */
export async function loader(_: LoaderFunctionArgs) {
  notFound();
}

export default function CatchAll() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
