// Lesson 4, continued: the training race and the image race, checked against an independent
// re-implementation of their maths (e2e/regression.ts), with their frame times measured.
import { test, expect } from "./fixtures";
import { isDone, panelValues, press, race, adamRace, timedRun, untilReadout } from "./regression";

// The two animated tests measure frame times: keep this file's tests from competing with
// each other for the CPU.
test.describe.configure({ mode: "serial" });

test("the training race ends deterministically; a large learning rate makes the linear head overshoot", async ({ app, page }) => {
  await app.goto("regression-output/race");
  await page.getByTestId("predict-choice-1").check();
  await page.getByTestId("predict-check").click();
  await expect(page.getByTestId("race-table")).toBeVisible();
  await isDone(page, "race-finish", false);
  expect(await app.readout("race-step")).toBe(0);

  await page.getByTestId("race-speed").selectOption("60");
  const frames = await timedRun(page, "race", 150);
  await expect(page.getByTestId("race-play")).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("race-play")).toHaveText("Replay");
  await isDone(page, "race-finish");
  await isDone(page, "race-overshoot", false);
  expect(frames.frames).toBeGreaterThan(20);
  expect(frames.over16, "no frame's work over 16 ms").toBe(0);

  // The end state, computed again here.
  let want = race(0.9, 0.05, 0.1, 150);
  const keys = ["linear", "sigmoid-mse", "sigmoid-bce"];
  for (let i = 0; i < 3; i++) {
    expect(await app.readout(`race-out-${keys[i]}`)).toBeCloseTo(want.out[i], 10);
  }
  expect(await app.readout("race-out-sigmoid-mse")).toBeLessThan(0.4);
  expect(await app.readout("race-linear-max")).toBeLessThanOrEqual(1);
  expect(await app.readout("race-linear-outside")).toBe(0);
  const outs = await Promise.all(keys.map((k) => app.readout(`race-out-${k}`)));
  const errs = await Promise.all(keys.map((k) => app.readout(`race-err-${k}`)));
  // The panels refresh in a task of their own after the run stops.
  await expect.poll(() => panelValues(page, "keras")).toEqual([...outs, ...errs]);
  await expect.poll(() => panelValues(page, "pytorch")).toEqual([...outs, ...errs]);
  await expect(page.getByTestId("code-keras")).toContainText("target, start, lr, steps = 0.9, 0.05, 0.1, 150");
  // With Adam (computed, not animated) even sigmoid + MSE reaches the target.
  expect(Math.abs((await app.readout("race-adam-sigmoid-mse")) - 0.9)).toBeLessThan(0.01);

  // Learning rate 0.8: one step already lands at 0.9 + 0.85 · 0.6 = 1.41.
  await app.slider(0, "race-lr").focus();
  await press(page, "End");
  await press(page, "ArrowLeft", 20);
  expect(await app.readout("race-lr")).toBeCloseTo(0.8, 12);
  expect(await app.readout("race-step")).toBe(0);
  await page.getByTestId("race-one-step").click();
  expect(await app.readout("race-step")).toBe(1);
  expect(await app.readout("race-out-linear")).toBeCloseTo(1.41, 12);
  await isDone(page, "race-overshoot");
  await page.getByTestId("race-play").click();
  await expect.poll(() => app.readout("race-step"), { timeout: 15_000 }).toBe(150);
  await isDone(page, "race-overshoot");
  want = race(0.9, 0.05, 0.8, 150);
  expect(await app.readout("race-linear-max")).toBeCloseTo(want.hi, 12);
  expect(await app.readout("race-linear-max")).toBeGreaterThan(1);
  expect(await app.readout("race-linear-outside")).toBeGreaterThanOrEqual(1);
  for (let i = 0; i < 3; i++) {
    expect(await app.readout(`race-out-${keys[i]}`)).toBeCloseTo(want.out[i], 10);
  }
  // The sigmoid heads stayed inside (0, 1) and the linear head settled back.
  expect(await app.readout("race-out-linear")).toBeCloseTo(0.9, 10);
  const after = await Promise.all(keys.map((k) => app.readout(`race-out-${k}`)));
  const afterErrs = await Promise.all(keys.map((k) => app.readout(`race-err-${k}`)));
  await expect.poll(() => panelValues(page, "pytorch")).toEqual([...after, ...afterErrs]);
});

test("the optimizer choice: Adam brings sigmoid + MSE to the target, in the panels and the link too", async ({ app, page }) => {
  await app.goto("regression-output/race");
  await page.getByTestId("predict-choice-1").check();
  await page.getByTestId("predict-check").click();
  await page.getByTestId("race-speed").selectOption("60");
  await page.getByTestId("race-optimizer-adam").check();
  await isDone(page, "race-adam", false);
  await page.getByTestId("race-play").click();
  await untilReadout(page, "race-step", 150);
  await isDone(page, "race-adam");
  const want = adamRace(0.9, 0.05, 0.1, 150);
  const keys = ["linear", "sigmoid-mse", "sigmoid-bce"];
  for (let i = 0; i < 3; i++) {
    expect(await app.readout(`race-out-${keys[i]}`)).toBeCloseTo(want[i], 10);
    // The end points quoted in the text are this run's.
    expect(await app.readout(`race-adam-${keys[i]}`)).toBe(await app.readout(`race-out-${keys[i]}`));
  }
  expect(Math.abs(want[1] - 0.9)).toBeLessThan(0.05);
  await expect(page.getByTestId("code-keras")).toContainText("keras.optimizers.Adam(learning_rate=lr)");
  await expect(page.getByTestId("code-pytorch")).toContainText("torch.optim.Adam([z], lr=lr, eps=1e-7)");
  await expect.poll(async () => (await panelValues(page, "keras")).slice(0, 3)).toEqual(
    await Promise.all(keys.map((k) => app.readout(`race-out-${k}`))),
  );
  // The address keeps the choice and the steps once the run has stopped.
  await expect.poll(() => page.url()).toMatch(/[?&]n=150(&|$)/);
  expect(page.url()).toMatch(/[?&]opt=adam(&|$)/);
  // Back to plain gradient descent: the run starts again, and the task stays done.
  await page.getByTestId("race-optimizer-sgd").check();
  expect(await app.readout("race-step")).toBe(0);
  await isDone(page, "race-adam");
  await app.goto("regression-output/race?opt=adam&n=150");
  await expect(page.getByTestId("race-optimizer-adam")).toBeChecked();
  expect(await app.readout("race-out-sigmoid-mse")).toBeCloseTo(want[1], 10);
});

test("the race pauses when the page is hidden and stops when the step is left", async ({ app, page }) => {
  await app.goto("regression-output/race");
  await page.getByTestId("race-speed").selectOption("5");
  await page.getByTestId("race-play").click();
  await expect.poll(() => app.readout("race-step")).toBeGreaterThan(0);
  // Pretend the tab went to the background.
  await page.evaluate(() => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(page.getByTestId("race-play")).toHaveAttribute("aria-pressed", "false");
  const frozen = await app.readout("race-step");
  await page.waitForTimeout(600);
  expect(await app.readout("race-step")).toBe(frozen);
  await page.evaluate(() => delete (document as any).hidden);
  // Playing again, then leaving the step mid-run: nothing keeps running (no errors).
  await page.getByTestId("race-play").click();
  await expect.poll(() => app.readout("race-step")).toBeGreaterThan(frozen);
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "image");
  await page.waitForTimeout(400);
  await page.getByTestId("prev-step").click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "race");
  expect(await app.readout("race-step")).toBe(0);
});

test("the image version: per-pixel training with each head, and overshooting pixels", async ({ app, page }) => {
  await app.goto("regression-output/image");
  await isDone(page, "image-trained", false);
  await isDone(page, "image-overshoot", false);
  expect(await app.readout("image-step")).toBe(0);
  const before = await app.foregroundSignature("image-strip");
  await page.getByTestId("image-speed").selectOption("60");
  const frames = await timedRun(page, "image", 120);
  expect(frames.frames).toBeGreaterThan(20);
  expect(frames.over16, "no frame's work over 16 ms").toBe(0);
  await isDone(page, "image-trained");
  expect(await app.foregroundSignature("image-strip")).not.toBe(before);

  // From the negative at η = 0.2: linear exact, sigmoid + MSE stuck, BCE close but never white.
  expect(await app.readout("image-mse-linear")).toBeLessThan(1e-12);
  expect(await app.readout("image-mse-sigmoid-mse")).toBeGreaterThan(0.1);
  expect(await app.readout("image-mse-sigmoid-bce")).toBeLessThan(0.001);
  expect(await app.readout("image-white-sigmoid-mse")).toBeLessThan(0.2);
  const white = await app.readout("image-white-sigmoid-bce");
  expect(white).toBeGreaterThan(0.9);
  expect(white).toBeLessThan(1);
  expect(await app.readout("image-outside-most")).toBe(0);
  const table = await Promise.all(
    ["mse", "white", "black"].flatMap((col) =>
      ["linear", "sigmoid-mse", "sigmoid-bce"].map((k) => app.readout(`image-${col}-${k}`)),
    ),
  );
  await expect.poll(() => panelValues(page, "keras")).toEqual(table);
  await expect.poll(() => panelValues(page, "pytorch")).toEqual(table);
  await expect(page.getByTestId("code-keras")).toContainText("lr, steps = 0.2, 120");

  // η = 0.6: one step sends linear pixels outside [0, 1].
  await app.slider(0, "image-lr").focus();
  await press(page, "ArrowRight", 40);
  expect(await app.readout("image-lr")).toBeCloseTo(0.6, 12);
  expect(await app.readout("image-step")).toBe(0);
  await page.getByTestId("image-one-step").click();
  expect(await app.readout("image-step")).toBe(1);
  expect(await app.readout("image-outside-linear")).toBeGreaterThan(0);
  expect(await app.readout("image-outside-sigmoid-bce")).toBe(0);
  await isDone(page, "image-overshoot");

  // Starting from mid-grey resets the run.
  await page.getByTestId("image-start-mid-grey").check();
  expect(await app.readout("image-step")).toBe(0);
  await expect(page.getByTestId("code-pytorch")).toContainText("np.full((16, 16), 0.5)");
  await expect(page.getByTestId("nav-progress-regression-output")).toContainText("2/9") // nine tasks since the race gained the Adam task;
});

test("summary: the rule-of-thumb table and the thread's errors", async ({ app, page }) => {
  await app.goto("regression-output/summary");
  await expect(page.getByTestId("summary-table")).toContainText("from_logits=True");
  await expect(page.getByTestId("summary-table")).toContainText("clip when predicting");
  await expect(page.getByTestId("callout")).toContainText("binary classifier");
  await expect(page.getByTestId("next-step")).toBeHidden();
  await expect(page.getByTestId("next-lesson")).toHaveText("Next: 5 · Anomaly detection →");
  await expect(page.getByTestId("next-lesson")).toHaveAttribute("href", "#/anomaly-detection");
});
