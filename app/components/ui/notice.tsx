import type { ReactNode } from "react";
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
 */
export function Notice({
  tone = "info",
  className,
  id,
  children,
}: {
  tone?: NoticeTone;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded border p-3 text-sm", TONES[tone], className)}
    >
      {children}
    </div>
  );
}
