// Helpers shared by the lesson 5 specs (lesson-anomaly*.spec.ts): task state, readouts,
// keys, frame and long-task recording, the "Train it now" gate and the dot plots.
import { expect } from "./fixtures";
import type { Page } from "@playwright/test";

export const task = (page: Page, id: string) =>
  page.locator(`[data-testid="task"][data-task-id="${id}"]`);
export const isDone = (page: Page, id: string, done = true) =>
  expect(task(page, id)).toHaveAttribute("data-done", String(done));

/** A readout's full-precision value (NaN when it shows "—"). */
export async function value(page: Page, name: string): Promise<number> {
  const v = await page.getByTestId(`readout-${name}`).first().getAttribute("data-value");
  return v === null || v === "" ? NaN : Number(v);
}

export async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Long tasks and animation-frame intervals, recorded from before the app starts. */
export async function instrument(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__longTasks = [];
    w.__frames = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    } catch {
      // No long-task support: the check below then has nothing to find.
    }
    let last = 0;
    const loop = (t: number) => {
      if (last) w.__frames.push({ t, dt: t - last });
      last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** Frame intervals and long tasks between two `performance.now()` times. */
export async function measure(page: Page, t0: number, t1: number) {
  return page.evaluate(
    ([a, b]) => {
      const w = window as any;
      const dts: number[] = w.__frames.filter((f: any) => f.t > a && f.t <= b).map((f: any) => f.dt);
      const sorted = [...dts].sort((x, y) => x - y);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
      const long = w.__longTasks.filter((l: any) => l.start + l.duration > a && l.start < b);
      return {
        frames: dts.length,
        median: q(0.5),
        p95: q(0.95),
        max: sorted[sorted.length - 1] ?? 0,
        longTasks: long.map((l: any) => Math.round(l.duration)),
      };
    },
    [t0, t1],
  );
}

/** Waits until the step's autoencoder gate has trained (or was never needed). */
export async function passGate(page: Page) {
  const gate = page.getByTestId("train-gate");
  if (await gate.count()) {
    await page.getByTestId("gate-train").click();
    await expect(gate).toHaveCount(0, { timeout: 150_000 });
  }
}

/** The dot-plot options: index, kind (from the accessible name) and full-precision score. */
export async function dots(page: Page, testid: string) {
  const rows = await page
    .locator(`[data-testid^="${testid}-"][role="option"]`)
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute("data-testid"), e.getAttribute("aria-label"), e.getAttribute("data-value")]),
    );
  return rows.map(([id, label, score]) => ({
    index: Number(id!.slice(testid.length + 1)),
    kind: label!.split(",")[0],
    score: Number(score),
  }));
}
