// Lesson 2, done by a scripted learner with keys and drags.
import { test, expect, sigmoid } from "./fixtures";
import type { Page } from "@playwright/test";

const task = (page: Page, id: string) => page.locator(`[data-testid="task"][data-task-id="${id}"]`);

test("two heads: all sigmoids above 0.5, but never two softmax outputs", async ({ app, page }) => {
  await app.goto("softmax-or-sigmoid/two-heads");
  await expect(page.getByTestId("softmax-most")).toHaveCount(0);
  await page.getByTestId("predict-choice-0").check();
  await page.getByTestId("predict-check").click();
  await expect(page.getByTestId("predict")).toContainText("Not quite.");
  await expect(page.getByTestId("softmax-most")).toBeVisible();
  // Keys: class 1 from −0.5 to 0.5, class 2 from −1 to 0.1 (σ(0) = 0.5 would not count).
  await app.slider(1).focus();
  await page.keyboard.press("PageUp");
  await app.slider(2).focus();
  await page.keyboard.press("PageUp");
  await page.keyboard.press("ArrowUp");
  await expect(task(page, "all-sigmoids")).toHaveAttribute("data-done", "true");
  await expect(task(page, "sigmoid-sum")).toHaveAttribute("data-done", "false");
  // Drags: push all three up.
  for (const i of [0, 1, 2]) await app.dragBar(i, -60);
  await expect(task(page, "sigmoid-sum")).toHaveAttribute("data-done", "true");
  const z = await app.logits();
  expect(await app.readout("sigmoid-sum")).toBeCloseTo(z.map(sigmoid).reduce((a, b) => a + b), 12);
  expect(await app.readout("softmax-sum")).toBeCloseTo(1, 12);
  expect(Number(await page.getByTestId("softmax-most").textContent())).toBeLessThanOrEqual(1);
});

test("two classes: softmax equals the sigmoid of the gap; find p = 0.75", async ({ app, page }) => {
  await app.goto("softmax-or-sigmoid/two-classes");
  const gap = Math.log(3);
  // Arrow keys move by 0.1: z0 from 1.0 to 1.1 gives a gap of 1.1, p = 0.7503.
  await app.slider(0).focus();
  await page.keyboard.press("ArrowUp");
  await expect(task(page, "p-075")).toHaveAttribute("data-done", "true");
  expect(await app.readout("softmax-p0")).toBeCloseTo(0.75, 2);
  expect(await app.readout("difference")).toBeLessThan(1e-15);
  expect(await app.readout("logit-gap")).toBeCloseTo(gap, 0);
  const [p0, s] = (await page.getByTestId("code-keras-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(p0).toBe(await app.readout("softmax-p0"));
  expect(s).toBe(await app.readout("sigmoid-gap"));
});

test("temperature: one-hot at low T, near uniform at high T; the T = 10 example", async ({ app, page }) => {
  await app.goto("softmax-or-sigmoid/temperature");
  const slider = page.getByTestId("temperature");
  await slider.focus();
  await page.keyboard.press("Home");
  expect(await app.readout("temperature")).toBe(0.05);
  await expect(task(page, "one-hot")).toHaveAttribute("data-done", "true");
  await page.keyboard.press("End");
  expect(await app.readout("temperature")).toBe(100);
  await expect(task(page, "uniform")).toHaveAttribute("data-done", "true");
  expect(await app.readout("entropy")).toBeGreaterThan(0.99 * Math.log(3));
  await page.getByTestId("predict-choice-1").check();
  await page.getByTestId("predict-check").click();
  await page.getByTestId("set-12-12-0").click();
  // z / T = [1.2, −1.2, 0]: [0.7184, 0.0651, 0.2164], far from uniform.
  expect(await app.readout("p-0")).toBeCloseTo(0.7184, 3);
  expect(await app.readout("p-1")).toBeCloseTo(0.0651, 3);
  expect(await app.readout("p-2")).toBeCloseTo(0.2164, 3);
  const panel = (await page.getByTestId("code-pytorch-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(panel[0]).toBe(await app.readout("p-0"));
});

test("multi-class and multi-label tasks follow the toggle", async ({ app, page }) => {
  await app.goto("softmax-or-sigmoid/exclusive-or-not");
  await expect(task(page, "animal")).toHaveAttribute("data-done", "false");
  await app.slider(2).focus();
  await page.keyboard.press("PageUp");
  await page.keyboard.press("PageUp");
  await expect(task(page, "animal")).toHaveAttribute("data-done", "true");
  await page.getByTestId("mode-multi-label").check();
  await expect(page.getByTestId("target-description")).toContainText("action comedy");
  await expect(task(page, "movie")).toHaveAttribute("data-done", "false");
  // Comedy (class 1) on, romance (class 2) off.
  await app.dragBar(1, -40);
  await app.slider(2).focus();
  await page.keyboard.press("Home");
  await expect(task(page, "movie")).toHaveAttribute("data-done", "true");
  // The program prints the loss from logits first, then the probability paths.
  const keras = (await page.getByTestId("code-keras-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(keras[0]).toBe(await app.readout("loss"));
  await expect(page.getByTestId("code-pytorch")).toContainText("BCEWithLogitsLoss");
});

test("detection: one box can be a person and a woman", async ({ app, page }) => {
  await app.goto("softmax-or-sigmoid/detection");
  await app.slider(1).focus();
  for (let k = 0; k < 2; k++) await page.keyboard.press("PageUp");
  await expect(task(page, "person-and-woman")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("callout")).toContainText("YOLOv3");
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("summary-table")).toBeVisible();
  await expect(page.getByTestId("nav-progress-softmax-or-sigmoid")).toContainText("1/8");
  await expect(page.getByTestId("next-lesson")).toHaveText("Next: 3 · Losses & metrics →");
  await expect(page.getByTestId("next-lesson")).toHaveAttribute("href", "#/losses-and-metrics");
});

test("two classes: a logit typed into its field reaches p = 0.75, which one pixel of a drag cannot", async ({ app, page }) => {
  await app.goto("softmax-or-sigmoid/two-classes");
  await expect(task(page, "p-075")).toHaveAttribute("data-done", "false");
  // z₁ = 1 − ln 3 makes the gap ln 3, so p₀ = 0.75 exactly.
  const z1 = page.getByTestId("z1-field");
  await z1.fill(String(1 - Math.log(3)));
  await z1.press("Enter");
  await expect(task(page, "p-075")).toHaveAttribute("data-done", "true");
  expect(await app.readout("softmax-p0")).toBeCloseTo(0.75, 6);
  // A value outside the bars' range is refused and said so; the logits stay.
  await z1.fill("40");
  await z1.press("Enter");
  await expect(page.getByTestId("z1-field-error")).toBeVisible();
  expect(await app.readout("softmax-p0")).toBeCloseTo(0.75, 6);
});
