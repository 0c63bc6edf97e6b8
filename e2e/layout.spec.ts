// Layout on every step of every lesson and on the Playground, at three screens: a 390 px
// phone, a 1280×720 laptop and a 1920×1080 projector in presenter mode. Nothing scrolls
// sideways, every readout is inside the screen (and inside the visible part of any region
// that scrolls), the step's heading starts on the first screen, and the step opens on its
// widget: on a phone its first widget starts on the first screen, on the laptop and the
// projector at least 160 px of its main widget are visible there (steps still short of that
// are listed in LATE below). Run by the `phone`, `laptop` and `presenter` projects
// (playwright.config.ts), each step visited once.
import { test, expect, type LogitLab } from "./fixtures";
import type { Page } from "@playwright/test";

/** What one step looks like on arrival, measured in the page. */
type Measure = {
  overflow: number;
  readoutsOutside: string[];
  headingTop: number | null;
  widget: { what: string; top: number; visible: number; height: number } | null;
  screen: number;
};

/** Measures the page as it is now (scrolled to the top). */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const h = window.innerHeight;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    // A readout must be on the screen and, inside a region that scrolls sideways, within the
    // region's visible part: a number the learner has to scroll a table to find counts as out.
    const readoutsOutside = Array.from(document.querySelectorAll("main [data-testid^='readout-']"))
      .filter(shown)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        let region = el.parentElement;
        while (region && !["auto", "scroll", "hidden"].includes(getComputedStyle(region).overflowX)) region = region.parentElement;
        const box = region ? region.getBoundingClientRect() : { left: 0, right: w };
        return r.left < Math.max(0, box.left) - 0.5 || r.right > Math.min(w, box.right) + 0.5;
      })
      .map((el) => el.getAttribute("data-testid")!);
    const root = document.querySelector("[data-testid='step'] .step-body") ?? document.querySelector("main");
    const heading = document.querySelector("#step-title") ?? document.querySelector("main h1");
    const candidates = ["canvas", "[role='slider']", "input[type='range']", ".mask-layer"];
    let widget: Measure["widget"] = null;
    let best: Element | null = null;
    for (const sel of candidates) {
      const el = Array.from(root!.querySelectorAll(sel)).find(shown);
      if (el && (!best || el.getBoundingClientRect().top < best.getBoundingClientRect().top)) best = el;
    }
    if (best) {
      const el = best.closest(".chart-frame") ?? best;
      const r = el.getBoundingClientRect();
      widget = {
        what: el.getAttribute("data-testid") ?? el.closest("[data-testid]")?.getAttribute("data-testid") ?? el.tagName,
        top: Math.round(r.top),
        visible: Math.round(Math.min(r.bottom, h) - Math.max(r.top, 0)),
        height: Math.round(r.height),
      };
    }
    return {
      overflow: document.documentElement.scrollWidth - w,
      readoutsOutside,
      headingTop: heading ? Math.round(heading.getBoundingClientRect().top) : null,
      widget,
      screen: h,
    };
  });
}

/** Every lesson's step routes and the Playground, read from the app. */
async function routes(app: LogitLab): Promise<string[][]> {
  const page = app.page;
  await app.goto("");
  const pages = await page
    .locator("nav.site-nav a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(2)).filter((p) => p !== ""));
  const out: string[][] = [];
  for (const p of pages) {
    await app.goto(p);
    const steps = await page.locator(".step-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(2)));
    out.push(steps.length ? steps : [p]);
  }
  return out;
}

/** Opens a route in the running app (a hash change, no reload) and waits for it to settle. */
async function open(app: LogitLab, route: string) {
  const page = app.page;
  await page.evaluate((r) => {
    window.scrollTo(0, 0);
    location.hash = `#/${r}`;
  }, route);
  const step = route.split("?")[0].split("/")[1];
  if (step) await expect(page.getByTestId("step")).toHaveAttribute("data-step-id", step);
  else await expect(page.locator("main h1").first()).toBeVisible();
  // Two frames: charts measure their box after a resize, then draw.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Steps whose main widget still opens below the first screen, per screen, with where it
 * started when this list was made: each has prose, controls or a table above its widget in
 * its step view (lessons/<lesson>/view/<step>.rs), which is the next thing to move. The test
 * fails on any other step that opens late and on a listed step that no longer does (take it
 * off the list), so the list can only shrink.
 */
const LATE: Record<string, Record<string, string>> = {
  phone: {
    "logits/raw-scores": "widget top 1160 px",
    "softmax-or-sigmoid/two-heads": "widget top 943 px",
    "softmax-or-sigmoid/two-classes": "widget top 861 px",
    "softmax-or-sigmoid/exclusive-or-not": "widget top 1121 px",
    "softmax-or-sigmoid/detection": "widget top 899 px",
    "losses-and-metrics/labels-and-losses": "widget top 1341 px",
    "losses-and-metrics/threshold": "widget top 988 px",
    "losses-and-metrics/top-k": "widget top 857 px",
    "losses-and-metrics/roc": "widget top 911 px",
    "regression-output/one-pixel": "widget top 1722 px",
    "regression-output/saturation": "widget top 1039 px",
    "regression-output/race": "widget top 1239 px",
    "regression-output/image": "widget top 962 px",
    "anomaly-detection/parts": "widget top 1438 px",
    "anomaly-detection/train": "widget top 1316 px",
    "anomaly-detection/supervised": "widget top 1079 px",
    "segmentation/reshape": "widget top 876 px",
    "segmentation/paint": "widget top 1011 px",
    "segmentation/inspector": "widget top 951 px",
  },
  // Every step opens on its main widget on a laptop and in presenter mode.
  laptop: {},
  presenter: {},
};

test("every step fits the screen and opens on its content", async ({ app, page }) => {
  test.setTimeout(120_000);
  const project = test.info().project.name;
  const phone = project === "phone";
  const late = LATE[project] ?? {};
  const all = await routes(app);
  if (project === "presenter") {
    await page.locator("main h1").first().click();
    await page.keyboard.press("p");
    await expect(page.locator("html")).toHaveAttribute("data-presenter", "true");
  }
  const problems: string[] = [];
  const stillLate: string[] = [];
  for (const route of all.flat()) {
    await open(app, route);
    const m = await measure(page);
    const say = (what: string) => problems.push(`${project} ${route}: ${what}`);
    if (m.overflow > 0) say(`the page scrolls sideways by ${m.overflow} px`);
    if (m.readoutsOutside.length) say(`readouts outside the screen: ${m.readoutsOutside.join(", ")}`);
    if ((m.headingTop ?? Infinity) >= m.screen) say(`the heading starts at ${m.headingTop} px, below the first screen`);
    let widgetLate = "";
    if (m.widget && phone && m.widget.top >= m.screen) {
      widgetLate = `the first widget (${m.widget.what}) starts at ${m.widget.top} px, below the first screen`;
    } else if (m.widget && !phone && m.widget.visible < Math.min(160, m.widget.height)) {
      widgetLate = `${Math.max(0, m.widget.visible)} px of the main widget (${m.widget.what}, top ${m.widget.top} px) on the first screen`;
    }
    const step = route.split("?")[0];
    if (widgetLate && !(step in late)) say(widgetLate);
    if (widgetLate && step in late) {
      stillLate.push(step);
      console.log(`${project} ${step} still opens late: ${widgetLate}`);
    }
    if (!widgetLate && step in late) say("opens on its widget now: take it off LATE in layout.spec.ts");
  }
  expect(problems).toEqual([]);
  expect(stillLate.length).toBe(Object.keys(late).length);
});
