// Opens a built errcat book in headless Chromium (Debian's, driven by playwright-core)
// and checks what an integrator following a docs URL sees:
//
// - the index answers, shows a title, and links every code's page;
// - every code's permalink (its `page` in generated/<catalog>.errors.json, which its
//   docs_url ends with where the catalog has a base URL) answers 200, its heading carries
//   the code's status and title, and the first JSON block on it is the code's example
//   body, equal to the dictionary's;
// - every link on those pages resolves: other pages of the book answer 200 and
//   `#fragment` links on the same page land on an element with that id;
// - no page throws a JavaScript error.
//
// Usage: node check.mjs <served book URL, ending in /> <generated/<catalog>.errors.json>
// Exits non-zero with one line per problem.

import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [root, dictionaryPath] = process.argv.slice(2);
if (!root || !root.endsWith("/") || !dictionaryPath) {
  console.error("usage: node check.mjs <book URL ending in /> <errors.json>");
  process.exit(2);
}
const dictionary = JSON.parse(readFileSync(dictionaryPath, "utf8"));
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

/** Text as a browser shows it: runs of white space as one space, trimmed. */
const squash = (text) => text.replace(/\s+/g, " ").trim();

/**
 * The page of a code inside the book: the dictionary's `page` (`codes/not_found.html`),
 * which the docs URL ends with where the catalog has a base URL.
 */
function pagePath(error) {
  const page = error.page;
  if (typeof page !== "string") {
    problem(error.code, `the dictionary gives no book page (set docs.pages)`);
    return null;
  }
  if (error.docs_url && !error.docs_url.endsWith(`/${page}`)) {
    problem(error.code, `docs_url ${JSON.stringify(error.docs_url)} does not point at its page ${page}`);
  }
  return page;
}

/** Whether each book URL answers 200, asked once per URL without its fragment. */
const answers = new Map();
async function answersOk(request, url) {
  const bare = url.split("#")[0];
  if (!answers.has(bare)) {
    answers.set(bare, request.get(bare).then((r) => r.status()).catch((e) => String(e)));
  }
  return answers.get(bare);
}

/** Checks every link of the open page: book pages answer 200, fragments land. */
async function checkLinks(page, where) {
  const links = await page.$$eval("a[href]", (anchors) =>
    anchors.map((a) => ({ href: a.href, raw: a.getAttribute("href") })),
  );
  const here = page.url().split("#")[0];
  for (const { href, raw } of links) {
    const target = new URL(href);
    if (!href.startsWith(root)) {
      continue; // outside the book: nothing to fetch on a machine without network
    }
    if (target.href.split("#")[0] === here && target.hash.length > 1) {
      const id = decodeURIComponent(target.hash.slice(1));
      const found = await page.evaluate((id) => document.getElementById(id) !== null, id);
      if (!found) problem(where, `link ${raw} points at no element on the page`);
      continue;
    }
    const status = await answersOk(page.request, href);
    if (status !== 200) problem(where, `link ${raw} (${href}) answers ${status}`);
  }
  return links;
}

/** Opens `url`, failing the check when it does not answer 200. */
async function open(page, url, where) {
  const response = await page.goto(url, { waitUntil: "load" });
  const status = response ? response.status() : "nothing";
  if (status !== 200) {
    problem(where, `${url} answers ${status}`);
    return false;
  }
  return true;
}

/** The index: a title, and a link to every code's page in its content. */
async function checkIndex(page, paths) {
  const where = "index";
  if (!(await open(page, `${root}index.html`, where))) return;
  const title = squash(await page.locator("main h1").first().innerText());
  if (!title) problem(where, "no title heading");
  const linked = new Set(
    await page.$$eval("main a[href]", (anchors) => anchors.map((a) => a.href.split("#")[0])),
  );
  for (const [code, path] of paths) {
    if (!linked.has(new URL(path, root).href)) problem(where, `no link to ${code}'s page ${path}`);
  }
  await checkLinks(page, where);
}

/** One code's permalink: heading, example body, links. */
async function checkCode(page, error, path) {
  const where = `${error.code} (${path})`;
  if (!(await open(page, root + path, where))) return;
  const heading = squash(await page.locator("main h1").first().innerText());
  const expected = squash(`${error.status} ${error.title}`);
  if (!heading.includes(expected)) {
    problem(where, `heading ${JSON.stringify(heading)} does not say ${JSON.stringify(expected)}`);
  }
  const block = page.locator("main pre code.language-json").first();
  if ((await block.count()) === 0) {
    problem(where, "no JSON example body");
  } else {
    const text = await block.innerText();
    let shown;
    try {
      shown = JSON.parse(text);
    } catch (e) {
      problem(where, `the example body is not JSON (${e.message}): ${text}`);
    }
    if (shown !== undefined && JSON.stringify(shown) !== JSON.stringify(error.example)) {
      problem(where, `the example body shown is ${JSON.stringify(shown)}, the dictionary's ${JSON.stringify(error.example)}`);
    }
  }
  await checkLinks(page, where);
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => problem(page.url(), `JavaScript error: ${e.message}`));
  const paths = [];
  for (const error of dictionary.errors) {
    const path = pagePath(error);
    if (path) paths.push([error.code, path, error]);
  }
  await checkIndex(page, paths);
  for (const [, path, error] of paths) {
    await checkCode(page, error, path);
  }
  console.log(`${dictionary.api}: opened the index and ${paths.length} code pages, checked ${answers.size} linked pages`);
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the ${dictionary.api} book:`);
  for (const line of problems) console.error(`  ${line}`);
  process.exit(1);
}
