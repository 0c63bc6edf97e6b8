// Logit Lab's service worker: after the first visit the whole app works offline.
//
// * install: cache the page and every file it references (the hashed JS and wasm of every
//   bundle, CSS, icon; with "save data" on, the bundles only as they are used);
// * page loads: network first (so a new deployment is picked up at once), the cached page
//   when offline; then files the new page no longer references are dropped from the cache;
// * other files: cache first (their names carry a content hash, so they never change).
// It only handles GET requests to its own folder (the GitHub Pages sub-folder).
const CACHE = "logit-lab-v1";
const SCOPE = new URL("./", self.location).href;

function referencedFiles(html) {
  const found = new Set();
  for (const m of html.matchAll(/["']([^"'#?]+\.(?:js|wasm|css|svg|png|ico|webmanifest))["']/g)) {
    const url = new URL(m[1], SCOPE);
    if (url.href.startsWith(SCOPE) && !url.href.endsWith("/sw.js")) found.add(url.href);
  }
  return [...found];
}

async function cachePage(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  await cache.put(SCOPE, response);
  const wanted = referencedFiles(html);
  // The page names every bundle of the app (index.html's loader); a learner who asked the
  // browser to save data gets the others only when they open one of their pages.
  const saveData = self.navigator.connection?.saveData === true;
  await cache.addAll(wanted.filter((u) => u && !(saveData && /\.(js|wasm)$/.test(u))));
  // Forget files from older deployments.
  const keep = new Set([SCOPE, ...wanted]);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(SCOPE, { cache: "no-cache" })
      .then((response) => (response.ok ? cachePage(response) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) event.waitUntil(cachePage(response.clone()));
          return response;
        })
        .catch(() => caches.match(SCOPE).then((cached) => cached || Response.error())),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        }),
    ),
  );
});
