import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useContext } from "react";

/**
 * The visitor's own parts of a page (decision 039): who is signed in, how many items the cart holds
 * and which products are saved. They are not in any loader's data on a document, so the rest of a
 * catalog page — its HTML and its hydration data — is the same for every shopper and is rendered
 * once (server/page-cache.ts); these parts reach the page as the small `#personal-data` script that
 * the server writes per request, and React reads them from one context.
 */
export interface Personal {
  user: { email: string; role: string } | null;
  cartCount: number;
  /** The signed-in shopper's saved product ids (the hearts); empty for guests. */
  wishlist: number[];
  /** How many times the signed-in shopper claimed each voucher that has not ended, by voucher id. */
  vouchers: Record<string, number>;
}

export const NOBODY: Personal = { user: null, cartCount: 0, wishlist: [], vouchers: {} };

const PersonalContext = createContext<Personal>(NOBODY);

/** Set by app/entry.server.tsx (from the request) and app/entry.client.tsx (from the page's script). */
export const PersonalProvider = PersonalContext.Provider;

/**
 * The personal parts for this render. After an action, Remix revalidates the root loader, whose
 * `.data` answer carries them again (a fetcher's added item shows in the cart count); until then,
 * what the document came with.
 */
export function usePersonal(): Personal {
  const fromDocument = useContext(PersonalContext);
  const root = useRouteLoaderData<{ personal: Personal | null }>("root");
  return root?.personal ?? fromDocument;
}

export const PERSONAL_SCRIPT_ID = "personal-data";

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`). */
export function personalJson(personal: Personal): string {
  return JSON.stringify(personal).replace(/</g, "\\u003c");
}

/** The document's personal parts as data the client reads before hydrating (never executed). */
export function PersonalData() {
  const personal = useContext(PersonalContext);
  return (
    <script
      type="application/json"
      id={PERSONAL_SCRIPT_ID}
      // The server splices another visitor's parts into a shared page by replacing this element whole.
      dangerouslySetInnerHTML={{ __html: personalJson(personal) }}
    />
  );
}

/** In the browser: the personal parts the document was sent with. */
export function readPersonalData(): Personal {
  const text = document.getElementById(PERSONAL_SCRIPT_ID)?.textContent;
  if (!text) return NOBODY;
  try {
    return { ...NOBODY, ...(JSON.parse(text) as Partial<Personal>) };
  } catch {
    return NOBODY;
  }
}
