// Lesson 5, continued: training pauses with the page and the step, shared links of steps 3-4
// in a fresh browser, and every threshold reachable by keys, mouse and typing. These train
// the autoencoder too, so they run in the timing project, one at a time.
import { test, expect } from "./fixtures";
import { dots, passGate, press, value } from "./anomaly";

test.describe.configure({ mode: "default", retries: 1 });

test("training stops when the step is left or the page is hidden, and resumes where it was", async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.goto("anomaly-detection/train");
  const status = page.getByTestId("train-status");
  await page.getByTestId("ae-play").click();
  await expect
    .poll(async () => Number(await status.getAttribute("data-epoch")), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);

  // Hide the page: the loop pauses itself.
  await page.evaluate(() => {
    Object.defineProperty(document, "hidden", { value: true, configurable: true });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  });
  await expect(page.getByTestId("ae-play")).toHaveText("Play");
  const hiddenAt = await status.getAttribute("data-epoch");
  await page.waitForTimeout(800);
  await expect(status).toHaveAttribute("data-epoch", hiddenAt!);
  await page.evaluate(() => {
    Object.defineProperty(document, "hidden", { value: false, configurable: true });
  });

  // Play again, then leave the step while it runs.
  await page.getByTestId("ae-play").click();
  await expect
    .poll(async () => Number(await status.getAttribute("data-epoch")), { timeout: 60_000 })
    .toBeGreaterThan(Number(hiddenAt));
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "threshold");
  await page.waitForTimeout(800);
  await page.getByTestId("prev-step").click();
  const left = Number(await status.getAttribute("data-epoch"));
  expect(left).toBeGreaterThan(Number(hiddenAt));
  expect(left).toBeLessThan(60);
  await page.waitForTimeout(800);
  await expect(status).toHaveAttribute("data-epoch", String(left)); // not running
  await expect(page.getByTestId("ae-play")).toHaveText("Play");
  // Resumes from there and still reaches the seeded result.
  await page.getByTestId("ae-speed").selectOption("full");
  await page.getByTestId("ae-play").click();
  await expect(status).toHaveAttribute("data-trained", "true", { timeout: 100_000 });
  expect(await value(page, "train-loss")).toBeCloseTo(0.000302, 5);
});

test("a shared link of steps 3 and 4 keeps its threshold and pick through 'Train it now' in a fresh browser", async ({
  app,
  page,
}) => {
  // This test's page is a fresh browser context: nothing trained, nothing stored.
  await app.goto("anomaly-detection/threshold?t=0.0007126");
  await expect(page.getByTestId("train-gate")).toBeVisible();
  await page.waitForTimeout(500); // the address is rewritten once the state has rested 120 ms
  await expect(page).toHaveURL(/#\/anomaly-detection\/threshold\?t=0\.0007126$/);
  await passGate(page);
  expect(await value(page, "threshold")).toBe(0.0007126);
  await expect(page.getByTestId("threshold-field")).toHaveValue(/^7\.1260*e-4$/);
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/[?&]t=0\.0007126(&|$)/);

  // Step 4 in a new page load (the lab is untrained again).
  await page.goto("./#/anomaly-detection/inspect?pick=130");
  await page.reload();
  await expect(page.getByTestId("train-gate")).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/#\/anomaly-detection\/inspect\?pick=130$/);
  await passGate(page);
  await expect(page.getByTestId("inspect-detail")).toHaveAttribute("data-selected", "130");
  await expect(page.getByTestId("error-dots-130")).toHaveAttribute("aria-selected", "true");
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/[?&]pick=130(&|$)/);
});

test("every threshold between two neighbouring scores is reachable by keys, mouse and typing; covered dots by clicking again", async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await app.goto("anomaly-detection/inspect");
  await passGate(page);
  const all = await dots(page, "error-dots");
  expect(all).toHaveLength(190);

  await test.step("step 4: a dot drawn under others is picked by clicking the same place again", async () => {
    // Dots whose centre another dot's button covers: a plain click there picks the other one.
    const centre = async (i: number) => {
      const b = (await page.getByTestId(`error-dots-${i}`).boundingBox())!;
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    await page.getByTestId("error-dots").scrollIntoViewIfNeeded();
    const covered: number[] = [];
    for (const d of all) {
      const c = await centre(d.index);
      const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute("data-testid"), c);
      if (top !== `error-dots-${d.index}`) covered.push(d.index);
    }
    test.info().annotations.push({ type: "covered dots", description: covered.join(", ") });
    expect(covered.length).toBeGreaterThan(0);
    for (const i of new Set([130, ...covered])) {
      const c = await centre(i);
      let clicks = 0;
      for (; clicks < 20; clicks++) {
        await page.mouse.click(c.x, c.y);
        if ((await page.getByTestId("inspect-detail").getAttribute("data-selected")) === String(i)) break;
      }
      expect(clicks, `dot ${i} reached by clicking its centre`).toBeLessThan(20);
    }
  });

  // The two neighbouring scores closest to each other (by ratio, as on the log axis).
  const distinct = [...new Set(all.map((d) => d.score))].sort((a, b) => b - a);
  let k = 1;
  for (let i = 2; i < distinct.length; i++) {
    if (distinct[i - 1] / distinct[i] < distinct[k - 1] / distinct[k]) k = i;
  }
  const [hi, lo] = [distinct[k - 1], distinct[k]];
  // Narrower than one step of a 0.01-decade slider (2.3 %).
  expect(hi / lo).toBeLessThan(1.023);
  const flaggedAt = (t: number) => all.filter((d) => d.score > t).length;
  const flagged = async () => (await value(page, "tp")) + (await value(page, "fp"));

  await page.getByTestId("prev-step").click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "threshold");
  const slider = page.getByTestId("threshold");
  expect(Number(await slider.getAttribute("max"))).toBe(distinct.length);

  await test.step("keys: one press per test score, every confusion matrix on the way", async () => {
    await slider.focus();
    await press(page, "Home");
    const seen: number[] = [];
    for (let p = 0; p <= distinct.length; p++) {
      seen.push(await flagged());
      if (p < distinct.length) await press(page, "ArrowRight");
    }
    // Position p leaves the (n − p) highest distinct scores flagged.
    const expected = seen.map((_, p) => {
      const above = distinct.length - p;
      return above === 0 ? 0 : all.filter((d) => d.score >= distinct[above - 1]).length;
    });
    expect(seen).toEqual(expected);
    await press(page, "Home");
    await press(page, "ArrowRight", distinct.length - k);
    const t = await value(page, "threshold");
    expect(t).toBeGreaterThan(lo);
    expect(t).toBeLessThan(hi);
    expect(await flagged()).toBe(flaggedAt(t));
  });

  await test.step("mouse: drag the slider until it shows the gap", async () => {
    await press(page, "End");
    const box = (await slider.boundingBox())!;
    const target = distinct.length - k;
    let x = box.x + (box.width * target) / distinct.length;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 0; i < 40; i++) {
      const now = Number(await slider.inputValue());
      if (now === target) break;
      x += now < target ? 1 : -1;
      await page.mouse.move(x, y);
    }
    await page.mouse.up();
    expect(Number(await slider.inputValue())).toBe(target);
    const t = await value(page, "threshold");
    expect(t).toBeGreaterThan(lo);
    expect(t).toBeLessThan(hi);
  });

  await test.step("typing: the field takes any threshold in the chart's range", async () => {
    const field = page.getByTestId("threshold-field");
    await field.fill("1");
    await field.press("Enter");
    await expect(page.getByTestId("threshold-field-error")).toContainText("The threshold must be between");
    const before = await value(page, "threshold");
    expect(before).toBeGreaterThan(lo);
    const mid = Number(Math.sqrt(hi * lo).toPrecision(6));
    await field.fill("nothing");
    await field.press("Enter");
    await expect(page.getByTestId("threshold-field-error")).toContainText("not a number");
    expect(await value(page, "threshold")).toBe(before);
    expect(mid).toBeGreaterThan(lo);
    expect(mid).toBeLessThan(hi);
    await slider.focus();
    await press(page, "End");
    await field.fill(String(mid));
    await field.press("Enter");
    await expect(page.getByTestId("threshold-field-error")).toHaveCount(0);
    expect(await value(page, "threshold")).toBe(mid);
    expect(await flagged()).toBe(flaggedAt(mid));
    expect(Number(await slider.inputValue())).toBe(distinct.length - k);
  });
});
