/** Joins class names, skipping empty ones (Prettier's Tailwind plugin sorts classes inside `cn()`). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
