// The HTML reference pages in a real headless Chromium (Debian's, driven by playwright-core):
// node tests/html/browser.mjs JOB.json prints one JSON object of what it saw; tests/test_html_browser.py
// asserts on it. One browser launch for everything. JOB: {chromium, screenshots, pages: [{name, path,
// entries: [{anchor, heading}], matches: [[code, message, expected]], parts: [[code, parts]], searches:
// [{query, codes, variant}]}], hostile: {path, probes: [query]}}.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await chromium.launch({ executablePath: job.chromium, args: ["--no-sandbox"] });
const out = { pages: {}, hostile: null, screenshots: [] };

// A tab whose every request but the page's own is recorded and refused; `visit` opens a page from disk in it.
async function tab(context) {
  const page = await context.newPage();
  const seen = { url: null, requests: [], errors: [], console: [] };
  await page.route("**/*", (route) => {
    const requested = route.request().url();
    if (requested.split("#")[0] === seen.url) return route.continue();
    seen.requests.push(requested);
    return route.abort();
  });
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") seen.console.push(message.text()); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations = (window.__violations || []).concat(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, seen };
}

async function visit({ page, seen }, path, hash = "") {
  seen.url = pathToFileURL(path).href;
  seen.requests = [];
  seen.errors = [];
  seen.console = [];
  await page.goto("about:blank");
  await page.goto(seen.url + hash, { waitUntil: "load" });
  return { page, seen: { ...seen, requests: seen.requests } };
}

// Until every entry is in the page (the script puts them in a slice at a time).
async function rendered(page) {
  await page.waitForFunction(() => !document.querySelector("main noscript"));
}

async function search(page, query) {
  await page.fill("#q", query);
  await page.waitForFunction((q) => document.getElementById("results").dataset.query === q, query);
  return page.evaluate(() => ({
    status: document.getElementById("found").textContent,
    codes: [...document.querySelectorAll("#results article")].map((a) => a.dataset.id),
    matched: [...document.querySelectorAll("#results li.match")].map((li) => ({
      id: li.closest("article").dataset.id,
      variant: [...li.parentElement.children].indexOf(li),
      values: li.querySelector(".values")?.textContent ?? null,
    })),
    sectionsShown: [...document.querySelectorAll("main > section")].filter((s) => s.offsetParent !== null).map((s) => s.id),
  }));
}

function inViewport() {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return null;
  const box = target.getBoundingClientRect();
  return { tag: target.localName, heading: target.querySelector("h3 a")?.textContent ?? null, top: box.top, visible: box.top >= -1 && box.top < innerHeight };
}

const started = Date.now();
const timing = (what) => { if (process.env.ERRGEN_BROWSER_TIMING) console.error(`${Date.now() - started} ms: ${what}`); };
const scripted = await tab(await browser.newContext({ viewport: { width: 1280, height: 900 } }));
const unscripted = await tab(await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } }));
for (const item of job.pages) {
  timing(item.name);
  const { page, seen } = await visit(scripted, item.path);
  const result = { seen, matches: [], parts: [], anchors: [], searches: [] };
  result.loaded = await page.evaluate(() => ({
    formShown: !document.getElementById("search").hidden,
    scripts: document.scripts.length,
  }));
  // The page's matcher against the conformance vectors, and its variants' parts against the catalog's.
  result.matches = await page.evaluate((cases) => cases.map(([code, message]) => window.errgen.match(code, message)), item.matches);
  result.parts = await page.evaluate((codes) => codes.map(([code]) => window.errgen.parts(code)), item.parts);
  for (const query of item.searches) result.searches.push({ query, found: await search(page, query) });
  await page.fill("#q", "");
  await page.keyboard.press("Escape");
  // Every code's anchor, followed inside the page.
  await rendered(page);
  result.articles = await page.evaluate(() => [...document.querySelectorAll("main > section article")].map((a) => a.id));
  result.anchors = await page.evaluate(async ([anchors, where]) => {
    const inViewport = new Function(`return (${where})()`);
    const found = [];
    for (const anchor of anchors) {
      const changed = new Promise((done) => window.addEventListener("hashchange", done, { once: true }));
      location.hash = anchor;
      await changed;
      found.push({ anchor, ...inViewport() });
    }
    return found;
  }, [item.entries.map((e) => e.anchor), inViewport.toString()]);
  result.seen.violations = await page.evaluate(() => window.__violations || []);
  // An anchor opened from outside the page, before its entry is in the page.
  const last = item.entries[item.entries.length - 1];
  const deep = await visit(scripted, item.path, `#${last.anchor}`);
  result.deepLink = { anchor: last.anchor, ...(await deep.page.evaluate(inViewport)), requests: deep.seen.requests };
  // With scripts off: every entry is there, the search box is not, anchors land.
  const still = await visit(unscripted, item.path, `#${last.anchor}`);
  result.noScript = {
    articles: await still.page.evaluate(() => [...document.querySelectorAll("article")].map((a) => a.id)),
    formShown: await still.page.evaluate(() => !document.getElementById("search").hidden),
    deepLink: await still.page.evaluate(inViewport),
    requests: still.seen.requests,
  };
  out.pages[item.name] = result;
}
timing("screenshots");

// The reading and keyboard checks, the themes and the screenshots, on the first page.
{
  const first = job.pages[0];
  mkdirSync(job.screenshots, { recursive: true });
  const shots = [];
  const { page } = await visit(scripted, first.path);
  await rendered(page);
  for (const [label, viewport, scheme] of [
    ["desktop-light", { width: 1280, height: 900 }, "light"],
    ["desktop-dark", { width: 1280, height: 900 }, "dark"],
    ["phone-light", { width: 390, height: 844 }, "light"],
    ["phone-dark", { width: 390, height: 844 }, "dark"],
  ]) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.fill("#q", "");
    await page.keyboard.press("Escape");
    await page.evaluate(() => scrollTo(0, 0));
    const look = await page.evaluate(() => {
      // WCAG contrast of an element's text against the first opaque background behind it.
      const rgb = (color) => color.match(/[\d.]+/g).map(Number);
      const luminance = ([r, g, b]) => {
        const [R, G, B] = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
      };
      const background = (element) => {
        for (let e = element; e; e = e.parentElement) {
          const color = getComputedStyle(e).backgroundColor;
          const values = rgb(color);
          if (values.length < 4 || values[3] > 0) return values.slice(0, 3);
        }
        return rgb(getComputedStyle(document.documentElement).backgroundColor);
      };
      const contrast = (selector) => {
        const element = document.querySelector(selector);
        const a = luminance(rgb(getComputedStyle(element).color).slice(0, 3)), b = luminance(background(element));
        return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
      };
      return {
        contrast: Object.fromEntries(["body", "header p", "main a", "h3 a", "var", "code", "#search-help", "footer p", "label"].map((s) => [s, contrast(s)])),
        overflow: document.documentElement.scrollWidth - innerWidth,
        landmarks: {
          banner: !!document.querySelector("body > header"),
          navigation: !!document.querySelector("nav[aria-label]"),
          main: document.querySelectorAll("main").length,
          search: !!document.querySelector("form[role=search]"),
          contentinfo: !!document.querySelector("body > footer"),
        },
        label: document.getElementById("q").labels.length,
        background: getComputedStyle(document.body).backgroundColor,
        lang: document.documentElement.lang,
      };
    });
    const path = join(job.screenshots, `${label}.png`);
    await page.screenshot({ path });
    shots.push(path);
    await search(page, job.message);
    const searched = join(job.screenshots, `${label}-search.png`);
    await page.screenshot({ path: searched });
    shots.push(searched);
    out[label] = look;
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  out.screenshots = shots;
  // Keyboard only: "/" to the box, a code, Enter to the first result, Enter to follow it.
  await visit(scripted, first.path);
  await page.keyboard.press("/");
  const focused = await page.evaluate(() => document.activeElement.id);
  await page.keyboard.type(job.code);
  await page.keyboard.press("Enter");
  const onResult = await page.evaluate(() => ({ tag: document.activeElement.localName, href: document.activeElement.getAttribute("href") }));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash !== "" && !document.body.classList.contains("filtering"));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  const landed = await page.evaluate(inViewport);
  const filtering = await page.evaluate(() => document.body.classList.contains("filtering"));
  await page.keyboard.press("Tab");
  const tabbed = await page.evaluate(() => document.activeElement.localName);
  out.keyboard = { focused, onResult, landed, filtering, tabbed };
}
timing("hostile");

// A hostile catalog: markup in descriptions, reasons and messages must stay text.
{
  const { page, seen } = await visit(scripted, job.hostile.path);
  await rendered(page);
  for (const query of job.hostile.probes) await search(page, query);
  await page.fill("#q", "");
  await page.keyboard.press("Escape");
  out.hostile = {
    pwned: await page.evaluate(() => window.__pwned ?? null),
    scripts: await page.evaluate(() => document.scripts.length),
    images: await page.evaluate(() => document.images.length),
    handlers: await page.evaluate(() => [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.localName} ${a.name}`))),
    javascriptLinks: await page.evaluate(() => [...document.links].filter((a) => !/^(https?|file):/.test(a.href)).map((a) => a.href)),
    text: await page.evaluate(() => document.body.innerText),
    violations: await page.evaluate(() => window.__violations || []),
    requests: seen.requests,
    errors: seen.errors,
  };
}
timing("done");

await browser.close();
console.log(JSON.stringify(out));
