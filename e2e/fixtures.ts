// The test harness every spec uses: a `test` whose page fails the test on any console error,
// uncaught exception, failed request or HTTP error response, and a page-object `app`.
import { test as base, expect, type Page, type Locator } from "@playwright/test";

/** Page object for Logit Lab: routes, widgets and readouts by their stable test hooks. */
export class LogitLab {
  constructor(readonly page: Page) {}

  /** Opens a route (`""` for home, `"playground?z=1,2"`) and waits for the app to mount. */
  async goto(route: string) {
    await this.page.goto(`./#/${route}`);
    await this.ready();
  }

  /** Waits until the app has rendered into <main>. */
  async ready() {
    await expect(this.page.locator("main h1").first()).toBeVisible();
  }

  /** The nav links, in order. */
  navLinks(): Locator {
    return this.page.locator("nav a");
  }

  /** Slider `i` of the widget with this test id (class order). */
  slider(i: number, widget = "logit-bars"): Locator {
    return this.page.getByTestId(widget).getByRole("slider").nth(i);
  }

  /** The full-precision value of a readout. */
  async readout(name: string): Promise<number> {
    const v = await this.page.getByTestId(`readout-${name}`).getAttribute("data-value");
    return Number(v);
  }

  /** A slider's aria-valuenow as a number. */
  async sliderValue(i: number, widget = "logit-bars"): Promise<number> {
    return Number(await this.slider(i, widget).getAttribute("aria-valuenow"));
  }

  /** All logits of a LogitBars widget. */
  async logits(widget = "logit-bars"): Promise<number[]> {
    const sliders = this.page.getByTestId(widget).getByRole("slider");
    const n = await sliders.count();
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(await this.sliderValue(i, widget));
    return out;
  }

  /** Drags bar `i` vertically by `dy` CSS pixels with the mouse (negative = up). */
  async dragBar(i: number, dy: number, widget = "logit-bars") {
    await this.slider(i, widget).scrollIntoViewIfNeeded();
    const box = await this.slider(i, widget).boundingBox();
    if (!box) throw new Error(`bar ${i} of ${widget} is not visible`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y + dy / 2, { steps: 4 });
    await this.page.mouse.move(x, y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Counts non-transparent pixels on every canvas inside a widget. */
  async paintedPixels(widget: string): Promise<number> {
    return this.page.getByTestId(widget).evaluate((el) => {
      let count = 0;
      for (const c of Array.from(el.querySelectorAll("canvas"))) {
        const ctx = (c as HTMLCanvasElement).getContext("2d");
        if (!ctx || c.width === 0 || c.height === 0) continue;
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        for (let k = 3; k < data.length; k += 4) if (data[k] !== 0) count++;
      }
      return count;
    });
  }

  /** A hash of the top canvas layer's pixels, to see that a change repainted it. */
  async foregroundSignature(widget: string): Promise<string> {
    return this.page.getByTestId(widget).evaluate((el) => {
      const layers = el.querySelectorAll("canvas");
      const c = layers[layers.length - 1] as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let h = 0;
      for (let k = 0; k < data.length; k += 7) h = (h * 31 + data[k]) | 0;
      return `${c.width}x${c.height}:${h}`;
    });
  }
}

/** Softmax computed independently of the app, for comparisons. */
export function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

type Fixtures = { app: LogitLab; problems: string[] };

export const test = base.extend<Fixtures>({
  // Collects every console error, uncaught exception, failed request and HTTP error, and
  // fails the test if there was any. `auto`: every test gets it without asking.
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      page.on("requestfailed", (r) => {
        // A navigation cancels requests in flight (ERR_ABORTED): that is not a failure.
        const why = r.failure()?.errorText ?? "";
        if (!why.includes("ERR_ABORTED")) problems.push(`request failed: ${r.url()} ${why}`);
      });
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      await use(problems);
      expect(problems, "the page logged errors").toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new LogitLab(page));
  },
});

export { expect };
