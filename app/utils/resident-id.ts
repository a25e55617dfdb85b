/**
 * Mainland China resident identity card numbers (GB 11643-1999): 6-digit region code, 8-digit
 * birth date (YYYYMMDD), 3-digit sequence, and a check character computed with ISO 7064 MOD 11-2
 * (0-9 or X). Pure and client-safe; the number itself is handled only as described in decision 026.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** The check character (0-9 or X) for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Upper-cases a trailing x and drops spaces, as people type it. */
export function normalizeResidentId(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

export type ResidentIdProblem = "length" | "format" | "region" | "birthDate" | "checkDigit";

/**
 * Why a (normalized) number is not a valid resident ID, or null when it is. `today` bounds the
 * birth date (not in the future, not before 1900).
 */
export function residentIdProblem(id: string, today: Date = new Date()): ResidentIdProblem | null {
  if (id.length !== 18) return "length";
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  if (!/^[1-8]\d{5}$/.test(id.slice(0, 6))) return "region";
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day ||
    birth.getTime() > today.getTime()
  )
    return "birthDate";
  if (residentIdCheckChar(id) !== id[17]) return "checkDigit";
  return null;
}

export const isValidResidentId = (id: string, today?: Date) =>
  residentIdProblem(normalizeResidentId(id), today) === null;

/** First four and last four characters, the rest as stars: 3101**********123X. */
export function maskResidentId(id: string): string {
  if (id.length <= 8) return "*".repeat(id.length);
  return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}
