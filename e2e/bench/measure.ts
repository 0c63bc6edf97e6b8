// Node side of the drag benchmark (drag.bench.ts): statistics, cross-origin isolation, CPU
// profile self-times, the size of dist/, and how busy the rest of the machine was.
import type { Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The build the server serves: DIST_DIR as for the e2e tests, else dist/. */
export const DIST = path.resolve(__dirname, "..", "..", process.env.DIST_DIR ?? "dist");

export type Stats = { n: number; p50: number; p95: number; max: number; mean: number; min: number };

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return {
    n: s.length,
    p50: q(0.5),
    p95: q(0.95),
    max: s[s.length - 1],
    min: s[0],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

export const ms = (x: number) => x.toFixed(3);

/** Serves the HTML document with COOP/COEP so the page is cross-origin isolated (5 µs timer). */
export async function isolate(page: Page) {
  if (process.env.BENCH_COI === "0") return;
  await page.route(
    (url) => url.pathname.endsWith("/") || url.pathname.endsWith(".html"),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          "cross-origin-opener-policy": "same-origin",
          "cross-origin-embedder-policy": "require-corp",
        },
      });
    },
  );
}

export type ProfileNode = {
  id: number;
  callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
export type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type SelfTime = { function: string; where: string; selfMs: number; percent: number };

/** Self time per function (µs deltas between samples, attributed to the sampled node). */
export function selfTimes(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, { fn: string; where: string; us: number }>();
  const categories: Record<string, number> = {};
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i])!;
    const cf = node.callFrame;
    const fn = cf.functionName || "(anonymous)";
    const file = cf.url ? cf.url.replace(/^.*\//, "") : "";
    const where = file ? `${file}:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : "";
    const key = `${fn}@${where}`;
    const t = totals.get(key) ?? { fn, where, us: 0 };
    t.us += dt;
    totals.set(key, t);
    const category = /\.wasm$/.test(cf.url) || cf.url.startsWith("wasm://")
      ? "wasm (the app's Rust code)"
      : /logit-lab-.*\.js$/.test(cf.url) || fn === "wasm-to-js" || fn === "js-to-wasm"
        ? "wasm-bindgen JS glue and wasm↔JS transitions"
        : fn.startsWith("(")
          ? fn
          : !cf.url && (!cf.scriptId || cf.scriptId === "0")
            ? "browser APIs called by the glue (native: DOM, canvas, TextDecoder…)"
            : "other JS (the bench harness)";
    categories[category] = (categories[category] ?? 0) + dt;
    all += dt;
  }
  const busy = all - (categories["(idle)"] ?? 0);
  const top: SelfTime[] = [...totals.values()]
    .filter((t) => t.fn !== "(idle)")
    .sort((p, q) => q.us - p.us)
    .slice(0, TOP_FUNCTIONS)
    .map((t) => ({ function: t.fn, where: t.where, selfMs: t.us / 1000, percent: (100 * t.us) / busy }));
  const byCategory = Object.entries(categories)
    .sort((p, q) => q[1] - p[1])
    .map(([category, us]) => ({ category, ms: us / 1000, percentOfBusy: category === "(idle)" ? null : (100 * us) / busy }));
  return { totalMs: all / 1000, busyMs: busy / 1000, top, byCategory };
}

export function distSizes() {
  const files: { file: string; raw: number; gzip9: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((p, q) => p.name.localeCompare(q.name))) {
      // Dot entries (Trunk's .stage while a build is in progress) are not part of a release.
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const body = fs.readFileSync(full);
        files.push({ file: path.relative(DIST, full), raw: body.length, gzip9: gzipSync(body, { level: 9 }).length });
      }
    }
  };
  walk(DIST);
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip9: t.gzip9 + f.gzip9 }), { raw: 0, gzip9: 0 });
  return { files, total };
}

/**
 * What a first visit downloads, per bundle (src/lessons/mod.rs, BUNDLES): every file of dist/
 * that is not a bundle's (the page, styles, icon, service worker) plus the one bundle's JS and
 * wasm (NAME-HASH.js, NAME-HASH_bg.wasm), gzip -9. The same sum as .ci/budget.mjs.
 */
export function firstVisits() {
  const { files } = distSizes();
  const bundleFile = /^(.*)-[0-9a-f]{10,16}(\.js|_bg\.wasm)$/;
  const bundleOf = (f: string) => f.match(bundleFile)?.[1];
  const shared = files.filter((f) => !bundleOf(f.file));
  const names = [...new Set(files.filter((f) => f.file.endsWith("_bg.wasm")).map((f) => bundleOf(f.file)!))];
  return names.map((bundle) => {
    const own = files.filter((f) => bundleOf(f.file) === bundle);
    const sum = (k: "raw" | "gzip9") => [...shared, ...own].reduce((t, f) => t + f[k], 0);
    return { bundle, raw: sum("raw"), gzip9: sum("gzip9") };
  });
}

/**
 * Measures how much CPU everything else on this machine used while the bench ran (a build on a
 * 2-core machine doubles the figures): once a second, the machine's busy time (/proc/stat)
 * minus that of this Playwright run's own process tree (runner, worker, server, Chromium).
 * Linux only; elsewhere it reports nothing. The figures are only comparable between quiet runs.
 */
export function watchNeighbours() {
  const clockTick = 100; // USER_HZ: /proc times are in 1/100 s on Linux
  const runner = process.ppid; // the Playwright runner; the worker, server and browsers descend from it
  type Proc = { ppid: number; cpu: number; comm: string };
  const readProcs = () => {
    const procs = new Map<number, Proc>();
    for (const name of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        const close = stat.lastIndexOf(")");
        const comm = stat.slice(stat.indexOf("(") + 1, close);
        const f = stat.slice(close + 2).split(" "); // f[0] = state, f[1] = ppid, f[11..12] = utime, stime
        procs.set(Number(name), { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]), comm });
      } catch {
        // the process ended meanwhile
      }
    }
    return procs;
  };
  const machineBusy = () => {
    const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0);
  };
  const ours = (procs: Map<number, Proc>) => {
    const mine = new Set<number>([runner]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, p] of procs) if (!mine.has(pid) && mine.has(p.ppid)) (mine.add(pid), (grew = true));
    }
    return mine;
  };
  let available = true;
  let last: { busy: number; procs: Map<number, Proc> } | null = null;
  let otherTicks = 0;
  let seconds = 0;
  let busySeconds = 0;
  const byName = new Map<string, number>();
  const look = () => {
    if (!available) return;
    try {
      const now = { busy: machineBusy(), procs: readProcs() };
      if (last) {
        const mine = ours(now.procs);
        let ourDelta = 0;
        for (const [pid, p] of now.procs) {
          const before = last.procs.get(pid);
          const d = p.cpu - (before && before.comm === p.comm ? before.cpu : p.cpu);
          if (mine.has(pid)) ourDelta += d;
          else if (d > 0) byName.set(p.comm, (byName.get(p.comm) ?? 0) + d);
        }
        const other = Math.max(0, now.busy - last.busy - ourDelta);
        otherTicks += other;
        seconds++;
        if (other > 0.25 * clockTick) busySeconds++;
      }
      last = now;
    } catch {
      available = false;
    }
  };
  look();
  const timer = setInterval(look, 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    look();
    if (!available) return null;
    return {
      secondsSampled: seconds,
      otherCpuSeconds: otherTicks / clockTick,
      // 1.0 = one of the cores fully taken by other work for the whole run
      otherCoresAverage: seconds ? otherTicks / clockTick / seconds : 0,
      secondsWithOtherWorkOverQuarterCore: busySeconds,
      topOthers: [...byName.entries()]
        .sort((p, q) => q[1] - p[1])
        .slice(0, 5)
        .map(([comm, t]) => ({ comm, cpuSeconds: t / clockTick })),
    };
  };
}
