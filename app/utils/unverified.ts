/**
 * The body of the 403 an owner or organizer gets for acting before their address is verified
 * (decision 022). Shared by the gate (app/models/access.server.ts) and the error view, which
 * explains it in the visitor's language instead of a plain "access denied".
 */
export const UNVERIFIED = "email-unverified";
