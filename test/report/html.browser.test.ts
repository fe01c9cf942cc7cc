/**
 * The HTML report in headless Chromium (Debian's `chromium`, driven by playwright-core): it loads
 * with no console error, the row count equals the registry, a filter works, a screenshot is saved.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReports } from "../../src/report/write.js";
import { NOW, ROOT, tempProject } from "./helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Where the screenshot goes (kept for a human to look at). */
export const SCREENSHOT = path.join(ROOT, "out/test/report-html.png");

describe("report.html in headless Chromium", () => {
  let browser: BrowserContext;
  let dir: string;
  let profile: string;
  let html: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (.ci/run does this)`);
    dir = tempProject();
    const res = await writeReports({ root: dir, now: NOW });
    expect(res.files).toContain("out/report.html");
    html = path.join(dir, "out/report.html");
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "report-chromium-"));
    // A fresh profile folder is the --user-data-dir (playwright passes it itself).
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const d of [dir, profile]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it("loads offline with no console error, shows every claim and filters", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`network request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });

    const rows = page.locator("#claims tbody tr");
    expect(await rows.count()).toBe(14);
    expect(await page.locator("#shown").textContent()).toBe("14 of 14 claims shown");
    expect(await page.locator("section.panel").count()).toBe(14);
    expect(await page.locator("#graph a.node").count()).toBe(14);
    expect(await page.locator("#graph path.edge").count()).toBe(5);
    expect(await page.locator("#plain li").count()).toBe(7);
    // The partial claim lists its parts with their status.
    expect(await page.locator("#claim-a3-14 li.part").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-status")))).toEqual(["proved", "open", "open"]);

    // Verdict filter.
    await page.selectOption("#verdict-filter", "failing");
    expect(await page.locator("#claims tbody tr:visible").count()).toBe(5);
    expect(await page.locator("#shown").textContent()).toBe("5 of 14 claims shown");
    // Text filter on top of it, then clear both.
    await page.fill("#filter", "sorry");
    expect(await page.locator("#claims tbody tr:visible").count()).toBe(2);
    await page.selectOption("#verdict-filter", "");
    await page.fill("#filter", "A3.3");
    expect(await page.locator("#claims tbody tr:visible").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-id")))).toEqual(["A3.3"]);
    await page.fill("#filter", "");
    // A summary chip filters by verdict.
    await page.click('.chip[data-verdict="proved"]');
    expect(await page.locator("#claims tbody tr:visible").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-id")))).toEqual(["A3.2"]);
    await page.click('.chip[data-verdict="proved"]');
    expect(await page.locator("#claims tbody tr:visible").count()).toBe(14);
    await page.click('.chip[data-verdict="partial"]');
    expect(await page.locator("#claims tbody tr:visible").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-id")))).toEqual(["A3.14"]);
    await page.click('.chip[data-verdict="partial"]');
    // Section filter.
    await page.selectOption("#section-filter", "3.1");
    expect(await page.locator("#claims tbody tr:visible").count()).toBe(4);
    await page.selectOption("#section-filter", "");

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT });
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-full.png"), fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
