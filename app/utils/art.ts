/**
 * Generated artwork for products and stores that have no photo yet: a tile in the origin country's
 * flag colours with a motif for the category. Pure and deterministic, so a URL always yields the
 * same image and can be cached for a year.
 */

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Keeps only #rrggbb values so nothing from the database can break out of an attribute. */
function safeColors(colors: string[]): string[] {
  const valid = colors.filter((c) => /^#[0-9a-fA-F]{6}$/.test(c));
  return valid.length > 0 ? valid : ["#b4532a", "#d9a21b", "#1f5f45"];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const MOTIFS: Record<string, string> = {
  coffee: `<ellipse cx="200" cy="190" rx="70" ry="100" transform="rotate(-25 200 190)"/><path d="M172 110c40 40-20 120 20 160" stroke="#0003" stroke-width="12" fill="none"/>`,
  "tea-infusions": `<path d="M200 90c90 40 90 170 0 220c-90-50-90-180 0-220z"/><path d="M200 110v190" stroke="#0003" stroke-width="8"/>`,
  spices:
    Array.from(
      { length: 8 },
      (_, i) => `<ellipse cx="200" cy="140" rx="22" ry="55" transform="rotate(${i * 45} 200 200)"/>`,
    ).join("") + `<circle cx="200" cy="200" r="20" fill="#0003"/>`,
  "nuts-dried-fruit": `<path d="M140 130c60-50 150-10 140 70c-8 60-70 90-90 60c-15-22 20-40 10-70c-8-25-60-20-60-60z"/>`,
  "oils-butters": `<path d="M200 90c50 80 80 120 80 160a80 80 0 0 1-160 0c0-40 30-80 80-160z"/>`,
  "cocoa-chocolate": `<ellipse cx="200" cy="200" rx="65" ry="110"/><path d="M170 105v190M200 92v216M230 105v190" stroke="#0003" stroke-width="8"/>`,
  "honey-sweets": [0, 1, 2, 3, 4, 5, 6]
    .map((i) => {
      const [dx, dy] = [
        [0, 0],
        [52, 30],
        [52, -30],
        [0, -60],
        [-52, -30],
        [-52, 30],
        [0, 60],
      ][i]!;
      const cx = 200 + dx!;
      const cy = 200 + dy!;
      return `<path d="M${cx - 28} ${cy}l14-25h28l14 25-14 25h-28z"/>`;
    })
    .join(""),
  superfoods: `<rect x="182" y="200" width="36" height="110" rx="12"/><circle cx="200" cy="160" r="60"/><circle cx="145" cy="185" r="40"/><circle cx="255" cy="185" r="40"/>`,
  "wine-beverages": `<path d="M150 100h100c0 80-20 120-50 125v70h40v15h-100v-15h40v-70c-30-5-50-45-50-125z"/>`,
  "natural-cosmetics": `<rect x="135" y="170" width="130" height="130" rx="22"/><rect x="150" y="130" width="100" height="40" rx="8" fill="#0003"/>`,
  textiles:
    Array.from({ length: 5 }, (_, i) => `<rect x="${110 + i * 38}" y="100" width="26" height="200" rx="3"/>`).join("") +
    Array.from(
      { length: 5 },
      (_, i) => `<rect x="100" y="${118 + i * 38}" width="200" height="12" fill="#0003"/>`,
    ).join(""),
  "crafts-home-decor": `<ellipse cx="200" cy="200" rx="75" ry="105"/><ellipse cx="172" cy="175" rx="16" ry="9" fill="#0004"/><ellipse cx="228" cy="175" rx="16" ry="9" fill="#0004"/><rect x="190" y="205" width="20" height="45" rx="8" fill="#0003"/>`,
  jewellery: Array.from({ length: 11 }, (_, i) => {
    const a = Math.PI * (0.15 + (0.7 * i) / 10);
    return `<circle cx="${(200 + Math.cos(a) * 110).toFixed(1)}" cy="${(120 + Math.sin(a) * 150).toFixed(1)}" r="16"/>`;
  }).join(""),
  "leather-goods": `<rect x="120" y="160" width="160" height="130" rx="16"/><path d="M165 160v-25a35 35 0 0 1 70 0v25" stroke="#fff" stroke-width="14" fill="none"/>`,
};

export function productArtSvg({
  key,
  categorySlug,
  colors,
}: {
  key: string;
  categorySlug: string;
  colors: string[];
}): string {
  const palette = safeColors(colors);
  const h = hash(key);
  const base = palette[h % palette.length]!;
  const accent =
    palette[(h >>> 3) % palette.length] === base
      ? palette[((h % palette.length) + 1) % palette.length]!
      : palette[(h >>> 3) % palette.length]!;
  const motifFill = luminance(base) > 0.7 ? "#3b2a20" : "#fffaf2";
  const angle = (h % 31) - 15;
  const stripes = palette
    .map(
      (c, i) =>
        `<rect x="${(400 / palette.length) * i}" y="372" width="${400 / palette.length + 1}" height="28" fill="${c}"/>`,
    )
    .join("");
  const motif = MOTIFS[categorySlug] ?? `<circle cx="200" cy="200" r="90"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="800" height="800">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${base}"/><stop offset="1" stop-color="${accent}"/></linearGradient></defs>
<rect width="400" height="400" fill="url(#g)"/>
<circle cx="${60 + (h % 280)}" cy="${50 + ((h >>> 8) % 120)}" r="${90 + (h % 60)}" fill="#ffffff" opacity="0.12"/>
<g fill="${motifFill}" opacity="0.92" transform="rotate(${angle} 200 200)">${motif}</g>
${stripes}
</svg>`;
}

export function storeLogoSvg({ name, colors }: { name: string; colors: string[] }): string {
  const palette = safeColors(colors);
  const initials = name
    .split(/\s+/)
    .filter(
      (w) => /^[A-Za-zÀ-ÿ]/.test(w) && !["of", "and", "de", "du", "des", "la", "le", "&"].includes(w.toLowerCase()),
    )
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  const base = palette[0]!;
  const ring = palette[1] ?? palette[0]!;
  const text = luminance(base) > 0.7 ? "#3b2a20" : "#ffffff";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="240" height="240">
<circle cx="60" cy="60" r="58" fill="${ring}"/><circle cx="60" cy="60" r="50" fill="${base}"/>
<text x="60" y="74" text-anchor="middle" font-family="Georgia, 'Noto Serif', serif" font-size="40" font-weight="700" fill="${text}">${escapeXml(initials || "S")}</text>
</svg>`;
}
