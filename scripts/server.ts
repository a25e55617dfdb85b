import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { isSameOrigin } from "#app/utils/csrf.ts";

/** Serves the production build: hashed assets cached forever, everything else through Remix. */
export async function startServer({ port, buildDir }: { port: number; buildDir: string }) {
  const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // CSRF: state-changing requests only from our own pages (signed webhooks will be exempted by path).
  app.use((req, res, next) => {
    const origin = req.get("origin");
    const referer = req.get("referer");
    if (req.path.startsWith("/webhooks/") || isSameOrigin({ method: req.method, origin, referer, host: req.get("host"), publicUrl: process.env.PUBLIC_URL })) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  });
  app.use(compression());
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h", index: false }));
  app.set("trust proxy", "loopback");
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }) }));

  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(port, () => resolve(s));
    s.once("error", reject);
  });
  const shutdown = () => server.close(() => process.exit(0));
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}
