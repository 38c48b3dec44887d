// Browser test of the chorus web page: Debian's chromium, headless, driven by
// playwright-core. Usage: node browser_test.mjs BASE_URL ARTICLE_DIR ARTIFACT_DIR
// Opens the page, submits the articles of ARTICLE_DIR through the file input,
// and checks that a summary with citations and a facts table appear, that a
// sentence's sources show on keyboard focus, each other source with the
// sentence of it that backs the summary sentence (the summary's
// support_sentences, texts from POST /v1/sentences, found verbatim in that
// article's file), that discrepancies and framing
// are shown, that the articles added to the store appear as an event (list and
// timeline) which opens with a cited summary and facts, and that the page
// loads nothing from outside the server. Keeps screenshots in ARTIFACT_DIR.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const [baseUrl, articleDir, artifactDir] = process.argv.slice(2);
if (!baseUrl || !articleDir || !artifactDir) {
  console.error('usage: node browser_test.mjs BASE_URL ARTICLE_DIR ARTIFACT_DIR');
  process.exit(2);
}
fs.mkdirSync(artifactDir, { recursive: true });
const files = fs.readdirSync(articleDir)
  .filter((f) => /\.(txt|html?)$/i.test(f)).sort().map((f) => path.join(articleDir, f));
assert.ok(files.length >= 2, `need at least two articles in ${articleDir}`);

// Whitespace-folded texts of the articles, by file name without extension
// (a page's tags dropped and the entities the examples use decoded).
const fold = (t) => t.replace(/\s+/g, ' ').trim();
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', copy: '©',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–' };
const pageText = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&(\w+);/g, (m, e) => entities[e] ?? m);
const articleTexts = Object.fromEntries(files.map((f) => {
  const content = fs.readFileSync(f, 'utf8');
  return [path.basename(f).replace(/\.[^.]+$/, ''), fold(/\.html?$/i.test(f) ? pageText(content) : content)];
}));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const check = (name, fn) => fn().then(() => console.log(`ok   ${name}`),
  (e) => { failures.push(name); console.log(`FAIL ${name}: ${e.message}`); });

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const foreign = [];
  const origin = new URL(baseUrl).origin;
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  // Shows every summary sentence's sources by keyboard focus; returns the
  // other sources' entries: [{who, quote}] (quote null when none is shown).
  const backingEntries = async () => {
    const entries = [];
    const n = await page.$$eval('#summary .sentence', (x) => x.length);
    for (let i = 1; i <= n; i++) {
      await page.focus(`#summary li:nth-child(${i}) .sentence`);
      await page.locator('#source-detail h4', { hasText: `Sources of sentence ${i}` }).waitFor();
      entries.push(...await page.$$eval('#source-detail li.backing', (items) => items.map((li) =>
        ({ who: li.querySelector('.who').textContent, quote: li.querySelector('q')?.textContent ?? null }))));
    }
    return entries;
  };
  // Every other source shows a sentence, and each is a sentence of an article.
  const checkBacking = async () => {
    const entries = await backingEntries();
    assert.ok(entries.length >= 1, 'no summary sentence is backed by a second source');
    for (const e of entries) {
      assert.ok(e.quote, `${e.who}: no backing sentence shown`);
      assert.ok(Object.values(articleTexts).some((t) => t.includes(fold(e.quote))),
        `${e.who}: "${e.quote}" is in no article`);
    }
  };

  await page.goto(baseUrl, { waitUntil: 'load' });
  await check('page title', async () => assert.match(await page.title(), /chorus/));

  // Choose the example articles as files (keyboard: the tab is reachable by arrows).
  await page.click('#tab-files');
  await page.setInputFiles('#files', files);
  await page.waitForSelector(`#file-list li:nth-child(${files.length})`);
  await page.click('#submit');
  await page.waitForSelector('#summary li', { timeout: 30000 });

  await check('summary has sentences with citations', async () => {
    const cites = await page.$$eval('#summary .cite', (n) => n.map((x) => x.textContent));
    assert.ok(cites.length >= 2, `only ${cites.length} summary sentences`);
    for (const c of cites) assert.match(c, /^\d+ of \d+ sources$/);
  });
  await check('facts table has rows with source counts', async () => {
    await page.waitForSelector('#facts tbody tr', { timeout: 10000 });
    const rows = await page.$$eval('#facts tbody tr', (n) => n.map((r) => r.textContent));
    assert.ok(rows.length >= 1, 'no facts');
    assert.ok(rows.some((r) => / of \d+/.test(r)), 'no source counts in facts');
  });
  await check('keyboard focus on a sentence shows its sources', async () => {
    await page.focus('#summary .sentence');
    await page.waitForSelector('#source-detail:not([hidden]) li');
    const detail = await page.textContent('#source-detail');
    assert.match(detail, /Sources of sentence 1/);
  });
  await check('each other source shows the sentence that backs a summary sentence', checkBacking);
  await check('discrepancies list each disputed value with its sources', async () => {
    const items = await page.$$eval('#discrepancies li', (n) => n.map((li) => li.querySelectorAll('.values > span').length));
    assert.ok(items.length >= 1, 'no discrepancies shown');
    for (const values of items) assert.ok(values >= 2, `a discrepancy with ${values} value(s)`);
  });
  await check('framing shows distinctive terms per outlet', async () => {
    const outlets = await page.$$eval('#framing .outlet', (n) => n.map((o) => o.querySelectorAll('.terms li').length));
    assert.ok(outlets.length >= 2, `framing for ${outlets.length} outlet(s)`);
    assert.ok(outlets.every((terms) => terms >= 1), 'an outlet card without terms');
  });

  const top = path.join(artifactDir, 'browser-summary-top.png');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: top });
  console.log(`screenshot: ${path.resolve(top)}`);
  const desktop = path.join(artifactDir, 'browser-summary.png');
  await page.screenshot({ path: desktop, fullPage: true });
  console.log(`screenshot: ${path.resolve(desktop)}`);

  // Phone-sized screen: the same page lays out in one column, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await check('phone layout does not overflow horizontally', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
  });
  const phone = path.join(artifactDir, 'browser-summary-phone.png');
  await page.screenshot({ path: phone, fullPage: true });
  console.log(`screenshot: ${path.resolve(phone)}`);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The event store: add the same articles, then open the stored event with
  // the keyboard from the events list.
  await page.click('#tab-files');
  await page.click('#store');
  // Locators, not waitForFunction: the page's CSP forbids the eval it uses.
  await page.locator('#status', { hasText: /^Added \d+ articles? to \d+ events?/ }).waitFor({ timeout: 30000 });
  await page.click('#tab-events');
  await page.waitForSelector('#event-list li button', { timeout: 10000 });
  await check('events list and timeline show the stored event', async () => {
    const labels = await page.$$eval('#event-list li button', (n) => n.map((b) => b.textContent));
    assert.ok(labels.length >= 1, 'no events listed');
    assert.match(labels[0], /\d+ articles? · \d+ sources? · \d{4}-\d{2}-\d{2}/);
    const bars = await page.$$eval('#timeline .bar', (n) => n.length);
    assert.ok(bars >= 1, 'no timeline bars');
  });
  // Cleared first, so what is checked next can only come from the stored event.
  await page.$eval('#summary', (n) => n.replaceChildren());
  await page.$eval('#facts tbody', (n) => n.replaceChildren());
  await page.focus('#event-list li button');
  await page.keyboard.press('Enter');
  await page.locator('#status', { hasText: /^Event \d+:/ }).waitFor({ timeout: 30000 });
  await check('a stored event opens with a cited summary and facts', async () => {
    const cites = await page.$$eval('#summary .cite', (n) => n.map((x) => x.textContent));
    assert.ok(cites.length >= 2, `only ${cites.length} summary sentences`);
    for (const c of cites) assert.match(c, /^\d+ of \d+ sources$/);
    const facts = await page.$$eval('#facts tbody tr', (n) => n.length);
    assert.ok(facts >= 1, 'no facts for the stored event');
  });
  await check('a stored event shows the sentences that back its summary', checkBacking);
  // "What's new": the event's last day for a reader of the days before.
  await check('a stored event offers what is new since its last day', async () => {
    assert.ok(await page.isVisible('#whats-new'), 'no What\'s new form');
    assert.match(await page.inputValue('#since'), /^\d{4}-\d{2}-\d{2}$/);
  });
  await page.click('#whats-new-button');
  await page.locator('#status', { hasText: /new sentences? since \d{4}-\d{2}-\d{2}/ }).waitFor({ timeout: 30000 });
  await check('What\'s new shows an update summary under its own heading', async () => {
    assert.match(await page.textContent('#summary-heading'), /^What's new since \d{4}-\d{2}-\d{2}$/);
    assert.ok(await page.isVisible('#whole-event'), 'no way back to the whole event');
  });
  await page.click('#whole-event');
  await page.locator('#status', { hasText: /^Event \d+:/ }).waitFor({ timeout: 30000 });
  const events = path.join(artifactDir, 'browser-event.png');
  await page.screenshot({ path: events, fullPage: true });
  console.log(`screenshot: ${path.resolve(events)}`);
  await check('no request leaves the server', async () => assert.deepEqual(foreign, []));
  await check('no script errors', async () => assert.deepEqual(consoleErrors, []));
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log('browser test passed');
