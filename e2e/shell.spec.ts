// The app shell: every page loads clean, navigation, deep links under the sub-folder,
// themes, layout at phone and projector widths, and the harness's own error guard.
import { test, expect } from "./fixtures";
import fs from "node:fs";
import path from "node:path";

test("every page in the navigation loads without errors", async ({ app, page }) => {
  await app.goto("");
  const hrefs = await app.navLinks().evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(1);
  for (const href of hrefs) {
    await page.goto(`./${href}`);
    await app.ready();
    await expect(page.getByTestId("page-not-found")).toHaveCount(0);
  }
});

test("landmarks are present and the nav reaches the playground", async ({ app, page }) => {
  await app.goto("");
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("nav")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("footer")).toHaveCount(1);
  await page.locator("nav").getByRole("link", { name: "Playground" }).click();
  await expect(page).toHaveURL(/#\/playground/);
  await expect(page.locator("main h1")).toHaveText("Playground");
  await expect(page).toHaveTitle(/Playground/);
  await page.locator("nav").getByRole("link", { name: "Home" }).click();
  await expect(page.getByTestId("page-home")).toBeVisible();
});

test("a reload on a deep URL under the sub-folder keeps the page", async ({ app, page }) => {
  await app.goto("playground?z=3,-1.5,0.25&y=onehot:2");
  expect(new URL(page.url()).pathname).toBe("/logit-lab/");
  const before = await app.readout("softmax-2");
  await page.reload();
  await app.ready();
  await expect(page.locator("main h1")).toHaveText("Playground");
  expect(await app.readout("softmax-2")).toBe(before);
  expect(await app.logits()).toEqual([3, -1.5, 0.25]);
});

test("moving to another step keeps the lesson mounted and focuses the new step's heading", async ({ app, page }) => {
  await app.goto("logits/raw-scores");
  // A mark on the lesson's element survives only if the lesson is not rebuilt.
  await page.getByTestId("page-logits").evaluate((el) => el.setAttribute("data-mark", "kept"));
  await page.getByTestId("next-step").click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "shift");
  await expect(page.getByTestId("page-logits")).toHaveAttribute("data-mark", "kept");
  await expect(page.locator("#step-title")).toBeFocused();
  await expect(page.locator("#step-title")).toContainText("Adding a constant");
  // The keyboard too: ← goes back, and focus follows.
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "raw-scores");
  await expect(page.locator("#step-title")).toBeFocused();
});

test("on a phone the step comes first: the step list is a menu, the question folds after step 1", async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.goto("logits/shift");
  const menu = page.getByTestId("step-menu");
  await expect(page.locator(".step-list a").first()).toBeHidden();
  await expect(page.getByTestId("question")).not.toHaveAttribute("open", /.*/);
  // The step's heading is on the first screen (it was ~900 px down below the step list).
  expect((await page.locator("#step-title").boundingBox())!.y).toBeLessThan(420);
  await menu.locator("summary").click();
  await expect(page.locator(".step-list a").first()).toBeVisible();
  await page.locator(".step-list a").first().click();
  await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", "raw-scores");
  await expect(page.getByTestId("question")).toHaveAttribute("open", /.*/);
  // On a wide screen the list is always shown and there is no menu to open.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator(".step-list a").first()).toBeVisible();
  await expect(menu.locator("summary")).toBeHidden();
});

test("an unknown address shows a friendly page", async ({ app, page }) => {
  await app.goto("no-such-page");
  await expect(page.getByTestId("page-not-found")).toBeVisible();
});

test("the theme follows the system, and the learner's choice persists", async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await app.goto("");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.getByTestId("theme-toggle").click();
  await expect(html).toHaveAttribute("data-theme", "light");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(255, 255, 255)");
  await page.reload();
  await app.ready();
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.getByTestId("theme-toggle").click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await app.ready();
  await expect(html).toHaveAttribute("data-theme", "dark");
});

test("a corrupt stored theme is ignored", async ({ app, page }) => {
  await app.goto("");
  await page.evaluate(() => localStorage.setItem("logit-lab.theme", "<b>purple</b>"));
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await app.ready();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

for (const width of [360, 1920]) {
  test(`the playground fits a ${width}px wide screen`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 1080 });
    await app.goto("playground");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const bars = await page.getByTestId("logit-bars").boundingBox();
    expect(bars!.width).toBeGreaterThan(width === 360 ? 300 : 500);
    expect(await app.paintedPixels("logit-bars")).toBeGreaterThan(1000);
  });
}

test("the error guard turns a console error red (an expected failure, shown as ✘)", async ({ app, page }) => {
  // Proof that the error guard works: this test must end red, so it is marked as failing.
  test.fail(true, "the console-error guard must turn this test red");
  await app.goto("");
  await page.evaluate(() => console.error("a deliberate error"));
});

test.describe("before the WebAssembly has arrived", () => {
  // The first visit: no service worker answers for the network.
  test.use({ serviceWorkers: "block" });

  test("the shell is painted at once, then gives way to the app", async ({ app, page }) => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("./#/playground");
    await expect(page.locator("header .brand")).toHaveText(/Logit Lab/);
    await expect(page.locator("nav").getByRole("link")).toHaveCount(9);
    await expect(page.getByRole("status").filter({ hasText: "Loading the lessons" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(0);
    release();
    await app.ready();
    await expect(page.locator("main h1")).toHaveText("Playground");
    await expect(page.locator("header")).toHaveCount(1);
    await expect(page.locator("nav")).toHaveCount(1);
    await expect(page.getByText("Loading the lessons")).toHaveCount(0);
  });
});

test.describe("WebAssembly bundles", () => {
  // What the page itself fetches (a service worker's own precaching is not a page request).
  test.use({ serviceWorkers: "block" });
  const bundles: { bin: string; pages: string[] }[] = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "src", "bundles.json"), "utf8"),
  );
  const wasmOf = (url: string) => path.basename(new URL(url).pathname).replace(/-[0-9a-f]{10,16}_bg\.wasm$/, "");

  test("a first visit downloads only the bundle of the page in its address", async ({ app, page }) => {
    const fetched: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith(".wasm")) fetched.push(wasmOf(r.url()));
    });
    for (const { bin, pages } of bundles) {
      for (const slug of ["", ...pages].slice(bin === bundles[0].bin ? 0 : 1)) {
        // A fresh document, as a first visit opens it (a hash change in the open page would
        // let the app reload by itself).
        await page.goto("about:blank");
        fetched.length = 0;
        await page.goto(`./#/${slug}`);
        await app.ready();
        await expect(page.locator("main h1")).toBeVisible();
        expect(fetched, `#/${slug}`).toEqual([bin]);
      }
    }
  });

  test("addresses the router reads leniently start the right bundle", async ({ app, page }) => {
    // Route::parse skips empty parts and a missing slash; the loader must read them the same
    // way, or the app would reload to a bundle the loader does not pick.
    for (const [hash, testid] of [
      ["#anomaly-detection", "page-anomaly-detection"],
      ["#//segmentation//inspector", "page-segmentation"],
      ["#/check/?", "page-check"],
    ]) {
      await page.goto("about:blank"); // a fresh document each time, as a link opens it
      await page.goto(`./${hash}`);
      await app.ready();
      await expect(page.getByTestId(testid)).toBeVisible();
    }
  });

  test("a link to a page of another bundle opens it, and Back returns", async ({ app, page }) => {
    const fetched: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith(".wasm")) fetched.push(wasmOf(r.url()));
    });
    await app.goto("playground");
    await page.locator("nav.site-nav").getByRole("link", { name: /Anomaly/ }).click();
    await expect(page.getByTestId("page-anomaly-detection")).toBeVisible();
    await expect(page).toHaveURL(/#\/anomaly-detection$/);
    // The keyboard goes on at the content, not at the top of the reloaded document.
    await expect(page.locator("#main")).toBeFocused();
    await page.goBack();
    await expect(page.locator("main h1")).toHaveText("Playground");
    await page.locator("nav.site-nav").getByRole("link", { name: /Check your outputs/ }).click();
    await expect(page.getByTestId("page-check")).toBeVisible();
    await page.locator("header .brand").click();
    await expect(page.getByTestId("page-home")).toBeVisible();
    expect(fetched).toEqual(["logit-lab", "logit-lab-anomaly", "logit-lab", "logit-lab-regression", "logit-lab"]);
  });

  test("presenter mode stays on when the next lesson comes from another bundle", async ({ app, page }) => {
    await app.goto("logits/summary");
    await page.locator("main h1").click();
    await page.keyboard.press("p");
    await expect(page.locator("html")).toHaveAttribute("data-presenter", "true");
    await page.getByTestId("next-lesson").click();
    await expect(page.getByTestId("page-softmax-or-sigmoid")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("data-presenter", "true");
    await page.keyboard.press("Escape");
    await expect(page.locator("html")).not.toHaveAttribute("data-presenter", "true");
    await page.reload();
    await app.ready();
    await expect(page.locator("html")).not.toHaveAttribute("data-presenter", "true");
  });
});
