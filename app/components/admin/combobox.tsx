import { useEffect, useId, useRef, useState } from "react";
import { useHref, useT } from "#app/i18n/use-locale.ts";

export interface ComboboxOption {
  id: number;
  slug: string;
  label: string;
  detail: string;
}

/**
 * A search-driven picker (decision 030) following the ARIA 1.2 combobox pattern: an input with
 * role=combobox that owns a listbox; ↓/↑ move through the options, Enter picks, Escape closes. It
 * asks /admin/picker (organizers only, rate limited like every search) as the organizer types, and
 * puts the picked option's id or slug into a hidden field named `name` for the surrounding form.
 * Pages render it only once hydrated; without JavaScript they offer a search form instead.
 */
export function Combobox({
  kind,
  name,
  value = "id",
  format,
  label,
  onPick,
  required = false,
  testId,
}: {
  kind: "product" | "store";
  name: string;
  value?: "id" | "slug";
  /** The hidden field's value for a picked option, when not its id or slug alone. */
  format?: (option: ComboboxOption) => string;
  label: string;
  onPick?: (option: ComboboxOption) => void;
  required?: boolean;
  testId?: string;
}) {
  const t = useT();
  const href = useHref();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const [options, setOptions] = useState<ComboboxOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<ComboboxOption | null>(null);
  const [status, setStatus] = useState("");
  const request = useRef(0);

  useEffect(() => {
    const query = text.trim();
    if (query === "" || (picked && picked.label === text)) {
      setOptions([]);
      return;
    }
    const mine = ++request.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${href("/admin/picker")}?kind=${kind}&q=${encodeURIComponent(query)}`, {
          headers: { Accept: "application/json" },
        });
        if (mine !== request.current) return;
        if (response.status === 429) {
          setOptions([]);
          setStatus(t("org.pickerSlowDown"));
          return;
        }
        const body = (await response.json()) as { options: ComboboxOption[] };
        if (mine !== request.current) return;
        setOptions(body.options);
        setActive(body.options.length > 0 ? 0 : -1);
        setOpen(true);
        setStatus(
          body.options.length === 0 ? t("org.pickerNone") : t("org.pickerResults", { count: body.options.length }),
        );
      } catch {
        if (mine === request.current) setStatus(t("org.pickerFailed"));
      }
    }, 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, kind]);

  function pick(option: ComboboxOption) {
    setPicked(option);
    setText(option.label);
    setOpen(false);
    setActive(-1);
    setStatus(t("org.pickerPicked", { label: option.label }));
    onPick?.(option);
  }

  const expanded = open && options.length > 0;
  return (
    <div className="relative w-full max-w-md" data-testid={testId}>
      <label htmlFor={`${id}-input`} className="block text-xs font-medium text-stone-700">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-status`}
        value={text}
        required={required}
        maxLength={100}
        placeholder={t("org.pickerPlaceholder")}
        className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1 text-sm"
        onChange={(e) => {
          setText(e.target.value);
          setPicked(null);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            if (!open) setOpen(true);
            setActive((a) => Math.min(options.length - 1, a + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === "Enter") {
            if (expanded && active >= 0) {
              e.preventDefault();
              pick(options[active]!);
            } else if (!picked) e.preventDefault();
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      <input
        type="hidden"
        name={name}
        value={picked ? (format ? format(picked) : String(value === "id" ? picked.id : picked.slug)) : ""}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded border border-stone-300 bg-white shadow-lg"
      >
        {options.map((o, i) => (
          // The keyboard picks through the input (aria-activedescendant), as the ARIA combobox pattern has it.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-2 py-1.5 text-sm ${i === active ? "bg-clay-100" : ""}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
          >
            <span className="block font-medium text-stone-900">{o.label}</span>
            <span className="block text-xs text-stone-700">{o.detail}</span>
          </li>
        ))}
      </ul>
      <p id={`${id}-status`} role="status" className="mt-1 min-h-4 text-xs text-stone-700">
        {status}
      </p>
    </div>
  );
}

/** True once React has hydrated (pages render the combobox then, and the plain search form before). */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
