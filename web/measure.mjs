// Time to the app's first frame at a phone's size (390x844, touch) in headless Chromium:
// a fresh browser profile each run (nothing cached, no service worker yet), median of
// RUNS (default 5). The time is from navigation start to the first frame the app puts
// on its canvas, served gzipped from this machine. Run after web/build.sh:
//   (cd web && node measure.mjs)
// SLOW=1 also emulates a slow phone: the CPU 4x slower and a 1.6 Mbit/s, 150 ms link
// (Chrome DevTools' "Fast 3G"). DPR=3 draws at a phone's pixel density.
import { serve, launch, firstFrameHook, sleep } from "./lib.mjs";

const port = Number(process.env.PORT || 8765);
const runs = Number(process.env.RUNS || 5);
const slow = process.env.SLOW === "1";
const times = [];
let server;
try {
  server = await serve(port);
  // Let the server compress each file once before the timed runs.
  for (const file of ["", "pkg/tension-check.js", "pkg/tension-check_bg.wasm"]) {
    await (await fetch(`http://127.0.0.1:${port}/${file}`, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
  }
  for (let i = 0; i < runs; i++) {
    const context = await launch();
    try {
      await context.addInitScript(firstFrameHook);
      const page = context.pages()[0] || await context.newPage();
      if (slow) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false, latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
        });
      }
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => window.__tc && window.__tc.firstFrame !== null, null,
        { timeout: 180000, polling: 50 });
      const t = await page.evaluate(() => window.__tc.firstFrame);
      times.push(t);
      console.log(`run ${i + 1}: first frame at ${Math.round(t)} ms`);
      await sleep(200);
    } finally {
      await context.closeAll();
    }
  }
} finally {
  if (server) await server.close();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`median time to first frame (${slow ? "slow phone" : "no throttling"}, DPR ${process.env.DPR || 1}): ${Math.round(median)} ms`);
