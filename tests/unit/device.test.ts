import { expect, test } from "vitest";
import { deviceSummary } from "#app/utils/device.ts";

test.each([
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Edge on Windows",
  ],
  [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Safari on macOS",
  ],
  [
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    "Chrome on Android",
  ],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44",
    "WeChat on iOS",
  ],
  ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux"],
  ["", ""],
])("%s → %s", (ua, summary) => {
  expect(deviceSummary(ua)).toBe(summary);
});

test("an unknown agent is kept short and printable", () => {
  const summary = deviceSummary(`weird-bot/1.0 ${"x".repeat(500)}\u0000`);
  expect(summary.length).toBeLessThanOrEqual(120);
  expect(summary).toMatch(/^weird-bot\/1\.0 x+$/);
});
