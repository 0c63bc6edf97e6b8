// What a drag frame does not do: measure text through the page's layout, or rebuild what
// nobody can see. Off-screen readouts, charts and code wait while a key is held or a pointer
// is down, catch up when it is released, and go live the moment they scroll into view.
import { test, expect, softmax } from "./fixtures";

test("a drag adds nothing to the page to measure its labels", async ({ app, page }) => {
  await app.goto("playground");
  await app.slider(0).focus();
  const sparse = '[data-testid="readout-sparse-categorical-crossentropy"]';
  const before = await page.evaluate((sel) => document.querySelector(sel)!.textContent, sparse);
  // Nodes put into or taken out of that readout while the logits change.
  await page.evaluate((sel) => {
    const w = window as unknown as Record<string, number>;
    w.__rebuilt = 0;
    new MutationObserver((ms) => ms.forEach((m) => (w.__rebuilt += m.addedNodes.length + m.removedNodes.length))).observe(
      document.querySelector(sel)!,
      { childList: true, subtree: true },
    );
  }, sparse);
  const added = await page.evaluate(async () => {
    let count = 0;
    const seen = new MutationObserver((ms) => ms.forEach((m) => (count += m.addedNodes.length)));
    seen.observe(document.body, { childList: true });
    const el = document.activeElement!;
    for (let i = 0; i < 5; i++) {
      el.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
    el.dispatchEvent(new KeyboardEvent("keyup", { key: "ArrowUp", bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    seen.disconnect();
    return count;
  });
  // plotters measured each bar label with a <span> added to <body> (a layout of the whole
  // page each time); the canvas measures them now.
  expect(added).toBe(0);
  expect(await app.sliderValue(0)).toBeCloseTo(2.5, 9);
  // A readout that may be missing (sparse needs one true class) is updated in place, not
  // built again for every new value.
  await expect(page.locator(sparse)).not.toHaveText(before!);
  expect(await page.evaluate(() => (window as unknown as Record<string, number>).__rebuilt)).toBe(0);
});

test("a held key rewrites no form control, and the typed-logit field catches up on release", async ({ app, page }) => {
  await app.goto("playground");
  const field = page.getByTestId("logit-input-0");
  const start = await field.inputValue();
  await app.slider(0).focus();
  // Count every write to an input's or a select's value or checked state (Leptos writes a
  // property each time its closure runs, equal or not).
  await page.evaluate(() => {
    const w = window as unknown as { __writes: string[] };
    w.__writes = [];
    for (const proto of [HTMLInputElement.prototype, HTMLSelectElement.prototype]) {
      for (const name of ["value", "checked"]) {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        if (!d?.set) continue;
        Object.defineProperty(proto, name, {
          ...d,
          set(this: HTMLElement, v: unknown) {
            w.__writes.push(`${this.dataset.testid ?? this.tagName}.${name}`);
            d.set!.call(this, v);
          },
        });
      }
    }
  });
  await page.keyboard.down("ArrowUp");
  await page.keyboard.down("ArrowUp");
  await page.keyboard.down("ArrowUp");
  await expect.poll(() => app.sliderValue(0)).toBeCloseTo(2.3, 9);
  await page.waitForTimeout(100);
  // The class chips, the output radios and the range select do not change with a logit; the
  // typed-logit field waits for the key to be let go.
  expect(await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes)).toEqual([]);
  await expect(field).toHaveValue(start);
  await page.keyboard.up("ArrowUp");
  await expect(field).toHaveValue("2.3");
});

test("what is off the screen waits while a key is held, and catches up", async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.goto("playground");
  const code = page.getByTestId("code-keras-value");
  const table = page.getByTestId("readout-softmax-0");
  const entropy = page.getByTestId("readout-entropy");
  await app.slider(0).focus();
  await expect(table).not.toBeInViewport();
  await expect(code).not.toBeInViewport();
  await expect(entropy).toBeInViewport();
  const [code0, table0, entropy0] = await Promise.all(
    [code, table, entropy].map((l) => l.getAttribute("data-value")),
  );
  // The chart's description for screen readers (the sliders speak during the drag).
  const picture = page.getByTestId("logit-bars").locator("canvas[role=img]");
  const described0 = (await picture.getAttribute("aria-label"))!;
  // The handle on the up-close curve (class 0's logit, below the fold) and what moves it.
  const handle = page.getByTestId("up-close-plot").locator("[role=slider]");
  const handle0 = { now: await handle.getAttribute("aria-valuenow"), style: await handle.getAttribute("style") };

  await page.keyboard.down("ArrowUp");
  await page.keyboard.down("ArrowUp");
  await expect.poll(() => app.sliderValue(0)).toBeCloseTo(2.2, 9);
  // On the screen: live.
  await expect(entropy).not.toHaveAttribute("data-value", entropy0!);
  // Off it: held, with nothing computed for it.
  await page.waitForTimeout(200);
  expect(await table.getAttribute("data-value")).toBe(table0);
  expect(await code.getAttribute("data-value")).toBe(code0);
  expect(await picture.getAttribute("aria-label")).toBe(described0);
  // A handle that followed the logit would restyle and re-describe itself on every frame.
  expect({ now: await handle.getAttribute("aria-valuenow"), style: await handle.getAttribute("style") }).toEqual(handle0);
  // An off-screen chart's layers are transparent while held (a software compositor copies every
  // painted canvas on each frame); an on-screen one stays drawn.
  const layers = (id: string) =>
    page.getByTestId(id).locator("canvas.chart-layer").evaluateAll((cs) => cs.map((c) => getComputedStyle(c).opacity));
  await expect(page.getByTestId("up-close-plot")).not.toBeInViewport();
  expect(await layers("up-close-plot")).toEqual(["0", "0"]);
  expect(await layers("logit-bars")).toEqual(["1", "1"]);

  // Scrolled into view during the gesture: live again at once.
  await table.scrollIntoViewIfNeeded();
  const p = softmax(await app.logits());
  await expect.poll(() => app.readout("softmax-0")).toBeCloseTo(p[0], 12);
  expect(await code.getAttribute("data-value")).toBe(code0);

  // Released: everything catches up.
  await page.keyboard.up("ArrowUp");
  await expect(code).not.toHaveAttribute("data-value", code0!);
  await expect(picture).not.toHaveAttribute("aria-label", described0);
  expect(await layers("up-close-plot")).toEqual(["1", "1"]);
  await expect(handle).toHaveAttribute("aria-valuenow", String(await app.sliderValue(0)));
  expect(await handle.getAttribute("style")).not.toBe(handle0.style);
  const printed = (await code.getAttribute("data-value"))!.split(",").map(Number);
  expect(printed[0]).toBeCloseTo(p[0], 12);
});

// Chromium's own record of each layout while a held key moves a slider: a new number in a readout
// or a number field, or a handle moved along a curve, lays out that element alone (a relayout
// boundary: fixed size, contained), not the paragraph around it and the whole page.
for (const [route, widget] of [
  ["logits/with-logits", "logit-bars"],
  ["regression-output/one-pixel", "curve-linear"],
] as const) {
  test(`on ${route}, a new value lays out only what shows it`, async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.goto(route);
    await app.slider(0, widget).focus();
    const cdp = await page.context().newCDPSession(page);
    type Begin = { partialLayout: boolean; dirtyObjects: number; totalObjects: number; frame: string };
    const events: { name: string; ph: string; args: { beginData?: Begin } }[] = [];
    const { frameTree } = await cdp.send("Page.getFrameTree");
    cdp.on("Tracing.dataCollected", (d) => events.push(...(d.value as typeof events)));
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.start", { categories: "devtools.timeline", transferMode: "ReportEvents" });
    const before = await app.sliderValue(0, widget);
    // Ten presses one way: the values keep their number of characters nearly all the time.
    await page.evaluate(async () => {
      const el = document.activeElement!;
      for (let i = 0; i < 10; i++) {
        el.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowUp", bubbles: true, cancelable: true }));
        await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    await cdp.send("Tracing.end");
    await done;
    await cdp.detach();
    expect(await app.sliderValue(0, widget)).not.toBe(before);
    const layouts = events
      .filter((e) => e.name === "Layout" && e.ph === "X")
      .map((e) => e.args.beginData!)
      .filter((l) => l.frame === frameTree.frame.id);
    expect(layouts.length, "the presses caused no layout at all").toBeGreaterThan(4);
    // Without the boundaries every layout here starts from the document (with-logits: 17 of 468
    // objects dirty, one-pixel: 33 of 559); with them, most are partial layouts of a few objects
    // (a readout that needs more characters still lays out the page once).
    const partial = layouts.filter((l) => l.partialLayout && l.totalObjects <= 20);
    expect(partial.length, JSON.stringify(layouts)).toBeGreaterThanOrEqual(layouts.length * 0.6);
  });
}
