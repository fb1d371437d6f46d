// The inbox component and the console in real headless Chromium (Debian's
// chromium, driven by playwright-core). Herald, a tenant page that embeds
// <herald-inbox> from another origin, and the credentials come from the Go
// test that runs this file. Screenshots go to SCREENSHOT_DIR.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { chromium, type Browser, type Page } from "playwright-core";
import { NotificationService } from "../src/gen/herald/v1/notification_pb";
import { bearer, env } from "./env";

const heraldURL = env("HERALD_URL");
const apiKey = env("HERALD_API_KEY");
const pageURL = env("INBOX_PAGE_URL");
const shots = env("SCREENSHOT_DIR");
const timeout = 15_000;

// Debian's chromium, with the flags this sandboxed, offline machine needs.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const notifications = createClient(
  NotificationService,
  createConnectTransport({ baseUrl: heraldURL, httpVersion: "1.1", interceptors: [bearer(apiKey)] }),
);

let browser: Browser;
let notificationId = "";

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: chromiumArgs,
    timeout,
  });
});

after(async () => {
  await browser?.close();
});

// errors collects what a page reports as errors: exceptions and console
// errors (failed loads, Content-Security-Policy violations).
const errors: string[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.setDefaultTimeout(timeout);
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
  return page;
}

test("the inbox shows a new notification without reload, and reading it drops the count", async () => {
  const page = await newPage();
  const failed: string[] = [];
  page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(pageURL);
  const inbox = page.locator("herald-inbox");
  // The first stream message arrived and the (empty) list was read.
  await inbox.locator(".empty").waitFor({ state: "attached" });
  await inbox.locator(".bell").click();
  await inbox.locator(".empty").waitFor({ state: "visible" });
  assert.equal(await inbox.locator(".badge").isHidden(), true, "no unread items yet");
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same page"));

  const sent = await notifications.send({
    messageType: "ping",
    recipientIds: ["alice"],
    data: { order: "B-42" },
    idempotencyKey: "browser-1",
  });
  notificationId = sent.notificationId;

  const item = inbox.locator("li.unread", { hasText: "Order B-42" });
  await item.waitFor();
  await inbox.locator(".badge", { hasText: /^1$/ }).waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { marker: string }).marker), "same page", "no reload");
  assert.equal(await inbox.locator(".bell").getAttribute("aria-label"), "Notifications, 1 unread");
  await page.screenshot({ path: join(shots, "inbox-new-item.png") });

  await item.locator(".mark-read").click();
  await inbox.locator("li.read", { hasText: "Order B-42" }).waitFor();
  await inbox.locator(".badge").waitFor({ state: "hidden" });
  assert.equal(await inbox.evaluate((el) => (el as unknown as { unreadCount: number }).unreadCount), 0);
  await page.screenshot({ path: join(shots, "inbox-read.png") });
  await page.mouse.click(20, 400); // outside the element: the list closes
  await inbox.locator(".panel").waitFor({ state: "hidden" });

  // The host page heard the count changes.
  const counts = await page.evaluate(() => (window as unknown as { counts: number[] }).counts);
  assert.deepEqual(counts.slice(-2), [1, 0]);
  assert.deepEqual(failed, []);
  await page.close();
});

test("the console finds the notification and shows its delivery timeline", async () => {
  assert.ok(notificationId, "the inbox test sent a notification");
  const page = await newPage();
  await page.goto(`${heraldURL}/console/`);
  const before = errors.length;
  await page.locator("form.sign-in input[name=key]").fill("hk_not-a-key");
  await page.locator("form.sign-in button[type=submit]").click();
  await page.locator("form.sign-in .error", { hasText: "not accepted" }).waitFor();
  // The refused call is the one error this step may log.
  assert.ok(errors.splice(before).every((e) => e.includes("401")));
  await page.locator("form.sign-in input[name=key]").fill(apiKey);
  await page.locator("form.sign-in button[type=submit]").click();

  await page.locator("form.sign-in").waitFor({ state: "hidden" });
  // The operator panel is there for an operator key.
  await page.locator(".queues").waitFor();
  assert.equal(await page.locator(".who .role").textContent(), "operator key");

  // Stats: per message type, and per A/B variant with a chart. The Go
  // test sent "promo" to 4 recipients on variant b (1 read) and 6 on the
  // control (2 read); "ping" went to alice, who read it above.
  const byType = page.locator(".stats .by-type tbody tr");
  await byType.filter({ hasText: "promo" }).waitFor();
  const cells = async (row: ReturnType<typeof page.locator>) => (await row.locator("td").allInnerTexts()).map((c) => c.trim());
  // message type, sent, delivered, bounced, failed, suppressed, opened, clicked
  assert.deepEqual(await cells(byType.filter({ hasText: "promo" })), ["promo", "10", "0", "0", "0", "0", "3", "0"]);
  assert.deepEqual(await cells(byType.filter({ hasText: "ping" })), ["ping", "1", "0", "0", "0", "0", "1", "0"]);
  const byVariant = page.locator(".stats .by-variant tbody tr");
  assert.deepEqual(await cells(byVariant.filter({ hasText: "promo · b" })), ["promo · b", "4", "0", "1", "0", "25.0%", "0.0%"]);
  assert.deepEqual(await cells(byVariant.filter({ hasText: "promo · control" })), ["promo · control", "6", "0", "2", "0", "33.3%", "0.0%"]);
  const chart = page.locator(".stats .variant-chart svg");
  assert.equal(await chart.locator("g.variant").count(), 3, "one group of bars per variant");
  const openBar = chart.locator('g.variant[data-variant="promo · control"] rect.bar.open');
  const width = Number(await openBar.getAttribute("width"));
  assert.ok(Math.abs(width - 360 / 3) < 0.5, `the control's open bar is a third of the track (${width})`);
  await page.locator(".stats").screenshot({ path: join(shots, "console-stats.png") });
  // A message type filter narrows the stats.
  await page.locator("form.stats-filters input[name=messageType]").fill("ping");
  await page.locator("form.stats-filters button[type=submit]").click();
  await byType.filter({ hasText: "promo" }).waitFor({ state: "detached" });
  assert.equal(await byType.count(), 1);

  // Search by recipient, open the notification from the results.
  await page.locator("form.filters input[name=recipientId]").fill("alice");
  await page.locator("form.filters button[type=submit]").click();
  await page.locator(`.results a[href="#/notifications/${notificationId}"]`).click();

  const delivery = page.locator(".detail .delivery");
  await delivery.waitFor();
  assert.match(await delivery.locator("h3").innerText(), /alice · in_app · sent/);
  const events = await delivery.locator(".timeline tr td:nth-child(2)").allInnerTexts();
  assert.deepEqual(events, ["queued", "rendered", "attempt", "sent", "read"]);
  assert.match(await delivery.locator(".timeline").innerText(), /in_app/, "why: the channel and lane it was queued on");
  await page.screenshot({ path: join(shots, "console-timeline.png"), fullPage: true });

  // The key is in this tab's session storage, never in the address.
  assert.ok(!page.url().includes(apiKey));
  assert.equal(await page.evaluate(() => sessionStorage.getItem("herald.console.apiKey")), apiKey);
  await page.locator(".sign-out").click();
  await page.locator("form.sign-in").waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("herald.console.apiKey")), null);
  await page.close();
});

test("no page reported an error", () => {
  assert.deepEqual(errors, []);
});
