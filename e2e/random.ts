// Shared by the random-input specs: every route of the app, a seeded generator and the
// "monkey" that sends random drags, wheel turns, key presses and typed text.
import { errors, type Page } from "@playwright/test";
import { expect, type LogitLab } from "./fixtures";

/** Every page and every step URL, read from the app itself (its nav and step lists). */
export async function allRoutes(app: LogitLab): Promise<string[]> {
  const page = app.page;
  await app.goto("");
  const pages = await page.locator("nav.site-nav a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(2)));
  const routes: string[] = [];
  for (const p of pages) {
    if (p === "") {
      routes.push("");
      continue;
    }
    await app.goto(p);
    const steps = await page.locator(".step-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(2)));
    routes.push(...(steps.length ? steps : [p]));
  }
  return routes;
}

/** A small seeded generator, so a failing monkey run can be replayed exactly. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function monkey(page: Page, seed: number, events: number) {
  const rand = rng(seed);
  const keys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End", "Tab", "Enter", " "];
  const texts = ["", "-", "1e308", "NaN", "-inf", "<img src=x onerror=alert(1)>", "0.5", "99999", "abc", "−3.25"];
  const view = page.viewportSize()!;
  for (let k = 0; k < events; k++) {
    const r = rand();
    const x = rand() * view.width;
    const y = rand() * view.height;
    if (r < 0.3) {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + (rand() - 0.5) * 200, y + (rand() - 0.5) * 200, { steps: 3 });
      await page.mouse.up();
    } else if (r < 0.45) {
      await page.mouse.wheel(0, (rand() - 0.5) * 600);
    } else if (r < 0.85) {
      await page.keyboard.press(keys[Math.floor(rand() * keys.length)]);
    } else {
      const field = page.locator("input[type=text]:not([readonly])");
      const n = await field.count();
      if (n > 0) {
        const f = field.nth(Math.floor(rand() * n));
        const text = texts[Math.floor(rand() * texts.length)];
        // The field can go between the look and the typing (an earlier Enter moved to the
        // next step, and the new step has fewer fields), and every call but isVisible waits
        // for it to come back: each gets 2 s, then the monkey moves on and says so. Anything
        // but that timeout still fails the run (and a frozen page fails the checks after it).
        try {
          if ((await f.isVisible()) && (await f.isEditable({ timeout: 2000 }))) {
            await f.fill(text, { timeout: 2000 });
            await f.press("Enter", { timeout: 2000 });
          }
        } catch (e) {
          if (!(e instanceof errors.TimeoutError)) throw e;
          console.log(`monkey (seed ${seed}, event ${k}): a text field went before it could be typed into`);
        }
      }
    }
  }
}

