import { createCookie } from "@remix-run/node";
import type { VoucherChoice } from "#app/models/vouchers/combine.ts";
import { loadEnv } from "./env.server.ts";

/**
 * The vouchers the shopper chose in the cart (decision 034), like the delivery preferences: a small
 * cookie read defensively. Per store and for the festival: a voucher id, 0 for none; absent: choose
 * the best for me.
 */
let cookie: ReturnType<typeof createCookie> | undefined;
function voucherCookie() {
  cookie ??= createCookie("__vch", {
    httpOnly: true,
    sameSite: "lax",
    secure: loadEnv().NODE_ENV === "production",
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
  return cookie;
}

const id = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : undefined);

export async function readVoucherChoice(request: Request): Promise<VoucherChoice> {
  const value: unknown = await voucherCookie()
    .parse(request.headers.get("Cookie"))
    .catch(() => null);
  const raw = (value && typeof value === "object" ? value : {}) as { s?: unknown; f?: unknown };
  const stores = new Map<number, number | null>();
  if (raw.s && typeof raw.s === "object")
    for (const [store, voucher] of Object.entries(raw.s as Record<string, unknown>).slice(0, 30)) {
      const s = Number(store);
      const v = id(voucher);
      if (Number.isSafeInteger(s) && s > 0 && v !== undefined) stores.set(s, v === 0 ? null : v);
    }
  const f = id(raw.f);
  return { stores, ...(f === undefined ? {} : { festival: f === 0 ? null : f }) };
}

export function writeVoucherChoice(choice: VoucherChoice): Promise<string> {
  const s: Record<string, number> = {};
  for (const [store, voucher] of choice.stores ?? []) s[String(store)] = voucher ?? 0;
  return voucherCookie().serialize({
    s,
    ...(choice.festival === undefined ? {} : { f: choice.festival ?? 0 }),
  });
}
