// Trunk post-build hook: one loader for the app's WebAssembly bundles, then a strict
// Content-Security-Policy for index.html.
//
// Bundles: Trunk builds the main binary as the page's app and the others (src/bin/, marked
// data-type="worker" in index.html so Trunk builds them without starting them) beside it.
// Trunk's own loader always starts the main one; it is replaced by one that reads the address
// and starts the bundle that shows that page (src/bundles.json, kept equal to
// src/lessons/mod.rs BUNDLES by a native test), so a first visit downloads one bundle.
//
// Policy: instead of allowing inline scripts, it allows exactly the inline loader by its
// SHA-256 hash. WebAssembly needs 'wasm-unsafe-eval' (compiling the module), nothing more.
// Styles allow inline attributes because the interface positions slider handles with
// style="…" (no script can run from a style attribute). No request may leave the origin.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hook: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)");
  process.exit(1);
}
const fail = (why) => {
  console.error(`csp-hook: ${why}`);
  process.exit(1);
};
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");

// 1. The loader.
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
const bundles = JSON.parse(readFileSync(join(source, "src", "bundles.json"), "utf8"));
const trunkLoader = /<script type="module">\s*import init, \* as bindings from '([^']*)';[\s\S]*?<\/script>/;
const found = html.match(trunkLoader);
if (!found) fail("Trunk's loader script was not found in index.html; Trunk's output changed?");
const base = found[1].slice(0, found[1].lastIndexOf("/") + 1);
const files = readdirSync(dir);
const integrity = (name) => `sha384-${createHash("sha384").update(readFileSync(join(dir, name))).digest("base64")}`;
// Trunk names the main bundle's files with a content hash; the others ("workers") it names
// plainly, so they get one here (the service worker and browsers cache them for good).
// Trunk's hash is a u64 in hex without leading zeros: 16 digits, sometimes fewer (one build
// in sixteen has 15).
const named = (bin) => {
  const hashed = (suffix) => files.find((f) => new RegExp(`^${bin}-[0-9a-f]{10,16}${suffix}$`).test(f));
  if (hashed("\\.js") && hashed("_bg\\.wasm")) return [hashed("\\.js"), hashed("_bg\\.wasm")];
  const [js, wasm] = [`${bin}.js`, `${bin}_bg.wasm`];
  if (!files.includes(js) || !files.includes(wasm)) fail(`no JS or wasm for the bundle ${bin} (is it a rust link in index.html?)`);
  const hash = createHash("sha256").update(readFileSync(join(dir, js))).update(readFileSync(join(dir, wasm))).digest("hex").slice(0, 16);
  const names = [`${bin}-${hash}.js`, `${bin}-${hash}_bg.wasm`];
  renameSync(join(dir, js), join(dir, names[0]));
  renameSync(join(dir, wasm), join(dir, names[1]));
  return names;
};
const table = bundles.map(({ bin, pages }) => {
  const [js, wasm] = named(bin);
  return { js: base + js, integrity: integrity(js), wasm: base + wasm, pages };
});
const loader = `<script type="module">
// Start the bundle that shows the page in the address (the first shows the home page too).
const bundles = ${JSON.stringify(table)};
// The slug as the app's router reads it (src/routes.rs, Route::parse): empty parts skipped.
const slug = location.hash.replace(/^#/, "").split("?")[0].split("/").filter(Boolean)[0] || "";
const bundle = bundles.find((b) => b.pages.includes(slug)) || bundles[0];
const wasmResponse = fetch(bundle.wasm);
document.head.append(Object.assign(document.createElement("link"), { rel: "modulepreload", href: bundle.js, integrity: bundle.integrity, crossOrigin: "anonymous" }));
const bindings = await import(bundle.js);
const wasm = await bindings.default({ module_or_path: wasmResponse });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
</script>`;
html = html.replace(trunkLoader, loader);
// Trunk's preloads name the main bundle only: the loader fetches the one the page needs.
html = html.replace(/<link rel="modulepreload"[^>]*>/g, "").replace(/<link rel="preload"[^>]*as="fetch"[^>]*>/g, "");

// 2. The policy. `trunk serve` adds a live-reload script whose address is filled in as the page
// is served, so no hash can allow it: a local serve build gets no policy (the release build,
// which the tests and GitHub Pages use, always has it).
if (html.includes("{{__TRUNK_ADDRESS__}}")) {
  writeFileSync(file, html);
  console.log(`csp-hook: loader for ${table.length} bundle(s); no policy (a trunk serve build)`);
  process.exit(0);
}
const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length === 0) fail("no inline script found in index.html; Trunk's output changed?");
const hashes = scripts.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, "");
html = html.replace(/<meta charset="utf-8" \/>/, (m) => `${m}\n    ${meta}`);
if (!html.includes("Content-Security-Policy")) fail("could not insert the policy");
writeFileSync(file, html);
console.log(`csp-hook: loader for ${table.length} bundle(s); policy added with ${hashes.length} script hash(es)`);
