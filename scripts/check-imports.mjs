// Architecture rule from DESIGN.md: inside app/, only *.server.ts(x) modules may import db/ or
// search/ (Remix's build guard only protects .server modules, so anything else could leak server
// code into the browser bundle). Run by `npm run lint`.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "app");
const offenders = [];
for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name) || /\.server\.tsx?$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const source = fs.readFileSync(file, "utf8");
  for (const match of source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)) {
    if (/^(#db\/|#search\/|.*\/db\/|.*\/search\/)/.test(match[1])) offenders.push(`${path.relative(process.cwd(), file)} imports ${match[1]}`);
  }
}
if (offenders.length > 0) {
  console.error(`Only .server modules in app/ may import db/ or search/:\n  ${offenders.join("\n  ")}`);
  process.exit(1);
}
console.log("imports ok");
