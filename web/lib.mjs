// What web/test.mjs and web/measure.mjs share: a static file server for web/ (in this
// process, so the port is freed whenever the process ends, however it ends), Debian's
// Chromium with the flags this machine needs, and a hook that sees the app's first frame.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const webDir = fileURLToPath(new URL(".", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/// Serves web/ on 127.0.0.1:port, gzipped. `overrides` maps a path ("/pkg/version.js") to the body
/// to answer instead of the file; `requests` counts what was asked for.
export async function serve(port) {
  const state = { overrides: new Map(), requests: [] };
  const gzipped = new Map(); // path -> gzipped file, made once per run
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    state.requests.push(path);
    const file = path.endsWith("/") ? path + "index.html" : path;
    const local = normalize(join(webDir, file));
    const type = TYPES[extname(file)] || "application/octet-stream";
    try {
      if (!local.startsWith(webDir)) throw new Error("outside web/");
      let body = state.overrides.has(path) ? state.overrides.get(path) : await readFile(local);
      const headers = { "content-type": type, "cache-control": "no-cache" };
      // Compressed as any real host would send it (gzip; brotli is a little smaller).
      if (/\bgzip\b/.test(req.headers["accept-encoding"] || "") && /\.(wasm|js|html|webmanifest)$/.test(file)) {
        const key = state.overrides.has(path) ? null : path;
        const zipped = (key && gzipped.get(key)) || gzipSync(body, { level: 6 });
        if (key) gzipped.set(key, zipped);
        body = zipped;
        headers["content-encoding"] = "gzip";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  state.close = () => new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
  return state;
}

/// Debian's Chromium, headless, with a fresh profile that `closeAll()` deletes, at a phone's
/// size with touch and `dpr` device pixels to a CSS pixel (default: the DPR variable, or 1).
///
/// The ratio is given twice, and both are needed for a page that looks like a real phone's:
/// Playwright's `deviceScaleFactor` alone (Chromium's device-metrics emulation) sets
/// `devicePixelRatio` and the screenshot's size, but a ResizeObserver's
/// `devicePixelContentBoxSize` stays in CSS pixels (microsoft/playwright#18591); winit takes
/// a canvas's size in device pixels from there and its scale factor from
/// `devicePixelRatio`, so the app would draw into a canvas of half the pixels, laid out for
/// half the width, while touches arrive at full size. `--force-device-scale-factor` is the
/// display's own ratio, as a phone has it: then the two agree.
export async function launch(dpr = Number(process.env.DPR || 1)) {
  const profile = mkdtempSync(join(tmpdir(), "tension-check-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        `--force-device-scale-factor=${dpr}`,
      ],
      // An iPhone 12-14 sized phone, with touch.
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: dpr,
      hasTouch: true,
      isMobile: true,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  context.closeAll = async () => {
    try { await context.close(); } finally { rmSync(profile, { recursive: true, force: true }); }
  };
  return context;
}

/// Runs in the page before its own scripts: records which canvas contexts the page asks
/// for and when the app first puts pixels on screen (softbuffer, behind iced's tiny-skia
/// renderer, draws each frame with putImageData on a 2D canvas; a WebGL frame would
/// show as a "webgl"/"webgl2" context instead).
export function firstFrameHook() {
  const seen = { contexts: [], firstFrame: null, frames: 0 };
  window.__tc = seen;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    const context = getContext.call(this, kind, ...rest);
    seen.contexts.push({ kind, ok: context !== null, inPage: this.isConnected });
    return context;
  };
  const put = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (...args) {
    if (seen.firstFrame === null) seen.firstFrame = performance.now();
    seen.frames += 1;
    return put.apply(this, args);
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
