import { expect, test } from "vitest";
import {
  isValidResidentId,
  maskResidentId,
  normalizeResidentId,
  residentIdCheckChar,
  residentIdProblem,
} from "#app/utils/resident-id.ts";
import { TEST_RESIDENT_ID, TEST_RESIDENT_ID_X } from "#tests/support/addresses.ts";

const TODAY = new Date("2026-11-30T00:00:00Z");

test("GB 11643 check character (ISO 7064 MOD 11-2), worked example from the standard", () => {
  // The standard's example: 11010519491231002X.
  expect(residentIdCheckChar("11010519491231002")).toBe("X");
  expect(residentIdProblem("11010519491231002X", TODAY)).toBeNull();
});

test("valid numbers, with a digit or an X as check character (a lower-case x is accepted)", () => {
  expect(residentIdProblem(TEST_RESIDENT_ID, TODAY)).toBeNull();
  expect(residentIdProblem(TEST_RESIDENT_ID_X, TODAY)).toBeNull();
  expect(isValidResidentId(TEST_RESIDENT_ID_X.toLowerCase(), TODAY)).toBe(true);
  expect(normalizeResidentId(" 3101 1519 8801 0110 5x ")).toBe(TEST_RESIDENT_ID_X);
});

test("a wrong check character, or one changed digit, is refused", () => {
  expect(residentIdProblem(`${TEST_RESIDENT_ID.slice(0, 17)}0`, TODAY)).toBe("checkDigit");
  expect(residentIdProblem(`${TEST_RESIDENT_ID_X.slice(0, 17)}1`, TODAY)).toBe("checkDigit");
  const changed = `${TEST_RESIDENT_ID.slice(0, 15)}9${TEST_RESIDENT_ID.slice(16)}`;
  expect(residentIdProblem(changed, TODAY)).toBe("checkDigit");
});

test("wrong length and wrong characters", () => {
  expect(residentIdProblem(TEST_RESIDENT_ID.slice(0, 17), TODAY)).toBe("length");
  expect(residentIdProblem(`${TEST_RESIDENT_ID}1`, TODAY)).toBe("length");
  expect(residentIdProblem("310115900307123", TODAY)).toBe("length"); // the old 15-digit form
  expect(residentIdProblem("3101151990030712X9", TODAY)).toBe("format");
  expect(residentIdProblem("010115199003071239", TODAY)).toBe("region");
});

test("an impossible or future birth date is refused even with a matching check character", () => {
  const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
  expect(residentIdProblem(withCheck("31011519900230123"), TODAY)).toBe("birthDate"); // 30 February
  expect(residentIdProblem(withCheck("31011519901301123"), TODAY)).toBe("birthDate"); // month 13
  expect(residentIdProblem(withCheck("31011520270101123"), TODAY)).toBe("birthDate"); // not born yet
  expect(residentIdProblem(withCheck("31011518991231123"), TODAY)).toBe("birthDate"); // before 1900
  expect(residentIdProblem(withCheck("31011520000229123"), TODAY)).toBeNull(); // 29 February 2000
});

test("masked: the first and last four characters only", () => {
  expect(maskResidentId(TEST_RESIDENT_ID)).toBe("3101**********1239");
  expect(maskResidentId(TEST_RESIDENT_ID_X)).toBe("3101**********105X");
});
