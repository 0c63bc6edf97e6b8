// "Check your outputs" (#/check): every example and pasted outputs in every format reach the
// right diagnosis, warnings and loss values (worked out here in plain JS, independently of the
// app), bad input gets a clear message without losing the text, the data stays out of the
// address bar, and axe finds nothing.
import { test, expect, softmax, sigmoid, type LogitLab } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expectDiagnosis, paste, settle } from "./check";

const EPS = 1e-7;
const clip = (p: number) => Math.min(Math.max(p, EPS), 1 - EPS);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
/** Keras' sparse/categorical cross-entropy from logits: −log softmax(z)[k]. */
const cceLogits = (rows: number[][], classes: number[]) =>
  mean(rows.map((z, i) => -Math.log(softmax(z)[classes[i]])));
/** Keras' probability path: rescale the row to sum 1, clip, −log p[k]. */
const cceProbs = (rows: number[][], classes: number[]) =>
  mean(rows.map((p, i) => { const s = p.reduce((a, b) => a + b, 0); return -Math.log(clip(p[classes[i]] / s)); }));
/** Keras' binary cross-entropy on probabilities: mean over outputs of each row, then over rows. */
const bceProbs = (rows: number[][], y: number[][]) =>
  mean(rows.map((p, i) => mean(p.map((q, j) => -(y[i][j] * Math.log(clip(q)) + (1 - y[i][j]) * Math.log(1 - clip(q)))))));
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const bceLogits = (rows: number[][], y: number[][]) =>
  mean(rows.map((z, i) => mean(z.map((v, j) => y[i][j] * softplus(-v) + (1 - y[i][j]) * softplus(v)))));
const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

async function warnings(page: Page): Promise<string[]> {
  return page.getByTestId("check-warning").evaluateAll((els) => els.map((e) => e.getAttribute("data-code") ?? ""));
}

async function expectLoss(app: LogitLab, name: string, want: number, tol = 1e-6) {
  const got = await app.readout(`check-${name}`);
  expect(close(got, want, tol), `${name}: ${got} vs ${want}`).toBe(true);
}

const LOGITS = [[2.1, -0.3, 0.5], [-1.2, 0.4, 2.8], [0.3, 1.9, -0.7], [1.5, 0.2, -1.1], [-0.4, 2.6, 0.1], [0.2, -0.9, 1.7]];
const CLASSES = [0, 2, 1, 0, 1, 2];

test("each example reaches its diagnosis, warnings and losses", async ({ app, page }) => {
  await app.goto("check");
  const cases: [string, string, string, string, string[], () => Promise<void>][] = [
    ["correct", "logits", "sparse", "multi-class", [], async () => {
      await expectLoss(app, "sparse_categorical_crossentropy", cceLogits(LOGITS, CLASSES), 1e-9);
    }],
    ["double-softmax", "softmax-probabilities", "one-hot", "multi-class", ["double-softmax", "probabilities-passed-as-logits"], async () => {
      const twice = LOGITS.map((z) => softmax(softmax(z)));
      await expectLoss(app, "categorical_crossentropy", cceProbs(twice, CLASSES));
    }],
    ["from-logits", "softmax-probabilities", "sparse", "multi-class", ["probabilities-passed-as-logits"], async () => {
      const p = LOGITS.map(softmax);
      await expectLoss(app, "sparse_categorical_crossentropy", cceProbs(p, CLASSES));
      // What from_logits=True does: a second softmax.
      await expectLoss(app, "sparse_categorical_crossentropy-as-logits", cceLogits(p, CLASSES));
    }],
    ["softmax-multi-label", "softmax-probabilities", "multi-hot", "multi-label", ["softmax-on-multi-label", "probabilities-passed-as-logits", "cce-on-multi-hot"], async () => {
      await expect(page.getByTestId("readout-check-binary_crossentropy")).toBeVisible();
    }],
    ["binary-sigmoid", "binary-probabilities", "binary", "binary", ["probabilities-passed-as-logits"], async () => {
      const z = [2.6, -2.4, 0.9, -0.6, 2.0, -2.0, 1.1, -0.3];
      const y = [1, 0, 1, 1, 1, 0, 0, 0];
      await expectLoss(app, "binary_crossentropy", bceProbs(z.map((v) => [sigmoid(v)]), y.map((v) => [v])));
    }],
  ];
  for (const [id, o, l, t, codes, more] of cases) {
    await page.getByTestId(`example-${id}`).click();
    await settle(page);
    await expectDiagnosis(page, o, l, t);
    expect(await warnings(page), id).toEqual(codes);
    await more();
    // The recommended code is there, for both frameworks, with the example's numbers.
    await expect(page.getByTestId("recommended-keras").getByTestId("code-keras")).toContainText("import keras");
    await expect(page.getByTestId("recommended-pytorch").getByTestId("code-pytorch")).toContainText("import torch");
  }
  // Nothing of the data went into the address bar.
  expect(page.url()).not.toContain("?");
});

test("pasted outputs in every format reach the right diagnosis and losses", async ({ app, page }) => {
  test.setTimeout(90_000);
  await app.goto("check");
  type Case = { name: string; outputs: string; labels: string; want: [string, string, string]; codes: string[]; loss?: [string, number] };
  const z2 = [[1.5, -0.5, 0.25], [-1, 2, 0.5]];
  const p2 = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]];
  const s2 = [[0.9, 0.8, 0.1], [0.2, 0.7, 0.6]];
  const cases: Case[] = [
    { name: "NumPy repr, class indices", outputs: "array([[ 1.5 , -0.5 ,  0.25],\n       [-1.  ,  2.  ,  0.5 ]], dtype=float32)", labels: "array([0, 1])",
      want: ["logits", "sparse", "multi-class"], codes: [], loss: ["sparse_categorical_crossentropy", cceLogits(z2, [0, 1])] },
    { name: "NumPy str without commas, one-hot", outputs: "[[0.7 0.2 0.1]\n [0.1 0.3 0.6]]", labels: "[[1. 0. 0.]\n [0. 0. 1.]]",
      want: ["softmax-probabilities", "one-hot", "multi-class"], codes: ["probabilities-passed-as-logits"], loss: ["categorical_crossentropy", cceProbs(p2, [0, 2])] },
    { name: "PyTorch with grad_fn and device", outputs: "tensor([[ 1.5000, -0.5000,  0.2500],\n        [-1.0000,  2.0000,  0.5000]], device='cuda:0', grad_fn=<AddmmBackward0>)", labels: "tensor([2, 1], device='cuda:0')",
      want: ["logits", "sparse", "multi-class"], codes: [], loss: ["sparse_categorical_crossentropy", cceLogits(z2, [2, 1])] },
    { name: "JSON sigmoid outputs, multi-hot CSV", outputs: JSON.stringify(s2), labels: "1,1,0\n0,1,1",
      want: ["sigmoid-probabilities", "multi-hot", "multi-label"], codes: ["probabilities-passed-as-logits", "cce-on-multi-hot"], loss: ["binary_crossentropy", bceProbs(s2, [[1, 1, 0], [0, 1, 1]])] },
    { name: "CSV logits, labels one per line", outputs: "1.5,-0.5,0.25\n-1,2,0.5\n", labels: "1\n1\n",
      want: ["logits", "sparse", "multi-class"], codes: [], loss: ["categorical_crossentropy", cceLogits(z2, [1, 1])] },
    { name: "tab-separated softmax rows", outputs: "0.7\t0.2\t0.1\n0.1\t0.3\t0.6", labels: "0 2",
      want: ["softmax-probabilities", "sparse", "multi-class"], codes: ["probabilities-passed-as-logits"], loss: ["sparse_categorical_crossentropy", cceProbs(p2, [0, 2])] },
    { name: "a 1-D vector of probabilities", outputs: "[0.9, 0.2, 0.6, 0.4]", labels: "[1, 0, 0, 1]",
      want: ["binary-probabilities", "binary", "binary"], codes: ["probabilities-passed-as-logits"], loss: ["binary_crossentropy", bceProbs([[0.9], [0.2], [0.6], [0.4]], [[1], [0], [0], [1]])] },
    { name: "a 1-D vector of logits, whitespace", outputs: "2.5 -1.0 0.3", labels: "1 0 1",
      want: ["binary-logits", "binary", "binary"], codes: [], loss: ["binary_crossentropy", bceLogits([[2.5], [-1], [0.3]], [[1], [0], [1]])] },
    { name: "a TensorFlow tensor, no labels", outputs: "<tf.Tensor: shape=(2, 3), dtype=float32, numpy=\narray([[ 1.5 , -0.5 ,  0.25],\n       [-1.  ,  2.  ,  0.5 ]], dtype=float32)>", labels: "",
      want: ["logits", "none", "multi-class"], codes: [] },
    { name: "PyTorch scientific notation", outputs: "tensor([[ 1.5000e+00, -5.0000e-01,  2.5000e-01],\n        [-1.0000e+00,  2.0000e+00,  5.0000e-01]])", labels: "[0, 2]",
      want: ["logits", "sparse", "multi-class"], codes: [], loss: ["sparse_categorical_crossentropy", cceLogits(z2, [0, 2])] },
    { name: "a column of sigmoid outputs with a column of labels", outputs: "array([[0.9],\n       [0.2],\n       [0.6]], dtype=float32)", labels: "[[1], [0], [1]]",
      want: ["binary-probabilities", "binary", "binary"], codes: ["probabilities-passed-as-logits"], loss: ["binary_crossentropy", bceProbs([[0.9], [0.2], [0.6]], [[1], [0], [1]])] },
    { name: "multi-label logits", outputs: "tensor([[ 1.5000, -0.5000,  0.2500],\n        [-1.0000,  2.0000,  0.5000]], grad_fn=<AddmmBackward0>)", labels: "[[1, 0, 1], [0, 1, 1]]",
      want: ["logits", "multi-hot", "multi-label"], codes: ["cce-on-multi-hot"], loss: ["binary_crossentropy", bceLogits(z2, [[1, 0, 1], [0, 1, 1]])] },
    { name: "saturated float32 probabilities", outputs: "[[1., 0.], [0.3, 0.7]]", labels: "[1, 1]",
      want: ["softmax-probabilities", "sparse", "multi-class"], codes: ["saturated", "probabilities-passed-as-logits"], loss: ["sparse_categorical_crossentropy", (-Math.log(EPS) - Math.log(0.7)) / 2] },
    { name: "labels out of range", outputs: "[[1.5, -0.5, 0.25], [-1, 2, 0.5]]", labels: "[0, 3]",
      want: ["logits", "sparse", "multi-class"], codes: ["label-out-of-range"] },
  ];
  for (const c of cases) {
    await paste(page, c.outputs, c.labels);
    await expect(page.getByTestId("check-error"), c.name).toHaveCount(0);
    await expectDiagnosis(page, ...c.want);
    expect(await warnings(page), c.name).toEqual(c.codes);
    if (c.loss) await expectLoss(app, c.loss[0], c.loss[1]);
  }
  expect(page.url()).not.toContain("?");
});

test("bad input gets a clear message and the text stays", async ({ page, app }) => {
  test.setTimeout(90_000);
  await app.goto("check");
  await expect(page.getByTestId("check-empty")).toBeVisible();
  const errorCases: [string, RegExp][] = [
    ["hello world", /Line 1, column 1: expected a number, found 'hello'/],
    ["array([[0.1, 0.9],\n       [0.3", /Line 2, column 12: the array ends too early: expected '\]'/],
    ["array([[0.1, 0.2, ..., 0.3],\n       [0.4, 0.5, ..., 0.6]], dtype=float32)", /np\.set_printoptions\(threshold=np\.inf\)/],
    ["1 2 3\n4 5", /Line 2, column 1: row 2 has 2 numbers but the rows before it have 3/],
    ["[[1, 2], [3, 4, 5]]", /row 2 has 3 numbers but the rows before it have 2/],
  ];
  for (const [text, message] of errorCases) {
    await paste(page, text);
    await expect(page.getByTestId("check-error")).toHaveText(message);
    await expect(page.getByTestId("outputs-input")).toHaveValue(text);
    await expect(page.getByTestId("diagnosis")).toHaveCount(0);
  }
  // NaN: a warning that says where.
  await paste(page, "[[0.5, nan], [0.2, 0.8]]", "[0, 1]");
  await expect(page.getByTestId("check-warning").first()).toHaveAttribute("data-code", "non-finite");
  await expect(page.getByTestId("check-warning").first()).toContainText("row 1, column 2");
  await expect(page.getByTestId("check-losses")).toHaveCount(0);
  // Labels of the wrong length.
  await paste(page, "[[1.5, -0.5], [0.2, 0.3]]", "[0, 1, 1]");
  expect(await warnings(page)).toEqual(["shape-mismatch"]);
  await expect(page.getByTestId("check-warning")).toContainText("2 output rows but 3 labels");
  await expect(page.getByTestId("labels-input")).toHaveValue("[0, 1, 1]");
  // Mixed label formats.
  await paste(page, "[[1.5, -0.5], [0.2, 0.3]]", "[0, 0.5]");
  await expect(page.getByTestId("check-error")).toContainText("mix formats");
  // 10^7 numbers: refused with a message, quickly, and the page stays responsive.
  const started = Date.now();
  await page.getByTestId("outputs-input").evaluate((el: HTMLTextAreaElement) => {
    el.value = "0 ".repeat(10_000_000);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // Chromium alone needs seconds to lay out a 20 MB line in a textarea.
  await settle(page, 90_000);
  await expect(page.getByTestId("check-error")).toContainText("more than 1000000 numbers");
  expect(Date.now() - started).toBeLessThan(90_000);
  expect(await page.getByTestId("outputs-input").evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(20_000_000);
  await expect(page.getByTestId("check-share-off")).toContainText("under 2 KB");
  // And back to empty: a prompt, no error.
  await paste(page, "");
  await expect(page.getByTestId("check-error")).toHaveCount(0);
  await expect(page.getByTestId("check-empty")).toBeVisible();
  expect(page.url()).not.toContain("?");
});

test("share is offered under 2 KB only, and its link refills the page", async ({ page, app }) => {
  await app.goto("check");
  await paste(page, "[[2.0, 0.5], [0.1, 1.2]]", "[0, 1]");
  await page.getByTestId("check-share").click();
  const link = await page.getByTestId("check-share-link").inputValue();
  expect(link).toContain("#/check?o=");
  await page.goto(link);
  await app.ready();
  await settle(page);
  await expect(page.getByTestId("outputs-input")).toHaveValue("[[2.0, 0.5], [0.1, 1.2]]");
  await expect(page.getByTestId("labels-input")).toHaveValue("[0, 1]");
  await expectDiagnosis(page, "logits", "sparse", "multi-class");
  // Once read, the data leaves the address bar.
  await expect(page).toHaveURL(/#\/check$/);
  await paste(page, "0.5 ".repeat(600));
  await expect(page.getByTestId("check-share")).toHaveCount(0);
  await expect(page.getByTestId("check-share-off")).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe: no violations with results on screen (${scheme})`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.goto("check");
    await page.getByTestId("example-softmax-multi-label").click();
    await settle(page);
    await paste(page, "hello", "[0");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByTestId("example-double-softmax").click();
    await settle(page);
    const again = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(again.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}

for (const [width, height] of [[390, 844], [1280, 720]] as const) {
  test(`screenshot at ${width}px`, async ({ page, app }) => {
    await page.setViewportSize({ width, height });
    await app.goto("check");
    await page.getByTestId("example-double-softmax").click();
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/check-${width}.png`, fullPage: true });
  });
}

test("a row picked in the confusion matrix or on the ROC curve opens in the Playground with its logits", async ({ app, page }) => {
  await app.goto("check");
  // Row 4 (true class 1) is predicted as class 0: the only row in cell (1, 0).
  const labels = [0, 2, 1, 1, 1, 2];
  await paste(page, JSON.stringify(LOGITS), JSON.stringify(labels));
  await expect(page.getByTestId("confusion-1-0")).toHaveText("1");
  await expect(page.getByTestId("confusion-1-1")).toHaveText("2"); // rows 3 and 5: row 5 is surer
  // By keyboard: the count in the table is a button.
  await page.getByTestId("confusion-pick-1-1").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("check-row")).toHaveValue("5");
  await expect(page.getByTestId("check-picked")).toContainText("Row 5 picked");
  // By mouse: the cell in the picture (true class down, predicted across; row 1 is the
  // middle row of three, column 0 the left one).
  const chart = page.getByTestId("check-confusion-chart").locator("canvas").last();
  const box = (await chart.boundingBox())!;
  await clickCell(page, box, (await page.getByTestId("check-confusion-chart").getAttribute("data-plot"))!, 1, 0, 3);
  await expect(page.getByTestId("check-row")).toHaveValue("4");
  await expect(page.getByTestId("check-picked")).toContainText("true class 1 as class 0");
  const href = (await page.getByTestId("open-in-playground").getAttribute("href"))!;
  await expect(page.getByTestId("open-in-playground")).toHaveAttribute("target", "_blank");
  await app.goto(href.replace(/^#\//, ""));
  expect(await app.logits()).toEqual(LOGITS[3]);

  // Binary outputs: a point of the ROC curve picks the row whose score is its threshold.
  await app.goto("check");
  const scores = [0.9, 0.2, 0.65, 0.4, 0.8];
  await paste(page, JSON.stringify(scores), JSON.stringify([1, 0, 0, 1, 1]));
  await expectDiagnosis(page, "binary-probabilities", "binary", "binary");
  const roc = page.getByTestId("check-roc").getByRole("slider");
  await roc.focus();
  await page.keyboard.press("ArrowRight"); // the first point after (0, 0): threshold 0.9
  await expect(page.getByTestId("check-row")).toHaveValue("1");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight"); // 0.9, 0.8, then 0.65 (row 3)
  await expect(page.getByTestId("check-row")).toHaveValue("3");
  await expect(page.getByTestId("check-picked")).toContainText("0.65");
});

/** Clicks the centre of cell (i, j) of a c × c confusion picture whose plot area is `frame`
 * ("left,top,width,height" in CSS pixels from the canvas's corner, as the chart reports it). */
async function clickCell(page: Page, box: { x: number; y: number }, frame: string, i: number, j: number, c: number) {
  const [left, top, width, height] = frame.split(",").map(Number);
  await page.mouse.click(box.x + left + ((j + 0.5) / c) * width, box.y + top + ((i + 0.5) / c) * height);
}
