import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";

const appDirectory = path.resolve(import.meta.dirname, "../../app");
let routes: AgnosticRouteObject[] | undefined;

/**
 * The route module a URL path opens, by the app's own file-name conventions (app/routes.ts uses
 * flatRoutes): "routes/($lang).account.verify" for "/zh/account/verify". A link in an email "works
 * when followed" only if it lands on the route the test then calls, not on the catch-all 404.
 */
export function routeIdFor(urlPath: string): string | undefined {
  if (!routes) {
    const manifest = Object.values(flatRoutes(appDirectory));
    const children = (parentId: string): AgnosticRouteObject[] =>
      manifest
        .filter((r) => (r.parentId ?? "root") === parentId)
        .map((r) => (r.index ? { id: r.id, index: true } : { id: r.id, path: r.path, children: children(r.id) }));
    routes = [{ id: "root", path: "", children: children("root") }];
  }
  return matchRoutes(routes, urlPath)?.at(-1)?.route.id;
}
