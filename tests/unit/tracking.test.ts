import { describe, expect, test } from "vitest";
import { CARRIERS, TRACKING_NUMBER_PATTERN, carrierKey, isTrackingNumber, trackingUrl } from "#app/utils/tracking.ts";

describe("tracking numbers", () => {
  test("the form's pattern compiles under the v flag, as browsers compile `pattern`", () => {
    // Browsers wrap the attribute as ^(?:…)$ and compile it with the v flag; an unescaped `-` in a
    // class is a syntax error there (and the browser then skips the check).
    expect(() => new RegExp(`^(?:${TRACKING_NUMBER_PATTERN})$`, "v")).not.toThrow();
    const oldPattern = "[A-Za-z0-9-]{4,80}";
    expect(() => new RegExp(`^(?:${oldPattern})$`, "v")).toThrow(SyntaxError);
    const browser = new RegExp(`^(?:${TRACKING_NUMBER_PATTERN})$`, "v");
    for (const ok of ["EE123456789CN", "SF-1234", "1Z999AA10123456784"]) expect(browser.test(ok)).toBe(true);
    for (const bad of ["abc", "has space1", "<script>", "x".repeat(81), "EE12345678\u00e9"])
      expect(browser.test(bad)).toBe(false);
  });

  test("the server's check agrees with the browser's", () => {
    expect(isTrackingNumber("JD014600003828")).toBe(true);
    expect(isTrackingNumber("JD01-4600")).toBe(true);
    expect(isTrackingNumber("JD0")).toBe(false);
    expect(isTrackingNumber("JD014600003828\n")).toBe(false);
    expect(isTrackingNumber("a/b/c/d")).toBe(false);
  });

  test("every carrier of the list links to a tracking page; older free-text names still link", () => {
    const urls = Object.fromEntries(CARRIERS.map((c) => [c.name, trackingUrl(c.name, "AB12345678")]));
    expect(urls["DHL"]).toContain("dhl.com");
    expect(urls["FedEx"]).toContain("fedex.com");
    expect(urls["UPS"]).toContain("ups.com");
    expect(urls["SF Express"]).toContain("sf-express.com");
    expect(urls["Aramex"]).toContain("aramex.com");
    expect(urls["China Post / EMS"]).toContain("17track.net");
    for (const url of Object.values(urls)) expect(url).toMatch(/^https:\/\/[^ ]+AB12345678$/);
    expect(trackingUrl("DHL Express", "JD0146")).toContain("dhl.com");
    expect(trackingUrl("顺丰", "SF1234")).toContain("sf-express.com");
    expect(trackingUrl("DHL", 'x y"><')).toBeNull();
  });

  test("list carriers have translated names; free text has none", () => {
    expect(carrierKey("SF Express")).toBe("carrier.sfExpress");
    expect(carrierKey("EMS")).toBeNull();
  });
});
