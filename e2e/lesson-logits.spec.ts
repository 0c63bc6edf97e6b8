// Lesson 1, done by a scripted learner: every task with keys and drags, predict-then-reveal,
// the framework panel against the readouts, step URLs, key navigation and stored progress.
import { test, expect, softmax, type LogitLab } from "./fixtures";
import type { Page } from "@playwright/test";

const task = (page: Page, id: string) => page.locator(`[data-testid="task"][data-task-id="${id}"]`);

async function answerPredict(page: Page, choice: number) {
  const predict = page.getByTestId("predict");
  await expect(predict).toHaveAttribute("data-revealed", "false");
  await expect(page.getByTestId("predict-reveal")).toBeHidden();
  await page.getByTestId(`predict-choice-${choice}`).check();
  await page.getByTestId("predict-check").click();
  await expect(predict).toHaveAttribute("data-revealed", "true");
  await expect(page.getByTestId("predict-reveal")).toBeVisible();
}

async function keys(page: Page, key: string, times: number) {
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
}

test("step 1: make class 3 the most likely, then 90 % sure (drag and keys)", async ({ app, page }) => {
  await app.goto("logits/raw-scores");
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "raw-scores");
  await expect(task(page, "class-3-top")).toHaveAttribute("data-done", "false");
  await app.dragBar(3, -30);
  await expect(task(page, "class-3-top")).toHaveAttribute("data-done", "true");
  await expect(task(page, "class-3-sure")).toHaveAttribute("data-done", "false");
  await app.slider(3).focus();
  await page.keyboard.press("End");
  await expect(task(page, "class-3-sure")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("announcer")).toContainText("Task done");
  // The framework panel returns exactly what the readouts show.
  const z = await app.logits();
  const keras = (await page.getByTestId("code-keras-value").getAttribute("data-value"))!.split(",").map(Number);
  const torch = (await page.getByTestId("code-pytorch-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(keras).toEqual(torch);
  expect(keras[3]).toBe(await app.readout("p-3"));
  softmax(z).forEach((p, i) => expect(keras[i]).toBeCloseTo(p, 12));
  await expect(page.getByTestId("code-keras")).toContainText(`${z[3]}`);
});

test("a predict answer is remembered when the learner leaves the step and comes back", async ({ app, page }) => {
  await app.goto("logits/shift");
  await answerPredict(page, 1);
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "log-odds");
  await page.getByTestId("prev-step").click();
  await expect(page.getByTestId("predict")).toHaveAttribute("data-revealed", "true");
  await expect(page.getByTestId("predict-choice-1")).toBeChecked();
  // And after a reload; "Reset my progress" forgets it.
  await page.reload();
  await app.ready();
  await expect(page.getByTestId("predict")).toHaveAttribute("data-revealed", "true");
  await page.getByRole("button", { name: "Reset my progress" }).click({ force: true });
  await page.reload();
  await app.ready();
  await expect(page.getByTestId("predict")).toHaveAttribute("data-revealed", "false");
});

test("a task is judged where the learner lets go, not on a value a drag passes", async ({ app, page }) => {
  await app.goto("logits/raw-scores");
  await app.slider(3).scrollIntoViewIfNeeded();
  const box = (await app.slider(3).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - 30, { steps: 4 });
  // Class 3 is on top while the bar is held: the condition holds, but nothing ticks yet.
  await expect(task(page, "class-3-top")).toHaveAttribute("data-holds", "true");
  await expect(task(page, "class-3-top")).toHaveAttribute("data-done", "false");
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
  await expect(task(page, "class-3-top")).toHaveAttribute("data-holds", "false");
  await expect(task(page, "class-3-top")).toHaveAttribute("data-done", "false");
  // Let go with class 3 on top, and it counts.
  await app.dragBar(3, -30);
  await expect(task(page, "class-3-top")).toHaveAttribute("data-done", "true");
});

test("step 2: predict, then shift every logit by +100", async ({ app, page }) => {
  await app.goto("logits/shift");
  await expect(page.getByTestId("readout-change-f64")).toHaveCount(0);
  // What answers the question waits for the prediction: the buttons that would tick the task
  // and the programs that print the probabilities.
  await expect(page.getByTestId("shift-100")).toBeDisabled();
  await expect(page.getByTestId("code-waits")).toBeVisible();
  await expect(page.getByTestId("code-keras")).toBeHidden();
  await answerPredict(page, 1);
  await expect(page.getByTestId("shift-100")).toBeEnabled();
  await expect(page.getByTestId("code-waits")).toBeHidden();
  await expect(page.getByTestId("code-keras")).toBeVisible();
  await expect(page.getByTestId("predict")).toContainText("Right.");
  const before = await app.readout("total-shift");
  expect(before).toBe(0);
  await page.getByTestId("shift-100").click();
  await expect(task(page, "shift-100")).toHaveAttribute("data-done", "true");
  expect(await app.readout("total-shift")).toBe(100);
  expect(await app.readout("change-f64")).toBeLessThan(1e-12);
  expect(await app.readout("change-f32")).toBeLessThan(1e-5);
  expect(await app.logits()).toEqual([102, 101, 100.5]);
  // A second +100 would push every logit past the chart's ±120 edge: refused, and said so.
  await page.getByTestId("shift-100").click();
  await expect(page.getByTestId("shift-refused")).toContainText("±120");
  expect(await app.logits()).toEqual([102, 101, 100.5]);
  expect(await app.readout("total-shift")).toBe(100);
  expect(await app.readout("change-f64")).toBeLessThan(1e-12);
  await page.getByTestId("shift--10").click();
  await expect(page.getByTestId("shift-refused")).toHaveCount(0);
  expect(await app.logits()).toEqual([92, 91, 90.5]);
});

test("a shared view of a predict step shows its numbers to the person who opens it", async ({ app, page }) => {
  await app.goto("logits/shift?z=102,101,100.5&before=2,1,0.5&shift=100");
  await expect(page.getByTestId("predict")).toHaveAttribute("data-revealed", "false");
  await expect(page.getByTestId("predict")).toContainText("shared with you");
  await expect(page.getByTestId("predict-reveal")).toBeVisible();
  await expect(page.getByTestId("shift-100")).toBeEnabled();
  await expect(page.getByTestId("code-keras")).toBeVisible();
  expect(await app.readout("total-shift")).toBe(100);
  expect(await app.readout("change-f64")).toBeLessThan(1e-12);
});

test("step 3: find the logit where p = 0.9 on the mirrored curves", async ({ app, page }) => {
  await app.goto("logits/log-odds");
  await expect(page.getByTestId("history")).toContainText("1944");
  const point = page.getByTestId("logit-curve").getByRole("slider");
  await point.focus();
  await keys(page, "PageUp", 4);
  await expect(task(page, "p-0.9")).toHaveAttribute("data-done", "true");
  expect(await app.readout("p")).toBeCloseTo(0.9, 12);
  expect(await app.readout("logit")).toBeCloseTo(Math.log(9), 12);
  expect(await app.readout("odds")).toBeCloseTo(9, 9);
  // The sigmoid plot shows the same pair with the axes swapped.
  const z = Number(await page.getByTestId("sigmoid-curve").getByRole("slider").getAttribute("aria-valuenow"));
  expect(z).toBeCloseTo(Math.log(9), 12);
  const [logit, back] = (await page.getByTestId("code-pytorch-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(logit).toBe(await app.readout("logit"));
  expect(back).toBe(await app.readout("p"));
});

test("step 4: float32 breaks, the clip lies, the fused loss stays exact", async ({ app, page }) => {
  // A link's true class shows in the select (share seed 4 found it showing class 0).
  await app.goto("logits/with-logits?class=2");
  await expect(page.getByTestId("true-class")).toHaveValue("2");
  await app.goto("logits/with-logits");
  expect(await app.readout("loss-naive-f32")).toBeCloseTo(await app.readout("loss-exact"), 5);
  // Class 1 far above the true class 0: the clipped path caps at −ln(1e−7).
  await app.slider(1).focus();
  await keys(page, "PageUp", 30);
  await expect(task(page, "clip-lies")).toHaveAttribute("data-done", "true");
  expect(await app.readout("loss-clipped")).toBeCloseTo(-Math.log(1e-7), 9);
  expect(await app.readout("loss-exact")).toBeGreaterThan(17);
  expect(await app.readout("grad-clipped")).toBe(0);
  // Now push the sum of exponentials past float32: drag class 0 to the top.
  await app.dragBar(0, -400);
  expect(await app.sliderValue(0)).toBe(120);
  await expect(task(page, "break-naive")).toHaveAttribute("data-done", "true");
  const naive = await page.getByTestId("readout-loss-naive-f32").getAttribute("data-value");
  expect(["inf", "NaN"]).toContain(naive);
  const exact = await app.readout("loss-exact");
  expect(Number.isFinite(exact)).toBe(true);
  // The programs print the rows: Keras (d), (c) on NumPy probabilities, (c) on a softmax output,
  // which the TensorFlow backend computes from the logits behind it.
  const keras = (await page.getByTestId("code-keras-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(keras).toEqual([exact, await app.readout("loss-clipped"), await app.readout("loss-clipped")]);
  const tf = (await page.getByTestId("code-keras-value-tensorflow").getAttribute("data-value"))!.split(",").map(Number);
  expect(tf).toEqual([exact, await app.readout("loss-clipped"), exact]);
  const torch = (await page.getByTestId("code-pytorch-value").getAttribute("data-value"))!.split(",");
  expect(torch[0]).toBe(naive);
  expect(Number(torch[2])).toBe(exact);
});

test("step 4: z = [88.4, 88.4, 0] typed into the fields; a bad entry is explained and changes nothing", async ({
  app,
  page,
}) => {
  // On the bars 88.4 is ~880 key presses away; typed, it is one entry per logit.
  await app.goto("logits/with-logits");
  await expect(task(page, "break-naive")).toHaveAttribute("data-done", "false");
  const field = (i: number) => page.getByTestId(`z-field-${i}`);
  const error = (i: number) => page.getByTestId(`z-field-${i}-error`);
  await expect(field(1)).toHaveValue("1");
  await field(0).fill("88.4");
  await field(0).press("Enter");
  expect(await app.sliderValue(0)).toBe(88.4);
  // One logit at 88.4 does not overflow: the task waits.
  await expect(task(page, "break-naive")).toHaveAttribute("data-done", "false");

  // Bad entries: a message beside the field, the last good value kept (in the bars too).
  await field(1).fill("88,4");
  await field(1).press("Enter");
  await expect(error(1)).toContainText("'88,4' is not a number");
  await expect(error(1)).toContainText("The last good value stays");
  await expect(field(1)).toHaveAttribute("aria-invalid", "true");
  expect(await app.sliderValue(1)).toBe(1);
  await field(1).fill("500");
  await field(1).press("Enter");
  await expect(error(1)).toContainText("between −120 and 120");
  expect(await app.sliderValue(1)).toBe(1);
  await expect(task(page, "break-naive")).toHaveAttribute("data-done", "false");

  // Leaving the field commits too; the typographic minus is accepted.
  await field(1).fill("88.4");
  await field(2).fill("−1");
  await field(2).press("Tab");
  await expect(error(1)).toHaveCount(0);
  await expect(field(1)).toHaveAttribute("aria-invalid", "false");
  expect(await app.logits()).toEqual([88.4, 88.4, -1]);
  await expect(task(page, "break-naive")).toHaveAttribute("data-done", "true");
  expect(["inf", "NaN"]).toContain(await page.getByTestId("readout-loss-naive-f32").getAttribute("data-value"));
  expect(await app.readout("log-sum-exp")).toBeGreaterThan(88.72);
  expect(Number.isFinite(await app.readout("loss-exact"))).toBe(true);

  // A drag or a key writes its value into the field.
  await app.slider(2).focus();
  await keys(page, "ArrowUp", 3);
  await expect(field(2)).not.toHaveValue("-1");
  expect(Number(await field(2).inputValue())).toBeCloseTo(await app.sliderValue(2), 5);
});

test("step 5: the double-softmax loss cannot follow the correct one down", async ({ app, page }) => {
  await app.goto("logits/double-softmax");
  await app.slider(0).focus();
  await page.keyboard.press("End");
  await expect(task(page, "low-loss")).toHaveAttribute("data-done", "true");
  expect(await app.readout("loss-right")).toBeLessThan(0.01);
  const floor = await app.readout("double-softmax-floor");
  expect(floor).toBeCloseTo(Math.log(1 + 2 / Math.E), 12);
  expect(await app.readout("loss-double-softmax")).toBeGreaterThan(floor);
  const [right, bug] = (await page.getByTestId("code-pytorch-value").getAttribute("data-value"))!.split(",").map(Number);
  expect(right).toBe(await app.readout("loss-right"));
  expect(bug).toBe(await app.readout("loss-double-softmax"));
  // Keras on TensorFlow finds the logits behind a softmax output; JAX and PyTorch do not.
  const jax = (await page.getByTestId("code-keras-value").getAttribute("data-value"))!.split(",").map(Number);
  const tf = (await page.getByTestId("code-keras-value-tensorflow").getAttribute("data-value"))!.split(",").map(Number);
  expect(jax).toEqual([right, bug, bug]);
  expect(tf).toEqual([right, right, bug]);
  await expect(page.getByTestId("backend-note")).toContainText("TensorFlow");
});

test("step 6: logit undoes softmax only with two classes", async ({ app, page }) => {
  await app.goto("logits/round-trip");
  await answerPredict(page, 1);
  expect(await app.readout("logit-p-0")).toBeCloseTo(0.5259, 3);
  expect(await app.readout("logit-p-1")).toBeCloseTo(-1.2014, 3);
  await page.getByTestId("two-classes").click();
  await expect(task(page, "two-class")).toHaveAttribute("data-done", "true");
  expect(await app.readout("logit-p-0")).toBeCloseTo(2, 12);
});

test("step URLs survive a reload, keys step through, progress is kept", async ({ app, page }) => {
  await app.goto("logits/log-odds");
  await page.reload();
  await app.ready();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "log-odds");
  await page.locator("main h1").click();
  await page.keyboard.press("ArrowRight");
  // The step writes its logits into the address 120 ms after it opens (every view has a
  // link): either form is right, as long as they are the step's own starting logits and
  // nothing carried over from the step before.
  await expect(page).toHaveURL(/#\/logits\/with-logits(\?z=2\.0,1\.0,0\.5)?$/);
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "with-logits");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "log-odds");
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "with-logits");
  // Do one task, reload: still done, and counted in the navigation.
  await page.goto("./#/logits/double-softmax");
  await app.slider(0).focus();
  await page.keyboard.press("End");
  await expect(task(page, "low-loss")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("nav-progress-logits")).toContainText("1/8");
  await page.reload();
  await app.ready();
  await expect(task(page, "low-loss")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("nav-progress-logits")).toContainText("1/8");
});

test("an unknown step and corrupt stored progress are not fatal", async ({ app, page }) => {
  await app.goto("");
  await page.evaluate(() => localStorage.setItem("logit-lab.progress", "v1\nlogits/zzz/yyy\n\u0000garbage"));
  await page.goto("./#/logits/no-such-step");
  await app.ready();
  await expect(page.getByTestId("notice")).toContainText("no step");
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "raw-scores");
  await expect(page.getByTestId("nav-progress-logits")).toContainText("0/8");
});

test("summary: the lesson ends with the way on to lesson 2", async ({ app, page }) => {
  await app.goto("logits/summary");
  const next = page.getByTestId("next-lesson");
  await expect(next).toHaveText("Next: 2 · Softmax or sigmoid →");
  await expect(next).toHaveAttribute("href", "#/softmax-or-sigmoid");
  await next.click();
  await expect(page).toHaveURL(/#\/softmax-or-sigmoid$/);
  await expect(page.getByTestId("page-softmax-or-sigmoid")).toBeVisible();
});

test("two tabs keep each other's progress: a task done in one shows in the other and survives its saves", async ({ app, page, context }) => {
  await app.goto("logits/raw-scores");
  const other = await context.newPage();
  await other.goto("./#/logits/shift");
  await expect(other.getByTestId("predict")).toBeVisible();
  const count = (p: Page) => p.locator(`nav a[href="#/logits"]`);
  // Tab 1 does a task; tab 2 hears of it through the storage event.
  await app.dragBar(3, -30);
  await expect(task(page, "class-3-top")).toHaveAttribute("data-done", "true");
  await expect(count(other)).toContainText("1/8");
  // Tab 2 does another task: its save must not drop tab 1's.
  await other.getByTestId("predict-choice-1").check();
  await other.getByTestId("predict-check").click();
  await other.getByTestId("shift-100").click();
  await expect(other.locator('[data-testid="task"][data-task-id="shift-100"]')).toHaveAttribute("data-done", "true");
  await expect(count(page)).toContainText("2/8");
  await page.reload();
  await app.ready();
  await expect(count(page)).toContainText("2/8");
  await expect(task(page, "class-3-top")).toHaveAttribute("data-done", "true");
  await other.close();
});
