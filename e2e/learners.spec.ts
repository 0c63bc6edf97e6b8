// Issue 15: a scripted learner completes every task of every lesson with the keyboard alone
// (Tab, arrows, Enter, Space: no click, fill or focus()) and with the mouse alone (pointer
// clicks and drags: no keyboard), and the lesson's progress then says so.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { Keys, Mouse, readouts, bars, task, near, stepDone, lessonDone, rangeOf, rocStart, rocWalk, dots, clickDot, objectRuns, gridTo } from "./learner";

/** Tasks a mouse cannot finish on main (issue 15): the pointer has no position inside the
 * target window, or the target is drawn under another. Branch `targets` adds number fields,
 * snapping and spread dots for exactly these. The mouse learner still tries each one, but
 * skips its check (`attempt` below); every other task must be done. */
const NEEDS_NUMBER_FIELD = [
  // p within 0.005 of 0.75 needs a logit gap in 1.072–1.125; one pixel of the bar is wider.
  { lesson: "softmax-or-sigmoid", step: "two-classes", task: "p-075" },
  // The linear output within 0.01 of the target needs z in a 0.02 window; one pixel of the
  // bar is 0.05 and of the curve plots 0.04.
  { lesson: "regression-output", step: "one-pixel", task: "linear-hits" },
  // Found by this test (not in issue 15): z within 0.05 of −8 ("to the bar's resolution"),
  // but one pixel of the bar is 0.2 and of the curve plots 0.13 (−8.077 | −7.949).
  { lesson: "regression-output", step: "saturation", task: "saturate" },
  // The threshold that catches every defect lies between 7.121e-4 and 7.131e-4.
  { lesson: "anomaly-detection", step: "threshold", task: "catch-all" },
  // The hardest defect, dot #130, is drawn under dot #138.
  { lesson: "anomaly-detection", step: "inspect", task: "hardest-defect" },
];


test.describe("lesson 1: logits", () => {
  test("keyboard only", async ({ app, page }) => {
    const k = new Keys(page);
    await app.goto("logits/raw-scores");
    await k.tabTo(bars(), 3);
    await k.press("End");
    await stepDone(page);
    await k.next();
    await k.answer(1);
    await k.button("shift-100");
    await stepDone(page);
    await k.next();
    await k.tabTo('[data-testid="logit-curve"] [role="slider"]');
    await k.until("PageUp", async () => near(await app.readout("p"), 0.9, 0.004), "p = 0.9", 20);
    await stepDone(page);
    await k.next();
    await k.tabTo(bars(), 1);
    await k.until("PageUp", async () => (await task(page, "clip-lies").getAttribute("data-done")) === "true", "(c) lies", 40);
    await k.tabTo(bars(), 0);
    await k.press("End");
    await stepDone(page);
    await k.next();
    await k.tabTo(bars(), 0);
    await k.press("End");
    await stepDone(page);
    await k.next();
    await k.answer(1);
    await k.button("two-classes");
    await stepDone(page);
    await k.next();
    await lessonDone(page, "logits");
  });

  test("mouse only", async ({ app, page }) => {
    test.setTimeout(60_000);
    const m = new Mouse(page);
    await app.goto("logits/raw-scores");
    await m.fling(3, "up");
    await stepDone(page);
    await m.next();
    await m.answer(1);
    await m.click("shift-100");
    await stepDone(page);
    await m.next();
    const point = page.locator('[data-testid="logit-curve"] [role="slider"]');
    await m.seek(point, "x", () => app.readout("p"), 0.9, (v) => near(v, 0.9, 0.005), "p = 0.9");
    await stepDone(page);
    await m.next();
    await m.fling(1, "up");
    await m.fling(0, "up");
    await stepDone(page);
    await m.next();
    await m.fling(0, "up");
    await stepDone(page);
    await m.next();
    await m.answer(1);
    await m.click("two-classes");
    await stepDone(page);
    await m.next();
    await lessonDone(page, "logits");
  });
});

// ---------------------------------------------------------------- lesson 2
test.describe("lesson 2: softmax or sigmoid", () => {
  test("keyboard only", async ({ app, page }) => {
    const k = new Keys(page);
    await app.goto("softmax-or-sigmoid/two-heads");
    await k.answer(0);
    for (const i of [0, 1, 2]) {
      await k.tabTo(bars(), i);
      await k.press("End");
    }
    await stepDone(page);
    await k.next();
    await k.tabTo(bars(), 0);
    await k.until("ArrowUp", async () => near(await app.readout("softmax-p0"), 0.75, 0.004), "p0 = 0.75", 40);
    await stepDone(page);
    await k.next();
    await k.tabTo('[data-testid="temperature"]');
    await k.press("Home");
    await k.press("End");
    await k.answer(1);
    await k.button("set-12-12-0");
    await stepDone(page);
    await k.next();
    await k.tabTo(bars(), 2);
    await k.press("End");
    await k.radio("mode-multi-label");
    await k.tabTo(bars(), 1);
    await k.press("End");
    await k.tabTo(bars(), 2);
    await k.press("Home");
    await k.tabTo(bars(), 0);
    await k.press("End");
    await stepDone(page);
    await k.next();
    await k.tabTo(bars(), 1);
    await k.press("End");
    await stepDone(page);
    await k.next();
    await lessonDone(page, "softmax-or-sigmoid");
  });

  test("mouse only", async ({ app, page }) => {
    test.setTimeout(60_000);
    const m = new Mouse(page);
    const skip: string[] = [];
    await app.goto("softmax-or-sigmoid/two-heads");
    await m.answer(0);
    for (const i of [0, 1, 2]) await m.fling(i, "up");
    await stepDone(page);
    await m.next();
    const p0 = await app.readout("softmax-p0");
    skip.push(
      ...(await attempt(page, "softmax-or-sigmoid", "two-classes", "p-075", () =>
        m.barTo(0, () => app.readout("softmax-p0"), 0.75, (p) => near(p, 0.75, 0.005), "p0 = 0.75"),
      )),
    );
    await stepDone(page, skip);
    await m.next();
    const t = page.getByTestId("temperature");
    await m.range(t, Number(await t.getAttribute("min")));
    await m.range(t, Number(await t.getAttribute("max")));
    await m.answer(1);
    await m.click("set-12-12-0");
    await stepDone(page);
    await m.next();
    await m.fling(2, "up");
    await m.click("mode-multi-label");
    await m.fling(1, "up");
    await m.fling(2, "down");
    await m.fling(0, "up");
    await stepDone(page);
    await m.next();
    await m.fling(1, "up");
    await stepDone(page);
    await m.next();
    await lessonDone(page, "softmax-or-sigmoid", skip.length);
  });
});

/** Not the app's fault: a native <select>'s option list is drawn by the browser outside the
 * page, where no Playwright pointer event reaches (a real mouse or finger does). The mouse
 * learner leaves this task, behind the "last layer" select, to the keyboard learner. */
const POINTER_CANNOT_OPEN = [{ lesson: "segmentation", step: "shapes", task: "keep-size" }];

/** Mouse: tries a task listed in NEEDS_NUMBER_FIELD. Returns `[id]` if it stayed undone
 * (a failed try is allowed only for a listed task), else `[]`. */
async function attempt(page: Page, lesson: string, step: string, id: string, tryIt: () => Promise<unknown>) {
  const listed = NEEDS_NUMBER_FIELD.some((t) => t.lesson === lesson && t.step === step && t.task === id);
  expect(listed, `${lesson}/${step} task ${id} is not in NEEDS_NUMBER_FIELD`).toBe(true);
  await tryIt().catch((e) => console.log(`mouse learner, ${lesson}/${step} ${id}: ${String(e).split("\n")[0]}`));
  const done = (await task(page, id).getAttribute("data-done")) === "true";
  console.log(`mouse learner, ${lesson}/${step} ${id}: ${done ? "done after all" : "not reachable (listed)"}`);
  return done ? [] : [id];
}

test.describe("lesson 3: losses and metrics", () => {
  const LN37 = Math.log(37); // smoothing 0.1 over 4 classes: the true logit leads by ln 37

  test("keyboard only", async ({ app, page }) => {
    const k = new Keys(page);
    await app.goto("losses-and-metrics/labels-and-losses");
    await k.radio("l3-label-2");
    await k.radio("spelling-sparse");
    await k.radio("spelling-onehot");
    await k.tabTo('[data-testid="label-smoothing"]');
    await k.stepTo(() => app.readout("label-smoothing"), 0.1, 0.01, "smoothing", "ArrowRight", "ArrowLeft");
    for (const i of [0, 1, 3]) {
      await k.tabTo(bars(), i);
      await k.stepTo(() => app.sliderValue(i), 0, 0.1, `logit ${i}`);
    }
    await k.tabTo(bars(), 2);
    await k.stepTo(() => app.sliderValue(2), LN37, 0.1, "logit 2");
    await k.answer(1);
    await stepDone(page);
    await k.next();
    await k.radio("ypred-logits");
    await k.tabTo('[data-testid="threshold"]');
    await k.stepTo(() => app.readout("threshold"), 0, 0.05, "threshold", "ArrowRight", "ArrowLeft");
    await stepDone(page);
    await k.next();
    await k.tabTo(bars(), 1);
    await k.stepTo(() => app.sliderValue(1), 1.5, 0.1, "logit 1");
    await stepDone(page);
    await k.next();
    await k.answer(2);
    await k.tabTo('[data-testid="bias"]');
    await k.press("Home");
    // Walk the whole bias range and come back to the best F1 seen.
    const f1: number[] = [];
    for (;;) {
      f1.push(await app.readout("f1"));
      if ((await app.readout("bias")) >= 4) break;
      await k.press("ArrowRight");
    }
    const best = f1.indexOf(Math.max(...f1));
    await k.press("Home");
    await k.press("ArrowRight", best);
    await stepDone(page);
    await k.next();
    await k.tabTo('[data-testid="roc-plot"] [role="slider"]');
    await k.until("ArrowRight", async () => (await app.readout("tpr")) >= 0.8, "recall 0.8", 60);
    await stepDone(page);
    await k.next();
    await k.radio("shape-multihot");
    await k.radio("out-5");
    await stepDone(page);
    await k.next();
    await lessonDone(page, "losses-and-metrics");
  });

  test("mouse only", async ({ app, page }) => {
    test.setTimeout(60_000);
    const m = new Mouse(page);
    await app.goto("losses-and-metrics/labels-and-losses");
    await m.click("l3-label-2");
    await m.click("spelling-sparse");
    await m.click("spelling-onehot");
    await m.answer(1);
    await m.range(page.getByTestId("label-smoothing"), 0.1);
    for (const i of [0, 1, 3]) {
      await m.barTo(i, () => app.sliderValue(i), 0, (z) => near(z, 0, 0.2), `logit ${i} to 0`);
    }
    const gap = async () => (await app.readout("l3-cce")) - (await app.readout("l3-floor"));
    await m.barTo(2, () => app.sliderValue(2), LN37, () => false, "near ln 37").catch(() => undefined);
    expect(await gap(), "the smoothed optimum").toBeLessThan(0.005);
    await stepDone(page);
    await m.next();
    await m.click("ypred-logits");
    await m.range(page.getByTestId("threshold"), 0);
    await stepDone(page);
    await m.next();
    await m.barTo(1, () => app.sliderValue(1), 1.5, (z) => z > 1 && z < 2, "rank 2");
    await stepDone(page);
    await m.next();
    await m.answer(2);
    const bias = page.getByTestId("bias");
    await m.range(bias, -10);
    // One slide across the whole range, noting F1 at every bias, then back to the best.
    const f1 = new Map<number, number>();
    const b = (await bias.boundingBox())!;
    await m.drag(b.x + 4, b.y + b.height / 2, 1, 0, async () => {
      const [at, score] = await readouts(page, ["bias", "f1"]);
      f1.set(at, score);
      return at >= 4;
    });
    expect(f1.size, "biases seen on the slide").toBeGreaterThan(50);
    const best = [...f1.entries()].reduce((a, c) => (c[1] > a[1] ? c : a));
    await m.range(bias, best[0]);
    await stepDone(page);
    await m.next();
    await rocWalk(page, "roc-plot", async () => (await app.readout("tpr")) >= 0.8, "recall 0.8");
    await stepDone(page);
    await m.next();
    await m.click("shape-multihot");
    await m.click("out-5");
    await stepDone(page);
    await m.next();
    await lessonDone(page, "losses-and-metrics");
  });
});

test.describe("lesson 4: regression output", () => {
  test("keyboard only", async ({ app, page }) => {
    test.setTimeout(90_000);
    const k = new Keys(page);
    const target = () => app.readout("target");
    await app.goto("regression-output/one-pixel");
    await k.tabTo('[data-testid="target"] input');
    await k.stepTo(target, 0.8, 0.01, "target", "ArrowRight", "ArrowLeft");
    await k.tabTo(bars(), 0);
    await k.stepTo(() => app.sliderValue(0), 1.4, 0.1, "z for the sigmoid");
    await k.stepTo(() => app.sliderValue(0), 0.8, 0.1, "z for the linear head");
    await stepDone(page);
    await k.next();
    await k.answer(2);
    await k.tabTo('[data-testid="target"] input');
    await k.press("End");
    await k.tabTo(bars(), 0);
    await k.press("Home");
    await k.stepTo(() => app.sliderValue(0), -8, 1, "z = −8", "PageUp", "PageDown");
    await stepDone(page);
    await k.next();
    await k.answer(1);
    await k.select("race-speed", "60");
    await k.button("race-play");
    await expect.poll(() => app.readout("race-step"), { timeout: 30_000 }).toBe(150);
    await k.tabTo('[data-testid="race-lr"] input');
    await k.press("End");
    await k.button("race-one-step");
    await stepDone(page);
    await k.next();
    await k.select("image-speed", "60");
    await k.button("image-play");
    await expect.poll(() => app.readout("image-step"), { timeout: 30_000 }).toBe(120);
    await k.tabTo('[data-testid="image-lr"] input');
    await k.press("End");
    await k.button("image-one-step");
    await stepDone(page);
    await k.next();
    await lessonDone(page, "regression-output");
  });

  test("mouse only", async ({ app, page }) => {
    test.setTimeout(90_000);
    const m = new Mouse(page);
    await app.goto("regression-output/one-pixel");
    await m.range(rangeOf(page, "target"), 0.8);
    // z can be dragged on its bar or on the point of any of the three curve plots.
    const zTo = async (read: () => Promise<number>, want: number, ok: (v: number) => boolean, what: string) => {
      const tries = [() => m.barTo(0, read, want, ok, what)];
      const points = page.locator('.curve-plot [role="slider"]');
      for (let c = 0; c < (await points.count()); c++) {
        const point = points.nth(c);
        tries.push(() => m.seek(point, "x", read, want, ok, what));
      }
      const errors: string[] = [];
      for (const t of tries) if (await t().then(() => true, (e) => !errors.push(String(e)))) return;
      throw new Error(errors.join("; "));
    };
    await zTo(() => app.readout("out-sigmoid-mse"), 0.8, (p) => near(p, 0.8, 0.01), "σ(z) = 0.8");
    const skip: string[] = [];
    skip.push(
      ...(await attempt(page, "regression-output", "one-pixel", "linear-hits", () =>
        zTo(() => app.sliderValue(0), 0.8, (z) => near(z, 0.8, 0.01), "z = 0.8"),
      )),
    );
    await stepDone(page, skip);
    await m.next();
    await m.answer(2);
    await m.range(rangeOf(page, "target"), 1);
    await m.fling(0, "down");
    skip.push(
      ...(await attempt(page, "regression-output", "saturation", "saturate", () =>
        zTo(() => app.sliderValue(0), -8, (z) => near(z, -8, 0.05), "z = −8"),
      )),
    );
    await stepDone(page, skip);
    await m.next();
    await m.answer(1);
    await m.click("race-play");
    await expect.poll(() => app.readout("race-step"), { timeout: 30_000 }).toBe(150);
    const lr = rangeOf(page, "race-lr");
    await m.range(lr, Number(await lr.getAttribute("max")));
    await m.click("race-one-step");
    await stepDone(page);
    await m.next();
    await m.click("image-play");
    await expect.poll(() => app.readout("image-step"), { timeout: 30_000 }).toBe(120);
    const ilr = rangeOf(page, "image-lr");
    await m.range(ilr, Number(await ilr.getAttribute("max")));
    await m.click("image-one-step");
    await stepDone(page);
    await m.next();
    await lessonDone(page, "regression-output", skip.length);
  });
});

test.describe("lesson 5: anomaly detection", () => {
  const away = (v: number) => (v < 0 ? -v : v > 1 ? v - 1 : 0);

  test("keyboard only", async ({ app, page }) => {
    test.setTimeout(240_000);
    const k = new Keys(page);
    await app.goto("anomaly-detection/parts");
    await k.tabTo('[data-testid^="parts-gallery-"][tabindex="0"]');
    await k.press("Enter");
    await k.press("ArrowDown", 3);
    await stepDone(page);
    await k.next();
    await k.button("ae-epoch");
    await expect(page.getByTestId("train-status")).toHaveAttribute("data-epoch", "1", { timeout: 60_000 });
    await k.select("ae-speed", "full");
    await k.button("ae-play");
    await expect(page.getByTestId("train-status")).toHaveAttribute("data-trained", "true", { timeout: 200_000 });
    await stepDone(page);
    await k.next();
    await k.answer(2);
    await k.tabTo('[data-testid="error-roc"] [role="slider"]');
    await k.press("Home");
    await k.until("ArrowRight", async () => (await app.readout("fp")) > 0, "the first false alarm");
    await k.press("ArrowLeft");
    await k.until("ArrowRight", async () => (await app.readout("fn")) === 0, "every defect caught");
    await stepDone(page);
    await k.next();
    await k.tabTo('[data-testid^="error-dots-"][tabindex="0"]');
    await k.press("Enter");
    await k.press("ArrowUp", 3);
    await expect(page.getByTestId("inspect-kind")).toHaveText("normal");
    await k.press("End");
    for (let r = 0; r < 3; r++) {
      await k.press("ArrowDown");
      await k.press("Home");
    }
    await stepDone(page);
    await k.next();
    await k.button("clf-train");
    await expect(page.getByTestId("clf-status")).toHaveAttribute("data-done", "true", { timeout: 60_000 });
    await k.answer(2);
    await k.tabTo('[data-testid="budget"]');
    await k.stepTo(() => app.readout("budget"), 0.2, 0.01, "budget", "ArrowRight", "ArrowLeft");
    await stepDone(page);
    await k.next();
    await expect(page.getByTestId("pixel-training")).toHaveCount(0, { timeout: 60_000 });
    const lo = await app.readout("out-min");
    const hi = await app.readout("out-max");
    const furthest = away(lo) >= away(hi) ? lo : hi;
    await k.tabTo('[data-testid^="output-dots-"][tabindex="0"]');
    await k.press("Enter");
    await k.press("ArrowUp", 4);
    let found = false;
    for (let r = 0; r < 6 && !found; r++) {
      for (const key of ["Home", "End"]) {
        await k.press(key);
        if ((await app.readout("out-picked")) === furthest) {
          found = true;
          break;
        }
      }
      if (!found) await k.press("ArrowDown");
    }
    expect(found, "the furthest output is at the end of a row").toBe(true);
    await k.answer(2);
    await k.radio("setup-sigmoid");
    await stepDone(page);
    await k.next();
    await lessonDone(page, "anomaly-detection");
  });

  test("mouse only", async ({ app, page }) => {
    test.setTimeout(240_000);
    const m = new Mouse(page);
    const skip: string[] = [];
    await app.goto("anomaly-detection/parts");
    for (const i of [8, 16, 24]) await m.click(`parts-gallery-${i}`);
    await stepDone(page);
    await m.next();
    await m.click("ae-epoch");
    await expect(page.getByTestId("train-status")).toHaveAttribute("data-epoch", "1", { timeout: 60_000 });
    await m.click("ae-play");
    await expect(page.getByTestId("train-status")).toHaveAttribute("data-trained", "true", { timeout: 200_000 });
    await stepDone(page);
    await m.next();
    await m.answer(2);
    await rocStart(page, "error-roc");
    await rocWalk(page, "error-roc", async () => (await app.readout("fp")) === 0, "the last point without false alarms", true);
    skip.push(
      ...(await attempt(page, "anomaly-detection", "threshold", "catch-all", () =>
        rocWalk(page, "error-roc", async () => (await app.readout("fn")) === 0, "every defect caught"),
      )),
    );
    await stepDone(page, skip);
    await m.next();
    const all = await dots(page, "error-dots");
    const selected = () => page.getByTestId("inspect-detail").getAttribute("data-selected");
    const defects = all.filter((d) => d.kind !== "normal");
    const hardest = defects.reduce((a, b) => (b.score < a.score ? b : a));
    const worst = all.filter((d) => d.kind === "normal").reduce((a, b) => (b.score > a.score ? b : a));
    expect(await clickDot(page, "error-dots", worst.index, selected), "the worst normal part").toBe(true);
    for (const kind of new Set(defects.map((d) => d.kind))) {
      const top = defects.filter((d) => d.kind === kind).reduce((a, b) => (b.score > a.score ? b : a));
      expect(await clickDot(page, "error-dots", top.index, selected), `a ${kind}`).toBe(true);
    }
    skip.push(
      ...(await attempt(page, "anomaly-detection", "inspect", "hardest-defect", () =>
        clickDot(page, "error-dots", hardest.index, selected),
      )),
    );
    await stepDone(page, skip);
    await m.next();
    await m.click("clf-train");
    await expect(page.getByTestId("clf-status")).toHaveAttribute("data-done", "true", { timeout: 60_000 });
    await m.answer(2);
    await m.range(page.getByTestId("budget"), 0.2);
    await stepDone(page, skip);
    await m.next();
    await expect(page.getByTestId("pixel-training")).toHaveCount(0, { timeout: 60_000 });
    const outputs = await dots(page, "output-dots");
    const far = outputs.reduce((a, b) => (away(b.score) > away(a.score) ? b : a));
    const picked = async () => {
      const v = await app.readout("out-picked");
      return String(outputs.find((o) => o.score === v)?.index ?? "");
    };
    expect(await clickDot(page, "output-dots", far.index, picked), "the furthest output").toBe(true);
    await m.answer(2);
    await m.click("setup-sigmoid");
    await stepDone(page, skip);
    await m.next();
    await lessonDone(page, "anomaly-detection", skip.length);
  });
});

test.describe("lesson 6: segmentation", () => {
  test("keyboard only", async ({ app, page }) => {
    test.setTimeout(120_000);
    const k = new Keys(page);
    const rangeTo = async (testid: string, want: number, step: number) => {
      const input = page.getByTestId(testid);
      await k.tabTo(`[data-testid="${testid}"]`);
      await k.stepTo(async () => Number(await input.inputValue()), want, step, testid, "ArrowRight", "ArrowLeft");
    };
    await app.goto("segmentation/shapes");
    await k.answer(1);
    await k.select("last-layer", "same");
    await k.radio("fw-pytorch");
    await k.radio("labels-sparse");
    await rangeTo("classes", 5, 1);
    await k.radio("head-sigmoid");
    await rangeTo("classes", 2, 1);
    await stepDone(page);
    await k.next();
    await k.radio("flatten-pixels");
    await stepDone(page);
    await k.next();
    await rangeTo("brush-value", 0, 0.05);
    await k.button("fill-all");
    await rangeTo("brush-value", 1, 0.05);
    await k.radio("brush-1");
    const painter = page.getByTestId("mask-painter-grid");
    await k.tabTo('[data-testid="mask-painter-grid"]');
    for (const [r, c0, c1] of objectRuns()) {
      await gridTo(k, painter, r, c0);
      await k.press("Space");
      await gridTo(k, painter, r, c1, true);
    }
    await rangeTo("pos-weight", await app.readout("balance-weight"), 0.5);
    await stepDone(page);
    await k.next();
    const map = page.getByTestId("mask-class-map-grid");
    await k.tabTo('[data-testid="mask-class-map-grid"]');
    let wrong: [number, number] | null = null;
    for (let r = 0; r < 12; r++) {
      for (let c = 0; c < 12; c++) {
        await gridTo(k, map, r, r % 2 ? 11 - c : c); // row by row, back and forth
        if (!wrong && (await app.readout("true-class")) !== (await app.readout("predicted-class"))) wrong = [r, r % 2 ? 11 - c : c];
      }
    }
    expect(wrong, "a wrong pixel").not.toBeNull();
    await gridTo(k, map, ...wrong!);
    const t = await app.readout("true-class");
    await k.tabTo(bars("pixel-logits"), t);
    await k.until("PageUp", async () => (await app.readout("predicted-class")) === t, "the pixel right", 30);
    await stepDone(page);
    await k.next();
    await k.answer(2);
    await k.button("trap-train-100");
    await k.until("Enter", async () => (await task(page, "both-learn").getAttribute("data-done")) === "true", "both set-ups learn", 10);
    await stepDone(page);
    await k.next();
    await lessonDone(page, "segmentation");
  });

  test("mouse only", async ({ app, page }) => {
    test.setTimeout(120_000);
    const m = new Mouse(page);
    await app.goto("segmentation/shapes");
    await m.answer(1);
    await m.click("fw-pytorch");
    await m.click("labels-sparse");
    await m.range(page.getByTestId("classes"), 5);
    await m.click("head-sigmoid");
    await m.range(page.getByTestId("classes"), 2);
    await stepDone(page, POINTER_CANNOT_OPEN.map((t) => t.task));
    await m.next();
    await m.click("flatten-pixels");
    await stepDone(page);
    await m.next();
    await m.range(page.getByTestId("brush-value"), 0);
    await m.click("fill-all");
    await m.range(page.getByTestId("brush-value"), 1);
    await m.click("brush-1");
    const grid = page.getByTestId("mask-painter-grid");
    await grid.scrollIntoViewIfNeeded();
    const box = (await grid.boundingBox())!;
    const at = (r: number, c: number) => [box.x + ((c + 0.5) * box.width) / 24, box.y + ((r + 0.5) * box.height) / 24];
    for (const [r, c0, c1] of objectRuns()) {
      const [x0, y0] = at(r, c0);
      const [x1, y1] = at(r, c1);
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      await page.mouse.move(x1, y1, { steps: 3 });
      await page.mouse.up();
    }
    await m.range(page.getByTestId("pos-weight"), await app.readout("balance-weight"));
    await stepDone(page);
    await m.next();
    const map = page.getByTestId("mask-class-map-grid");
    await map.scrollIntoViewIfNeeded();
    const mb = (await map.boundingBox())!;
    const cell = (r: number, c: number) => [mb.x + ((c + 0.5) * mb.width) / 12, mb.y + ((r + 0.5) * mb.height) / 12] as const;
    let wrong: [number, number] | null = null;
    for (let r = 0; r < 12; r++) {
      for (let c = 0; c < 12; c++) {
        await page.mouse.click(...cell(r, c));
        if (!wrong && (await app.readout("true-class")) !== (await app.readout("predicted-class"))) wrong = [r, c];
      }
    }
    expect(wrong, "a wrong pixel").not.toBeNull();
    await page.mouse.click(...cell(...wrong!));
    const t = await app.readout("true-class");
    await m.fling(t, "up", "pixel-logits");
    await stepDone(page);
    await m.next();
    await m.answer(2);
    for (let n = 0; n < 10 && (await task(page, "both-learn").getAttribute("data-done")) !== "true"; n++) await m.click("trap-train-100");
    await stepDone(page);
    await m.next();
    await lessonDone(page, "segmentation", POINTER_CANNOT_OPEN.length);
  });
});
