/**
 * Password rules, shared by sign-up and (later) password change. Pure, so the same rules can be
 * unit-tested and shown to the user before a round trip.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** A short list of the passwords attackers try first; long enough to stop the obvious ones. */
const COMMON = new Set(
  [
    "password",
    "password1",
    "password123",
    "passw0rd",
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "qwerty",
    "qwertyuiop",
    "qwerty123",
    "abc123",
    "111111",
    "000000",
    "iloveyou",
    "admin",
    "admin123",
    "welcome",
    "welcome1",
    "letmein",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "sunshine",
    "princess",
    "starwars",
    "whatever",
    "trustno1",
    "superman",
    "1q2w3e4r",
    "1qaz2wsx",
    "zaq12wsx",
    "asdfghjkl",
    "987654321",
    "11111111",
    "88888888",
    "66666666",
    "woaini1314",
    "a123456789",
    "silkroad",
    "silkroad123",
    "silkroadmarket",
    "changeme",
    "changeme123",
    "passwordpassword",
    "aaaaaaaaaa",
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "sameAsEmail";

export function passwordProblem(password: string, email = ""): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return "tooShort";
  if (password.length > PASSWORD_MAX) return "tooLong";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return "common";
  if (email && lower === email.trim().toLowerCase()) return "sameAsEmail";
  return null;
}

/**
 * Only same-site paths: "/account" yes; "//evil.com", "https://evil.com", "/\\evil.com" no.
 * Characters a Location header cannot carry (Chinese, emoji, U+2028, any non-ASCII or a space) are
 * percent-encoded as UTF-8, as encodeURI would, leaving "%", "?", "#" and the rest of ASCII alone,
 * so "/搜索" becomes "/%E6%90%9C%E7%B4%A2" instead of a 500 after a correct password. Control
 * characters (C0, DEL, C1) and broken surrogate pairs give the fallback.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (
    typeof to !== "string" ||
    !to.startsWith("/") ||
    to.startsWith("//") ||
    to.startsWith("/\\") ||
    /[\p{Cc}\p{Cs}]/u.test(to)
  )
    return fallback;
  const encoded = to.replace(/[^\x21-\x7e]+/gu, (run) => encodeURIComponent(run));
  // Still a path on this site once a browser resolves it.
  const base = "http://localhost";
  return new URL(encoded, base).origin === base ? encoded : fallback;
}
