/** A small swatch of a country's flag colours (decorative; the name is always written beside it). */
export function FlagStripes({ colors }: { colors: string[] }) {
  return (
    <span aria-hidden="true" className="flex h-6 w-9 shrink-0 overflow-hidden rounded-sm border border-stone-200">
      {colors.slice(0, 4).map((c, i) => (
        <span key={i} className="h-full flex-1" style={{ backgroundColor: c }} />
      ))}
    </span>
  );
}
