import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import type express from "express";

/**
 * Load shedding (issue #13, decision 019): past a bound on requests in flight or on event-loop delay,
 * a page or API request is answered 503 with Retry-After at once, before any rendering, instead of
 * queueing for seconds and being cut off half-rendered. `/healthz` and static assets are always
 * served, so a load balancer can tell "busy" from "down".
 */
export interface SheddingOptions {
  /** Requests being handled at once beyond which new ones are shed. */
  maxInFlight: number;
  /** Event-loop delay (p99 over the last sample, ms) beyond which new requests are shed. */
  maxLagMs: number;
  /** Seconds a shed client is asked to wait. */
  retryAfterSeconds?: number;
  /** How often the event-loop delay is sampled (ms); the bound applies to the last sample. */
  sampleMs?: number;
}

const ALWAYS_SERVED = /^\/(healthz$|assets\/|favicon|robots\.txt$)/;

export function loadShedder({ maxInFlight, maxLagMs, retryAfterSeconds = 2, sampleMs = 1_000 }: SheddingOptions) {
  let inFlight = 0;
  let lag: IntervalHistogram | null = null;
  let lagP99 = 0;
  let timer: NodeJS.Timeout | null = null;
  if (maxLagMs > 0) {
    lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    timer = setInterval(() => {
      lagP99 = lag!.percentile(99) / 1e6;
      lag!.reset();
    }, sampleMs);
    timer.unref();
  }
  const middleware: express.RequestHandler = (req, res, next) => {
    if (ALWAYS_SERVED.test(req.path)) return next();
    if ((maxInFlight > 0 && inFlight >= maxInFlight) || (maxLagMs > 0 && lagP99 > maxLagMs)) {
      res.status(503).set({ "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" });
      return res.type("text/plain").send("The marketplace is very busy; please try again in a moment.");
    }
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
    };
    res.on("finish", finish);
    res.on("close", finish);
    next();
  };
  return {
    middleware,
    inFlight: () => inFlight,
    stop: () => {
      if (timer) clearInterval(timer);
      lag?.disable();
    },
  };
}
