// Benchmark (not a timed test): what one slider update costs on a slow school laptop, as a ratio
// to a plain-JS page doing the same visible job, plus the first-load size and how soon the
// Playground can be used on slow networks. Run with `npm run bench -- update` after a release
// build; BENCH_SCAN=1 measures every step that has a slider (to find each lesson's heaviest),
// BENCH_CSS adds a style sheet to the app pages (to try a lever before building it), BENCH_PAGES
// (comma-separated routes) narrows the pages, BENCH_TTI=0 skips the network runs.
//
// Update cost: Chromium's own main-thread accounting (CDP Performance.getMetrics: TaskDuration
// = script + style + layout + paint + everything else on the main thread) with the CPU slowed 4×
// (Emulation.setCPUThrottlingRate). One update per animation frame: a keydown (ArrowUp, then
// ArrowDown ten frames later, …) on the page's first slider, as a held arrow key sends them.
// The same number of frames with no update is measured first and subtracted, so what remains is
// the update's own cost. Each app page is measured against the reference page (reference.html,
// served under the app's origin) given the same number of bars and numeric readouts, and as
// many moving charts, of the same sizes, as the app page redraws on the screen per update
// (counted on the app page before it is measured); the two are interleaved, page after page,
// round after round. Until 2026-12-02 the reference always had one 640×320 chart, which was
// unfair to pages that move several pictures at once (L4 one-pixel moves four).
//
// Time to interactive: a fresh browser context (cold cache) with the network slowed by CDP
// (Network.emulateNetworkConditions), from navigation to the Playground's first slider in the
// DOM; median of 3 per network. The first-load size is the gzip -9 size of what a first visit
// downloads: the page, its styles and the one WebAssembly bundle its address asks for (the
// largest of the bundles is the figure; each is printed).
import { test, expect } from "../fixtures";
import type { CDPSession, Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { distSizes, firstVisits } from "./measure";

// The app's service worker would answer the reference page's request before page.route sees it.
test.use({ serviceWorkers: "block" });

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 120);
const CPU = Number(process.env.BENCH_CPU ?? 4);
const OUT = path.join(__dirname, "..", "results", "bench-update.json");
const REFERENCE = fs.readFileSync(path.join(__dirname, "reference.html"), "utf8");

/** The Playground and the heaviest slider step of each lesson (from a BENCH_SCAN=1 run on
 * 2026-12-01; threshold is lesson 5.s only step with a slider). */
const PAGES = [
  "playground",
  "logits/with-logits",
  "softmax-or-sigmoid/two-heads",
  "losses-and-metrics/labels-and-losses",
  "regression-output/one-pixel",
  "anomaly-detection/threshold",
  "segmentation/inspector",
];

const NETWORKS = [
  { name: "1.6 Mbit/s, 150 ms RTT", down: 1.6e6 / 8, up: 0.75e6 / 8, latency: 150 },
  { name: "20 Mbit/s, 20 ms RTT", down: 20e6 / 8, up: 5e6 / 8, latency: 20 },
];

type Job = { bars: number; readouts: number; charts: string[] };

/** In the page: `frames` animation frames, each sending one key to slider `index` if `move`.
 * Returns the frame intervals and how many different values the slider showed.
 * Self-contained (serialised by page.evaluate). */
async function drive(a: { index: number; frames: number; move: boolean }) {
  const el = document.querySelectorAll<HTMLElement>('main [role="slider"]')[a.index];
  el.focus();
  const dts: number[] = [];
  const seen = new Set<string | null>();
  let last = 0;
  let k = 0;
  await new Promise<void>((resolve) => {
    const tick = (t: number) => {
      if (last) dts.push(t - last);
      last = t;
      if (k++ >= a.frames) return resolve();
      if (a.move) {
        const key = Math.floor(k / 10) % 2 ? "ArrowDown" : "ArrowUp";
        el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
        seen.add(el.getAttribute("aria-valuenow"));
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  el.dispatchEvent(new KeyboardEvent("keyup", { key: "ArrowUp", bubbles: true }));
  return { dts, values: seen.size };
}

const PARTS = ["TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration"] as const;
type Parts = Record<(typeof PARTS)[number], number>;

/** Chromium's main-thread totals so far, in seconds: all tasks, and script, style, layout of them. */
async function mainThread(cdp: CDPSession): Promise<Parts> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(PARTS.map((n) => [n, metrics.find((m) => m.name === n)!.value])) as Parts;
}

/** The middle value (the mean of the two middle ones for an even count). */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

/** Main-thread ms per update (idle frames subtracted) and the frame-interval p95 while updating. */
async function updateCost(page: Page, index: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.evaluate(drive, { index, frames: 30, move: true }); // warm-up, unthrottled
  await page.waitForTimeout(300);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  const t0 = await mainThread(cdp);
  await page.evaluate(drive, { index, frames: FRAMES, move: false });
  const t1 = await mainThread(cdp);
  const { dts, values } = await page.evaluate(drive, { index, frames: FRAMES, move: true });
  expect(values, "the key presses did not move the slider").toBeGreaterThan(5);
  const t2 = await mainThread(cdp);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.detach();
  // ms per update of each part, the idle frames' share subtracted.
  const per = (n: keyof Parts) => ((t2[n] - t1[n] - (t1[n] - t0[n])) / FRAMES) * 1000;
  return {
    ms: per("TaskDuration"),
    parts: { script: per("ScriptDuration"), style: per("RecalcStyleDuration"), layout: per("LayoutDuration") },
    frameP95: p95(dts),
  };
}

/** Opens an app page ready to be dragged: a predict question answered, a training gate passed. */
async function openApp(page: Page, route: string): Promise<Job> {
  await page.goto(`./#/${route}`);
  await expect(page.locator("main h1").first()).toBeVisible();
  // BENCH_CSS: extra CSS on the app pages, to try a layout or paint lever without a rebuild.
  if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
  const check = page.getByTestId("predict-check");
  if (await check.isVisible()) {
    await page.getByTestId("predict-choice-0").check();
    await check.click();
  }
  const gate = page.getByTestId("gate-train");
  if (await gate.count()) {
    await gate.click();
    await expect(page.getByTestId("train-gate")).toHaveCount(0, { timeout: 300_000 });
  }
  await expect(page.locator('main [role="slider"]').first()).toBeVisible({ timeout: 3000 });
  const charts = await page.evaluate(redrawnCharts);
  const counted = await page.evaluate(() => {
    const slider = document.querySelector('main [role="slider"]')!;
    const widget = slider.parentElement!.closest("[data-testid]") ?? document.body;
    const visible = (e: Element) => (e as HTMLElement).offsetParent !== null;
    return {
      bars: widget.querySelectorAll('[role="slider"]').length,
      readouts: Array.from(document.querySelectorAll('main [data-testid^="readout-"]')).filter(visible).length,
    };
  });
  return { ...counted, charts };
}

/** In the page: the CSS sizes ("WxH") of the canvases on the screen that a few updates of the
 * first slider draw on (up three steps, down three). Self-contained (serialised). */
async function redrawnCharts(): Promise<string[]> {
  const drawn = new Set<HTMLCanvasElement>();
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const names = ["clearRect", "fillRect", "fillText", "fill", "stroke", "drawImage", "putImageData"];
  const saved = names.map((m) => proto[m]);
  names.forEach((m, k) => {
    proto[m] = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
      drawn.add(this.canvas as HTMLCanvasElement);
      return saved[k].apply(this, a);
    };
  });
  const el = document.querySelector<HTMLElement>('main [role="slider"]')!;
  el.focus();
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  for (const key of ["ArrowUp", "ArrowUp", "ArrowUp", "ArrowDown", "ArrowDown", "ArrowDown"]) {
    el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
    await frame();
  }
  el.dispatchEvent(new KeyboardEvent("keyup", { key: "ArrowDown", bubbles: true }));
  // Only what the drag itself redrew: the catch-up after the key is let go is not counted.
  names.forEach((m, k) => (proto[m] = saved[k]));
  return [...drawn]
    .filter((c) => c.isConnected)
    .map((c) => c.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.bottom > 0 && r.top < innerHeight)
    .map((r) => `${Math.round(r.width)}x${Math.round(r.height)}`);
}

async function openReference(page: Page, job: Job) {
  await page.route((url) => url.pathname.endsWith("/__reference.html"), (route) =>
    route.fulfill({ body: REFERENCE, contentType: "text/html; charset=utf-8" }),
  );
  await page.goto(`./__reference.html?bars=${job.bars}&readouts=${job.readouts}&charts=${job.charts.join(",")}`);
}

/** Every lesson step with a slider (for BENCH_SCAN=1). */
async function allSliderSteps(page: Page): Promise<string[]> {
  await page.goto("./#/");
  const lessons = await page.locator("nav a").evaluateAll((as) =>
    as.map((a) => (a.getAttribute("href") ?? "").replace(/^#\//, "")).filter((h) => h && !/check|playground/.test(h)),
  );
  const steps: string[] = [];
  for (const lesson of lessons) {
    await page.goto(`./#/${lesson}`);
    const hrefs = await page.locator(".step-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    steps.push(...hrefs.map((h) => h.replace(/^#\//, "")));
  }
  return steps;
}

test("update cost against a plain-JS reference, first-load size, time to interactive", async ({ page, browser }) => {
  const pages = process.env.BENCH_SCAN
    ? ["playground", ...(await allSliderSteps(page))]
    : process.env.BENCH_PAGES?.split(",") ?? PAGES;
  const rows = new Map<string, { job: Job; app: number[]; ref: number[]; appP95: number[]; refP95: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const route of pages) {
      let job: Job;
      try {
        job = await openApp(page, route);
      } catch {
        if (process.env.BENCH_SCAN) continue; // a step without a slider
        throw new Error(`${route}: no slider to move`);
      }
      const app = await updateCost(page, 0);
      await openReference(page, job);
      const ref = await updateCost(page, 0);
      const row = rows.get(route) ?? { job, app: [], ref: [], appP95: [], refP95: [] };
      row.app.push(app.ms);
      row.ref.push(ref.ms);
      row.appP95.push(app.frameP95);
      row.refP95.push(ref.frameP95);
      rows.set(route, row);
      const parts = (p: Record<string, number>) => Object.entries(p).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
      console.log(
        `round ${round + 1} ${route}: app ${app.ms.toFixed(2)} ms (${parts(app.parts)}), reference ${ref.ms.toFixed(2)} ms (${parts(ref.parts)}); charts ${job.charts.join(" ") || "none"}`,
      );
    }
  }

  const ttis: { network: string; ms: number[]; firstPaintMs: number[]; transferBytes: number[] }[] = [];
  for (const net of process.env.BENCH_TTI === "0" ? [] : NETWORKS) {
    const row = { network: net.name, ms: [] as number[], firstPaintMs: [] as number[], transferBytes: [] as number[] };
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name === "first-contentful-paint") (window as any).__fcp = e.startTime;
        }).observe({ type: "paint", buffered: true });
      });
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: net.latency,
        downloadThroughput: net.down,
        uploadThroughput: net.up,
      });
      await p.goto("./#/playground", { waitUntil: "commit" });
      const r = await p.waitForFunction(
        () => {
          if (!document.querySelector('[data-testid="logit-bars"] [role="slider"]')) return null;
          const bytes = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
            .concat(performance.getEntriesByType("navigation") as PerformanceResourceTiming[])
            .reduce((t, e) => t + e.transferSize, 0);
          return { ms: performance.now(), bytes };
        },
        null,
        { polling: "raf", timeout: 60_000 },
      );
      const v = (await r.jsonValue())!;
      // The first paint (the static shell from index.html, before the wasm has loaded).
      const fcp = await p.waitForFunction(() => (window as any).__fcp, null, { timeout: 10_000 });
      row.ms.push(v.ms);
      row.firstPaintMs.push(Number(await fcp.jsonValue()));
      row.transferBytes.push(v.bytes);
      await context.close();
    }
    ttis.push(row);
  }

  const size = distSizes().total;
  const visits = firstVisits();
  const largest = visits.reduce((a, b) => (b.gzip9 > a.gzip9 ? b : a));
  const table = [...rows.entries()].map(([route, r]) => ({
    page: route,
    bars: r.job.bars,
    readouts: r.job.readouts,
    charts: r.job.charts.length,
    chartSizes: r.job.charts,
    appMs: median(r.app),
    referenceMs: median(r.ref),
    ratio: median(r.app) / median(r.ref),
    appFrameP95: median(r.appP95),
    referenceFrameP95: median(r.refP95),
  }));
  console.log(`\nOne update, CPU slowed ${CPU}×, ${FRAMES} updates, median of ${ROUNDS} interleaved rounds (main-thread ms)`);
  console.log("page                                 bars readouts charts    app  reference  ratio  frame p95 app/ref");
  for (const t of table) {
    console.log(
      `${t.page.padEnd(36)} ${String(t.bars).padStart(4)} ${String(t.readouts).padStart(8)} ${String(t.charts).padStart(6)} ${t.appMs.toFixed(2).padStart(6)} ${t.referenceMs.toFixed(2).padStart(10)} ${t.ratio.toFixed(2).padStart(6)}  ${t.appFrameP95.toFixed(1)}/${t.referenceFrameP95.toFixed(1)}`,
    );
  }
  console.log(`\nFirst load: ${largest.gzip9} bytes gzip -9 at most (bundle ${largest.bundle}; ${largest.raw} raw)`);
  for (const v of visits) console.log(`  first visit, bundle ${v.bundle}: ${v.gzip9} bytes gzip -9 (${v.raw} raw)`);
  console.log(`  all of dist/ (cached for offline use): ${size.gzip9} bytes gzip -9 (${size.raw} raw)`);
  for (const t of ttis) {
    console.log(
      `Playground usable, cold cache, ${t.network}: ${median(t.ms).toFixed(0)} ms (runs ${t.ms.map((x) => x.toFixed(0)).join(", ")}; first paint ${median(t.firstPaintMs).toFixed(0)} ms; ${median(t.transferBytes)} bytes transferred)`,
    );
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify({ cpu: CPU, frames: FRAMES, rounds: ROUNDS, table, ttis, size, visits }, null, 2));
  for (const t of table) expect(t.appMs, `${t.page}: the updates did no work`).toBeGreaterThan(0);
});
