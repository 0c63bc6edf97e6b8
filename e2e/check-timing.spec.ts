// The check page's long-task limit on a million numbers. It measures main-thread tasks, so it
// runs in the "timing" project: alone, after everything else. Beside other tests (2 workers on 2
// cores) its longest task was 57-88 ms, and over 100 ms in two of five full runs on 2026-12-02;
// alone, no task went over 50 ms.
import { test, expect } from "./fixtures";
import { expectDiagnosis } from "./check";

test("a million numbers (10,000 × 100) are checked in slices, with a progress line", async ({ page, app }) => {
  test.setTimeout(240_000);
  await app.goto("check");
  await page.evaluate(() => {
    const rows: string[] = [];
    for (let r = 0; r < 10_000; r++) {
      const row: string[] = [];
      for (let c = 0; c < 100; c++) row.push(((((r * 31 + c * 17) % 97) / 13) - 3).toFixed(6));
      rows.push(`[${row.join(", ")}]`);
    }
    const w = window as unknown as Record<string, unknown>;
    w.__outputs = `array([${rows.join(",\n       ")}], dtype=float32)`;
    w.__labels = Array.from({ length: 10_000 }, (_, r) => String(r % 100)).join(" ");
    const long: [number, number][] = [];
    w.__long = long;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push([e.startTime, e.duration]);
    }).observe({ type: "longtask" });
    const status: string[] = [];
    (window as unknown as Record<string, string[]>).__status = status;
    const line = document.querySelector("[data-testid=check-status]")!;
    const when: [number, string][] = [];
    (window as unknown as Record<string, [number, string][]>).__when = when;
    new MutationObserver(() => {
      status.push(line.textContent ?? "");
      when.push([performance.now(), line.textContent ?? ""]);
    }).observe(line, { subtree: true, childList: true, characterData: true });
  });
  // The text goes in first and Chromium lays the textarea out (seconds for 6 MB, with no
  // code of ours running); then the input event starts the check, and only its tasks count.
  await page.evaluate(() => {
    const w = window as unknown as Record<string, string>;
    document.querySelector<HTMLTextAreaElement>("[data-testid=labels-input]")!.value = w.__labels;
    document.querySelector<HTMLTextAreaElement>("[data-testid=outputs-input]")!.value = w.__outputs;
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(1000);
  const started = Date.now();
  const t0 = await page.evaluate(() => {
    for (const id of ["labels-input", "outputs-input"]) {
      document.querySelector(`[data-testid=${id}]`)!.dispatchEvent(new Event("input", { bubbles: true }));
    }
    return performance.now();
  });
  await expect(page.getByTestId("check-status")).toContainText("Checking:", { timeout: 20_000 });
  await expect(page.getByTestId("check-status")).not.toHaveText(/Checking/, { timeout: 200_000 });
  const seconds = (Date.now() - started) / 1000;
  await expectDiagnosis(page, "logits", "sparse", "multi-class");
  await expect(page.getByTestId("check-status")).toHaveText("Checked 10000 sample(s) × 100 output(s).");
  expect(await app.readout("check-sparse_categorical_crossentropy")).toBeGreaterThan(0);
  const long = (await page.evaluate(() => (window as unknown as Record<string, [number, number][]>).__long)) ?? [];
  const during = long.filter(([start]) => start >= t0).map(([, d]) => d);
  const before = long.filter(([start]) => start < t0).map(([, d]) => d);
  const max = (v: number[]) => (v.length ? Math.max(...v) : 0);
  // Which phase the longest task fell in: the status line shown when it started.
  const when = await page.evaluate(() => (window as unknown as Record<string, [number, string][]>).__when);
  const longest = long.filter(([start]) => start >= t0).sort((a, b) => b[1] - a[1])[0];
  const phase = longest ? ([...when].reverse().find(([t]) => t <= longest[0])?.[1] ?? "before the first status") : "none";
  console.log(
    `1,000,000 numbers checked in ${seconds.toFixed(1)} s; longest main-thread task while checking ${max(during).toFixed(0)} ms ` +
      `(${during.length} over 50 ms; the longest while the status read “${phase}”); Chromium laying out the pasted textarea ${max(before).toFixed(0)} ms`,
  );
  // The work was sliced: the progress line went through many steps on the way.
  const seen = await page.evaluate(() => (window as unknown as Record<string, string[]>).__status);
  expect(new Set(seen.filter((t) => t.startsWith("Checking:"))).size).toBeGreaterThan(10);
  // No task over 100 ms: reading, diagnosing, the probabilities, every loss and row metric go
  // a slice of rows at a time, the exact ROC AUC's sort resumes between slices, Keras' AUC
  // counts per threshold cell, the outcome is shown in a task after the last number, the
  // pictures are worked out in one task and put on the page one per task after it, and the
  // pasted text is paint-contained (it cost ~11 ms of every frame). Measured on the 2-core test
  // machine with another test running beside it: no task over 50 ms; alone with the CPU slowed
  // 4×: 86 ms. Before the last three: 151 ms in CI (showing the results and the pictures), 216
  // ms slowed 4×; before slicing: 180 ms, and 415 ms to 1.6 s when the AUCs sorted in one task.
  expect(max(during), "the longest main-thread task while checking (ms)").toBeLessThan(100);
});
