import { createCookie } from "@remix-run/node";
import type { Locale } from "#app/i18n/locales.ts";
import { isCountryCode } from "#app/models/shipping/zones.ts";
import { loadEnv } from "./env.server.ts";

/**
 * Where the shopper ships to before the address is known, and which shipping option they chose per
 * store: a small preference cookie (not a secret; read defensively), kept 90 days.
 */
export interface DeliveryPrefs {
  destination: string;
  /** store id → shipping profile id */
  choices: Map<number, number>;
}

let cookie: ReturnType<typeof createCookie> | undefined;
function deliveryCookie() {
  cookie ??= createCookie("__ship", {
    httpOnly: true,
    sameSite: "lax",
    secure: loadEnv().NODE_ENV === "production",
    path: "/",
    maxAge: 60 * 60 * 24 * 90,
  });
  return cookie;
}

/** Chinese pages ship to mainland China until told otherwise, French pages to France, English to the US. */
export const DEFAULT_DESTINATION: Record<Locale, string> = { zh: "CN", fr: "FR", en: "US" };

export async function readDeliveryPrefs(request: Request, locale: Locale): Promise<DeliveryPrefs> {
  const value: unknown = await deliveryCookie()
    .parse(request.headers.get("Cookie"))
    .catch(() => null);
  const raw = (value && typeof value === "object" ? value : {}) as { d?: unknown; c?: unknown };
  const destination = typeof raw.d === "string" && isCountryCode(raw.d) ? raw.d : DEFAULT_DESTINATION[locale];
  const choices = new Map<number, number>();
  if (raw.c && typeof raw.c === "object")
    for (const [store, profile] of Object.entries(raw.c as Record<string, unknown>).slice(0, 50)) {
      const s = Number(store);
      if (Number.isSafeInteger(s) && s > 0 && typeof profile === "number" && Number.isSafeInteger(profile))
        choices.set(s, profile);
    }
  return { destination, choices };
}

export function writeDeliveryPrefs(prefs: DeliveryPrefs): Promise<string> {
  return deliveryCookie().serialize({ d: prefs.destination, c: Object.fromEntries(prefs.choices) });
}
