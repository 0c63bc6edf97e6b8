// Helpers for the "Check your outputs" page's tests: paste into its boxes and wait for the check.
import { expect } from "./fixtures";
import type { Page } from "@playwright/test";

/** Waits until the page has stopped checking. */
export async function settle(page: Page, timeout = 15_000) {
  await expect(page.getByTestId("check-status")).not.toHaveText(/Checking/, { timeout });
}

/** Pastes outputs and labels and waits for the check. */
export async function paste(page: Page, outputs: string, labels = "") {
  await page.getByTestId("labels-input").fill(labels);
  await page.getByTestId("outputs-input").fill(outputs);
  await settle(page);
}

/** What the diagnosis says the outputs, the labels and the task are. */
export async function expectDiagnosis(page: Page, outputs: string, labels: string, task: string) {
  const d = page.getByTestId("diagnosis");
  await expect(d).toHaveAttribute("data-outputs", outputs);
  await expect(d).toHaveAttribute("data-labels", labels);
  await expect(d).toHaveAttribute("data-task", task);
}
