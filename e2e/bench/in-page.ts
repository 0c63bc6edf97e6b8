// In-page code of the drag benchmark (drag.bench.ts): one drag of the Playground's logit bars,
// timed update by update, and the frame pass. These functions are serialised by
// page.evaluate: they must stay self-contained (no outer names; only types are imported).
import type { Stats } from "./measure";

export type DragArgs = { bar: number; updates: number; warmup: number; calibration: number; fracA: number; fracB: number };
export type DragResult = {
  crossOriginIsolated: boolean;
  timerResolutionMs: number;
  emptyRoundTrip: Stats;
  emptyRoundTripMedianMs: number;
  pointerdownMs: number;
  samplesMs: number[];
  /** Per sample: 1 if a rendering update (frame) ran between dispatch and t1, 2 if the app's
   * throttled URL write (history.replaceState) did, 3 both, 0 neither. */
  sampleFlags: number[];
  urlWriteMs: number[];
  loaded: string[];
  staleAtT1: number;
  before: string;
  after: string;
  lastClientY: number;
  expectedAfter: number;
  expectedAfterFromSliderBox: number;
  classes: number;
  logits: number[];
  softmaxReadout: string;
};

/** Drives `warmup + updates` pointermove updates on one bar, timing each of the last `updates`. */
export async function dragInPage(a: DragArgs): Promise<DragResult> {
  const container = document.querySelector('[data-testid="logit-bars"]') as HTMLElement;
  const sliders = () => Array.from(container.querySelectorAll<HTMLElement>("[role=slider]"));
  const slider = sliders()[a.bar];
  const box = slider.getBoundingClientRect();
  // Integer coordinates: the app reads MouseEvent.clientX/Y through web-sys as i32.
  const x = Math.round(box.left + box.width / 2);
  const yAt = (f: number) => Math.round(box.top + box.height * f);
  const yA = yAt(a.fracA);
  const yB = yAt(a.fracB);
  const pointer = (type: string, y: number) =>
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      pointerId: 1,
      pointerType: "mouse",
      isPrimary: true,
      button: type === "pointermove" ? -1 : 0,
      buttons: type === "pointerup" ? 0 : 1,
      clientX: x,
      clientY: y,
    });

  // One task later: resolves with performance.now() at the start of the message task.
  const channel = new MessageChannel();
  let waiting: ((t: number) => void) | null = null;
  channel.port1.onmessage = () => {
    const t = performance.now();
    const w = waiting;
    waiting = null;
    w!(t);
  };
  const nextTask = () =>
    new Promise<number>((resolve) => {
      waiting = resolve;
      channel.port2.postMessage(null);
    });

  // Timer resolution: the smallest non-zero step performance.now() makes.
  let resolution = Infinity;
  for (let k = 0, last = performance.now(); k < 20000 && resolution > 0.001; k++) {
    const t = performance.now();
    if (t > last) resolution = Math.min(resolution, t - last);
    last = t;
  }

  // Empty round trips, on the idle page.
  const empty: number[] = [];
  for (let k = 0; k < a.calibration; k++) {
    const t0 = performance.now();
    const t1 = await nextTask();
    empty.push(t1 - t0);
  }
  const sorted = [...empty].sort((p, q) => p - q);
  const emptyMedian = sorted[Math.ceil(0.5 * sorted.length) - 1];
  const emptyStats = {
    n: sorted.length,
    p50: emptyMedian,
    p95: sorted[Math.ceil(0.95 * sorted.length) - 1],
    max: sorted[sorted.length - 1],
    min: sorted[0],
    mean: empty.reduce((p, q) => p + q, 0) / empty.length,
  };

  // Observers (they change nothing): a rAF loop counts rendering updates, and a wrapper on
  // history.replaceState counts and times the app's throttled URL writes, so each sample can
  // say whether one of them ran inside it.
  let frames = 0;
  let counting = true;
  const tick = () => {
    frames++;
    if (counting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  let urlWrites = 0;
  const urlWriteMs: number[] = [];
  const replaceState = history.replaceState;
  history.replaceState = function (this: History, ...args: Parameters<History["replaceState"]>) {
    const t = performance.now();
    try {
      return replaceState.apply(this, args);
    } finally {
      urlWrites++;
      urlWriteMs.push(performance.now() - t);
    }
  };

  const before = slider.getAttribute("aria-valuenow")!;
  const down = pointer("pointerdown", yAt(0.5));
  let t0 = performance.now();
  slider.dispatchEvent(down);
  const pointerdownMs = (await nextTask()) - t0 - emptyMedian;

  const samples: number[] = [];
  const flags: number[] = [];
  let stale = 0;
  let lastY = yAt(0.5);
  for (let k = 0; k < a.warmup + a.updates; k++) {
    // Alternate between two heights far apart, so every update really changes the logit
    // (an unchanged value would be cut short by the Memo) and the bar sweeps its range.
    lastY = k % 2 === 0 ? yA : yB;
    const ev = pointer("pointermove", lastY);
    const previous = slider.getAttribute("aria-valuenow");
    const f0 = frames;
    const w0 = urlWrites;
    t0 = performance.now();
    slider.dispatchEvent(ev);
    const t1 = await nextTask();
    if (k >= a.warmup) {
      samples.push(t1 - t0 - emptyMedian);
      flags.push((frames > f0 ? 1 : 0) | (urlWrites > w0 ? 2 : 0));
      // The update must be complete by the next task, or t1 would not cover its work.
      if (slider.getAttribute("aria-valuenow") === previous) stale++;
    }
  }
  slider.dispatchEvent(pointer("pointerup", lastY));
  await nextTask();
  counting = false;
  delete (history as { replaceState?: unknown }).replaceState; // back to History.prototype's

  // The value the app should have set for the last clientY: it maps clientY against the
  // plot canvas's box and the plot area (the slider overlay's top/height, in CSS px), and
  // rounds to 1/1000 of the range (0.01 at the default ±12).
  const range = Number(slider.getAttribute("aria-valuemax"));
  const plotTop = parseFloat(slider.style.top);
  const plotHeight = parseFloat(slider.style.height);
  const step = Math.max(1e-6, Math.pow(10, Math.floor(Math.log10(range / 1000))));
  const snap = (v: number) => Math.min(range, Math.max(-range, Math.round(v / step) * step));
  const valueAt = (py: number, top: number, height: number) =>
    snap(-range + Math.min(1, Math.max(0, (top + height - py) / height)) * 2 * range);
  const canvas = container.querySelector("canvas") as HTMLCanvasElement;
  const expectedAfter = valueAt(lastY - canvas.getBoundingClientRect().top, plotTop, plotHeight);
  // The same, measured against the slider overlay's own box (what the learner sees).
  const sb = slider.getBoundingClientRect();
  const expectedAfterFromSliderBox = valueAt(lastY - sb.top, 0, sb.height);

  return {
    crossOriginIsolated: self.crossOriginIsolated,
    timerResolutionMs: resolution,
    emptyRoundTrip: emptyStats,
    emptyRoundTripMedianMs: emptyMedian,
    pointerdownMs,
    samplesMs: samples,
    sampleFlags: flags,
    urlWriteMs,
    loaded: performance
      .getEntriesByType("resource")
      .map((e) => e.name.replace(/^.*\//, ""))
      .filter((n) => /\.(wasm|js)$/.test(n)),
    staleAtT1: stale,
    before,
    after: slider.getAttribute("aria-valuenow")!,
    lastClientY: lastY,
    expectedAfter,
    expectedAfterFromSliderBox,
    classes: sliders().length,
    logits: sliders().map((s) => Number(s.getAttribute("aria-valuenow"))),
    softmaxReadout: document
      .querySelector(`[data-testid="readout-softmax-${a.bar}"]`)!
      .getAttribute("data-value")!,
  };
}

export type FrameArgs = { bar: number; updates: number; fracA: number; fracB: number; emptyMedian: number };
export type FrameResult = {
  frameWithUpdateMs: number[];
  frameWithoutUpdateMs: number[];
  updateToAfterPaintMs: number[];
  before: string;
  after: string;
  changed: number;
};

/**
 * One update per frame, dispatched from a requestAnimationFrame callback (where Chromium
 * delivers real, rAF-aligned pointermove events), then two more rAFs. Records per update:
 * - frameWithUpdate: rAF timestamp → next rAF timestamp across the frame that ran the update
 *   (script + effects + style + layout + paint + commit). 16.7 ms means it fit in a 60 Hz frame.
 * - frameWithoutUpdate: the following frame, with no update (the baseline).
 * - updateToAfterPaint: main-thread time from the dispatch to the first task after that
 *   frame's rendering (minus the empty round trip): the update's full work including
 *   style/layout/paint.
 */
export async function framesInPage(a: FrameArgs): Promise<FrameResult> {
  const container = document.querySelector('[data-testid="logit-bars"]') as HTMLElement;
  const slider = Array.from(container.querySelectorAll<HTMLElement>("[role=slider]"))[a.bar];
  const box = slider.getBoundingClientRect();
  const x = Math.round(box.left + box.width / 2);
  const yAt = (f: number) => Math.round(box.top + box.height * f);
  const pointer = (type: string, y: number) =>
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      pointerId: 1,
      pointerType: "mouse",
      isPrimary: true,
      button: type === "pointermove" ? -1 : 0,
      buttons: type === "pointerup" ? 0 : 1,
      clientX: x,
      clientY: y,
    });
  const raf = () => new Promise<number>((resolve) => requestAnimationFrame((ts) => resolve(ts)));
  const channel = new MessageChannel();
  let waiting: ((t: number) => void) | null = null;
  channel.port1.onmessage = () => {
    const t = performance.now();
    const w = waiting;
    waiting = null;
    w?.(t);
  };

  const before = slider.getAttribute("aria-valuenow")!;
  let frameStart = await raf();
  slider.dispatchEvent(pointer("pointerdown", yAt(0.5)));
  frameStart = await raf();
  const withUpdate: number[] = [];
  const without: number[] = [];
  const busy: number[] = [];
  let changed = 0;
  let lastY = yAt(0.5);
  for (let k = 0; k < a.updates; k++) {
    // We are in the microtask checkpoint right after a rAF callback: still inside that frame,
    // before its style/layout/paint.
    lastY = k % 2 === 0 ? yAt(a.fracA) : yAt(a.fracB);
    const ev = pointer("pointermove", lastY);
    const previous = slider.getAttribute("aria-valuenow");
    const afterPaint = new Promise<number>((resolve) => (waiting = resolve));
    const tU = performance.now();
    slider.dispatchEvent(ev);
    channel.port2.postMessage(null); // runs as the first task after this frame's rendering
    const r1 = await raf();
    const tM = await afterPaint;
    const r2 = await raf();
    withUpdate.push(r1 - frameStart);
    without.push(r2 - r1);
    busy.push(tM - tU - a.emptyMedian);
    if (slider.getAttribute("aria-valuenow") !== previous) changed++;
    frameStart = r2;
  }
  slider.dispatchEvent(pointer("pointerup", lastY));
  await raf();
  return {
    frameWithUpdateMs: withUpdate,
    frameWithoutUpdateMs: without,
    updateToAfterPaintMs: busy,
    before,
    after: slider.getAttribute("aria-valuenow")!,
    changed,
  };
}
