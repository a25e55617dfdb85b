import { expect, test } from "vitest";
import { USD_RATES } from "#app/config/currency.ts";
import { approximateLocalPrice, formatMoney } from "#app/utils/money.ts";

test("USD prices are formatted in each locale's own style", () => {
  expect(formatMoney(1299, "USD", "en")).toBe("$12.99");
  expect(formatMoney(1299, "USD", "zh")).toBe("US$12.99");
  // French puts the amount first with a decimal comma and a narrow no-break space.
  expect(formatMoney(129900, "USD", "fr").replace(/\s/g, " ")).toBe("1 299,00 $US");
});

test("Chinese pages get an approximate CNY amount, French pages EUR, English none", () => {
  expect(approximateLocalPrice(1000, "USD", "en")).toBeNull();
  expect(approximateLocalPrice(1000, "USD", "zh")).toBe(`¥${Math.round(10 * USD_RATES.CNY)}`);
  expect(approximateLocalPrice(1000, "USD", "fr")?.replace(/\s/g, " ")).toBe(`${Math.round(10 * USD_RATES.EUR)} €`);
});

test("no approximation is invented for a non-USD price", () => {
  expect(approximateLocalPrice(1000, "EUR", "zh")).toBeNull();
});
