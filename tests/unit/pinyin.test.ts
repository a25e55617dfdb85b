import { describe, expect, test } from "vitest";
import { nameMatchesPinyin, pinyinSearchText, pinyinText, queryPinyin, syllables } from "#search/pinyin.ts";

const words = (text: string) => text.split(" ");

describe("pinyinText", () => {
  test("syllables, joined runs of two to four characters, and the whole run", () => {
    const { full, initials } = pinyinText("咖啡豆");
    expect(words(full)).toEqual(["ka", "fei", "dou", "kafei", "feidou", "kafeidou"]);
    expect(words(initials)).toEqual(["kf", "fd", "kfd"]);
  });

  test("a word inside a long title is a word of its own, so Meilisearch can match it whole", () => {
    const { full, initials } = pinyinText("耶加雪菲水洗咖啡豆");
    expect(words(full)).toContain("kafei");
    expect(words(full)).toContain("kafeidou");
    expect(words(full)).toContain("yejiaxuefei");
    expect(words(full)).toContain("yejiaxuefeishuixikafeidou");
    expect(words(initials)).toContain("kf");
    expect(words(initials)).toContain("yjxf");
  });

  test("runs are separated by Latin text and do not join across it", () => {
    const { full } = pinyinText("涅里AA咖啡豆");
    expect(words(full)).toContain("nieli");
    expect(words(full)).toContain("kafei");
    expect(words(full)).not.toContain("likafei");
    expect(full).not.toMatch(/[A-Z]/);
  });

  test("country names", () => {
    expect(words(pinyinText("肯尼亚").full)).toContain("kenniya");
    expect(words(pinyinText("肯尼亚").initials)).toContain("kny");
  });

  test("text without Chinese has no pinyin", () => {
    expect(pinyinText("Coffee beans")).toEqual({ full: "", initials: "" });
    expect(pinyinSearchText("")).toBe("");
  });

  test("ü is written v, as shoppers type it; polyphones take pinyin-pro's default", () => {
    expect(syllables("绿茶")).toEqual(["lv", "cha"]);
    expect(syllables("银行")).toEqual(["yin", "hang"]);
  });

  test("the fallback's text holds both parts", () => {
    expect(words(pinyinSearchText("咖啡"))).toEqual(["ka", "fei", "kafei", "kf"]);
  });
});

describe("queryPinyin", () => {
  test("a homophone typo reads the same as the word it misspells", () => {
    expect(queryPinyin("咖非")).toBe("kafei");
    expect(queryPinyin("咖啡")).toBe("kafei");
  });

  test("keeps what is not Chinese", () => {
    expect(queryPinyin("肯尼亚 AA")).toBe("kenniya AA");
    expect(queryPinyin("AA咖啡")).toBe("AA kafei");
  });

  test("null without Chinese", () => {
    expect(queryPinyin("kafei")).toBeNull();
    expect(queryPinyin("")).toBeNull();
  });
});

describe("nameMatchesPinyin", () => {
  test.each(["kenniya", "kenni", "Ken Ni Ya", "kny", "肯尼亚", "肯尼压"])("%s means 肯尼亚", (q) =>
    expect(nameMatchesPinyin("肯尼亚", q)).toBe(true),
  );
  test.each(["k", "kenya", "niya x", "加纳", ""])("%s does not", (q) =>
    expect(nameMatchesPinyin("肯尼亚", q)).toBe(false),
  );
});
