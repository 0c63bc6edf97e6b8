// A static server for dist/ that behaves like GitHub Pages: the app lives under a sub-folder
// (/logit-lab/ by default), files get their proper MIME types (application/wasm matters),
// anything outside the sub-folder is a 404, and text and wasm are sent gzip-compressed to
// browsers that accept it (as GitHub Pages does; GZIP=0 turns it off). Only 127.0.0.1 is bound.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.env.DIST_DIR ?? "dist");
const base = process.env.BASE_PATH ?? "/logit-lab/";
const port = Number(process.env.PORT ?? 4173);
const gzip = process.env.GZIP !== "0";
const compressible = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".webmanifest"]);
/** Compressed bodies by file, kept while the file's modification time is the same. */
const compressed = new Map();

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  let path = decodeURIComponent(url.pathname);
  if (path + "/" === base) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  if (!path.startsWith(base)) {
    res.writeHead(404, { "Content-Type": "text/plain" });
    return res.end("not found (the app lives under " + base + ")");
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (!file.startsWith(root)) {
    res.writeHead(403);
    return res.end();
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const info = await stat(file);
    let body = await readFile(file);
    const headers = {
      "Content-Type": types[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
      Vary: "Accept-Encoding",
    };
    if (gzip && compressible.has(extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      const cached = compressed.get(file);
      if (cached?.mtime === info.mtimeMs) body = cached.body;
      else {
        body = gzipSync(body, { level: 6 });
        compressed.set(file, { mtime: info.mtimeMs, body });
      }
      headers["Content-Encoding"] = "gzip";
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
  }
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
});
