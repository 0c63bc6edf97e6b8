// Share links carry the whole widget state: on every page and step a scripted learner
// changes every control (radios, checkboxes, selects, range inputs, sliders), trains or
// plays for a random moment where a step can, and makes a few random drags and key presses; the link from "Share this view", opened in a fresh browser
// (no storage, nothing cached), must show the same value in every readout and control.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { allRoutes, monkey, rng } from "./random";

/** Every value the learner can see in the step (or the Playground): readouts by name,
 * controls by test id or position. The prediction quiz is left out: an answer is the
 * learner's progress, not the widgets' state. */
async function snapshot(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const root = document.querySelector("[data-testid=step]") ?? document.querySelector("main")!;
    const out: Record<string, string> = {};
    const outsideQuiz = (el: Element) => !el.closest("[data-testid=predict] fieldset, .predict-choices");
    const name = (el: Element, kind: string, i: number) => {
      const own = el.getAttribute("data-testid");
      const holder = el.parentElement?.closest("[data-testid]")?.getAttribute("data-testid");
      return `${kind}:${own ?? `${holder ?? "?"}#${i}`}`;
    };
    // How long this machine took to train (lesson 5) is a measurement, not state.
    const measured = /^readout-(slice-frames|slice-max-ms|train-seconds)$/;
    root.querySelectorAll("[data-testid^=readout-]").forEach((el) => {
      const id = el.getAttribute("data-testid")!;
      if (!measured.test(id)) out[id] = el.getAttribute("data-value") ?? el.textContent ?? "";
    });
    root.querySelectorAll("input[type=radio], input[type=checkbox]").forEach((el, i) => {
      if (outsideQuiz(el)) out[name(el, "check", i)] = String((el as HTMLInputElement).checked);
    });
    root.querySelectorAll("select").forEach((el, i) => (out[name(el, "select", i)] = el.value));
    root.querySelectorAll("input[type=range]").forEach((el, i) => (out[name(el, "range", i)] = (el as HTMLInputElement).value));
    root.querySelectorAll("[role=slider]:not(input)").forEach((el, i) => {
      out[name(el, "slider", i)] = el.getAttribute("aria-valuenow") ?? "";
    });
    return out;
  });
}

/** How long one scripted action may wait for its control (a control the random events
 * have covered, disabled or removed is skipped, not waited for until the test times out). */
const ACT = 3_000;

/** Runs an action; false if it could not be done in time. */
async function attempt(action: Promise<unknown>): Promise<boolean> {
  try {
    await action;
    return true;
  } catch {
    return false;
  }
}

/** Changes each control with probability ½: a random radio of its group, a checkbox
 * toggled, a random option, a range input or slider moved by a random number of key presses. */
async function fiddle(page: Page, rand: () => number) {
  const step = page.locator("[data-testid=step], main").first();
  const boxes = step.locator("input[type=radio]:visible, input[type=checkbox]:visible");
  for (let i = 0, n = await boxes.count(); i < n; i++) {
    const box = boxes.nth(i);
    if (await box.evaluate((el) => !!el.closest("[data-testid=predict] fieldset, .predict-choices"))) continue;
    if (rand() < 0.5 && (await box.isEnabled())) await attempt(box.click({ timeout: ACT }));
  }
  const selects = step.locator("select:visible");
  for (let i = 0, n = await selects.count(); i < n; i++) {
    const select = selects.nth(i);
    const options = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (rand() < 0.5 && options.length) {
      await attempt(select.selectOption(options[Math.floor(rand() * options.length)], { timeout: ACT }));
    }
  }
  // Training and animations: a step or two, or play for a moment and pause.
  const steppers = step.locator("button:visible[data-testid$=-one-step], button:visible[data-testid^=trap-train-10]");
  for (let i = 0, n = await steppers.count(); i < n; i++) {
    for (let k = Math.floor(rand() * 3); k > 0; k--) await attempt(steppers.nth(i).click({ timeout: ACT }));
  }
  const players = step.locator("button:visible[data-testid$=-play]");
  for (let i = 0, n = await players.count(); i < n; i++) {
    if (rand() < 0.5) continue;
    if (!(await attempt(players.nth(i).click({ timeout: ACT })))) continue;
    await page.waitForTimeout(200 + rand() * 1200);
    if ((await players.nth(i).getAttribute("aria-pressed")) === "true") await attempt(players.nth(i).click({ timeout: ACT }));
  }
  const keys = ["ArrowUp", "ArrowDown", "ArrowRight", "PageUp", "PageDown"];
  const sliders = step.locator("input[type=range]:visible, [role=slider]:visible");
  for (let i = 0, n = await sliders.count(); i < n; i++) {
    if (rand() < 0.5) continue;
    const slider = sliders.nth(i);
    if (!(await attempt(slider.focus({ timeout: ACT })))) continue;
    const key = keys[Math.floor(rand() * keys.length)];
    for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) await page.keyboard.press(key);
  }
}

/** Stops anything that plays (a link restores a paused run). */
async function pauseAll(page: Page) {
  const playing = page.locator("button[aria-pressed=true][data-testid$=-play]");
  for (let i = await playing.count(); i > 0; i--) await attempt(playing.first().click({ timeout: ACT }));
  // Runs that cannot be paused (lesson 5's "Train …" buttons) are left to finish.
  await expect(page.locator("button", { hasText: "Training…" })).toHaveCount(0, { timeout: 30_000 });
}

test("every page and step: a shared link restores every readout and control", async ({ app, page, browser }) => {
  test.setTimeout(600_000);
  const rand = rng(Number(process.env.SHARE_SEED ?? 20261129));
  const fresh = await browser.newContext();
  let compared = 0;
  let values = 0;
  for (const route of await allRoutes(app)) {
    await app.goto(route);
    if ((await page.getByTestId("share").count()) === 0) continue;
    await fiddle(page, rand);
    await monkey(page, Math.floor(rand() * 1e9), 8);
    await pauseAll(page);
    // The monkey may have moved on to another step or page: share wherever it is.
    if ((await page.getByTestId("share").count()) === 0) continue;
    // The random events may have put a chart in full screen, which covers the Share button.
    await page.evaluate(() => (document.fullscreenElement ? document.exitFullscreen() : undefined));
    await page.waitForTimeout(300); // the address bar follows once the state has rested 120 ms
    const want = await snapshot(page);
    await page.getByTestId("share").first().click({ timeout: 10_000 });
    const link = await page.getByTestId("share-link").inputValue({ timeout: 10_000 });

    const other = await fresh.newPage();
    const errors: string[] = [];
    other.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    other.on("pageerror", (e) => errors.push(e.message));
    await other.goto(link);
    await expect(other.locator("main h1").first()).toBeVisible();
    await expect(other.getByTestId("notice")).toHaveCount(0);
    // Steps that train a model first (lesson 5) take a few seconds to show their numbers;
    // every value must appear, and equal the sender's.
    await expect
      .poll(
        async () => {
          const got = await snapshot(other);
          return Object.keys(want)
            .filter((k) => got[k] !== want[k])
            .map((k) => (k in got ? `${k}: ${got[k]} instead of ${want[k]}` : `${k}: missing`));
        },
        { timeout: 30_000, message: `state restored from ${link}` },
      )
      .toEqual([]);
    expect(errors, `console errors on ${link}`).toEqual([]);
    await other.close();
    compared++;
    values += Object.keys(want).length;
  }
  await fresh.close();
  console.log(`share links: ${compared} views restored, ${values} values compared`);
  expect(compared).toBeGreaterThan(30);
});
