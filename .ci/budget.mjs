// Size budget (set on 2026-11-29 from 720,426 bytes + 11 %; raised on 2026-12-01 to 840,000 for
// the complete, checked code panels — 52 snippets became 60 programs — and the lesson folders:
// 801,442 bytes that day; raised again the same day to 925,000 for the "Check your outputs"
// page (issue 17: +75 KB, 823,418 → 898,390 bytes); lowered on 2026-12-01 to 919,000 when the
// formulas moved to build time (issue 16: 920,575 → 875,146 bytes, + 5 %); lowered on 2026-12-02 to
// 773,000 for Leptos' type-erased views (.cargo/config.toml: 889,816 → 736,191 bytes, + 5 %);
// since 2026-12-02 the app is split into WebAssembly bundles (src/lessons/mod.rs, BUNDLES), and the
// budget holds for each bundle's first visit, BUDGET_GZIP_BYTES below): fails when the
// gzip transfer of a first visit (the page, its styles and icon, the service worker, and the one
// bundle the address asks for: its JS and wasm) grows past the budget for any bundle. The budget
// is today's figure plus a margin; raise it deliberately, in its own commit, when a feature is
// worth the bytes. The whole of dist/ (what the service worker then caches for offline use) is
// printed too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP_BYTES = Number(process.env.BUDGET_GZIP_BYTES ?? 450_000);
const dir = process.argv[2] ?? "dist";
const sizes = new Map();
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  sizes.set(name, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
const bundleFile = /^(.*)-[0-9a-f]{10,16}(\.js|_bg\.wasm)$/;
const bundles = [...new Set([...sizes.keys()].filter((n) => n.endsWith("_bg.wasm")).map((n) => n.match(bundleFile)?.[1]))];
if (bundles.length === 0 || bundles.includes(undefined)) {
  console.error("no hashed bundle (NAME-HASH.js and NAME-HASH_bg.wasm) in", dir);
  process.exit(1);
}
const shared = [...sizes.keys()].filter((n) => !bundleFile.test(n));
const sum = (names, k) => names.reduce((t, n) => t + sizes.get(n)[k], 0);
console.log(`${"file".padEnd(48)} ${"raw".padStart(9)} ${"gzip -9".padStart(9)}`);
for (const n of [...sizes.keys()].sort()) console.log(`${n.padEnd(48)} ${String(sizes.get(n).raw).padStart(9)} ${String(sizes.get(n).gzip).padStart(9)}`);
console.log(`${"all of dist/ (cached for offline use)".padEnd(48)} ${String(sum([...sizes.keys()], "raw")).padStart(9)} ${String(sum([...sizes.keys()], "gzip")).padStart(9)}`);
let worst = 0;
for (const b of bundles) {
  const files = [...shared, ...[...sizes.keys()].filter((n) => n.match(bundleFile)?.[1] === b)];
  const gzip = sum(files, "gzip");
  worst = Math.max(worst, gzip);
  console.log(`${`first visit, bundle ${b}`.padEnd(48)} ${String(sum(files, "raw")).padStart(9)} ${String(gzip).padStart(9)}`);
}
console.log(`largest first visit: ${worst} bytes gzip (budget ${BUDGET_GZIP_BYTES})`);
if (worst > BUDGET_GZIP_BYTES) {
  console.error(`A first visit downloads ${worst} bytes gzipped, over the budget of ${BUDGET_GZIP_BYTES}.`);
  process.exit(1);
}
