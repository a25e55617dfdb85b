import type { LoaderFunctionArgs } from "@remix-run/node";

type Loader<T> = (args: LoaderFunctionArgs) => Promise<T>;

/** Runs a route loader as Remix would for `path` (query string included) with the route's params. */
export function runLoader<T>(loader: Loader<T>, path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const request = new Request(new URL(path, "http://localhost:3000"));
  return loader({ request, params: params as LoaderFunctionArgs["params"], context: {} });
}

/** The Response a loader threw (404s, redirects); fails when the loader returned normally. */
export async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected the loader to throw a Response");
}
