import { expect, test } from "vitest";
import { isSameOrigin } from "#app/utils/csrf.ts";
import { passwordProblem, safeRedirect } from "#app/utils/password.ts";

test("password rules: length, common passwords, not the email", () => {
  expect(passwordProblem("short")).toBe("tooShort");
  expect(passwordProblem("x".repeat(129))).toBe("tooLong");
  expect(passwordProblem("password123")).toBe("common");
  expect(passwordProblem("PASSWORD123")).toBe("common");
  expect(passwordProblem("aaaaaaaaaaaa")).toBe("common");
  expect(passwordProblem("amina@example.com", " Amina@Example.com")).toBe("sameAsEmail");
  expect(passwordProblem("baobab-sunrise-42")).toBeNull();
});

test.each([
  ["/account", "/account"],
  ["/zh/stores/x?page=2", "/zh/stores/x?page=2"],
  ["//evil.example", "/"],
  ["/\\evil.example", "/"],
  ["https://evil.example/", "/"],
  ["javascript:alert(1)", "/"],
  ["/ok\r\nSet-Cookie: x", "/"],
  ["", "/"],
  // Characters a Location header cannot carry are percent-encoded (UTF-8); what is encoded stays.
  ["/搜索", "/%E6%90%9C%E7%B4%A2"],
  ["/a\u2028b", "/a%E2%80%A8b"],
  ["/fr/stores?q=🧺 panier#à", "/fr/stores?q=%F0%9F%A7%BA%20panier#%C3%A0"],
  ["/caf%C3%A9?q=a%20b", "/caf%C3%A9?q=a%20b"],
  // Broken surrogate pairs and C1 controls give the fallback.
  ["/\uD800x", "/"],
  ["/\uDFFF", "/"],
  ["/x\u0085", "/"],
  ["/\u007f", "/"],
])("safeRedirect(%j) → %s", (input, expected) => {
  expect(safeRedirect(input)).toBe(expected);
});

test("CSRF: only same-origin state changes pass", () => {
  const base = { host: "market.example", method: "POST" };
  expect(isSameOrigin({ ...base, origin: "https://market.example" })).toBe(true);
  expect(isSameOrigin({ ...base, origin: "https://evil.example" })).toBe(false);
  expect(isSameOrigin({ ...base, origin: "null" })).toBe(false);
  expect(isSameOrigin({ ...base, referer: "https://market.example/login" })).toBe(true);
  expect(isSameOrigin({ ...base, referer: "https://market.example.evil.example/" })).toBe(false);
  expect(isSameOrigin({ ...base })).toBe(false);
  expect(isSameOrigin({ ...base, method: "GET", origin: "https://evil.example" })).toBe(true);
  expect(
    isSameOrigin({ ...base, host: "10.0.0.5:3000", origin: "https://shop.example", publicUrl: "https://shop.example" }),
  ).toBe(true);
});
