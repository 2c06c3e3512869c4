import { LOCKED_API_KEY, LOCKED_PORT } from "../playwright.config";
import { expect, test } from "./support/fixtures";

const base = `http://127.0.0.1:${LOCKED_PORT}`;

test("with API_KEY set, the dashboard's buttons stay locked until this browser gives the key", async ({
  page,
  shoot,
}) => {
  await page.goto(`${base}/`);
  const key = page.getByLabel("Locked: the API key unlocks the buttons");
  await expect(key).toBeVisible();
  await shoot("locked-dashboard");

  // A button pressed while locked is refused, and says why.
  await page.getByRole("button", { name: "Run predictions" }).click();
  await expect(page.getByText(/The dashboard is locked/).first()).toBeVisible();

  await key.fill("not-the-key-at-all");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByText("That is not the API key")).toBeVisible();

  await key.fill(LOCKED_API_KEY);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("button", { name: "Lock the dashboard" })).toBeVisible();
  const cookie = (await page.context().cookies(base)).find((c) => c.name === "pl_dashboard_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
  expect(cookie?.value).not.toContain(LOCKED_API_KEY);

  // Unlocked: the same button starts a run (no champion yet, so the run says there is nothing to predict).
  await page.getByRole("button", { name: "Run predictions" }).click();
  await expect(page.getByText(/The dashboard is locked/)).toHaveCount(0);
  await expect(page.getByTestId("trigger-predictions").getByTestId("run-follower")).toHaveAttribute(
    "data-status",
    "completed",
    { timeout: 60_000 },
  );

  // The API itself still wants the bearer key: the browser's session is not one.
  const refused = await page.request.post(`${base}/api/workflows/predictions`, { data: {} });
  expect(refused.status()).toBe(401);
  const accepted = await page.request.post(`${base}/api/workflows/scoring`, {
    data: {},
    headers: { authorization: `Bearer ${LOCKED_API_KEY}` },
  });
  expect(accepted.status()).toBe(202);

  await page.getByRole("button", { name: "Lock the dashboard" }).click();
  await expect(key).toBeVisible();
});
