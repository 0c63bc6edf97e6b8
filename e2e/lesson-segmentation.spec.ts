// Lesson 6, done by a scripted learner: tensor shapes, reshape against transpose, a
// prediction painted with the mouse and with the keyboard, the pixel inspector and the
// one-channel softmax trap. Every expected number is computed here, independently of the app.
import { test, expect, softmax, sigmoid } from "./fixtures";
import type { Page } from "@playwright/test";

const task = (page: Page, id: string) => page.locator(`[data-testid="task"][data-task-id="${id}"]`);

async function setRange(page: Page, testid: string, value: number) {
  await page.getByTestId(testid).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

async function panelValues(page: Page, id: "keras" | "pytorch"): Promise<number[]> {
  const v = await page.getByTestId(`code-${id}-value`).getAttribute("data-value");
  return v!.split(",").map(Number);
}

async function answer(page: Page, choice: number) {
  await page.getByTestId(`predict-choice-${choice}`).check();
  await page.getByTestId("predict-check").click();
}

// ---- the painting mask, computed here --------------------------------------------------
const SIZE = 24;
const EPS = 1e-7;
function truthMask(): number[] {
  const m: number[] = [];
  for (let r = 0; r < SIZE; r++)
    for (let c = 0; c < SIZE; c++) {
      const x = (c + 0.5 - 14.5) / 3.4;
      const y = (r + 0.5 - 9) / 2.4;
      m.push(x * x + y * y <= 1 ? 1 : 0);
    }
  return m;
}
function modelGuess(): number[] {
  const p: number[] = [];
  for (let r = 0; r < SIZE; r++)
    for (let c = 0; c < SIZE; c++) {
      const dx = (c + 0.5 - 11.5) / 3.6;
      const dy = (r + 0.5 - 11) / 3;
      p.push(Math.round((0.05 + 0.6 * Math.exp(-(dx * dx + dy * dy))) * 100) / 100);
    }
  return p;
}
function metrics(y: number[], p: number[], w = 1) {
  let right = 0, bce = 0, wbce = 0, inter = 0, sy = 0, sp = 0, tp = 0, union = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], EPS), 1 - EPS);
    const pred = p[i] > 0.5 ? 1 : 0;
    if (pred === y[i]) right++;
    bce += -(y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q));
    wbce += -(w * y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q));
    inter += y[i] * p[i];
    sy += y[i];
    sp += p[i];
    if (pred && y[i]) tp++;
    if (pred || y[i]) union++;
  }
  const n = y.length;
  return { accuracy: right / n, bce: bce / n, wbce: wbce / n, dice: 1 - (2 * inter) / (sy + sp + EPS), iou: union ? tp / union : 1 };
}
const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * (1 + Math.abs(b)));

async function expectMetrics(app: { readout(n: string): Promise<number> }, y: number[], p: number[], w = 1) {
  const m = metrics(y, p, w);
  close(await app.readout("pixel-accuracy"), m.accuracy);
  close(await app.readout("bce"), m.bce);
  close(await app.readout("weighted-bce"), m.wbce);
  close(await app.readout("dice-loss"), m.dice);
  close(await app.readout("iou"), m.iou);
}

test("shapes: channels last and first, sparse labels, the thread's Conv2D call", async ({ app, page }) => {
  await app.goto("segmentation/shapes");
  await expect(page.getByTestId("shape-table")).toHaveCount(0);
  await answer(page, 1);
  await expect(page.locator(".predict-feedback")).toContainText("Right");
  // The thread's Convolution2D(C, 3, 3) is a stride-3 kernel in Keras 3: 128 → 42.
  await expect(page.getByTestId("shape-output")).toHaveText("(8, 42, 42, 3)");
  await expect(page.getByTestId("shape-problems")).toContainText("42 × 42");
  await page.getByTestId("last-layer-same").check();
  await expect(page.getByTestId("shape-output")).toHaveText("(8, 128, 128, 3)");
  await expect(page.getByTestId("shape-problems")).toHaveCount(0);
  await expect(task(page, "keep-size")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("shape-target")).toContainText("(8, 128, 128, 3)");
  // PyTorch, sparse labels, 5 classes.
  await page.getByTestId("fw-pytorch").check();
  await page.getByTestId("labels-sparse").check();
  await setRange(page, "classes", 5);
  expect(await app.readout("classes")).toBe(5);
  await expect(page.getByTestId("shape-input")).toHaveText("(8, 3, 128, 128)");
  await expect(page.getByTestId("shape-output")).toHaveText("(8, 5, 128, 128)");
  await expect(page.getByTestId("shape-target")).toContainText("(8, 128, 128) int64");
  await expect(page.getByTestId("class-axis")).toHaveText("1");
  await expect(page.getByTestId("loss-code")).toHaveText("nn.CrossEntropyLoss()");
  await expect(task(page, "pytorch-sparse")).toHaveAttribute("data-done", "true");
  // The programs print the output's shape, the labels' shape and the untrained loss, ln C.
  const torchShapes = await panelValues(page, "pytorch");
  expect(torchShapes.slice(0, 7)).toEqual([8, 5, 128, 128, 8, 128, 128]);
  close(torchShapes[7], Math.log(5));
  expect((await panelValues(page, "keras")).slice(0, 7)).toEqual([8, 128, 128, 5, 8, 128, 128]);
  await expect(page.getByTestId("code-pytorch")).toContainText("nn.CrossEntropyLoss()");
  expect(await app.readout("values-per-image")).toBe(5 * 128 * 128);
  // Binary with one sigmoid channel.
  await page.getByTestId("head-sigmoid").check();
  await expect(page.getByTestId("shape-problems")).toContainText("only separate 2 classes");
  await setRange(page, "classes", 2);
  await expect(page.getByTestId("shape-output")).toHaveText("(8, 1, 128, 128)");
  await expect(page.getByTestId("shape-problems")).toHaveCount(0);
  await expect(task(page, "binary-sigmoid")).toHaveAttribute("data-done", "true");
  await page.getByTestId("fw-keras").check();
  await expect(page.getByTestId("shape-output")).toHaveText("(8, 128, 128, 1)");
  await expect(page.getByTestId("loss-code")).toHaveText("keras.losses.BinaryCrossentropy()");
  // A softmax over one channel is flagged.
  await page.getByTestId("head-softmax").check();
  await setRange(page, "classes", 1);
  await expect(page.getByTestId("shape-problems")).toContainText("1.0 for every pixel");
  await expect(page.getByTestId("callout")).toContainText("Keras 1 signature");
});

test("reshape is not transpose: rows of the thread's layers mix pixels", async ({ app, page }) => {
  await app.goto("segmentation/reshape");
  // The example: H = W = 2, C = 3; label of pixel p is (2p + ⌊p/3⌋) mod 3, and its logits
  // are 2 (true class) or −0.5, plus 0.25·((p + 2k) mod 3).
  const labels = [0, 1, 2, 3].map((p) => (p * 2 + Math.floor(p / 3)) % 3);
  const z = labels.map((l, p) => [0, 1, 2].map((k) => (k === l ? 2 : -0.5) + 0.25 * ((p + 2 * k) % 3)));
  const perPixel = z.reduce((s, zp, p) => s - Math.log(softmax(zp)[labels[p]]), 0) / 4;
  // The thread's Reshape((3, 4)) + Permute((2, 1)): row j holds flat values j, 4 + j, 8 + j.
  const flat = z.flat();
  const rows = [0, 1, 2, 3].map((j) => [0, 1, 2].map((i) => flat[i * 4 + j]));
  const thread = rows.reduce((s, zr, j) => s - Math.log(softmax(zr)[labels[j]]), 0) / 4;
  expect(await app.readout("mixed-rows")).toBe(4);
  close(await app.readout("per-pixel-loss"), perPixel);
  close(await app.readout("flattened-loss"), thread);
  // Both programs print the loss after the thread's layers, the per-pixel loss, and the
  // thread's layers on a channels-first tensor (right: the per-pixel loss again).
  for (const id of ["keras", "pytorch"] as const) {
    expect(await panelValues(page, id)).toEqual([
      await app.readout("flattened-loss"),
      await app.readout("per-pixel-loss"),
      await app.readout("per-pixel-loss"),
    ]);
  }
  await expect(task(page, "rows-are-pixels")).toHaveAttribute("data-done", "false");
  const before = await app.foregroundSignature("tensor-grids");
  await page.getByTestId("flatten-pixels").check();
  await expect(task(page, "rows-are-pixels")).toHaveAttribute("data-done", "true");
  expect(await app.readout("mixed-rows")).toBe(0);
  expect(await app.readout("flattened-loss")).toBe(await app.readout("per-pixel-loss"));
  expect(await app.foregroundSignature("tensor-grids")).not.toBe(before);
  await page.getByTestId("flatten-none").check();
  expect(await app.readout("flattened-loss")).toBe(await app.readout("per-pixel-loss"));
  await expect(page.getByTestId("code-keras")).toContainText("SparseCategoricalCrossentropy");
  expect(await panelValues(page, "pytorch")).toEqual([await app.readout("per-pixel-loss")]);
  await expect(page.getByTestId("callout")).toContainText("Permute((2, 1))");
  await expect(page.getByTestId("callout")).toContainText("Global average pooling");
});

test("paint: all background, then the object with mouse drags and the keyboard", async ({ app, page }) => {
  await app.goto("segmentation/paint");
  const y = truthMask();
  expect(y.filter((v) => v === 1).length).toBe(24);
  expect(await app.readout("object-pixels")).toBe(24);
  let p = modelGuess();
  await expectMetrics(app, y, p);
  const sigStart = await app.foregroundSignature("mask-painter");

  // 1. Predict background everywhere: about 96 % accuracy, Dice and IoU 0.
  await setRange(page, "brush-value", 0);
  expect(await app.readout("brush-value")).toBe(0);
  await page.getByTestId("fill-all").click();
  p = new Array(SIZE * SIZE).fill(0);
  await expect(task(page, "all-background")).toHaveAttribute("data-done", "true");
  expect(await app.readout("pixel-accuracy")).toBe(552 / 576);
  expect(await app.readout("dice")).toBe(0);
  expect(await app.readout("iou")).toBe(0);
  await expectMetrics(app, y, p);
  expect(await app.foregroundSignature("mask-painter")).not.toBe(sigStart);

  // 2. Paint rows 7 to 9 of the object with mouse drags (brush p = 1, one pixel).
  await setRange(page, "brush-value", 1);
  await page.getByTestId("brush-1").check();
  const grid = page.getByTestId("mask-painter-grid");
  await grid.scrollIntoViewIfNeeded();
  const box = (await grid.boundingBox())!;
  const at = (r: number, c: number) => [box.x + ((c + 0.5) * box.width) / SIZE, box.y + ((r + 0.5) * box.height) / SIZE];
  for (const [r, c0, c1] of [[7, 12, 16], [8, 11, 17], [9, 11, 17]]) {
    const [x0, y0] = at(r, c0);
    const [x1, y1] = at(r, c1);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 3 });
    await page.mouse.up();
    for (let c = c0; c <= c1; c++) p[r * SIZE + c] = 1;
  }
  expect(await app.readout("predicted-pixels")).toBe(19);
  await expectMetrics(app, y, p);
  close(await app.readout("iou"), 19 / 24);
  await expect(task(page, "find-object")).toHaveAttribute("data-done", "false");

  // 3. The keyboard: cursor to row 10, column 12, Space, then Shift+→ paints as it moves.
  await grid.focus();
  let row = Number(await grid.getAttribute("data-row"));
  let col = Number(await grid.getAttribute("data-col"));
  while (row < 10) { await page.keyboard.press("ArrowDown"); row++; }
  while (row > 10) { await page.keyboard.press("ArrowUp"); row--; }
  while (col < 12) { await page.keyboard.press("ArrowRight"); col++; }
  while (col > 12) { await page.keyboard.press("ArrowLeft"); col--; }
  await expect(grid).toHaveAttribute("data-row", "10");
  await expect(grid).toHaveAttribute("data-col", "12");
  await page.keyboard.press("Space");
  for (let k = 0; k < 5; k++) await page.keyboard.press("Shift+ArrowRight");
  for (let c = 12; c <= 17; c++) p[10 * SIZE + c] = 1;
  await expect(page.getByTestId("mask-painter-status")).toContainText("Row 10, column 17");
  expect(await app.readout("predicted-pixels")).toBe(25);
  await expectMetrics(app, y, p);
  // (10, 17) is background: erase it with Delete.
  await page.keyboard.press("Delete");
  p[10 * SIZE + 17] = 0;
  expect(await app.readout("predicted-pixels")).toBe(24);
  expect(await app.readout("iou")).toBe(1);
  await expectMetrics(app, y, p);
  await expect(task(page, "find-object")).toHaveAttribute("data-done", "true");
  await expect(task(page, "dice-low")).toHaveAttribute("data-done", "true");
  expect(await app.readout("dice-loss")).toBeLessThan(1e-8);
  // The step navigation did not react to the arrows pressed on the grid.
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "paint");

  // A right-button drag erases.
  const [ex, ey] = at(9, 11);
  await page.mouse.move(ex, ey);
  await page.mouse.down({ button: "right" });
  await page.mouse.up({ button: "right" });
  p[9 * SIZE + 11] = 0;
  expect(await app.readout("predicted-pixels")).toBe(23);
  await expectMetrics(app, y, p);

  // 4. pos_weight = background ÷ object = 23.
  expect(await app.readout("balance-weight")).toBe(23);
  await setRange(page, "pos-weight", 23);
  await expect(task(page, "balance")).toHaveAttribute("data-done", "true");
  await expectMetrics(app, y, p, 23);

  // The framework panels return the readouts' numbers (Keras' BCE from float32 bounds:
  // equal to the table's to 1e-6 while no background pixel is painted 1).
  const [kAcc, kBce, kDice, kIou, kW] = await panelValues(page, "keras");
  expect(kAcc).toBe(await app.readout("pixel-accuracy"));
  close(kBce, await app.readout("bce"), 1e-6);
  expect(kDice).toBe(await app.readout("dice-loss"));
  close(kIou, await app.readout("iou"), 1e-6);
  close(kW, await app.readout("weighted-bce"), 1e-6);
  const [tAcc, tBce, tW, tDice, tIou] = await panelValues(page, "pytorch");
  expect([tAcc, tBce, tW, tDice, tIou]).toEqual([
    await app.readout("pixel-accuracy"),
    await app.readout("bce"),
    await app.readout("weighted-bce"),
    await app.readout("dice-loss"),
    await app.readout("iou"),
  ]);
  await expect(page.getByTestId("code-pytorch")).toContainText("w = torch.tensor(23.0, dtype=torch.float64)");
  await expect(page.getByTestId("code-keras")).toContainText("def weighted_bce(y_true, y_pred, pos_weight=23.0)");
});

test("inspector: click and keyboard-select pixels, read logits and softmax, fix a wrong one", async ({ app, page }) => {
  await app.goto("segmentation/inspector");
  const grid = page.getByTestId("mask-class-map-grid");
  const logits = async () => [0, 1, 2].map(async (k) => app.readout(`logit-${k}`));
  const check = async () => {
    const z = await Promise.all(await logits());
    const p = softmax(z);
    for (let k = 0; k < 3; k++) close(await app.readout(`softmax-${k}`), p[k], 1e-12);
    const [p0, p1, p2, loss, mapLoss] = await panelValues(page, "keras");
    expect([p0, p1, p2]).toEqual([await app.readout("softmax-0"), await app.readout("softmax-1"), await app.readout("softmax-2")]);
    expect(loss).toBe(await app.readout("pixel-loss"));
    expect(mapLoss).toBe(await app.readout("map-loss"));
    close(loss, -Math.log(p[await app.readout("true-class")]), 1e-9);
    expect(await panelValues(page, "pytorch")).toEqual(await panelValues(page, "keras"));
  };
  // The start: the disc's centre, confident and right.
  expect(await app.readout("true-class")).toBe(1);
  expect(await app.readout("predicted-class")).toBe(1);
  await check();
  // A click selects a pixel.
  await grid.scrollIntoViewIfNeeded();
  const box = (await grid.boundingBox())!;
  await page.mouse.click(box.x + (0.5 * box.width) / 12, box.y + (11.5 * box.height) / 12);
  await expect(grid).toHaveAttribute("data-row", "11");
  await expect(grid).toHaveAttribute("data-col", "0");
  expect(await app.readout("true-class")).toBe(0);
  await expect(page.getByTestId("code-pytorch")).toContainText("logits[0, :, 11, 0]");
  await check();
  // Sweep every pixel with the keyboard; note a wrong one on the way.
  await page.keyboard.press("PageUp");
  await page.keyboard.press("Home");
  let wrong: [number, number] | null = null;
  for (let r = 0; r < 12; r++) {
    for (let c = 0; c < 12; c++) {
      if (!wrong && (await app.readout("true-class")) !== (await app.readout("predicted-class"))) wrong = [r, c];
      if (c < 11) await page.keyboard.press("ArrowRight");
    }
    if (r < 11) {
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Home");
    }
  }
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "inspector");
  await expect(task(page, "find-wrong")).toHaveAttribute("data-done", "true");
  await expect(task(page, "unsure")).toHaveAttribute("data-done", "true");
  expect(wrong).not.toBeNull();
  // Back to the wrong pixel and fix it: raise the true class's logit with the keyboard.
  const [wr, wc] = wrong!;
  await page.mouse.click(box.x + ((wc + 0.5) * box.width) / 12, box.y + ((wr + 0.5) * box.height) / 12);
  await expect(page.getByTestId("mask-class-map-status")).toContainText("(wrong)");
  const wrongBefore = await app.readout("wrong-pixels");
  const t = await app.readout("true-class");
  await app.slider(t, "pixel-logits").focus();
  for (let k = 0; k < 12 && (await app.readout("predicted-class")) !== t; k++) await page.keyboard.press("PageUp");
  expect(await app.readout("predicted-class")).toBe(t);
  await expect(task(page, "fix-wrong")).toHaveAttribute("data-done", "true");
  expect(await app.readout("fixed-pixels")).toBe(1);
  expect(await app.readout("wrong-pixels")).toBe(wrongBefore - 1);
  await check();
  // A mouse drag on a logit bar changes the pixel's softmax.
  const s0 = await app.readout("softmax-0");
  await app.dragBar(0, -40, "pixel-logits");
  expect(await app.readout("softmax-0")).not.toBe(s0);
  await check();
});

test("the one-channel softmax trap: 1.0 everywhere, zero gradient; the correct heads learn", async ({ app, page }) => {
  await app.goto("segmentation/softmax-trap");
  await expect(page.getByTestId("readout-trap-steps")).toHaveCount(0);
  await answer(page, 2);
  await expect(page.locator(".predict-feedback")).toContainText("Right");
  // One pixel: softmax over one channel is 1 for any logit.
  for (const zv of [-2, 5.3, -7.9]) {
    await setRange(page, "trap-logit", zv);
    expect(await app.readout("trap-logit")).toBe(zv);
    expect(await app.readout("trap-softmax-1")).toBe(1);
    close(await app.readout("trap-sigmoid"), sigmoid(zv), 1e-12);
    close(await app.readout("trap-softmax-2"), sigmoid(zv), 1e-12);
    // Keras: the three heads, then the one-channel softmax layer's lowest and highest output.
    expect(await panelValues(page, "keras")).toEqual([
      await app.readout("trap-softmax-1"),
      await app.readout("trap-sigmoid"),
      await app.readout("trap-softmax-2"),
      1,
      1,
    ]);
    // PyTorch adds the one-channel softmax's gradient, 0, after its value.
    expect(await panelValues(page, "pytorch")).toEqual([
      await app.readout("trap-softmax-1"),
      0,
      await app.readout("trap-sigmoid"),
      await app.readout("trap-softmax-2"),
      1,
      1,
    ]);
  }
  // The stuck loss: Keras BCE at its clipped ceiling on the 552 background pixels.
  const stuck = (552 * -Math.log(EPS) + 24 * -Math.log(1 - EPS)) / 576;
  close(await app.readout("trap-loss-0"), stuck, 1e-9);
  close(await app.readout("trap-loss-1"), Math.LN2, 1e-12);
  const cce = await app.readout("trap-cce");
  expect(cce).toBeGreaterThan(0);
  expect(cce).toBeLessThan(1e-8);
  const maps = await app.foregroundSignature("mask-maps");
  await page.getByTestId("trap-train-100").click();
  expect(await app.readout("trap-steps")).toBe(100);
  await expect(task(page, "train-100")).toHaveAttribute("data-done", "true");
  expect(await app.foregroundSignature("mask-maps")).not.toBe(maps);
  expect(await app.readout("trap-min-0")).toBe(1);
  expect(await app.readout("trap-max-0")).toBe(1);
  expect(await app.readout("trap-grad-0")).toBe(0);
  close(await app.readout("trap-loss-0"), stuck, 1e-9);
  close(await app.readout("trap-iou-0"), 24 / 576, 1e-12);
  expect(await app.readout("trap-loss-1")).toBeLessThan(0.1);
  expect(await app.readout("trap-grad-1")).toBeGreaterThan(0);
  // Play runs the training on animation frames; pause stops it.
  await page.getByTestId("trap-play").click();
  await expect.poll(() => app.readout("trap-steps"), { timeout: 5000 }).toBeGreaterThan(130);
  await page.getByTestId("trap-play").click();
  await page.getByTestId("trap-train-100").click();
  await expect(task(page, "both-learn")).toHaveAttribute("data-done", "true");
  expect(await app.readout("trap-iou-1")).toBeGreaterThanOrEqual(0.8);
  expect(await app.readout("trap-iou-2")).toBeGreaterThanOrEqual(0.8);
  expect(await app.readout("trap-max-0")).toBe(1);
  await page.getByTestId("trap-reset").click();
  expect(await app.readout("trap-steps")).toBe(0);
  await expect(page.getByTestId("callout")).toContainText("1 for binary case");
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("summary-table")).toBeVisible();
  await expect(page.getByTestId("summary-table")).toContainText("1 channel + softmax");
  // The last lesson leads on to the next page in the navigation: checking your own outputs.
  await expect(page.getByTestId("next-lesson")).toHaveText("Next: Check your outputs →");
  await page.getByTestId("next-lesson").click();
  await expect(page).toHaveURL(/#\/check/);
});
