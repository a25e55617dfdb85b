import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn.ts";

export type NoticeTone = "info" | "success" | "warning" | "error";

const TONES: Record<NoticeTone, string> = {
  info: "border-sky-300 bg-sky-50 text-sky-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
};

/**
 * A boxed message. Errors are announced at once (role="alert"); the other tones politely
 * (role="status"), so a screen reader hears the result of an action without losing its place.
 * `announce` overrides that: the other role, or `false` for a message that is simply part of the
 * page (there from the start, not the result of anything the reader did), which gets no role.
 */
export function Notice({
  tone = "info",
  announce,
  className,
  children,
  ...props
}: Omit<HTMLAttributes<HTMLDivElement>, "role"> & {
  tone?: NoticeTone;
  announce?: "alert" | "status" | false;
  children: ReactNode;
}) {
  return (
    <div
      role={announce === false ? undefined : (announce ?? (tone === "error" ? "alert" : "status"))}
      className={cn("rounded border p-3 text-sm", TONES[tone], className)}
      {...props}
    >
      {children}
    </div>
  );
}
