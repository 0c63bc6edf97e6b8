// Lesson 3, done by a scripted learner: losses, thresholds, top-k, the accuracy trap, the
// ROC threshold point and Keras' choice of "accuracy".
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

const task = (page: Page, id: string) => page.locator(`[data-testid="task"][data-task-id="${id}"]`);

async function setRange(page: Page, testid: string, value: number) {
  await page.getByTestId(testid).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

test("labels and losses: sparse equals categorical; the smoothed optimum", async ({ app, page }) => {
  await app.goto("losses-and-metrics/labels-and-losses");
  // The formulas are on the step itself, not only behind the prediction.
  await expect(page.getByTestId("loss-formulas").locator("math")).toHaveCount(3);
  await page.getByTestId("l3-label-2").check();
  const cce = await app.readout("l3-cce");
  expect(await app.readout("l3-scce")).toBe(cce);
  await page.getByTestId("spelling-sparse").check();
  await expect(page.getByTestId("y-true")).toContainText("y_true = 2");
  await expect(task(page, "sparse-same")).toHaveAttribute("data-done", "true");
  expect(Number(await page.getByTestId("code-keras-value").getAttribute("data-value"))).toBe(await app.readout("l3-scce"));
  // Smoothing 0.1 over 4 classes: the optimum has p(true) = 0.925, p(other) = 0.025: the
  // true logit must lead the others by ln(37) ≈ 3.61. Class 2 to 3.6, the others to 0.
  await page.getByTestId("spelling-onehot").check();
  await setRange(page, "label-smoothing", 0.1);
  expect(await app.readout("label-smoothing")).toBe(0.1);
  for (const [i, presses] of [[0, -10], [1, -5], [3, 10]] as const) {
    await app.slider(i).focus();
    for (let k = 0; k < Math.abs(presses); k++) await page.keyboard.press(presses > 0 ? "ArrowUp" : "ArrowDown");
  }
  await app.slider(2).focus();
  for (let k = 0; k < 41; k++) await page.keyboard.press("ArrowUp");
  await expect(task(page, "smooth-optimum")).toHaveAttribute("data-done", "true");
  await page.getByTestId("predict-choice-1").check();
  await page.getByTestId("predict-check").click();
  expect(await app.readout("l3-cce") - await app.readout("l3-floor")).toBeLessThan(0.005);
});

test("threshold: on raw logits the matching threshold is 0", async ({ app, page }) => {
  await app.goto("losses-and-metrics/threshold");
  expect(await app.readout("binary-accuracy")).toBe(1);
  await page.getByTestId("ypred-logits").check();
  expect(await app.readout("binary-accuracy")).toBe(0.8);
  expect(await app.readout("meant-accuracy")).toBe(1);
  await expect(task(page, "logit-threshold")).toHaveAttribute("data-done", "false");
  await page.getByTestId("threshold").focus();
  // On the way down, 0.25 already agrees on these five logits (0.3 and −0.3 sit either side):
  // the page says why that is luck, not the answer, and the task waits for 0.
  for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowLeft");
  expect(await app.readout("threshold")).toBe(0.25);
  await expect(page.getByTestId("lucky-threshold")).toContainText("between 0 and 0.25");
  await expect(task(page, "logit-threshold")).toHaveAttribute("data-done", "false");
  for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowLeft");
  expect(await app.readout("threshold")).toBe(0);
  await expect(page.getByTestId("lucky-threshold")).toHaveCount(0);
  await expect(task(page, "logit-threshold")).toHaveAttribute("data-done", "true");
  expect(await app.readout("binary-accuracy")).toBe(1);
  // Five 0/1 matches (one per label), then their mean.
  const printed = (await page.getByTestId("code-pytorch-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(printed).toEqual([1, 1, 1, 1, 1, 1]);
});

test("top-k: the true class in second place", async ({ app, page }) => {
  await app.goto("losses-and-metrics/top-k");
  expect(await app.readout("rank")).toBe(3);
  await app.dragBar(1, -25);
  await expect.poll(() => app.readout("rank")).toBeLessThan(3);
  // Make it exactly second: below class 0 (2.0), above class 2 (1.0).
  await app.slider(1).focus();
  const z1 = await app.sliderValue(1);
  const steps = Math.round((1.5 - z1) / 0.1);
  for (let k = 0; k < Math.abs(steps); k++) await page.keyboard.press(steps > 0 ? "ArrowUp" : "ArrowDown");
  await expect(task(page, "second-place")).toHaveAttribute("data-done", "true");
  expect(await app.readout("categorical-accuracy")).toBe(0);
  expect(await app.readout("top-k-accuracy")).toBe(1);
  const [cat, topk] = (await page.getByTestId("code-keras-value").getAttribute("data-value"))!.split(",").map(Number);
  expect([cat, topk]).toEqual([0, 1]);
});

test("the accuracy trap: 88 % accuracy with recall 0, then the best F1", async ({ app, page }) => {
  await app.goto("losses-and-metrics/accuracy-trap");
  await expect(page.getByTestId("readout-accuracy")).toHaveCount(0);
  await page.getByTestId("predict-choice-2").check();
  await page.getByTestId("predict-check").click();
  expect(await app.readout("accuracy")).toBe(0.92);
  await page.getByTestId("bias").focus();
  await page.keyboard.press("Home");
  expect(await app.readout("bias")).toBe(-10);
  await expect(task(page, "all-negative")).toHaveAttribute("data-done", "true");
  expect(await app.readout("accuracy")).toBe(0.88);
  expect(await app.readout("recall")).toBe(0);
  // Walk the bias up and keep the best F1 seen; the task turns done at the best one.
  let best = 0;
  for (let k = 0; k < 56; k++) {
    await page.keyboard.press("ArrowRight");
    best = Math.max(best, await app.readout("f1"));
    if ((await task(page, "best-f1").getAttribute("data-done")) === "true") break;
  }
  await expect(task(page, "best-f1")).toHaveAttribute("data-done", "true");
  expect(await app.readout("f1")).toBe(best);
  const [acc, precision, recall, f1] = (await page.getByTestId("code-keras-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(acc).toBe(await app.readout("accuracy"));
  expect(precision).toBe(await app.readout("precision"));
  expect(recall).toBe(await app.readout("recall"));
  expect(f1).toBe(await app.readout("f1"));
});

test("ROC: the threshold point moves the confusion numbers; exact AUC beside Keras'", async ({ app, page }) => {
  await app.goto("losses-and-metrics/roc");
  expect(await app.readout("auc-exact")).toBeCloseTo(0.9034, 4);
  expect(await app.readout("auc-keras")).toBeCloseTo(0.9091, 4);
  expect(await app.readout("tp")).toBe(0);
  const point = page.getByTestId("roc-plot").getByRole("slider");
  await point.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  expect(await app.readout("tp") + (await app.readout("fp"))).toBeGreaterThan(0);
  expect(await app.readout("tp") + (await app.readout("fn"))).toBe(6);
  expect(await app.readout("fp") + (await app.readout("tn"))).toBe(44);
  // Step along the curve until the task holds (recall ≥ 0.8 at the fewest false positives).
  for (let k = 0; k < 60 && (await task(page, "recall-80").getAttribute("data-done")) !== "true"; k++) {
    await page.keyboard.press("ArrowRight");
  }
  await expect(task(page, "recall-80")).toHaveAttribute("data-done", "true");
  expect(await app.readout("tpr")).toBeGreaterThanOrEqual(0.8);
  // A drag to the top-right corner selects the last point: everything positive.
  const box = (await page.getByTestId("roc-plot").boundingBox())!;
  const pointBox = (await point.boundingBox())!;
  await page.mouse.move(pointBox.x + 14, pointBox.y + 14);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 5, box.y + 5, { steps: 5 });
  await page.mouse.up();
  expect(await app.readout("tpr")).toBe(1);
  expect(await app.readout("fpr")).toBe(1);
});

test("metrics=['accuracy']: a multi-label model silently gets categorical accuracy", async ({ app, page }) => {
  await app.goto("losses-and-metrics/keras-accuracy");
  await expect(page.getByTestId("accuracy-kind")).toHaveText("sparse_categorical_accuracy");
  await page.getByTestId("shape-integer-column").check();
  await page.getByTestId("out-1").check();
  await expect(page.getByTestId("accuracy-kind")).toHaveText("binary_accuracy");
  await page.getByTestId("shape-multihot").check();
  await page.getByTestId("out-5").check();
  await expect(page.getByTestId("accuracy-kind")).toHaveText("categorical_accuracy");
  await expect(task(page, "silent-categorical")).toHaveAttribute("data-done", "true");
  expect(await app.readout("wanted-accuracy")).toBe(0.92);
  expect(await app.readout("reported-accuracy")).not.toBe(0.92);
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("summary-table")).toBeVisible();
  await expect(page.getByTestId("callout")).toContainText("validation_data");
  // A verdict on every cell of the asker's table, with the reason.
  const verdicts = page.getByTestId("verdict-table").locator("tbody tr");
  await expect(verdicts).toHaveCount(9);
  await expect(verdicts.filter({ hasText: "categorical cross-entropy on multi-hot labels" }).locator("[data-verdict]")).toHaveText("wrong");
  await expect(verdicts.filter({ hasText: "top-k categorical accuracy on multi-label" }).locator("[data-verdict]")).toHaveText("misleading");
  await expect(verdicts.filter({ hasText: "binary cross-entropy for multi-class" }).locator("[data-verdict]")).toHaveText("misleading");
  await expect(verdicts.filter({ hasText: "binary_accuracy on one-hot labels" })).toContainText("(C − 1)/C");
  await expect(page.getByTestId("next-lesson")).toHaveText("Next: 4 · Regression output →");
  await expect(page.getByTestId("next-lesson")).toHaveAttribute("href", "#/regression-output");
});
