// Loads the browser build in headless Chromium, walks through the safety screen with
// the keyboard and a mouse click, and checks the session landed in localStorage in the
// same RON format as on the desktop. Run after web/build.sh:
//   (cd web && npm install --no-save playwright-core@1 && node test.mjs)
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const port = 8765;
const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "-d", "."], {
  stdio: "ignore",
});
await sleep(800);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  ],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await page.waitForSelector("canvas", { timeout: 30000 });
  await sleep(3000);
  await page.screenshot({ path: "shot-home.png" });
  // "New check" on the home screen's action bar.
  await page.mouse.click(760, 764);
  await sleep(800);
  await page.screenshot({ path: "shot-safety.png" });
  for (let i = 0; i < 3; i++) { await page.keyboard.press("n"); await sleep(300); }
  await page.screenshot({ path: "shot-question-4.png" });
  await page.keyboard.press("y");
  await sleep(1500);
  await page.screenshot({ path: "shot-result.png" });
  const stored = await page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith("tension-check/sessions/")) out.push([key, localStorage.getItem(key)]);
    }
    return out;
  });
  console.log(`sessions in localStorage: ${stored.length}`);
  if (stored.length !== 1) { failed = true; console.error("expected one saved session"); }
  else {
    const text = stored[0][1];
    for (const needle of ["format_version: 1", "BothLegs: true", "tier: Emergency"]) {
      if (!text.includes(needle)) { failed = true; console.error(`the saved RON lacks ${needle}`); }
    }
  }
  if (errors.length) { console.error("page errors:\n" + errors.join("\n")); failed = true; }
} finally {
  await browser.close();
  server.kill();
}
if (failed) process.exit(1);
console.log("web: ok");
