// Lesson 4 (linear or sigmoid output for regression), done by a scripted learner with keys
// and drags: one pixel and saturation. The races are in lesson-regression-race.spec.ts.
import { test, expect, sigmoid } from "./fixtures";
import { isDone, panelValues, press } from "./regression";

// Keep this file's tests from competing with each other for the CPU.
test.describe.configure({ mode: "serial" });

test("one pixel: the sigmoid and the linear head want different z", async ({ app, page }) => {
  await app.goto("regression-output/one-pixel");
  await isDone(page, "sigmoid-hits", false);
  await isDone(page, "linear-hits", false);
  expect(await app.sliderValue(0)).toBe(-2);
  expect(await app.readout("target")).toBe(0.3);

  // A mouse drag moves z; every readout follows it.
  await app.dragBar(0, -40);
  const z = await app.sliderValue(0);
  expect(z).toBeGreaterThan(-2);
  expect(await app.readout("out-linear")).toBe(z);
  expect(await app.readout("out-sigmoid-mse")).toBeCloseTo(sigmoid(z), 14);
  expect(await app.readout("loss-linear")).toBeCloseTo((z - 0.3) ** 2, 12);
  expect(await app.readout("grad-sigmoid-bce")).toBeCloseTo(sigmoid(z) - 0.3, 14);
  await expect(page.getByTestId("pixel-swatches").locator("canvas")).toHaveCount(2);
  expect(await app.paintedPixels("pixel-swatches")).toBeGreaterThan(1000);

  // Keys: target 0.3 → 0.8, then z to 1.4 (σ = 0.802), then to 0.8.
  await app.slider(0, "target").focus();
  await press(page, "ArrowRight", 50);
  expect(await app.readout("target")).toBeCloseTo(0.8, 12);
  await isDone(page, "sigmoid-hits", false);
  await app.slider(0).focus();
  await press(page, "Home");
  await press(page, "PageUp", 7);
  await press(page, "ArrowUp", 4);
  expect(await app.sliderValue(0)).toBeCloseTo(1.4, 12);
  await isDone(page, "sigmoid-hits");
  await isDone(page, "linear-hits", false);
  expect(Math.abs((await app.readout("out-sigmoid-bce")) - 0.8)).toBeLessThan(0.01);
  await press(page, "ArrowDown", 6);
  await isDone(page, "linear-hits");
  expect(await app.readout("out-linear")).toBeCloseTo(0.8, 12);
  expect(await app.readout("loss-linear")).toBeLessThan(1e-20);
  // BCE with the soft target 0.8 can never go below the entropy of 0.8.
  const h = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2));
  expect(await app.readout("bce-floor")).toBeCloseTo(h, 12);
  expect(await app.readout("loss-sigmoid-bce")).toBeGreaterThan(h);

  // The framework panels return the three losses shown.
  const losses = [
    await app.readout("loss-linear"),
    await app.readout("loss-sigmoid-mse"),
    await app.readout("loss-sigmoid-bce"),
  ];
  const printed = [await app.readout("out-sigmoid-mse"), ...losses];
  expect(await panelValues(page, "keras")).toEqual(printed);
  expect(await panelValues(page, "pytorch")).toEqual(printed);
  await expect(page.getByTestId("code-keras")).toContainText("from_logits=True");
  await expect(page.getByTestId("code-pytorch")).toContainText("binary_cross_entropy_with_logits");
  await expect(page.getByTestId("callout")).toContainText("autoencoders");
});

test("one pixel: z and the target typed into their fields land in windows a drag cannot hit", async ({ app, page }) => {
  await app.goto("regression-output/one-pixel");
  const z = page.getByTestId("z-field");
  const y = page.getByTestId("y-field");
  await expect(z).toHaveValue("-2");
  // A target whose sigmoid window is narrow: σ(z) within 0.01 of 0.99 needs z in
  // [logit(0.98), logit(1)) ∩ [−6, 6] = [3.892, 6], but at 0.9 it is [2.079, 2.442].
  await y.fill("0.9");
  await y.press("Enter");
  expect(await app.readout("target")).toBe(0.9);
  await isDone(page, "sigmoid-hits", false);
  // Out of the bar's range, or not a number: explained, nothing moves.
  await z.fill("7");
  await z.press("Enter");
  await expect(page.getByTestId("z-field-error")).toContainText("between −6 and 6");
  await z.fill("");
  await z.press("Enter");
  await expect(page.getByTestId("z-field-error")).toContainText("Please type a number");
  expect(await app.sliderValue(0)).toBe(-2);
  await isDone(page, "sigmoid-hits", false);
  // logit(0.9) = ln 9 = 2.1972…, typed to four digits.
  await z.fill("2.197");
  await z.press("Enter");
  await expect(page.getByTestId("z-field-error")).toHaveCount(0);
  expect(await app.sliderValue(0)).toBe(2.197);
  expect(await app.readout("out-sigmoid-mse")).toBeCloseTo(sigmoid(2.197), 14);
  await isDone(page, "sigmoid-hits");
  await isDone(page, "linear-hits", false);
  await z.fill("0.905");
  await z.press("Tab");
  await isDone(page, "linear-hits");
  expect(await app.readout("out-linear")).toBe(0.905);
  // The target keeps its range too.
  await y.fill("1.5");
  await y.press("Enter");
  await expect(page.getByTestId("y-field-error")).toContainText("between 0 and 1");
  expect(await app.readout("target")).toBe(0.9);
});

test("saturation: z typed into its field lands on −8, which one pixel of a drag (0.2) cannot", async ({ app, page }) => {
  await app.goto("regression-output/saturation");
  await app.slider(0, "target").focus();
  await press(page, "End");
  await isDone(page, "saturate", false);
  const z = page.getByTestId("z-field");
  await z.fill("-8");
  await z.press("Enter");
  expect(await app.sliderValue(0)).toBe(-8);
  await isDone(page, "saturate");
});

test("saturation: −6.7e-4 against −0.9997, and Keras' clipped path goes flat", async ({ app, page }) => {
  await app.goto("regression-output/saturation");
  await expect(page.getByTestId("gradient-table")).toHaveCount(0);
  await page.getByTestId("predict-choice-2").check();
  await page.getByTestId("predict-check").click();
  await expect(page.getByTestId("predict")).toContainText("Right.");
  await expect(page.getByTestId("gradient-table")).toBeVisible();

  await app.slider(0, "target").focus();
  await press(page, "End");
  expect(await app.readout("target")).toBe(1);
  await isDone(page, "saturate", false);
  await app.slider(0).focus();
  await press(page, "Home");
  expect(await app.sliderValue(0)).toBe(-20);
  await isDone(page, "clip-flat");
  await press(page, "PageUp", 12);
  expect(await app.sliderValue(0)).toBe(-8);
  await isDone(page, "saturate");
  const mse = await app.readout("sat-grad-mse");
  const bce = await app.readout("sat-grad-bce");
  expect(mse).toBeCloseTo(-6.7e-4, 5);
  expect(bce).toBeCloseTo(-0.9997, 4);
  expect(bce).toBeCloseTo(sigmoid(-8) - 1, 14);
  expect(await app.readout("sat-grad-keras-clipped")).toBe(bce);
  expect(await app.readout("sat-ratio")).toBeCloseTo(bce / mse, 6);
  expect(await panelValues(page, "keras")).toEqual([mse, bce, bce]);
  const torch = await panelValues(page, "pytorch");
  expect(torch.slice(0, 2)).toEqual([mse, bce]);
  expect(torch[2]).toBe(await app.readout("sat-grad-torch-bceloss"));

  // Below z ≈ −16.1 Keras' probability path is exactly flat; PyTorch's BCELoss is not yet.
  await press(page, "PageDown", 9);
  expect(await app.sliderValue(0)).toBe(-17);
  expect(await app.readout("sat-grad-keras-clipped")).toBe(0);
  expect(await app.readout("sat-grad-torch-bceloss")).toBeLessThan(-0.99);
  expect(await app.readout("sat-grad-bce")).toBeLessThan(-0.99);
  expect((await panelValues(page, "keras"))[2]).toBe(0);
  await expect(page.getByTestId("code-keras")).toContainText("z = np.array([-17.0])");
  // On the TensorFlow backend Keras uses the logit behind its own sigmoid: no flat gradient.
  const tf = await page.getByTestId("code-keras-value-tensorflow").getAttribute("data-value");
  expect(tf!.split(",").map(Number)[2]).toBe(await app.readout("sat-grad-bce"));
});
