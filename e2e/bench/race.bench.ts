// Benchmark (not a timed test): where an animation frame of lesson 4's training race goes.
// The race is played at 60 steps/s while Chromium traces its main thread; each frame's
// top-level work is split into the app's script (the rAF callback: Rust, Leptos, plotters),
// style, layout, paint and the rest. Run with `npm run bench -- race`; set BENCH_CPU=4 to slow
// the CPU as on a school laptop.
import { test, expect } from "../fixtures";

const CPU = Number(process.env.BENCH_CPU ?? 1);

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: Record<string, unknown> };

test("race: per-frame main-thread cost by kind", async ({ app, page }) => {
  await app.goto("regression-output/race");
  await page.getByTestId("predict-choice-1").check();
  await page.getByTestId("predict-check").click();
  await page.getByTestId("race-speed").selectOption("60");
  // BENCH_CSS: extra CSS to try a layout or paint lever without a rebuild.
  if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  if (CPU > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (d: { value: TraceEvent[] }) => events.push(...d.value));
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline",
    transferMode: "ReportEvents",
  });
  if (process.env.BENCH_PROFILE) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
  }
  await page.getByTestId("race-play").click();
  await expect.poll(() => app.readout("race-step"), { timeout: 60_000 }).toBe(150);
  if (process.env.BENCH_PROFILE) {
    type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = f.functionName || "(anonymous)";
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    const top = [...self.entries()].filter(([k]) => k !== "(idle)" && k !== "(program)").sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(top.map(([k, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${k}`).join("\n"));
  }
  await cdp.send("Tracing.end");
  await done;
  if (CPU > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  // The renderer's main thread: where the rAF callbacks run.
  const raf = events.filter((e) => e.name === "FireAnimationFrame" && e.ph === "X");
  expect(raf.length).toBeGreaterThan(20);
  const { pid, tid } = raf[0];
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur !== undefined);
  const kinds: Record<string, string> = {
    FireAnimationFrame: "script (rAF)",
    FunctionCall: "script (other)",
    TimerFire: "script (timers)",
    EventDispatch: "script (events)",
    UpdateLayoutTree: "style",
    Layout: "layout",
    PrePaint: "paint",
    Paint: "paint",
    Layerize: "paint",
    UpdateLayer: "paint",
    "Document::updateLifecycle": "lifecycle",
    ParseHTML: "other",
    MajorGC: "gc",
    MinorGC: "gc",
    "V8.GC_SCAVENGER": "gc",
  };
  const totals: Record<string, number> = {};
  const longest: Record<string, number> = {};
  // Top-level only: an event inside another counted one is not added twice.
  // Every top-level event of the main thread while the race ran, by name (the kinds above
  // group the known ones; anything else is listed under its own name).
  const first = raf[0].ts;
  const counted = main.filter((e) => e.ts >= first && e.name !== "RunTask" && e.name !== "ThreadControllerImpl::RunTask").sort((a, b) => a.ts - b.ts);
  let end = 0;
  for (const e of counted) {
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    const k = kinds[e.name] ?? e.name;
    totals[k] = (totals[k] ?? 0) + e.dur! / 1000;
    longest[k] = Math.max(longest[k] ?? 0, e.dur! / 1000);
  }
  if (process.env.BENCH_DUMP) {
    // What a frame lays out and paints (Chromium's own arguments), for a few mid-run frames.
    const mid = raf[Math.floor(raf.length / 2)].ts;
    for (const e of counted.filter((e) => e.ts >= mid).slice(0, 12)) {
      console.log(e.name, (e.dur! / 1000).toFixed(2), JSON.stringify(e.args).slice(0, 400));
    }
  }
  const frames = raf.length;
  const rows = Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k.padEnd(16)} ${(ms / frames).toFixed(2).padStart(7)} ms/frame   longest ${longest[k].toFixed(1)} ms`);
  const rafDur = raf.map((e) => e.dur! / 1000).sort((a, b) => a - b);
  console.log(
    `race${process.env.BENCH_CSS ? ` with ${process.env.BENCH_CSS}` : ""}, CPU ${CPU}×, ${frames} frames; rAF callback median ${rafDur[Math.floor(frames / 2)].toFixed(2)} ms, max ${rafDur[frames - 1].toFixed(1)} ms\n` +
      rows.join("\n"),
  );
});
