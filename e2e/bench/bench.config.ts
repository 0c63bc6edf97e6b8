// Playwright config for the benchmarks in e2e/bench (`npm run bench`). Same system Chromium,
// launch flags and static server (dist/ under /logit-lab/ on 127.0.0.1) as the e2e tests, but:
// only `*.bench.ts`, one worker (so nothing else competes for the CPU while we measure), a
// generous timeout, and its own port (E2E_BENCH_PORT, default 4174) so it can run while the
// e2e suite holds 4173.
import { defineConfig } from "@playwright/test";
import path from "node:path";
import e2e, { chromiumPath } from "../playwright.config";

const port = Number(process.env.E2E_BENCH_PORT ?? 4174);

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.bench\.ts$/,
  // e2e/results/ is git-ignored; e2e/bench/results/ would not be.
  outputDir: "../results/bench-artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 600_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    ...e2e.use,
    baseURL: `http://127.0.0.1:${port}/logit-lab/`,
    launchOptions: { ...e2e.use?.launchOptions, executablePath: chromiumPath },
  },
  webServer: {
    command: `node e2e/serve-dist.mjs`,
    url: `http://127.0.0.1:${port}/logit-lab/`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    cwd: path.resolve(__dirname, "..", ".."),
  },
});
