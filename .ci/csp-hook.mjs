// Trunk post-build hook: adds a strict Content-Security-Policy to index.html.
//
// Trunk loads the app with one inline <script type="module">; instead of allowing inline
// scripts, the policy allows exactly that script by its SHA-256 hash. WebAssembly needs
// 'wasm-unsafe-eval' (compiling the module), nothing more. Styles allow inline attributes
// because the interface positions slider handles with style="…" (no script can run from a
// style attribute). No request may leave the page's origin.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hook: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)");
  process.exit(1);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error("csp-hook: no inline script found in index.html; Trunk's output changed?");
  process.exit(1);
}
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
if (!html.includes("Content-Security-Policy")) {
  console.error("csp-hook: could not insert the policy");
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp-hook: policy added with ${hashes.length} script hash(es)`);
