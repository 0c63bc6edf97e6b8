// The Playground: drags, keys, touch, typed numbers, the URL, and the numbers themselves.
import { test, expect, softmax, sigmoid, type LogitLab } from "./fixtures";

const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

async function expectSoftmaxMatches(app: LogitLab) {
  const z = await app.logits();
  const p = softmax(z);
  for (let i = 0; i < z.length; i++) {
    const shown = await app.readout(`softmax-${i}`);
    expect(close(shown, p[i]), `softmax-${i}: ${shown} vs ${p[i]}`).toBe(true);
    const s = await app.readout(`sigmoid-${i}`);
    expect(close(s, sigmoid(z[i])), `sigmoid-${i}`).toBe(true);
    const ls = await app.readout(`log-softmax-${i}`);
    expect(close(ls, Math.log(p[i]), 1e-9), `log-softmax-${i}`).toBe(true);
  }
  return { z, p };
}

test("a mouse drag moves a bar and every probability follows", async ({ app, page }) => {
  await app.goto("playground");
  const before = await app.sliderValue(1);
  const pixelsBefore = await app.foregroundSignature("logit-bars");
  await app.dragBar(1, -60);
  const after = await app.sliderValue(1);
  expect(after).toBeGreaterThan(before + 1);
  const { z, p } = await expectSoftmaxMatches(app);
  // Gradient of categorical CE with the default one-hot label on class 0: p − y.
  expect(close(await app.readout("grad-1"), p[1])).toBe(true);
  expect(close(await app.readout("grad-0"), p[0] - 1)).toBe(true);
  // Losses: categorical CE from logits = −log softmax(z)[0].
  expect(close(await app.readout("categorical-crossentropy"), -Math.log(p[0]), 1e-9)).toBe(true);
  expect(await app.readout("sparse-categorical-crossentropy")).toBe(await app.readout("categorical-crossentropy"));
  expect(z[1]).toBe(after);
  expect(await app.foregroundSignature("logit-bars")).not.toBe(pixelsBefore);
});

test("the drag keeps working when the pointer leaves the chart", async ({ app, page }) => {
  await app.goto("playground");
  const box = (await app.slider(2).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Far above the chart: the value pins at the top of the range.
  await page.mouse.move(box.x + box.width / 2, 5, { steps: 8 });
  await page.mouse.up();
  expect(await app.sliderValue(2)).toBe(12);
});

test("the keyboard moves a bar like a slider", async ({ app, page }) => {
  await app.goto("playground");
  const slider = app.slider(0);
  await slider.focus();
  const start = await app.sliderValue(0);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("PageUp");
  expect(await app.sliderValue(0)).toBeCloseTo(start + 1.1, 12);
  await expectSoftmaxMatches(app);
  await page.keyboard.press("End");
  expect(await app.sliderValue(0)).toBe(12);
  await page.keyboard.press("Home");
  expect(await app.sliderValue(0)).toBe(-12);
  await expect(slider).toHaveAttribute("aria-valuetext", /class 0: logit −12/);
  await expectSoftmaxMatches(app);
});

test("a touch drag moves a bar", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  const { LogitLab } = await import("./fixtures");
  const app = new LogitLab(page);
  await app.goto("playground");
  const box = (await app.slider(2).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await context.newCDPSession(page);
  const touch = (type: string, py: number) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x, y: py, id: 1 }],
    });
  await touch("touchStart", y);
  for (let k = 1; k <= 6; k++) await touch("touchMove", y - 10 * k);
  await touch("touchEnd", y - 60);
  expect(await app.sliderValue(2)).toBeGreaterThan(0.5 + 1);
  await expectSoftmaxMatches(app);
  expect(errors).toEqual([]);
  await context.close();
});

test("the URL carries the whole state to a fresh tab", async ({ app, page, context }) => {
  await app.goto("playground");
  await app.dragBar(0, -40);
  await page.getByTestId("add-class").click();
  await page.getByTestId("label-mode").selectOption("multihot");
  await page.getByTestId("label-2").check();
  await page.getByTestId("head-sigmoid").check();
  await app.slider(3).focus();
  await page.keyboard.press("PageUp");
  const logits = await app.logits();
  // The address is rewritten once the state has rested 120 ms: wait until it holds these logits.
  const zInUrl = () => {
    const q = new URLSearchParams(page.url().split("?")[1] ?? "");
    return (q.get("z") ?? "").split(",").map(Number);
  };
  await expect.poll(zInUrl).toEqual(logits);
  expect(page.url()).toContain("head=sigmoid");
  expect(page.url()).toContain("multihot:1010");
  const url = page.url();
  const names = ["softmax-0", "sigmoid-3", "grad-2", "binary-crossentropy", "categorical-crossentropy"];
  const wanted = await Promise.all(names.map((n) => app.readout(n)));

  const fresh = await context.newPage();
  await fresh.goto(url);
  const { LogitLab } = await import("./fixtures");
  const other = new LogitLab(fresh);
  await other.ready();
  expect(await other.logits()).toEqual(logits);
  for (let k = 0; k < names.length; k++) expect(await other.readout(names[k])).toBe(wanted[k]);
  await expect(fresh.getByTestId("head-sigmoid")).toBeChecked();
});

test("a malformed link falls back to defaults with a visible notice", async ({ app, page }) => {
  await app.goto("playground?z=1,banana,3&t=0");
  await expect(page.getByTestId("notice")).toContainText("banana");
  expect(await app.logits()).toEqual([2, 1, 0.5]);
  await page.getByTestId("notice").getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("notice")).toHaveCount(0);
});

test("typed logits are checked and bad text keeps the last good value", async ({ app, page }) => {
  await app.goto("playground");
  const field = page.getByTestId("logit-input-1");
  await field.fill("3.25");
  await field.press("Enter");
  expect(await app.sliderValue(1)).toBe(3.25);
  for (const bad of ["abc", "", "NaN", "1e400", "99"]) {
    await field.fill(bad);
    await field.press("Enter");
    await expect(page.locator("#logit-error-1")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    expect(await app.sliderValue(1)).toBe(3.25);
  }
  await field.fill("−2");
  await field.press("Enter");
  await expect(page.locator("#logit-error-1")).toHaveCount(0);
  expect(await app.sliderValue(1)).toBe(-2);
  await expectSoftmaxMatches(app);
});

test("the double-softmax mistake shows a different loss", async ({ app }) => {
  await app.goto("playground?z=8,-4,-4&y=onehot:0");
  const right = await app.readout("categorical-crossentropy");
  const wrong = await app.readout("double-softmax");
  expect(right).toBeLessThan(0.001);
  // softmax of probabilities [≈1, ≈0, ≈0] is [e/(e+2), 1/(e+2), 1/(e+2)]: loss ≈ ln((e+2)/e).
  expect(wrong).toBeCloseTo(Math.log((Math.E + 2) / Math.E), 3);
});

test("classes can be added and removed within 2 to 10", async ({ app, page }) => {
  await app.goto("playground");
  for (let k = 3; k < 10; k++) await page.getByTestId("add-class").click();
  await expect(page.getByTestId("logit-bars").getByRole("slider")).toHaveCount(10);
  await expect(page.getByTestId("add-class")).toBeDisabled();
  await expectSoftmaxMatches(app);
  for (let k = 10; k > 2; k--) await page.getByTestId("remove-class").click();
  await expect(page.getByTestId("logit-bars").getByRole("slider")).toHaveCount(2);
  await expect(page.getByTestId("remove-class")).toBeDisabled();
  await expectSoftmaxMatches(app);
});

test("the charts are painted, and repainted after a change", async ({ app, page }) => {
  await app.goto("playground");
  expect(await app.paintedPixels("logit-bars")).toBeGreaterThan(5000);
  expect(await app.paintedPixels("probability-bars")).toBeGreaterThan(5000);
  const before = await app.foregroundSignature("probability-bars");
  await app.slider(2).focus();
  await page.keyboard.press("PageUp");
  await page.keyboard.press("PageUp");
  await expect.poll(() => app.foregroundSignature("probability-bars")).not.toBe(before);
});

test("the up-close curve: dragging and keys move the chosen class's logit", async ({ app, page }) => {
  await app.goto("playground?z=2,1,0.5&y=onehot:1");
  await page.getByTestId("up-close-class").selectOption("1");
  const point = page.getByTestId("up-close-plot").getByRole("slider");
  await point.focus();
  for (let k = 0; k < 10; k++) await page.keyboard.press("ArrowRight");
  expect(await app.sliderValue(1)).toBeCloseTo(2, 12);
  // Target y = 1 for class 1: the loss is softplus(−z) and the gradient σ(z) − 1.
  expect(await app.readout("up-close-loss")).toBeCloseTo(Math.log1p(Math.exp(-2)), 12);
  expect(await app.readout("up-close-grad")).toBeCloseTo(1 / (1 + Math.exp(-2)) - 1, 12);
  // A mouse drag to the right end of the plot pins the logit at the range's top.
  const plot = (await page.getByTestId("up-close-plot").boundingBox())!;
  const box = (await point.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width + 40, box.y, { steps: 6 });
  await page.mouse.up();
  expect(await app.sliderValue(1)).toBe(12);
  expect(await app.readout("softmax-1")).toBeGreaterThan(0.99);
});

test("the code panel prints the probabilities and the loss table", async ({ app, page }) => {
  await app.goto("playground");
  await page.getByTestId("label-mode").selectOption("multihot");
  await page.getByTestId("label-2").check();
  await page.getByTestId("head-sigmoid").check();
  const values = async (id: string) =>
    (await page.getByTestId(id).getAttribute("data-value"))!.split(",").map(Number);
  const sig = [0, 1, 2].map((i) => app.readout(`sigmoid-${i}`));
  const soft = [0, 1, 2].map((i) => app.readout(`softmax-${i}`));
  const probs = await Promise.all([...sig, ...soft, ...sig]);
  const loss = (name: string) => app.readout(name);
  // PyTorch and Keras on JAX/PyTorch: the table's numbers, in order (no sparse loss for a multi-hot label).
  const table = await Promise.all(
    ["binary-crossentropy", "binary-crossentropy-probs", "categorical-crossentropy", "categorical-crossentropy-probs", "double-softmax"].map(loss),
  );
  const output = probs.slice(0, 3);
  const softmaxes = probs.slice(3, 6);
  const want = [...output, ...softmaxes, ...output, ...table];
  expect(await values("code-pytorch-value")).toEqual(want);
  expect(await values("code-keras-value")).toEqual(want);
  // Keras on TensorFlow: its own softmax/sigmoid outputs lead back to the logits.
  const tf = await values("code-keras-value-tensorflow");
  const tfWant = [table[0], table[0], table[2], table[2], table[2]];
  tf.slice(9).forEach((v, i) => expect(close(v, tfWant[i], 1e-9), `TensorFlow loss ${i}`).toBe(true));
  expect(tf.length).toBe(want.length);
  await expect(page.getByTestId("code-pytorch")).toContainText('head = "sigmoid"');
  await expect(page.getByTestId("code-keras")).toContainText("[[1.0, 0.0, 1.0]]");
});
