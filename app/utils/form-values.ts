/** Small readers for the organizer console's button forms (each carries an `intent` and ids). */
export function formInt(form: FormData, name: string): number | null {
  const value = form.get(name);
  return typeof value === "string" && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** "12.50" (US dollars) → 1250; null for anything that is not a plain positive amount. */
export function dollarsToCents(value: string): number | null {
  const v = value.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(v)) return null;
  return Math.round(Number(v) * 100);
}
