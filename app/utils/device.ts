/**
 * "Firefox on Windows": the browser and system of a User-Agent in a few words, for the list of
 * signed-in devices on /account/security. Unknown parts are left out; never longer than 120 chars.
 */
export function deviceSummary(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 1000);
  if (!ua) return "";
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? "";
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? "";
  const summary = browser && os ? `${browser} on ${os}` : browser || os || ua.replace(/[^\x20-\x7e]/g, "");
  return summary.slice(0, 120);
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/MicroMessenger\//, "WeChat"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];
