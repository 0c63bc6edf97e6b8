// Benchmark (not a timed test): how much main-thread work one drag update of the Playground's
// logit bars costs, at 3 and at 10 classes, plus the frame time when one update lands in each
// frame, plus the transfer size of dist/. Run with `npm run bench`.
//
// It prints a table and writes e2e/results/bench-drag.json (git-ignored). It has no time
// limit to pass; it fails only if the drags did not really drive the app (the dragged bar's
// value, the softmax readout, every update's work finished before the next task), or if the
// page logged an error (the shared `problems` fixture).
//
// How an update is timed, inside the page (page.evaluate, so no Playwright IPC is measured):
//   t0 = performance.now(); slider.dispatchEvent(pointermove)  → the app's Rust handler runs
//   synchronously and sets the state; Leptos 0.8 then runs its effects (the Memo of all numbers,
//   the plotters redraw of the top canvas layers, ~30 DOM readouts) as microtasks;
//   then we post a message on a MessageChannel and take t1 = performance.now() when it arrives.
//   A posted message is a new task, and a task only starts once every microtask of the current
//   one has run, so t1 − t0 covers all of the update's work. setTimeout(0) would not do: timers
//   are clamped (≥ 4 ms once nested 5 deep, as in a loop of awaits) and throttled, which would
//   swamp a ~1 ms figure. The fixed cost of the message round trip itself is measured 200 times
//   on an idle page first, and its median is subtracted from every sample.
//   Caveat: back to back, a rendering update (style/layout/paint/commit, every 16.7 ms) or the
//   app's own throttled URL write (a timer, every ~120 ms) can run between the dispatch and the
//   message. With updates of several ms that is a large share of the samples, so each sample is
//   tagged (a rAF counter and a wrapper on history.replaceState, both passive) and the table
//   splits the figure into "nothing else in between" (the update alone) and the rest. Canvas
//   rasterisation happens at paint time; the frame pass (framesInPage) covers it.
//
// Timer precision: without cross-origin isolation Chromium coarsens performance.now() to
// 100 µs (with jitter). The bench adds COOP/COEP headers to the HTML document only (via
// page.route, the static server is untouched), which makes the page cross-origin isolated and
// the timer 5 µs. Set BENCH_COI=0 to measure without (the JSON records which one was used).
import { test, expect, softmax } from "../fixtures";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dragInPage, framesInPage, type DragArgs } from "./in-page";
import { distSizes, isolate, ms, selfTimes, stats, watchNeighbours, type Profile, type SelfTime, type Stats } from "./measure";

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "e2e", "results", "bench-drag.json");

const BAR = 1; // the bar we drag (class 1)
const UPDATES = 500; // measured pointermove updates per run
const WARMUP = 50; // untimed updates first, so wasm/JS tier-up does not land in the figures
const CALIBRATION = 200; // empty MessageChannel round trips
const FRAME_UPDATES = 120; // updates in the frame pass
const PROFILE_IF_P95_OVER_MS = 4;
const TOP_FUNCTIONS = 15;

const ROUTES = [
  { name: "3 classes (default)", route: "playground" },
  { name: "10 classes", route: "playground?z=1,2,3,4,5,6,7,8,9,0" },
];

test("drag updates of the Playground's logit bars", async ({ app, page }) => {
  const startedLoad = os.loadavg();
  const stopWatching = watchNeighbours();
  // dist/ is what the browser loads: note which build it is, to tie the figures to it.
  const distAtStart = distSizes();
  const runs: any[] = [];

  for (const { name, route } of ROUTES) {
    await test.step(`${name}: ${UPDATES} timed drag updates`, async () => {
      // A fresh document for each run (a hash-only change would reuse the warmed-up one).
      await page.goto("about:blank");
      await isolate(page);
      await app.goto(route);
      const bars = page.getByTestId("logit-bars").getByRole("slider");
      const expectedClasses = route.includes("z=") ? route.split("z=")[1].split(",").length : 3;
      await expect(bars).toHaveCount(expectedClasses);
      await expect(page.getByTestId("notice")).toHaveCount(0);
      // Let the first paint and the URL write settle.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));

      const args: DragArgs = { bar: BAR, updates: UPDATES, warmup: WARMUP, calibration: CALIBRATION, fracA: 0.1, fracB: 0.9 };
      const r = await page.evaluate(dragInPage, args);

      // The drags really drove the app.
      expect(r.classes).toBe(expectedClasses);
      expect(r.staleAtT1, "updates whose slider value had not changed by the next task").toBe(0);
      expect(Number(r.after), "the dragged bar's value after the run").not.toBe(Number(r.before));
      expect(
        Math.abs(Number(r.after) - r.expectedAfter),
        `aria-valuenow ${r.after} vs ${r.expectedAfter} expected for clientY ${r.lastClientY}`,
      ).toBeLessThanOrEqual(0.01 + 1e-9);
      const p = softmax(r.logits);
      const shown = Number(r.softmaxReadout);
      expect(
        Math.abs(shown - p[BAR]) <= 1e-12 * Math.max(1, Math.abs(p[BAR])),
        `readout softmax-${BAR} ${shown} vs softmax(${r.logits.join(", ")})[${BAR}] = ${p[BAR]}`,
      ).toBe(true);

      const perUpdate = stats(r.samplesMs);
      const subset = (keep: (flag: number) => boolean) => {
        const xs = r.samplesMs.filter((_, k) => keep(r.sampleFlags[k]));
        return xs.length ? stats(xs) : null;
      };
      const run: any = {
        name,
        route: `#/${route}`,
        classes: r.classes,
        updates: UPDATES,
        warmupUpdates: WARMUP,
        crossOriginIsolated: r.crossOriginIsolated,
        timerResolutionMs: r.timerResolutionMs,
        emptyMessageChannelRoundTripMs: r.emptyRoundTrip,
        firstPointerdownMs: r.pointerdownMs,
        perUpdateMs: perUpdate,
        // The same samples, split by what else ran between the dispatch and t1.
        perUpdateMsNothingElseInBetween: subset((f) => f === 0),
        perUpdateMsWithAFrameInBetween: subset((f) => (f & 1) !== 0),
        perUpdateMsWithAUrlWriteInBetween: subset((f) => (f & 2) !== 0),
        urlWrites: { count: r.urlWriteMs.length, replaceStateMs: r.urlWriteMs.length ? stats(r.urlWriteMs) : null },
        loaded: r.loaded,
        check: {
          before: Number(r.before),
          after: Number(r.after),
          lastClientY: r.lastClientY,
          expectedAfter: r.expectedAfter,
          expectedAfterFromSliderBox: r.expectedAfterFromSliderBox,
          logits: r.logits,
          softmaxReadout: shown,
          softmaxExpected: p[BAR],
        },
        samplesMs: r.samplesMs,
      };

      // Where the time goes, if it is over budget: a second, profiled run (the profiler's own
      // overhead would distort the figures above, so they come from the unprofiled run).
      if (perUpdate.p95 > PROFILE_IF_P95_OVER_MS || process.env.BENCH_PROFILE === "1") {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
        await cdp.send("Profiler.start");
        const profiled = await page.evaluate(dragInPage, { ...args, calibration: 20 });
        const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
        await cdp.send("Profiler.disable");
        await cdp.detach();
        // (It ends where the first run ended, so compare per update rather than before/after.)
        expect(profiled.staleAtT1, "profiled updates that did not change the slider").toBe(0);
        run.profile = {
          reason: `p95 ${ms(perUpdate.p95)} ms > ${PROFILE_IF_P95_OVER_MS} ms` + (process.env.BENCH_PROFILE === "1" ? " (or BENCH_PROFILE=1)" : ""),
          samplingIntervalUs: 100,
          perUpdateMsWhileProfiling: stats(profiled.samplesMs),
          ...selfTimes(profile),
        };
      }

      await test.step(`${name}: ${FRAME_UPDATES} updates, one per frame`, async () => {
        const f = await page.evaluate(framesInPage, {
          bar: BAR,
          updates: FRAME_UPDATES,
          fracA: 0.2,
          fracB: 0.8,
          emptyMedian: r.emptyRoundTripMedianMs,
        });
        expect(f.changed, "frame-pass updates that changed the slider").toBe(FRAME_UPDATES);
        expect(Number(f.after)).not.toBe(Number(f.before));
        run.frames = {
          updates: FRAME_UPDATES,
          frameWithUpdateRafToRafMs: stats(f.frameWithUpdateMs),
          frameWithoutUpdateRafToRafMs: stats(f.frameWithoutUpdateMs),
          updateToAfterPaintMainThreadMs: stats(f.updateToAfterPaintMs),
        };
      });
      runs.push(run);
      await page.unrouteAll();
    });
  }

  const neighbours = stopWatching();
  const dist = distSizes();
  const build = (d: ReturnType<typeof distSizes>) => d.files.map((f) => `${f.file}:${f.raw}`).join(" ");
  const distChanged = build(dist) !== build(distAtStart);
  const wasm = dist.files.find((f) => f.file.endsWith(".wasm"))?.file ?? "(none)";
  const loadedOtherBuild = runs.some((r) => !r.loaded.includes(wasm));
  const result = {
    when: new Date().toISOString(),
    build: { wasm, distChangedDuringRun: distChanged, pageLoadedAnotherBuild: loadedOtherBuild },
    chromium: page.context().browser()?.version(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      loadavgAtStart: startedLoad,
      loadavgAtEnd: os.loadavg(),
      otherProcessesCpu: neighbours,
    },
    method:
      "per update: t0, dispatch pointermove, t1 at the next MessageChannel task; minus the median empty round trip",
    runs,
    dist,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");

  // ---- the report ----
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const lines: string[] = [];
  lines.push("");
  lines.push(`Logit Lab drag benchmark — Chromium ${result.chromium}, ${result.machine.cpus} CPUs, load avg ${startedLoad.map((l) => l.toFixed(2)).join(" ")}`);
  if (neighbours) {
    const who = neighbours.topOthers.map((o) => `${o.comm} ${o.cpuSeconds.toFixed(1)} s`).join(", ");
    lines.push(
      neighbours.otherCoresAverage > 0.1
        ? `WARNING: other processes used ${neighbours.otherCpuSeconds.toFixed(1)} CPU-s during the ${neighbours.secondsSampled} s run (${neighbours.otherCoresAverage.toFixed(2)} cores on average; ${who}): the figures are inflated by contention`
        : `machine quiet: other processes used ${neighbours.otherCpuSeconds.toFixed(1)} CPU-s during the ${neighbours.secondsSampled} s run (${neighbours.otherCoresAverage.toFixed(2)} cores on average)`,
    );
  }
  const r0 = runs[0];
  lines.push(
    `timer ${r0.crossOriginIsolated ? "cross-origin isolated" : "NOT isolated"}, resolution ${ms(r0.timerResolutionMs)} ms; ` +
      `empty MessageChannel round trip (median of ${CALIBRATION}) subtracted: ` +
      runs.map((r) => `${ms(r.emptyMessageChannelRoundTripMs.p50)} ms`).join(" / "),
  );
  lines.push("");
  lines.push(`build: ${wasm}${distChanged ? "  — WARNING: dist/ changed during the run, figures may mix builds" : ""}${loadedOtherBuild ? "  — WARNING: the page loaded another build than dist/ holds now" : ""}`);
  lines.push("");
  lines.push(`Per drag update — main thread, pointermove dispatch → end of its microtasks (${UPDATES} updates after ${WARMUP} warm-up):`);
  lines.push(`  ${"classes".padEnd(8)}${"samples".padEnd(36)}${pad("n", 5)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}${pad("max ms", 9)}${pad("mean ms", 9)}`);
  const row = (classes: string, label: string, st: Stats | null) =>
    st
      ? `  ${classes.padEnd(8)}${label.padEnd(36)}${pad(st.n, 5)}${pad(ms(st.p50), 9)}${pad(ms(st.p95), 9)}${pad(ms(st.max), 9)}${pad(ms(st.mean), 9)}`
      : `  ${classes.padEnd(8)}${label.padEnd(36)}${pad(0, 5)}`;
  for (const r of runs) {
    lines.push(row(String(r.classes), "ALL (the figure)", r.perUpdateMs));
    lines.push(row("", "  of which nothing else in between", r.perUpdateMsNothingElseInBetween));
    lines.push(row("", "  of which a frame rendered inside", r.perUpdateMsWithAFrameInBetween));
    lines.push(row("", "  of which a URL write ran inside", r.perUpdateMsWithAUrlWriteInBetween));
    const u = r.urlWrites;
    lines.push(
      `  ${"".padEnd(8)}first pointerdown ${ms(r.firstPointerdownMs)} ms; URL writes during the run: ${u.count}` +
        (u.replaceStateMs ? `, history.replaceState itself p50 ${ms(u.replaceStateMs.p50)} ms, max ${ms(u.replaceStateMs.max)} ms` : ""),
    );
  }
  lines.push("");
  lines.push(`Frames — ${FRAME_UPDATES} updates, each dispatched in a rAF callback, then 2× rAF (rAF-to-rAF, i.e. the full frame incl. style/layout/paint):`);
  lines.push(`  ${"classes".padEnd(8)}${"frame with update p50/p95/max".padStart(32)}${"next frame, no update p50/p95".padStart(32)}${"update→after paint p50/p95/max".padStart(34)}`);
  for (const r of runs) {
    const a = r.frames.frameWithUpdateRafToRafMs as Stats;
    const b = r.frames.frameWithoutUpdateRafToRafMs as Stats;
    const c = r.frames.updateToAfterPaintMainThreadMs as Stats;
    lines.push(
      `  ${String(r.classes).padEnd(8)}${`${ms(a.p50)} / ${ms(a.p95)} / ${ms(a.max)} ms`.padStart(32)}${`${ms(b.p50)} / ${ms(b.p95)} ms`.padStart(32)}${`${ms(c.p50)} / ${ms(c.p95)} / ${ms(c.max)} ms`.padStart(34)}`,
    );
  }
  lines.push("");
  lines.push("Checks (bar 1): value before → after, expected for the last clientY, readout softmax-1 vs softmax(z):");
  for (const r of runs) {
    const c = r.check;
    lines.push(
      `  ${String(r.classes).padEnd(3)} classes: ${c.before} → ${c.after} (expected ${c.expectedAfter.toFixed(2)}; from the slider's own box ${c.expectedAfterFromSliderBox.toFixed(2)}), softmax-1 ${c.softmaxReadout} = ${c.softmaxExpected}`,
    );
  }
  for (const r of runs) {
    if (!r.profile) continue;
    lines.push("");
    lines.push(`CPU profile, ${r.classes} classes (${r.profile.reason}; profiled run p50/p95 ${ms(r.profile.perUpdateMsWhileProfiling.p50)}/${ms(r.profile.perUpdateMsWhileProfiling.p95)} ms, busy ${r.profile.busyMs.toFixed(1)} ms):`);
    lines.push(`  top ${TOP_FUNCTIONS} by self time:`);
    for (const t of r.profile.top as SelfTime[]) lines.push(`  ${pad(t.selfMs.toFixed(1), 8)} ms ${pad(t.percent.toFixed(1), 5)}%  ${t.function}  ${t.where}`);
    lines.push("  by kind ((program) = native work with no JS on the stack: rendering frames — style, layout, paint,");
    lines.push("  commit — and task/event machinery; a forced layout shows under the call that forced it, e.g. clientWidth):");
    for (const c of r.profile.byCategory) lines.push(`  ${pad(c.ms.toFixed(1), 8)} ms ${c.percentOfBusy === null ? "      " : pad(c.percentOfBusy.toFixed(1), 5) + "%"}  ${c.category}`);
  }
  lines.push("");
  lines.push("dist/ transfer size:");
  lines.push(`  ${"file".padEnd(40)}${pad("raw B", 10)}${pad("gzip -9 B", 11)}`);
  for (const f of dist.files) lines.push(`  ${f.file.padEnd(40)}${pad(f.raw, 10)}${pad(f.gzip9, 11)}`);
  lines.push(`  ${"total".padEnd(40)}${pad(dist.total.raw, 10)}${pad(dist.total.gzip9, 11)}`);
  lines.push("");
  lines.push(`JSON: ${path.relative(ROOT, OUT)}`);
  console.log(lines.join("\n"));
});
