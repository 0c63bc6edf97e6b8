// Hardening: accessibility (axe-core) on every page and step, in both themes and presenter
// mode; no request leaves the page's origin on a whole tour; a seeded "monkey" of random
// input finds no panic, console error, NaN/∞ where a value is finite, or frozen page.
import { test, expect } from "./fixtures";
import { allRoutes, monkey } from "./random";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

async function axe(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

for (const mode of ["light", "dark", "presenter"] as const) {
  test(`axe: no violations on any page or step (${mode})`, async ({ app, page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: mode === "light" ? "light" : "dark" });
    const routes = await allRoutes(app);
    expect(routes.length).toBeGreaterThan(10);
    const violations: string[] = [];
    for (const route of routes) {
      await app.goto(route);
      if (mode === "presenter") {
        // Presenter mode persists across pages; turn it on once.
        if ((await page.locator("html").getAttribute("data-presenter")) !== "true") {
          await page.locator("main h1").click();
          await page.keyboard.press("p");
        }
        await expect(page.locator("html")).toHaveAttribute("data-presenter", "true");
      }
      violations.push(...(await axe(page, `${mode} #/${route}`)));
    }
    expect(violations).toEqual([]);
  });
}

test("a whole tour makes no request outside the page's origin", async ({ app, page }) => {
  test.setTimeout(120_000);
  const foreign: string[] = [];
  const routes = await allRoutes(app);
  const origin = new URL(page.url()).origin;
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["data:", "blob:"].includes(u.protocol) && u.origin !== origin) foreign.push(r.url());
  });
  await page.reload();
  for (const route of routes) {
    await app.goto(route);
    // Touch the first slider of each page so widgets redraw.
    const slider = page.getByRole("slider").first();
    if (await slider.count()) {
      await slider.focus();
      await page.keyboard.press("PageUp");
    }
  }
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
  expect(foreign).toEqual([]);
});

test("every slider is reachable by Tab and shows a focus ring", async ({ app, page }) => {
  await app.goto("playground");
  const seen = new Set<string>();
  for (let k = 0; k < 60; k++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return {
        role: el.getAttribute("role"),
        cls: el.getAttribute("data-class"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (info?.role === "slider" && info.cls !== null) {
      expect(info.outline, "focus ring on a bar").toBe(true);
      seen.add(info.cls);
    }
  }
  expect([...seen].sort()).toEqual(["0", "1", "2"]);
});

/** No readout shows NaN or ∞ unless its full value really is non-finite (the float32 lab). */
async function expectSaneReadouts(page: Page) {
  const bad = await page.evaluate(() =>
    Array.from(document.querySelectorAll("[data-testid^=readout-]"))
      .filter((el) => {
        const v = el.getAttribute("data-value") ?? "";
        const text = el.textContent ?? "";
        const finite = Number.isFinite(Number(v));
        return finite && /NaN|∞/.test(text);
      })
      .map((el) => el.getAttribute("data-testid")),
  );
  expect(bad).toEqual([]);
}

// The test command runs a short monkey; `MONKEY_EVENTS=250` (× every step ≈ 10,000 events)
// is the long run, used as a benchmark.
const MONKEY_EVENTS = Number(process.env.MONKEY_EVENTS ?? 40);

test(`monkey: ${MONKEY_EVENTS} seeded random events on every page and step break nothing`, async ({ app, page }) => {
  test.setTimeout(900_000);
  let seed = Number(process.env.MONKEY_SEED ?? 20261129);
  let total = 0;
  for (const route of await allRoutes(app)) {
    await app.goto(route);
    await monkey(page, seed++, MONKEY_EVENTS);
    total += MONKEY_EVENTS;
    await expectSaneReadouts(page);
    // Not frozen: the page still paints a frame within a second.
    const alive = await Promise.race([
      page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(true)))),
      new Promise((r) => setTimeout(() => r(false), 1000)),
    ]);
    expect(alive, `page frozen after the monkey on #/${route}`).toBe(true);
  }
  console.log(`monkey: ${total} events, seeds from ${process.env.MONKEY_SEED ?? 20261129}`);
});

test("value changes are announced politely, once they settle", async ({ app, page }) => {
  await app.goto("playground");
  const live = page.getByTestId("logit-bars-live");
  await expect(live).toHaveAttribute("aria-live", "polite");
  await app.slider(0).focus();
  for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowUp");
  expect(await live.textContent()).toBe("");
  await expect(live).toHaveText("class 0: logit 2.5");
});

test("bad input: typed numbers, URL state and stored settings never break the page", async ({ app, page }) => {
  const nasty = ["", "-", "1e400", "NaN", "-Infinity", "9".repeat(400), "<script>window.__x=1</script>", "\"><img src=x onerror=window.__x=1>"];
  await app.goto("playground");
  const field = page.getByTestId("logit-input-0");
  for (const text of nasty) {
    await field.fill(text);
    await field.press("Enter");
    await expect(page.locator("#logit-error-0")).toBeVisible();
    expect(await app.sliderValue(0)).toBe(2);
  }
  for (const q of nasty) {
    await app.goto(`playground?z=${encodeURIComponent(q)},1&t=${encodeURIComponent(q)}`);
    await expect(page.getByTestId("notice")).toBeVisible();
    expect(await app.logits()).toEqual([2, 1, 0.5]);
    await app.goto(`logits/raw-scores?z=${encodeURIComponent(q)}`);
    await expect(page.getByTestId("notice")).toBeVisible();
  }
  for (const key of ["logit-lab.theme", "logit-lab.progress"]) {
    for (const v of nasty) {
      await page.evaluate(([k, val]) => localStorage.setItem(k, val), [key, v]);
      await page.reload();
      await app.ready();
    }
  }
  expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
  expect(await page.locator("img[src=x]").count()).toBe(0);
});

test("memory: 10,000 drag updates grow neither the JS heap nor wasm memory by 1 MB", async ({ app, page }) => {
  test.setTimeout(600_000);
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => {
      (window as unknown as { __wasmMemory: WebAssembly.Memory }).__wasmMemory = (e as CustomEvent).detail.wasm.memory;
    });
  });
  await app.goto("playground");
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const wasmBytes = () => page.evaluate(() => (window as unknown as { __wasmMemory?: WebAssembly.Memory }).__wasmMemory?.buffer.byteLength ?? -1);
  const drag = (updates: number) =>
    page.evaluate(async (n) => {
      const slider = document.querySelectorAll('[data-testid="logit-bars"] [role=slider]')[1] as HTMLElement;
      const r = slider.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const opts = (y: number) => ({ bubbles: true, pointerId: 1, isPrimary: true, button: 0, buttons: 1, clientX: x, clientY: y, pointerType: "mouse" });
      slider.dispatchEvent(new PointerEvent("pointerdown", opts(r.top + r.height / 2)));
      for (let k = 0; k < n; k++) {
        slider.dispatchEvent(new PointerEvent("pointermove", opts(r.top + ((k * 37) % Math.floor(r.height)))));
        await null; // let the update's effects (microtasks) run
        if (k % 200 === 199) await new Promise((res) => setTimeout(res, 0));
      }
      slider.dispatchEvent(new PointerEvent("pointerup", opts(r.top)));
    }, updates);
  await drag(500);
  const heapBefore = await heap();
  const wasmBefore = await wasmBytes();
  expect(wasmBefore).toBeGreaterThan(0);
  const before = await app.sliderValue(1);
  await drag(10_000);
  expect(await app.sliderValue(1)).not.toBeNaN();
  const heapAfter = await heap();
  const wasmAfter = await wasmBytes();
  console.log(`memory: JS heap ${heapBefore} → ${heapAfter} bytes, wasm ${wasmBefore} → ${wasmAfter} bytes (slider ${before})`);
  expect(heapAfter - heapBefore).toBeLessThan(1_000_000);
  expect(wasmAfter - wasmBefore).toBeLessThan(1_048_576);
});
