// Classroom features: presenter mode, share links, PNG export, offline use, print.
import { test, expect, LogitLab } from "./fixtures";
import { readFileSync } from "node:fs";

test("presenter mode: P toggles it, arrows step, leaving restores everything", async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.goto("logits/raw-scores");
  const html = page.locator("html");
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await bodySize();
  await expect(page.locator("nav.site-nav")).toBeVisible();
  await page.locator("main h1").click();
  await page.keyboard.press("p");
  await expect(html).toHaveAttribute("data-presenter", "true");
  await expect(page.locator("nav.site-nav")).toBeHidden();
  await expect(page.locator(".step-list")).toBeHidden();
  expect(await bodySize()).toBeGreaterThanOrEqual(normal * 1.4);
  // The charts follow their wider box (a ResizeObserver, not only window resizes).
  const fits = () =>
    page.getByTestId("logit-bars").locator("canvas").first().evaluate((c: HTMLCanvasElement) =>
      c.width === Math.round(c.clientWidth * devicePixelRatio),
    );
  await expect.poll(fits).toBe(true);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(0, 0, 0)");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "shift");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "raw-scores");
  await page.screenshot({ path: test.info().outputPath("presenter-1920.png") });
  await page.keyboard.press("Escape");
  await expect(html).not.toHaveAttribute("data-presenter", "true");
  await expect(page.locator("nav.site-nav")).toBeVisible();
  expect(await bodySize()).toBe(normal);
  await page.getByTestId("presenter-toggle").click();
  await expect(html).toHaveAttribute("data-presenter", "true");
  await page.getByTestId("presenter-toggle").click();
  await expect(page.locator("nav.site-nav")).toBeVisible();
});

test("a shared step link restores the widget state in a fresh browser", async ({ app, page, browser }) => {
  await app.goto("logits/raw-scores");
  await app.dragBar(3, -50);
  await app.slider(1).focus();
  await page.keyboard.press("PageDown");
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/#\/logits\/raw-scores\?z=/);
  const wanted = await app.logits();
  const p3 = await app.readout("p-3");
  const fresh = await browser.newContext();
  const other = new LogitLab(await fresh.newPage());
  await other.page.goto(link);
  await other.ready();
  expect(await other.logits()).toEqual(wanted);
  expect(await other.readout("p-3")).toBe(p3);
  await fresh.close();
});

test("without a clipboard (plain http) Share shows the link to copy by hand and never claims a copy", async ({ app, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
  });
  await app.goto("logits/raw-scores");
  await page.getByTestId("share").click();
  await expect(page.getByTestId("share-link")).toHaveValue(/#\/logits\/raw-scores/);
  await expect(page.getByTestId("share-status")).toHaveText("Copy this link:");
  // The code panel's Copy selects the program instead.
  await page.getByTestId("copy-keras").click();
  await expect(page.getByTestId("copy-keras")).toHaveText("Selected: press Ctrl+C");
  expect(await page.evaluate(() => window.getSelection()!.toString())).toContain("import keras");
});

test("full screen: the chart grows to the screen, the button says how to leave, Esc leaves", async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.goto("logits/raw-scores");
  const frame = page.getByTestId("logit-bars").locator(".chart-frame");
  const button = frame.getByTestId("fullscreen");
  const before = (await frame.locator(".chart").boundingBox())!;
  await button.click();
  await expect(button).toHaveText("Exit full screen");
  await expect(frame.getByTestId("fullscreen-hint")).toContainText("Esc");
  await expect.poll(async () => (await frame.locator(".chart").boundingBox())!.height).toBeGreaterThan(before.height * 1.5);
  await button.click();
  await expect(button).toHaveText("Full screen");
  await expect(frame.getByTestId("fullscreen-hint")).toHaveCount(0);
});

test("shared numbers (temperature) and a bad link", async ({ app, page }) => {
  await app.goto("softmax-or-sigmoid/temperature?z=12,-12,0&t=10");
  expect(await app.readout("temperature")).toBe(10);
  expect(await app.logits()).toEqual([12, -12, 0]);
  await app.goto("softmax-or-sigmoid/temperature?z=1,nope&t=-4");
  await expect(page.getByTestId("notice")).toContainText("could not be used");
  expect(await app.readout("temperature")).toBe(1);
  expect(await app.logits()).toEqual([2, 1, 0.5]);
});

test("a link opened while the last view still waits to write its address is the one shown", async ({ app, page }) => {
  // A key press changes the state, so the app will rewrite the address once the state has
  // rested (120 ms). Another link is opened at once, and its `hashchange` reaches the app only
  // 300 ms later (as on a busy machine: a listener registered before the app's holds the event
  // back and sends it again). The old state's write falls due in between: it must not
  // overwrite the link being opened.
  await page.addInitScript(() => {
    window.addEventListener(
      "hashchange",
      (e) => {
        const w = window as any;
        if (!w.__holdHashchange || (e as any).__resent) return;
        e.stopImmediatePropagation();
        w.__holdHashchange = false;
        setTimeout(() => {
          const again = new HashChangeEvent("hashchange", { oldURL: e.oldURL, newURL: e.newURL });
          (again as any).__resent = true;
          window.dispatchEvent(again);
        }, 300);
      },
      true,
    );
  });
  await app.goto("softmax-or-sigmoid/temperature?z=12,-12,0&t=10");
  await app.slider(0).focus();
  await page.keyboard.press("ArrowUp");
  await page.evaluate(() => {
    (window as any).__holdHashchange = true;
    location.hash = "#/softmax-or-sigmoid/temperature?z=3,2,1&t=2";
  });
  await expect.poll(() => app.logits()).toEqual([3, 2, 1]);
  expect(await app.readout("temperature")).toBe(2);
  await page.waitForTimeout(300);
  expect(page.url()).toMatch(/[?&]z=3(\.0)?,2(\.0)?,1(\.0)?(&|$)/);
});

test("a painted mask travels in a short link; bad parts are reported and ignored", async ({ app, page }) => {
  // Background everywhere: 576 pixels in one run, pos_weight 4.
  await app.goto("segmentation/paint?mask=0.0*576&pos_weight=4");
  await expect(page.getByTestId("notice")).toHaveCount(0);
  expect(await app.readout("dice")).toBe(0);
  expect(await app.readout("pos-weight")).toBe(4);
  // The link's state makes the task hold, but a link hands out no ticks: the learner has
  // to reach it themselves (here: paint one pixel, then erase it again).
  const task = page.locator('[data-testid="task"][data-task-id="all-background"]');
  await expect(task).toHaveAttribute("data-holds", "true");
  await expect(task).toHaveAttribute("data-done", "false");
  await expect(page.getByTestId("link-tasks-note")).toBeVisible();
  await page.getByTestId("mask-painter-grid").focus();
  await page.keyboard.press("Space");
  await expect(task).toHaveAttribute("data-holds", "false");
  await page.keyboard.press("Delete");
  await expect(task).toHaveAttribute("data-done", "true");
  const fresh = await app.readout("dice-loss");
  // A mask of the wrong length, a radius the brush does not have, a race step past the end.
  await app.goto("segmentation/paint?mask=0.5*575&radius=7&pos_weight=4");
  await expect(page.getByTestId("notice")).toContainText("mask: expected 576 probabilities");
  await expect(page.getByTestId("notice")).toContainText("radius: expected 0, 1 or 2");
  expect(await app.readout("pos-weight")).toBe(4);
  expect(await app.readout("dice-loss")).not.toBe(fresh);
  await app.goto("regression-output/race?n=151&race=0.9_0_0.1");
  await expect(page.getByTestId("notice")).toContainText("n: expected a step from 0 to 150");
  await expect(page.getByTestId("notice")).toContainText("race: expected");
  expect(await app.readout("race-step")).toBe(0);
  // A good race link replays to its step.
  await app.goto("regression-output/race?n=37&race=0.9_0.05_0.8");
  await expect(page.getByTestId("notice")).toHaveCount(0);
  expect(await app.readout("race-step")).toBe(37);
  expect(await app.readout("race-lr")).toBe(0.8);
});

test("a link to a trained trap replays the training in frame-sized slices", async ({ app, page }) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: "longtask" });
  });
  await app.goto("segmentation/softmax-trap?n=5000");
  // The page's own start-up is one long task; what follows must come in slices.
  await page.evaluate(() => ((window as any).__long = []));
  // A shared link's state is never hidden behind the prediction: the replay runs at once,
  // and the question stays open for the person who opened the link.
  await expect(page.getByTestId("predict")).toHaveAttribute("data-revealed", "false");
  await expect(page.getByTestId("predict-reveal")).toBeVisible();
  await expect.poll(() => app.readout("trap-steps"), { timeout: 20_000 }).toBe(5000);
  await expect(page.getByTestId("trap-play")).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("notice")).toHaveCount(0);
  // 5,000 steps take about 0.65 s of work (release build), done at once they would be one
  // task that long; the longest task allowed (300 ms) leaves room for the page load itself.
  const longest = await page.evaluate(() => Math.max(0, ...(window as any).__long));
  expect(longest).toBeLessThan(300);
  expect(page.url()).toContain("n=5000");
  await page.getByTestId("predict-choice-2").check();
  await page.getByTestId("predict-check").click();
  await app.goto("segmentation/softmax-trap?n=5001");
  await expect(page.getByTestId("notice")).toContainText("n: expected a number of steps up to 5,000");
  // The answer given above is remembered.
  await expect(page.getByTestId("predict")).toHaveAttribute("data-revealed", "true");
  expect(await app.readout("trap-steps")).toBe(0);
});

test("a chart exports as a PNG at twice its size", async ({ app, page }) => {
  await app.goto("playground");
  const chart = page.getByTestId("logit-bars").locator(".chart");
  const box = (await chart.boundingBox())!;
  const css = await chart.evaluate((el) => [el.clientWidth, el.clientHeight]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("logit-bars").getByTestId("export-png").click(),
  ]);
  expect(download.suggestedFilename()).toBe("logit-lab-logit-bars.png");
  const png = readFileSync((await download.path())!);
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.readUInt32BE(16)).toBe(css[0] * 2);
  expect(png.readUInt32BE(20)).toBe(css[1] * 2);
  expect(box.width).toBeGreaterThan(100);
  expect(png.length).toBeGreaterThan(5000);
});

test("after one visit the app loads and works offline", async ({ app, page, context }) => {
  await app.goto("logits/raw-scores");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).length > 0 && (await (await caches.open("logit-lab-v1")).keys()).length >= 4))
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await app.ready();
  await app.slider(3).focus();
  await page.keyboard.press("End");
  expect(await app.sliderValue(3)).toBe(12);
  expect(await app.readout("p-3")).toBeGreaterThan(0.9);
  await page.goto("./#/playground");
  await app.ready();
  await expect(page.getByTestId("readout-softmax-0")).toBeVisible();
  // A page of another WebAssembly bundle, never opened before: the first visit cached it too.
  await page.goto("./#/segmentation/inspector");
  await app.ready();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "inspector");
  await context.setOffline(false);
});

test("print media hides the navigation and keeps the charts", async ({ app, page }) => {
  await app.goto("logits/raw-scores");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("nav.site-nav")).toBeHidden();
  await expect(page.locator(".step-list")).toBeHidden();
  await expect(page.locator(".chart-tools").first()).toBeHidden();
  await expect(page.getByTestId("logit-bars")).toBeVisible();
  await expect(page.getByTestId("framework-panel")).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.length).toBeGreaterThan(10000);
});
