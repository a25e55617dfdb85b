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

/** Only same-site paths: "/account" yes; "//evil.com", "https://evil.com", "/\\evil.com" no. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (
    typeof to !== "string" ||
    !to.startsWith("/") ||
    to.startsWith("//") ||
    to.startsWith("/\\") ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
    /[\u0000-\u001f]/.test(to)
  )
    return fallback;
  return to;
}
