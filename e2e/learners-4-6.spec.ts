// Issue 15's scripted keyboard-only and mouse-only learners, lessons 4–6 (see learners.spec.ts).
import { test, expect } from "./fixtures";
import {
  Keys,
  Mouse,
  attempt,
  bars,
  task,
  near,
  stepDone,
  lessonDone,
  rangeOf,
  rocStart,
  rocWalk,
  rocHandle,
  dots,
  clickDot,
  objectRuns,
  gridTo,
  wheelTo,
} from "./learner";

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
    await k.radio("race-optimizer-adam");
    await k.button("race-play");
    await expect.poll(() => app.readout("race-step"), { timeout: 30_000 }).toBe(150);
    await k.radio("race-optimizer-sgd");
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
        () => m.typeInto("z-field", "0.8"),
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
        () => m.typeInto("z-field", "-8"),
      )),
    );
    await stepDone(page, skip);
    await m.next();
    await m.answer(1);
    await m.click("race-optimizer-adam");
    await m.click("race-play");
    await expect.poll(() => app.readout("race-step"), { timeout: 30_000 }).toBe(150);
    await m.click("race-optimizer-sgd");
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
    await lessonDone(page, "regression-output");
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
    // No false alarms: slide up the left edge (false positive rate 0) and let go at the
    // highest point that still has none.
    const start = await rocHandle(page, "error-roc");
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    let best = start.y;
    for (let y = start.y; y > start.y - 600; y -= 2) {
      await page.mouse.move(start.x, y);
      if ((await app.readout("fp")) > 0) break;
      best = y;
    }
    await page.mouse.move(start.x, best);
    await page.mouse.up();
    // Every defect caught: on the threshold slider the target lies between 7.121e-4 and
    // 7.131e-4, inside one step, but the ROC curve's points can be walked one by one.
    await rocWalk(page, "error-roc", async () => (await app.readout("fn")) === 0, "every defect caught");
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
    await lessonDone(page, "anomaly-detection");
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
    await k.radio("last-layer-same");
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
    await m.click("last-layer-same");
    await stepDone(page);
    await m.next();
    await m.click("flatten-pixels");
    await stepDone(page);
    await m.next();
    await m.range(page.getByTestId("brush-value"), 0);
    await m.click("fill-all");
    await m.range(page.getByTestId("brush-value"), 1);
    await m.click("brush-1");
    const grid = page.getByTestId("mask-painter-grid");
    await wheelTo(page, grid);
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
    await wheelTo(page, map);
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
    await lessonDone(page, "segmentation");
  });
});
