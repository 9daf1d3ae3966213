// The service worker: keeps the app's own files in one cache so the page starts with no
// network, and swaps in a new build on the start after it is published.
//
// pkg/version.js, written by web/build.sh, sets VERSION to a hash of the files below.
// The browser checks sw.js and the scripts it imports on every start (index.html
// registers it with updateViaCache "none", so no HTTP cache stands in the way); a new
// hash installs a new worker, which fetches the new files into a new cache and, once
// active, deletes the caches of older builds. The start that finds the new build still
// runs the old one from the old cache; the next start runs the new one.
//
// It touches only the Cache Storage entries whose names start with CACHE_PREFIX: the
// sessions in IndexedDB are never read or cleared.
importScripts("pkg/version.js");

const CACHE_PREFIX = "tension-check-";
const CACHE = CACHE_PREFIX + self.VERSION;
const FILES = [
  "index.html",
  "manifest.webmanifest",
  "storage.js",
  "keyboard.js",
  "voice.js",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "icons/maskable-192.png",
  "icons/maskable-512.png",
  "icons/apple-touch-icon.png",
  "pkg/tension-check.js",
  "pkg/tension-check_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // "reload" skips the HTTP cache: every file comes from the same, new build.
    await cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })));
    // Take over at once: the open page has already loaded everything it needs, so the
    // old files can go; the new ones are used from the next start.
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Cache first for the app's own files, the network for anything else. Opening the app
// (the start URL ".", which the server answers with index.html) gets the cached page.
const START = new URL("./", self.location).pathname;

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = request.mode === "navigate" && url.pathname === START
      ? await cache.match("index.html")
      : await cache.match(request, { ignoreSearch: true });
    return cached || fetch(request);
  })());
});
