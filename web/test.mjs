// The browser build in headless Chromium at a phone's size (390x844, touch): the loading
// message in the first paint, the canvas focused so keys work without a tap, no
// pull-to-refresh, a check through the safety questions (answered by keys) saved to
// IndexedDB in the desktop's RON format, the manifest passing Chromium's installability
// check, the service worker active, a new build picked up on the next start without
// losing sessions, the app starting offline from the service worker's cache; then, by
// taps: the session still there after a reload, a note typed through the page's keyboard
// input and kept after a reload, PDF and CSV downloads read back, a delete kept after a
// reload, an import through the file picker, a damaged entry set aside and offered for
// download and removal, the backup as one file, a check in progress taken up again
// after a reload, and a whole check by taps (Home, New check, every safety question,
// every card of both tests on both legs, See result) that must grade "Nerve tension
// likely", with every answer saved as tapped, leg by leg and card by card, and the
// session in History after a reload. The check by taps finds its buttons by their text:
// the page is opened with ?test-hooks, which lets it ask the app where a text is shown
// (tcFindAll, src/web/hooks.rs); the taps and swipes are real touch events. Run after
// web/build.sh:
//   (cd web && npm install --no-save playwright-core@1 binaryen && node test.mjs)
// Screenshots go to web/shot-*.png. The HTTP server runs in this process (PORT, default
// 8765) and stops with it, passed or failed.
import { serve, launch, firstFrameHook, sleep, webDir } from "./lib.mjs";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

// The session format version the desktop writes, read from its source.
const formatVersion = readFileSync(`${webDir}../src/store/session.rs`, "utf8")
  .match(/pub const FORMAT_VERSION: u32 = (\d+);/)[1];

const port = Number(process.env.PORT || 8765);
const url = `http://127.0.0.1:${port}/`;
let passed = 0;
let failed = 0;
function check(ok, what, detail = "") {
  if (ok) { passed += 1; console.log(`ok   ${what}`); }
  else { failed += 1; console.error(`FAIL ${what}${detail ? `: ${detail}` : ""}`); }
}

// Every IndexedDB entry whose key starts with `prefix`, as { key: text }.
const entries = (page, prefix = "sessions/") => page.evaluate((prefix) => new Promise((resolve, reject) => {
  const open = indexedDB.open("tension-check");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("entries")) { db.close(); resolve({}); return; }
    const store = db.transaction("entries").objectStore("entries");
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => {
      const out = {};
      keys.result.forEach((key, i) => { if (key.startsWith(prefix)) out[key] = values.result[i]; });
      db.close();
      resolve(out);
    };
  };
}), prefix);
// Writes one entry into the app's IndexedDB, as a damaged or old file would be found.
const put = (page, key, text) => page.evaluate(([key, text]) => new Promise((resolve, reject) => {
  const open = indexedDB.open("tension-check");
  open.onsuccess = () => {
    const tx = open.result.transaction("entries", "readwrite");
    tx.objectStore("entries").put(text, key);
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
}), [key, text]);
const stored = async (page) => Object.fromEntries(Object.entries(await entries(page))
  .filter(([key]) => !key.endsWith(".note.ron")));
const waitFirstFrame = (page, timeout = 60000) =>
  page.waitForFunction(() => window.__tc && window.__tc.firstFrame !== null, null, { timeout });

// Taps found by their text, on a page opened with ?test-hooks: `findAll(text)` asks the
// app where `text` is shown (tcFindAll, src/web/hooks.rs); `tapText` taps the middle of
// it with a real touch, after real touch swipes bring it on screen.
async function tapper(page) {
  await page.waitForFunction(() => typeof window.tcFindAll === "function", null, { timeout: 20000 });
  const touch = await page.context().newCDPSession(page);
  const state = { count: 0, swipes: 0 };
  const findAll = (text) => page.evaluate((text) => window.tcFindAll(text), text);
  // A swipe of the finger by `dy` CSS pixels (negative: up, showing what is below),
  // started at the left margin, where the page scrolls and nothing is tapped.
  const swipe = async (dy) => {
    state.swipes += 1;
    const x = 8;
    const y = dy < 0 ? 640 : 160;
    const send = (type, points) => touch.send("Input.dispatchTouchEvent", { type, touchPoints: points });
    await send("touchStart", [{ x, y }]);
    for (let i = 1; i <= 8; i++) await send("touchMove", [{ x, y: y + (dy * i) / 8 }]);
    await send("touchEnd", []);
    await sleep(250);
  };
  // The whole of the `nth` widget showing `text`, on screen: swipes until it is.
  const locate = async (text, nth = 0) => {
    const visible = (m) => m && m.visible && m.visible.width >= m.width * 0.9 && m.visible.height >= m.height * 0.9;
    let seen = false;
    for (const dy of [0, -300, -300, -300, -300, 300, 300, 300, 300, 300, 300, 300, 300]) {
      if (dy) await swipe(dy);
      let found = await findAll(text);
      for (let wait = 0; !found.length && !seen && wait < 10; wait++) {
        await sleep(200); // a screen still on its way
        found = await findAll(text);
      }
      seen ||= found.length > 0;
      if (visible(found[nth])) return found[nth].visible;
      if (!seen) break;
    }
    throw new Error(`"${text}" is ${seen ? "never fully on screen" : "not on the screen"}`);
  };
  const tapText = async (text, nth = 0) => {
    const r = await locate(text, nth);
    await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
    state.count += 1;
    // Past the app's tap guard (400 ms after a page opens, taps do nothing), as a
    // person who reads the new page before tapping.
    await sleep(450);
  };
  const findText = async (text) => (await findAll(text)).some((m) => m.visible);
  return Object.assign(state, { findAll, locate, tapText, findText });
}

// Where Home's buttons are, in CSS pixels (rounded to a tenth).
async function homeBounds(taps) {
  const out = {};
  for (const text of ["New check", "History", "Settings"]) {
    const m = (await taps.findAll(text))[0];
    out[text] = m ? [m.x, m.y, m.width, m.height].map((v) => Math.round(v * 10) / 10) : null;
  }
  return out;
}
const sameBounds = (a, b) => a && b && Object.keys(a).every((k) => a[k] && b[k] && a[k].every((v, i) => Math.abs(v - b[k][i]) <= 0.5));

// Whether the app draws "New check" where it says the text is (tcFindAll, in CSS pixels)
// as a person sees the page: the canvas's own pixels under that place of the page (its
// pixels per CSS pixel taken from the canvas itself), the button's blue just left of the
// text and the white of the letters across the text's middle. A tap there (tapText) then
// lands on what is drawn under the finger.
async function drawnWhereFound(page, taps) {
  const r = await taps.locate("New check");
  const seen = await page.evaluate((r) => {
    const canvas = document.querySelector("canvas");
    const box = canvas.getBoundingClientRect();
    const k = canvas.width / box.width;
    const context = canvas.getContext("2d");
    const y = Math.round((r.y - box.top + r.height / 2) * k);
    const fill = Array.from(context.getImageData(Math.round((r.x - box.left - 8) * k), y, 1, 1).data);
    const row = context.getImageData(Math.round((r.x - box.left) * k), y, Math.round(r.width * k), 1).data;
    let white = 0;
    for (let i = 0; i < row.length; i += 4) if (row[i] > 200 && row[i + 1] > 200 && row[i + 2] > 200) white += 1;
    return { k, fill, white };
  }, r);
  const [red, , blue] = seen.fill;
  // The primary button is #3847C9 (56, 71, 201); its label white, a few strokes across.
  const ok = blue > 150 && red < 120 && seen.white >= 4 * seen.k;
  return { ok, detail: `text at ${JSON.stringify(r)}, ${seen.k} canvas pixels per CSS px, there: fill ${seen.fill.join(",")}, ${seen.white} white pixels across` };
}

// The app at a phone's pixel density, `dpr` device pixels to a CSS pixel, in a browser of
// its own (see lib.mjs, launch): the canvas holds 390x844 times `dpr` pixels, Home is laid
// out as at DPR 1, "New check" is drawn where the app says it is, and a tap on it opens
// the check. With `long`, taps go on through every safety question and the first three
// cards of the left leg, and the check kept in progress must hold what was tapped;
// without, the text size is set to 125% and the layout checked before and after a reload.
async function densityPass(dpr, long) {
  const started = Date.now();
  const context = await launch(dpr);
  try {
    await context.addInitScript(firstFrameHook);
    const page = context.pages()[0] || await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${url}?test-hooks`);
    await waitFirstFrame(page);
    const taps = await tapper(page);
    await sleep(500);
    const size = await page.evaluate(() => {
      const canvas = document.querySelector("canvas");
      const r = canvas.getBoundingClientRect();
      return { ratio: devicePixelRatio, css: [r.width, r.height], pixels: [canvas.width, canvas.height] };
    });
    check(size.ratio === dpr && size.css.join("x") === "390x844" && size.pixels.join("x") === `${390 * dpr}x${844 * dpr}`,
      `DPR ${dpr}: the canvas fills 390x844 CSS px with ${390 * dpr}x${844 * dpr} pixels`, JSON.stringify(size));
    const home = await homeBounds(taps);
    check(sameBounds(home, homeAt1), `DPR ${dpr}: Home is laid out as at DPR 1 (New check, History, Settings in the same places)`,
      `DPR ${dpr} ${JSON.stringify(home)}, DPR 1 ${JSON.stringify(homeAt1)}`);
    const drawn = await drawnWhereFound(page, taps);
    check(drawn.ok, `DPR ${dpr}: New check is drawn where the app says it is`, drawn.detail);
    if (long) await page.screenshot({ path: `shot-dpr${dpr}-home.png` });
    await taps.tapText("New check");
    const opened = await taps.locate("I'm ready").then(() => true, () => false); // a fresh profile's first run
    check(opened, `DPR ${dpr}: a tap on New check opens the check`);
    if (long && opened) {
      await taps.tapText("I'm ready");
      const safetyQuestions = 15; // fourteen red flags, then the injury question
      for (let i = 0; i < safetyQuestions; i++) await taps.tapText("No");
      await taps.tapText("Right"); // the leg that bothers
      await taps.tapText("Yes"); // the other leg first, for reference
      await taps.tapText("Start");
      await taps.tapText("Next"); // A1: a setup card
      for (const text of ["6", "Buttock", "Tingling", "Yes"]) await taps.tapText(text);
      await sleep(500);
      await page.screenshot({ path: `shot-dpr${dpr}-card.png` });
      await taps.tapText("Next");
      await taps.tapText("Eased");
      await taps.tapText("Next");
      await sleep(800);
      // The check in progress as the app keeps it (compact RON): every safety answer
      // No, the legs as tapped, and the two answered cards exactly as tapped.
      const draft = (await entries(page, "draft.ron"))["draft.ron"] || "";
      const flags = ((draft.match(/red_flags:\{([^}]*)\}/) || [])[1] || "").split(",").filter(Boolean);
      check(flags.length === safetyQuestions - 1 && flags.every((f) => f.endsWith(":false")) && /injury:Some\(false\)/.test(draft),
        `DPR ${dpr}: every safety question is kept as the No tapped`, draft);
      check(/bothered:Some\(Right\)/.test(draft) && /reference_first:true/.test(draft),
        `DPR ${dpr}: the right leg kept as the one that bothers, the left tested first`, draft);
      const one = (body, name) => {
        const m = body.match(new RegExp(`${name}:(?:Some\\((\\w+)\\)|None)`));
        return !m || m[1] === undefined ? null : /^\d+$/.test(m[1]) ? Number(m[1]) : m[1];
      };
      const list = (body, name) => ((body.match(new RegExp(`${name}:\\[([^\\]]*)\\]`)) || [])[1] || "").split(",").filter(Boolean);
      const got = {};
      for (const chunk of draft.split("((leg:").slice(1)) {
        const [, leg, step] = chunk.match(/^(\w+),step:(\w+)\)/) || [];
        got[`${leg} ${step}`] = {
          intensity: one(chunk, "intensity"), regions: list(chunk, "regions"), qualities: list(chunk, "qualities"),
          familiar: one(chunk, "familiar"), change: one(chunk, "change"),
          sharp_pain: one(chunk, "sharp_pain"), spread: one(chunk, "spread"),
        };
      }
      const none = { intensity: null, regions: [], qualities: [], familiar: null, change: null, sharp_pain: null, spread: null };
      const want = {
        "Left A2": { ...none, intensity: 6, regions: ["Buttock"], qualities: ["Tingling"], familiar: "Yes" },
        "Left A3": { ...none, change: "Eased" },
      };
      check(JSON.stringify(got) === JSON.stringify(want), `DPR ${dpr}: the cards' answers kept are the ones tapped (left A2, A3)`,
        `tapped ${JSON.stringify(want)}, kept ${JSON.stringify(got)}`);
    }
    if (!long && opened) {
      // The app's own text size on top: at 125% the 390 px page is laid out for 312 px,
      // wide enough for the top bar to show the app's name (below 300 it gives way),
      // and still after a reload, when iced's window size arrives already divided by
      // the text size; New check still drawn where the app says it is.
      const reopen = async () => {
        await page.goto(`${url}?test-hooks`);
        await waitFirstFrame(page);
        await page.waitForFunction(() => typeof window.tcFindAll === "function", null, { timeout: 20000 });
        await sleep(500);
      };
      const named = async () => (await taps.findAll("Tension Check")).some((m) => m.y < 40);
      await reopen();
      await taps.tapText("Settings");
      await taps.tapText("125%");
      await sleep(500);
      const before = await named();
      await reopen();
      const after = await named();
      const button = (await taps.findAll("New check"))[0];
      const scaled = button && Math.abs(button.height - 26 * 1.25) < 0.5;
      check(before && after && scaled,
        `DPR ${dpr}: at 125% text size the page is laid out for 312 px, also after a reload (the top bar keeps the app's name)`,
        `name shown before the reload ${before}, after ${after}; New check ${JSON.stringify(button)}`);
      const drawn125 = await drawnWhereFound(page, taps);
      check(drawn125.ok, `DPR ${dpr}: at 125% New check is drawn where the app says it is`, drawn125.detail);
    }
    check(errors.length === 0, `DPR ${dpr}: no errors in the page`, "\n" + errors.join("\n"));
    console.log(`     DPR ${dpr}: ${taps.count} taps, ${taps.swipes} swipes, ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await context.closeAll().catch(() => {});
  }
}

let server;
let context;
let homeAt1 = null;
// A hung page must not hang CI: give up after five minutes, through the finally below.
const watchdog = setTimeout(() => { console.error("FAIL timed out"); process.exit(1); }, 300000);
try {
  server = await serve(port);
  context = await launch();
  await context.addInitScript(firstFrameHook);
  // What the app asks the phone's voice to say (the words only; the voice still speaks).
  await context.addInitScript(() => {
    window.__spoken = [];
    if ("speechSynthesis" in window) {
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance) => {
        window.__spoken.push(utterance.text);
        try { speak(utterance); } catch { /* no voice: the words were still asked for */ }
      };
    }
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  // The first paint, before any wasm has arrived: a loading message.
  await page.goto(url, { waitUntil: "domcontentloaded" });
  const loading = await page.evaluate(() => {
    const el = document.getElementById("loading");
    return el && { text: el.innerText, visible: el.getBoundingClientRect().height > 0 };
  });
  check(loading && loading.visible && /Loading/.test(loading.text), "loading message in the first paint",
    JSON.stringify(loading));

  await page.waitForSelector("canvas", { timeout: 60000 });
  await waitFirstFrame(page);
  await sleep(500);
  await page.screenshot({ path: "shot-home.png" });
  const tc = await page.evaluate(() => window.__tc);
  const app = tc.contexts.filter((c) => c.inPage);
  check(app.length > 0 && app.every((c) => c.kind === "2d" && c.ok),
    "the app draws into a 2D canvas (tiny-skia), not WebGL", JSON.stringify(tc.contexts));
  console.log(`     first frame ${Math.round(tc.firstFrame)} ms after navigation start`);

  const layout = await page.evaluate(() => {
    const canvas = document.querySelector("canvas");
    const style = (el) => {
      const s = getComputedStyle(el);
      return `${s.touchAction}/${s.overscrollBehaviorY}`;
    };
    const r = canvas.getBoundingClientRect();
    return {
      focused: document.activeElement === canvas,
      styles: [style(document.documentElement), style(document.body), style(canvas)],
      size: [r.width, r.height],
      viewport: document.querySelector('meta[name="viewport"]')?.content,
    };
  });
  check(await page.evaluate(() => typeof window.tcFind === "undefined" && typeof window.tcFindAll === "undefined"),
    "no test hooks on a normal visit (only with ?test-hooks)");
  check(layout.focused, "the canvas has the keyboard focus on load");
  check(layout.styles.every((s) => s === "none/none"), "touch-action and overscroll-behavior none on html, body, canvas",
    layout.styles.join(" "));
  check(layout.size[0] === 390 && layout.size[1] === 844, "the canvas fills the phone's viewport", layout.size.join("x"));
  check(/width=device-width/.test(layout.viewport || ""), "viewport meta for phones");
  const covered = await page.evaluate(() => {
    const el = document.getElementById("loading");
    const top = document.elementFromPoint(195, 422);
    return (!el || el.getAttribute("aria-hidden") === "true") && top && top.tagName === "CANVAS";
  });
  check(covered, "once the app draws, its canvas covers the loading message, hidden from screen readers");

  // Keys work without a tap (the canvas has the focus): Enter is New check. Then a tap
  // on the action bar's primary button ("I'm ready" on the first-run screen), then the
  // safety questions by keys: five No, then Yes (both legs) ends with emergency guidance.
  // Ctrl+Q, the desktop's quit, must not freeze the page (index.html holds it back).
  const home = await page.screenshot();
  await page.keyboard.press("Control+q");
  await sleep(500);
  await page.keyboard.press("Enter");
  await sleep(800);
  const firstRun = await page.screenshot({ path: "shot-first-run.png" });
  check(!home.equals(firstRun), "after Ctrl+Q, Enter with no tap still starts a check");
  await page.touchscreen.tap(300, 812);
  await sleep(800);
  await page.screenshot({ path: "shot-safety.png" });
  for (let i = 0; i < 5; i++) { await page.keyboard.press("n"); await sleep(300); }
  await page.keyboard.press("y");
  await sleep(1500);
  await page.screenshot({ path: "shot-result.png" });
  const sessions = await stored(page);
  const keys = Object.keys(sessions);
  check(keys.length === 1, "one session saved in IndexedDB", `${keys.length} found`);
  for (const needle of [`format_version: ${formatVersion}`, "BothLegs: true", "tier: Emergency"]) {
    check(keys.length === 1 && sessions[keys[0]].includes(needle), `the saved RON has ${needle}`);
  }

  // Installable: the manifest as Chromium reads it, and its installability check.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  check(manifest.errors.length === 0, "the manifest parses", JSON.stringify(manifest.errors));
  const installability = await cdp.send("Page.getInstallabilityErrors");
  check(installability.installabilityErrors.length === 0, "Chromium's installability check passes",
    JSON.stringify(installability.installabilityErrors));

  // The service worker is active and has every file in its cache.
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const files = names.length === 1
      ? (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname)
      : [];
    return { state: registration.active && registration.active.state, names, files };
  });
  check(worker.state === "activated", "the service worker is active", worker.state);
  check(worker.names.length === 1 && /^tension-check-[0-9a-f]{16}$/.test(worker.names[0]),
    "one cache, named after the build", worker.names.join(", "));
  for (const file of ["/index.html", "/pkg/tension-check.js", "/pkg/tension-check_bg.wasm", "/manifest.webmanifest"]) {
    check(worker.files.includes(file), `the cache holds ${file}`);
  }

  // A new build on the server (another version stamp): the next start installs it into a
  // new cache and deletes the old one; the sessions stay.
  const newVersion = "0123456789abcdef";
  server.overrides.set("/pkg/version.js", `self.VERSION = "${newVersion}";\n`);
  await page.reload();
  let after = [];
  for (let i = 0; i < 120; i++) {
    after = await page.evaluate(() => caches.keys());
    if (after.length === 1 && after[0] === `tension-check-${newVersion}`) break;
    await sleep(250);
  }
  check(after.length === 1 && after[0] === `tension-check-${newVersion}`,
    "a new build replaces the old cache on the next start", after.join(", "));
  check(Object.keys(await stored(page)).length === 1, "the session is still there after the update");

  // Offline: with the network gone (and the server no longer answering), a reload still
  // starts the app, from the service worker's cache.
  await context.setOffline(true);
  const before = server.requests.length;
  await page.reload();
  await page.waitForSelector("canvas", { timeout: 60000 });
  const offlineFrame = await waitFirstFrame(page).then(() => true, () => false);
  await sleep(500);
  await page.screenshot({ path: "shot-offline.png" });
  check(offlineFrame, "offline, a reload still shows the app");
  check(server.requests.length === before, "offline, nothing reached the server",
    server.requests.slice(before).join(" "));
  check(Object.keys(await stored(page)).length === 1, "offline, the session is still there");
  await context.setOffline(false);


  // Every feature, by taps on the phone's screen (places measured on the screenshots).
  const tap = async (x, y, wait = 700) => { await page.touchscreen.tap(x, y); await sleep(wait); };
  const restart = async () => {
    await page.reload();
    await waitFirstFrame(page);
    await sleep(800);
  };
  const note = "left calf after running";
  await restart();
  const [sessionKey] = Object.keys(await stored(page));
  const id = sessionKey.slice("sessions/".length, -".ron".length);
  await tap(58, 812); // History
  await page.screenshot({ path: "shot-history.png" });
  await tap(195, 180); // the session
  await page.screenshot({ path: "shot-detail.png" });
  await tap(195, 545); // the note field
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  check(focused === "keyboard", "a tap on the note field focuses the page's text input (the phone's keyboard)", focused);
  await page.keyboard.type(note);
  await page.keyboard.press("Enter"); // the phone keyboard's Done: saves the note
  await sleep(1000);
  await page.screenshot({ path: "shot-note.png" });
  const noteKey = `sessions/${id}.note.ron`;
  check(((await entries(page, noteKey))[noteKey] || "").includes(note), "the note typed on the keyboard is saved");
  // Health text must not linger in the page once saved: not in #keyboard's value, not in
  // the accessibility tree a screen reader reads, after Done and after a tap elsewhere.
  const lingering = async () => {
    const value = await page.evaluate(() => document.getElementById("keyboard").value);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    await cdp.detach();
    const tree = JSON.stringify(nodes);
    return [value.includes("calf"), tree.includes("calf")];
  };
  const afterDone = await lingering();
  check(!afterDone[0] && !afterDone[1], "after Done the note's words are neither in the page's text input nor in its accessibility tree", afterDone);
  await tap(195, 120); // away from the field
  await sleep(300);
  const afterTap = await lingering();
  check(!afterTap[0] && !afterTap[1], "after a tap elsewhere the note's words are nowhere in the page's accessibility tree", afterTap);
  await restart();
  check(((await entries(page, noteKey))[noteKey] || "").includes(note), "the note is still there after a reload");

  // Export: the PDF and the CSV are made in wasm and downloaded.
  await tap(58, 812); // History
  await tap(195, 180); // the session
  await tap(275, 812); // Export report
  await page.screenshot({ path: "shot-export.png" });
  const download = async (x, y) => {
    const [file] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }), tap(x, y)]);
    return { name: file.suggestedFilename(), path: await file.path() };
  };
  const pdf = await download(105, 205); // Save report (PDF)
  const pdfBytes = readFileSync(pdf.path);
  check(/\.pdf$/.test(pdf.name) && pdfBytes.subarray(0, 5).toString() === "%PDF-", "the PDF downloads", pdf.name);
  const pdfText = execFileSync("pdftotext", [pdf.path, "-"]).toString();
  check(/Emergency/.test(pdfText) && /2026|20\d\d/.test(pdfText), "pdftotext finds the session's tier and date in the PDF",
    pdfText.slice(0, 200));
  const csv = await download(74, 261); // Save CSV
  const csvLines = readFileSync(csv.path, "utf8").trim().split(/\r?\n/);
  check(/\.csv$/.test(csv.name) && csvLines.length === 2 && /,/.test(csvLines[0]) && csvLines[1].includes(id),
    "the CSV downloads with a header and the session's row", csvLines.slice(0, 2).join(" | "));

  // Delete: the session goes to the trash, and stays there after a reload.
  await tap(40, 812); // Back to the session
  await tap(129, 812); // Delete
  await tap(286, 812); // Delete session (the confirmation)
  await page.screenshot({ path: "shot-deleted.png" });
  const trashed = async () => Object.keys(await entries(page, "trash/")).filter((k) => k.endsWith(`--${id}.ron`));
  check(!(sessionKey in await stored(page)) && (await trashed()).length === 1, "Delete moves the session to the trash");
  await restart();
  check(!(sessionKey in await stored(page)) && (await trashed()).length === 1, "the delete survives a reload");

  // Import: a session file from the desktop, through the file picker.
  const fixture = `${webDir}../tests/fixtures/sessions/v2/stopped_at_a4.ron`;
  const fixtureId = readFileSync(fixture, "utf8").match(/id: "([^"]+)"/)[1];
  await tap(58, 812); // History
  await tap(334, 95); // Export
  await page.mouse.move(195, 400);
  await page.mouse.wheel(0, 800);
  await sleep(700);
  await page.screenshot({ path: "shot-backup.png" });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 20000 }), tap(56, 731)]);
  await chooser.setFiles(fixture);
  await sleep(1500);
  await page.screenshot({ path: "shot-imported.png" });
  check(`sessions/${fixtureId}.ron` in await stored(page), "a session file imports through the file picker");

  // A damaged entry: set aside (kept, unchanged), reported, and not loaded again.
  const damaged = "Session(format_version: 2, app_version: \"0.1.0\", id: \"x";
  await put(page, "sessions/damaged.ron", damaged);
  await restart();
  await tap(58, 812); // History: says what was set aside
  await page.screenshot({ path: "shot-set-aside.png" });
  const aside = await entries(page, "set-aside/");
  check(aside["set-aside/damaged.ron"] === damaged && !("sessions/damaged.ron" in await entries(page)),
    "a damaged entry is set aside unchanged", JSON.stringify(Object.keys(aside)));
  await tap(334, 95); // Export: offers to download or remove what was set aside
  await page.mouse.move(195, 400);
  await page.mouse.wheel(0, 1600);
  await sleep(700);
  const backupFile = await download(104, 360); // Back up all sessions
  const backupText = readFileSync(backupFile.path, "utf8");
  check(backupText.startsWith("Backup(") && backupText.includes(fixtureId) && !backupText.includes(damaged),
    "the backup downloads as one file with the sessions", backupFile.name);
  const toBottom = async () => { await page.mouse.wheel(0, 1600); await sleep(700); };
  await toBottom();
  const asideFile = await download(89, 731); // Download them
  check(readFileSync(asideFile.path, "utf8").includes(damaged), "the set-aside entry downloads as it was");
  await toBottom();
  await page.screenshot({ path: "shot-set-aside-export.png" });
  await tap(236, 731); // Remove them
  check(Object.keys(await entries(page, "set-aside/")).length === 0, "the person can remove the set-aside entries");

  // A check in progress survives a reload. The app keeps it (draft.ron) whenever it
  // changes; here one stands on the right leg's card A2 with nothing answered yet.
  await restart();
  const homeNow = await page.screenshot();
  const draftKey = "draft.ron";
  const draft = "(check:(red_flags:{SaddleNumbness:false,BladderOrBowel:false,SexualDysfunction:false,"
    + "BothLegs:false,SevereWeakness:false,AfterAccident:false,Fever:false,WeightLoss:false,"
    + "CancerHistory:false,NightPain:false,WeakImmunity:false},injury:Some(false),bothered:Some(Right),"
    + "legs:[],stopped_at:None),reference_first:false,answers:[],card:1,transition:false)";
  await put(page, draftKey, draft);
  await restart();
  const resumed = await page.screenshot({ path: "shot-resumed.png" });
  check(!resumed.equals(homeNow), "a reload takes up the check in progress instead of Home");
  await page.keyboard.press("5"); // the card's intensity, by key
  await sleep(800);
  const keptDraft = async () => (await entries(page, draftKey))[draftKey];
  check(((await keptDraft()) || "").includes("intensity:Some(5)"), "an answer is kept at once",
    await keptDraft());
  await restart();
  const again = await page.screenshot();
  check(again.equals(resumed) === false && !again.equals(homeNow),
    "after another reload the card shows the answer given (not Home, not the unanswered card)");
  await page.keyboard.press("Escape"); // Quit?
  await sleep(500);
  await page.keyboard.press("y"); // Quit the check
  await sleep(800);
  check((await keptDraft()) === undefined, "quitting the check drops what was kept");


  // A whole check by taps, found by their text. The page is opened with ?test-hooks,
  // which lets it ask the running app where a text is shown (src/web/hooks.rs:
  // tcFindAll), read-only; every answer is a real touch tap at that place, and a
  // target off screen is brought into view by a real touch swipe. The answers make
  // the right leg grade as "Nerve tension likely"; then the session saved in
  // IndexedDB must hold exactly what was tapped, card by card, leg by leg.
  await page.goto(`${url}?test-hooks`);
  await waitFirstFrame(page);
  const taps = await tapper(page);
  const { findAll, tapText, findText } = taps;
  // Where Home's buttons are at DPR 1, for the passes at a phone's pixel density below.
  homeAt1 = await homeBounds(taps);
  const drawn1 = await drawnWhereFound(page, taps);
  check(drawn1.ok, "New check is drawn where the app says it is (DPR 1)", drawn1.detail);
  const labels = {
    LowerBack: "Lower back", Buttock: "Buttock", BackOfThigh: "Back of thigh", BackOfKnee: "Back of knee",
    UpperCalf: "Upper calf", LowerLegOrFoot: "Lower leg or foot", StretchOrPull: "Stretch or pull",
    DullAche: "Dull ache", Burning: "Burning", Tingling: "Tingling", Numbness: "Numbness",
    Shooting: "Shooting", Sharp: "Sharp", Yes: "Yes", No: "No", NotSure: "Not sure",
    Eased: "Eased", NoChange: "No change", Stronger: "Stronger",
  };
  const blank = { intensity: null, regions: [], qualities: [], familiar: null, change: null, sharp_pain: null, spread: null };
  const answer = (fields = {}) => ({ ...blank, ...fields });
  // Left is the reference leg (tested first), right the leg that bothers: changes
  // that point to the nerve, the usual feeling, tingling and burning, below the knee,
  // and 4 points stronger than the left leg.
  const plan = {
    Left: {
      A1: answer(), A2: answer({ intensity: 2, regions: ["BackOfThigh"], qualities: ["StretchOrPull"], familiar: "No" }),
      A3: answer({ change: "NoChange" }), A4: answer({ change: "NoChange" }), A5: answer({ change: "NoChange" }),
      A6: answer({ change: "NoChange" }),
      B1: answer(), B2: answer({ intensity: 3, regions: ["BackOfKnee"], qualities: ["DullAche"], sharp_pain: false }),
      B3: answer({ change: "NoChange", spread: false }),
    },
    Right: {
      A1: answer(),
      A2: answer({ intensity: 6, regions: ["Buttock", "LowerLegOrFoot"], qualities: ["Tingling"], familiar: "Yes" }),
      A3: answer({ change: "Eased" }), A4: answer({ change: "Stronger" }), A5: answer({ change: "Stronger" }),
      A6: answer({ change: "Eased" }),
      B1: answer(), B2: answer({ intensity: 7, regions: ["Buttock"], qualities: ["Burning"], sharp_pain: false }),
      B3: answer({ change: "Stronger", spread: false }),
    },
  };
  const started = Date.now();
  const soundBefore = await page.evaluate(() => window.tcVoice && window.tcVoice.state());
  await tapText("New check");
  const soundAfter = await page.evaluate(() => window.tcVoice && window.tcVoice.state());
  check(soundBefore === "none" && soundAfter === "running",
    "the AudioContext is started by the first tap (not before)", `${soundBefore} -> ${soundAfter}`);
  if (await findText("I'm ready")) await tapText("I'm ready"); // the first run's card
  const safetyQuestions = 15; // fourteen red flags, then the injury question
  // A double tap (two touch taps 120 ms apart) on the first question's No answers only
  // that question: the second question stays on screen, unanswered.
  await sleep(450);
  const no = await taps.locate("No");
  await page.touchscreen.tap(no.x + no.width / 2, no.y + no.height / 2);
  await sleep(120);
  await page.touchscreen.tap(no.x + no.width / 2, no.y + no.height / 2);
  await sleep(600);
  check(await findText("Question 2 of 15") && !(await findText("Question 3 of 15")),
    "a double tap on the first safety question's No leaves the second question on screen");
  for (let i = 1; i < safetyQuestions; i++) await tapText("No");
  await tapText("Right"); // the leg that bothers
  await tapText("Yes"); // the other leg first, for reference
  await tapText("Start");
  await sleep(300);
  const spoken = await page.evaluate(() => window.__spoken);
  check(spoken.some((words) => words.startsWith("Sit on a firm chair")),
    "speechSynthesis is asked to speak the first card's instruction", JSON.stringify(spoken));
  const sections = [["A", "Left"], ["A", "Right"], ["B", "Left"], ["B", "Right"]];
  for (const [n, [test, leg]] of sections.entries()) {
    if (n > 0) await tapText("Continue"); // the card between two legs or tests
    const steps = Object.keys(plan[leg]).filter((step) => step.startsWith(test));
    for (const step of steps) {
      const a = plan[leg][step];
      if (a.intensity !== null) await tapText(String(a.intensity));
      for (const region of a.regions) await tapText(labels[region]);
      for (const quality of a.qualities) await tapText(labels[quality]);
      if (a.familiar) await tapText(labels[a.familiar]);
      if (a.change) await tapText(labels[a.change]);
      if (a.sharp_pain !== null) await tapText(a.sharp_pain ? "Yes" : "No");
      if (a.spread !== null) await tapText(a.spread ? "Yes" : "No");
      const last = n === sections.length - 1 && step === steps[steps.length - 1];
      await tapText(last ? "See result" : "Next");
    }
  }
  await sleep(1000);
  await page.screenshot({ path: "shot-check-by-taps.png" });
  console.log(`     ${taps.count} taps, ${taps.swipes} swipes, ${Math.round((Date.now() - started) / 1000)} s`);
  check(await findText("Nerve tension likely"), "a whole check by taps ends on the result it must grade to: Nerve tension likely");

  // What was tapped is what was recorded.
  const parseStep = (body) => {
    const one = (name) => {
      const m = body.match(new RegExp(`${name}: (?:Some\\((\\w+)\\)|None)`));
      if (!m || m[1] === undefined) return null;
      return /^\d+$/.test(m[1]) ? Number(m[1]) : m[1] === "true" ? true : m[1] === "false" ? false : m[1];
    };
    const list = (name) => (body.match(new RegExp(`${name}: \\[([^\\]]*)\\]`)) || [, ""])[1]
      .split(/[\s,]+/).filter(Boolean).sort();
    return {
      intensity: one("intensity"), regions: list("regions"), qualities: list("qualities"),
      familiar: one("familiar"), change: one("change"), sharp_pain: one("sharp_pain"), spread: one("spread"),
    };
  };
  const all = Object.keys(await stored(page));
  const saved = Object.entries(await stored(page)).filter(([, text]) => text.includes("tier: NerveTensionLikely"));
  check(saved.length === 1, "the check by taps is saved once, graded NerveTensionLikely",
    `${saved.length} of ${all.length}`);
  if (saved.length === 1) {
    const [tapKey, ron] = saved[0];
    const records = {};
    for (const chunk of ron.split("LegRecord(").slice(1)) {
      const leg = (chunk.match(/leg: (\w+)/) || [])[1];
      const steps = {};
      for (const m of chunk.matchAll(/(\b[AB]\d): StepAnswer\(([\s\S]*?)\n\s*\),/g)) steps[m[1]] = parseStep(m[2]);
      records[leg] = steps;
    }
    for (const leg of ["Left", "Right"]) {
      const want = Object.fromEntries(Object.entries(plan[leg]).map(([step, a]) =>
        [step, { ...a, regions: [...a.regions].sort(), qualities: [...a.qualities].sort() }]));
      const got = records[leg] || {};
      const wrong = Object.keys(want).filter((step) => JSON.stringify(got[step]) !== JSON.stringify(want[step]));
      check(wrong.length === 0 && Object.keys(got).length === Object.keys(want).length,
        `the ${leg.toLowerCase()} leg's saved answers are the ones tapped (${Object.keys(want).join(" ")})`,
        wrong.map((step) => `${step}: tapped ${JSON.stringify(want[step])}, saved ${JSON.stringify(got[step])}`).join("; ")
          || `saved steps ${Object.keys(got).join(" ")}`);
    }
    check(/reference: true/.test(ron.split("LegRecord(")[1] || "") && /bothered: Some\(Right\)/.test(ron),
      "the left leg recorded as the reference, the right as the leg that bothers");

    // Still there after a reload: in IndexedDB and in the History list.
    await restart();
    check(tapKey in await stored(page), "the check by taps is still saved after a reload");
    await tapText("History");
    await sleep(500);
    await page.screenshot({ path: "shot-history-taps.png" });
    check(await findText("Nerve tension likely"), "after a reload, History lists the check by taps with its result");
  }

  check(errors.length === 0, "no errors in the page", "\n" + errors.join("\n"));
  await context.closeAll();
  context = null;

  // The same app at a phone's pixel density: a tap must land on what is drawn under it.
  await densityPass(2, true);
  await densityPass(3, false);
} catch (error) {
  check(false, "the test ran to the end", error && error.stack || String(error));
} finally {
  clearTimeout(watchdog);
  if (context) await context.closeAll().catch(() => {});
  if (server) await server.close();
}
console.log(`web: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
