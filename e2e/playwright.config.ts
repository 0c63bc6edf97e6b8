import { defineConfig } from "@playwright/test";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 4173);
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Spec files that measure frame times or long tasks. */
const timed = /(lesson-(anomaly|regression)(-[a-z]+)?|check-timing)\.spec\.ts$/;
/** The layout spec, run once per screen size by its own projects. */
const layout = /layout\.spec\.ts$/;

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "results",
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/logit-lab/`,
    browserName: "chromium",
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      // As root on a closed network: no sandbox, and none of Chromium's own background
      // connections (they would be refused, noisily).
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
  },
  projects: [
    { name: "app", testIgnore: [timed, layout] },
    // Every step at three screens: a phone, a laptop, a projector in presenter mode.
    {
      name: "phone",
      testMatch: layout,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    { name: "laptop", testMatch: layout, use: { viewport: { width: 1280, height: 720 } } },
    { name: "presenter", testMatch: layout, use: { viewport: { width: 1920, height: 1080 } } },
    // Frame-time checks (lessons 4 and 5: no frame over 16 ms, no task over 50 ms while
    // training; the check page: no task over 100 ms on a million numbers) run alone, after everything else: on 2 cores a second browser in parallel
    // would measure the other test, not the app.
    { name: "timing", testMatch: timed, dependencies: ["app"], workers: 1 },
  ],
  webServer: {
    command: `node e2e/serve-dist.mjs`,
    url: `http://127.0.0.1:${port}/logit-lab/`,
    env: { PORT: String(port), DIST_DIR: process.env.DIST_DIR ?? "dist" },
    reuseExistingServer: false,
    cwd: path.resolve(__dirname, ".."),
  },
});
