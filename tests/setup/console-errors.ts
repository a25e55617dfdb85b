import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test: errors must be handled, not just printed.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
  // Keep the harness warnings out of the output; everything else still prints (and fails the test).
  const original = errorSpy.getMockImplementation();
  errorSpy.mockImplementation((...args: unknown[]) => {
    if (HARNESS_WARNINGS.some((w) => w.test(String(args[0])))) return;
    (original ?? console.warn)(...args);
  });
});
// React warns when a client router (createRemixStub) renders to a string; that is the test harness, not the app.
const HARNESS_WARNINGS = [/useLayoutEffect does nothing on the server/];
afterEach(() => {
  const calls = errorSpy.mock.calls.filter((c) => !HARNESS_WARNINGS.some((w) => w.test(String(c[0]))));
  errorSpy.mockRestore();
  if (calls.length > 0)
    throw new Error(`Unexpected console.error: ${calls.map((c) => c.map(String).join(" ")).join("\n")}`);
});
