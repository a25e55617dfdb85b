import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useHref } from "#app/i18n/use-locale.ts";

export interface ConsoleLink {
  /** Unprefixed path; the current language is added. */
  to: string;
  label: string;
  /** Active only on exactly this path (not its children). */
  end?: boolean;
}

/** The tab bar at the top of the seller and organizer consoles. */
export function ConsoleNav({ title, label, links }: { title: ReactNode; label: string; links: ConsoleLink[] }) {
  const href = useHref();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `rounded px-3 py-1.5 text-sm font-medium ${isActive ? "bg-clay-700 text-white" : "text-clay-900 hover:bg-clay-100"}`;
  return (
    <div
      data-print="hide"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3"
    >
      <p className="text-sm text-stone-700">{title}</p>
      <nav aria-label={label} className="flex flex-wrap gap-2">
        {links.map((link) => (
          <NavLink key={link.to} to={href(link.to)} end={link.end} className={tab}>
            {link.label}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
