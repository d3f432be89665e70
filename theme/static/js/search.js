// Reality Check search: a small, accessible interface on Pagefind's JavaScript API.
// Loaded only by the search page, as a module file (no inline script: the site's CSP forbids it).
// The form works without this file too: it submits ?q=...&topic=...&region=... back to this page,
// and this file reads those parameters on load, so every search has a shareable address.

const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const FILTER_NAMES = ["topic", "region"];

let pagefind = null; // the engine being loaded (a promise), shared by searches made meanwhile
let latest = 0;

async function startPagefind() {
  const bundle = new URL(form.dataset.pagefindBundle, document.baseURI).href;
  const engine = await import(`${bundle}pagefind.js`);
  const baseUrl = new URL(form.dataset.siteRoot, document.baseURI).pathname;
  try {
    await engine.options({ baseUrl });
    await engine.init();
    // A large archive's index comes in parts: search the others with this one.
    for (const part of (form.dataset.pagefindMerge || "").split(" ").filter(Boolean)) {
      await engine.mergeIndex(new URL(part, document.baseURI).href, { baseUrl });
    }
  } catch (error) {
    // The module keeps the parts it was given: forget them, so the next try does not search one twice.
    await engine.destroy().catch(() => {});
    throw error;
  }
  return engine;
}

function loadPagefind() {
  if (!pagefind) {
    pagefind = startPagefind().catch((error) => {
      pagefind = null; // the next search tries again
      throw error;
    });
  }
  return pagefind;
}

function selectedFilters() {
  const filters = {};
  for (const name of FILTER_NAMES) {
    const values = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
    if (values.length) filters[name] = { any: values };
  }
  return filters;
}

// Pagefind's excerpt is HTML with <mark> around matches. Rebuild it from text nodes and <mark>
// elements only, so nothing else from an indexed page can become markup here. An excerpt is a few dozen
// words out of the page's text (`content`): an ellipsis says where it starts or stops mid-text.
function excerptNodes(html, content) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  const nodes = [];
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  const words = (text) => text.split(/\s+/).filter(Boolean).join(" ");
  const shown = words(parsed.textContent);
  const whole = words(content || "");
  if (shown && whole) {
    if (!whole.startsWith(shown.slice(0, 40))) nodes.unshift(document.createTextNode("… "));
    if (!whole.endsWith(shown.slice(-40))) nodes.push(document.createTextNode(" …"));
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h3");
  heading.className = "search-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = (data.meta && data.meta.title) || data.url;
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  excerpt.append(...excerptNodes(data.excerpt || "", data.content));
  item.append(heading, excerpt);
  return item;
}

// The page gives its messages in its own language (data-msg-* on the form, written by the theme); English
// otherwise. {count} and {term} are filled in; the plural form follows the page's language (Intl.PluralRules).
const ENGLISH = {
  none: "No brief matches these filters.",
  noneTerm: "No brief matches “{term}”.",
  foundOne: "{count} brief found.",
  foundOther: "{count} briefs found.",
  foundTermOne: "{count} brief found for “{term}”.",
  foundTermOther: "{count} briefs found for “{term}”.",
  searching: "Searching…",
  unavailable: "Search is not available right now. Every brief is listed in the series archive.",
};
const plurals = new Intl.PluralRules(document.documentElement.lang || "en");

const datasetName = (key) => `msg${key[0].toUpperCase()}${key.slice(1)}`;
const hasMessage = (key) => Boolean(form.dataset[datasetName(key)]) || key in ENGLISH;

function message(key, values = {}) {
  const text = form.dataset[datasetName(key)] || ENGLISH[key];
  return text.replace(/\{(count|term)\}/g, (_, name) => String(values[name]));
}

function describe(count, term) {
  if (count === 0) return term ? message("noneTerm", { term }) : message("none");
  const base = term ? "foundTerm" : "found";
  const category = plurals.select(count); // "one", "few", "many", "other", as the language has them
  const wanted = `${base}${category[0].toUpperCase()}${category.slice(1)}`;
  return message(hasMessage(wanted) ? wanted : `${base}${count === 1 ? "One" : "Other"}`, { count, term });
}

function rememberQuery(term) {
  const params = new URLSearchParams();
  if (term) params.set("q", term);
  for (const box of form.querySelectorAll("input[type=checkbox]:checked")) params.append(box.name, box.value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

async function runSearch() {
  const run = ++latest;
  const term = input.value.trim();
  const filters = selectedFilters();
  rememberQuery(term);
  if (!term && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = message("searching");
  try {
    const engine = await loadPagefind();
    const search = await engine.search(term || null, { filters });
    const data = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
    if (run !== latest) return; // a newer search has started; drop this one
    list.replaceChildren(...data.map(resultItem));
    status.textContent = describe(search.results.length, term);
  } catch (error) {
    if (run !== latest) return;
    list.replaceChildren();
    status.textContent = message("unavailable");
    console.error(error);
  }
}

function restoreQuery() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = params.getAll(box.name).includes(box.value);
  }
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(runSearch, 200);
});
form.addEventListener("change", (event) => {
  if (event.target.type === "checkbox") runSearch();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  runSearch();
});

restoreQuery();
runSearch();
