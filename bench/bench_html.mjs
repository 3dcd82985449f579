// Times the reference page (out/docs/index.html) in headless Chromium, driven by playwright-core:
// node bench/bench_html.mjs JOB.json, where JOB is {"pages": [{"page", "floor", "queries": {...}}]};
// prints {"results": [...]} with, per page, the best of several fresh loads.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await chromium.launch({ executablePath: job.chromium, args: ["--no-sandbox"] });
const REPEATS = 5;

// From the start of navigation to the end of the load event, as the page's own timing says.
async function load(context, path) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  const ms = await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
  return { page, ms };
}

// From the input event to the first frame drawn after the answer (two animation frames).
async function search(page, query) {
  return page.evaluate(async (query) => {
    const input = document.getElementById("q");
    const started = performance.now();
    input.value = query;
    input.dispatchEvent(new Event("input"));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return { ms: performance.now() - started, found: document.getElementById("found").textContent };
  }, query);
}

// The floor of a search: one pass over the page's text for the query (what Ctrl-F at least does).
async function scan(page, query) {
  return page.evaluate((query) => {
    const started = performance.now();
    const found = document.body.textContent.includes(query);
    return { ms: performance.now() - started, found };
  }, query);
}

// From the start of navigation until every entry is in the page (the script puts them in after
// the load, a slice at a time), and its floor: the same page with scripts off, every entry
// parsed as HTML at once.
async function complete(context, path) {
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  await page.waitForFunction(() => !document.querySelector("main noscript"), null, { polling: "raf", timeout: 60000 });
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

const results = [];
for (const item of job.pages) {
  const best = { load: Infinity, floorLoad: Infinity, search: {}, floorSearch: {}, found: {}, complete: Infinity, floorComplete: Infinity };
  for (let i = 0; i < REPEATS; i++) {
    best.complete = Math.min(best.complete, await complete(await browser.newContext(), item.page));
    const off = await browser.newContext({ javaScriptEnabled: false });
    const { page: still, ms: parsed } = await load(off, item.page);
    best.floorComplete = Math.min(best.floorComplete, parsed);
    await still.close();
    await off.close();
    const context = await browser.newContext();
    for (const [name, query] of Object.entries(item.queries)) {
      const { page, ms } = await load(context, item.page);
      best.load = Math.min(best.load, ms);
      const answer = await search(page, query);
      best.search[name] = Math.min(best.search[name] ?? Infinity, answer.ms);
      best.found[name] = answer.found;
      await page.close();
      const floor = await load(context, item.floor);
      best.floorLoad = Math.min(best.floorLoad, floor.ms);
      const scanned = await scan(floor.page, query);
      best.floorSearch[name] = Math.min(best.floorSearch[name] ?? Infinity, scanned.ms);
      await floor.page.close();
    }
    await context.close();
  }
  results.push({ codes: item.codes, ...best });
}
await browser.close();
console.log(JSON.stringify({ results }));
