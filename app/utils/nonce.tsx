import { createContext, useContext, type ReactNode } from "react";

/**
 * The per-request CSP nonce (made by the server for each response). Only the server render knows it;
 * in the browser the inline scripts already ran, so the context is empty there.
 */
const NonceContext = createContext<string | undefined>(undefined);

export function NonceProvider({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export const useNonce = () => useContext(NonceContext);
