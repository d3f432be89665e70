"""The browser editor for real: `python -m reality_check.editor cms` (decap-server and the preview) on a copy of the content,
driven in Debian's Chromium the way an editor uses it: list, open, edit one field, create a brief, see problems.

Decap CMS takes a while to start in headless Chromium: every step waits for what the editor would see, never for
a fixed time. Decap is loaded and signed in to once per module, in one kept tab (`decap_tab`), and each test moves that
tab to its screen by changing the address's fragment, as following a link inside Decap does (`Admin.show`):
loading Decap's five-megabyte script again for each test was most of the module's processor time.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BRIEF_4_URL, DESKTOP, build_site, copy_content
from editor_helpers import BAD_BRIEFS, SETTINGS, content_copy
from local_servers import answer, fetch, free_port, kill_processes_with_env, wait_for
from playwright.sync_api import Browser, BrowserContext, Page, expect

from reality_check.deploy.publish import add_host_files
from reality_check.editor.check import check_content
from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry import read_front_matter

from .gates import BrowserLog, audit_accessibility, watch
from .served import StaticSiteServer
from .tools import ROOT, MissingTool, require

STARTUP = 120.0  # seconds for decap-server and the first build of the preview
UI_TIMEOUT = 60_000  # milliseconds for Decap's screens in headless Chromium
BRIEF_4 = Path("briefs") / "reality-check-4.md"
SYNTHETIC_TITLE = "Synthetic: a brief written in the browser"
SYNTHETIC_SLUG = "synthetic-a-brief-written-in-the-browser"
SYNTHETIC_BODY = (
    "## Key points\n\n"
    "- A synthetic key point typed into the form.\n"
    "- A second synthetic key point.\n\n"
    "## What’s the issue?\n\n"
    "An invented paragraph for the browser test.\n\n"
    "## What is the solution?\n\n"
    "1. **Do the first synthetic thing.** Because the test says so.\n"
    "2. **Do the second synthetic thing.** Also because the test says so.\n"
)


@dataclass(frozen=True)
class Cms:
    """`make cms` running on a copy of the content."""

    content: Path
    url: str
    log: Path

    def admin(self, route: str = "") -> str:
        return f"{self.url}admin/#/{route}"


@pytest.fixture(scope="module")
def cms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cms]:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "decap-server").is_dir():
        require(
            MissingTool(
                "Node.js with node_modules/decap-server", "apt-get install nodejs npm; make node-tools"
            )
        )
    base = tmp_path_factory.mktemp("cms")
    content = content_copy(base / "content")
    port, cms_port = free_port(), free_port()
    log = base / "cms.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reality_check.editor",
                "cms",
                "--content",
                str(content),
                "--output",
                str(base / "output"),
                "--settings",
                SETTINGS,
                "--port",
                str(port),
                "--cms-port",
                str(cms_port),
                "--",
                "-e",
                f"CACHE_PATH={json.dumps(str(base / 'cache'))}",  # its own cache, not the project's cache/
            ],
            cwd=ROOT,
            stdout=stream,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(
            lambda: fetch(url + "admin/config.yml") or process.poll() is not None,
            "the editor to start",
            STARTUP,
        )
        if process.poll() is not None:
            pytest.fail(f"`python -m reality_check.editor cms` stopped:\n{log.read_text()[-3000:]}")
        yield Cms(content, url, log)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            # decap-server runs in a session of its own: named by the folder it was given (editor/cms.py)
            kill_processes_with_env("GIT_REPO_DIRECTORY", str(base))
            raise
        assert fetch(url) is None, "the preview outlived `make cms`"
        assert fetch(f"http://127.0.0.1:{cms_port}/") is None, "decap-server outlived `make cms`"


def wait_for_preview(cms: Cms, condition, what: str, *urls: str, timeout: float = 60):
    """`wait_for` on what `make cms` builds; a timeout shows what `make cms` said meanwhile, what `urls` answer
    then, and the brief pages the preview has built."""
    try:
        return wait_for(condition, what, timeout)
    except AssertionError as error:
        said = cms.log.read_text(encoding="utf-8", errors="replace")[-4000:]
        built = sorted(p.parent.name for p in (cms.content.parent / "output" / "briefs").glob("*/index.html"))
        raise AssertionError(
            f"{error}\n--- the end of what make cms said:\n{said}\n--- then:\n"
            + "".join(f"{answer(url)}\n" for url in urls)
            + f"brief pages built: {built}"
        ) from None


class DecapTab:
    """Decap CMS loaded and signed in to once per module (the local backend needs no account), in a watched tab;
    `log` is the current test's. It is first opened at brief #4's own address, as an editor's bookmark of it
    would be, and must show that brief's form once signed in."""

    def __init__(self, context: BrowserContext, cms: Cms) -> None:
        self.log = BrowserLog()
        watch(context, lambda page: self.log)
        self.page = context.new_page()
        self.page.goto(cms.admin("collections/briefs/entries/reality-check-4"))
        self.page.get_by_role("button", name="Login").click(timeout=UI_TIMEOUT)
        expect(field(self.page, "title")).to_have_value(
            "Focus on interests, not on human rights with Russia", timeout=UI_TIMEOUT
        )


@dataclass(frozen=True)
class Admin:
    """The kept editor tab as one test uses it: its page, and what the tab logged during the test."""

    page: Page
    log: BrowserLog
    cms: Cms

    def show(self, route: str = "") -> Page:
        """Move the tab to Decap's screen at `route` without loading Decap again (only the fragment changes)."""
        target = self.cms.admin(route)
        if self.page.url == target:  # the same address is no move: Decap would not open the screen again
            self.page.goto(self.cms.admin())
        self.page.goto(target)
        expect(
            self.page,
            f"the editor did not move to {target}: a form left with unsaved changes keeps its address",
        ).to_have_url(re.compile(re.escape(target) + ".*"))
        return self.page


@pytest.fixture(scope="module")
def decap_tab(cms: Cms, browser: Browser) -> Iterator[DecapTab]:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    yield DecapTab(context, cms)
    context.close()


@pytest.fixture
def admin(decap_tab: DecapTab, cms: Cms) -> Admin:
    decap_tab.log = BrowserLog()  # this test's requests and errors
    return Admin(decap_tab.page, decap_tab.log, cms)


def field(page: Page, name: str):
    """The control of one of the form's fields (Decap names its inputs `<field>-field-<n>`)."""
    return page.locator(f"[id^='{name}-field-']").first


def fill_field(page: Page, name: str, value: str) -> None:
    """Fill a field until it holds exactly `value`: Decap re-renders a field after a refused save, or while the
    entry it shows is refreshed, and a fill() then added to what the field held instead of replacing it."""

    def filled() -> bool:
        field(page, name).fill(value)
        return field(page, name).input_value() == value

    wait_for(filled, f"the {name} field to take the new value", 30)


def field_box(page: Page, name: str):
    """The whole box of a field (label, control, hint), for what a select widget shows."""
    return page.locator("[aria-label$=' field']").filter(has=page.locator(f"[id^='{name}-field-']")).first


def choose(page: Page, name: str, option: str) -> None:
    field(page, name).click()
    page.get_by_role("option", name=option, exact=True).click(timeout=UI_TIMEOUT)


def clear(page: Page, editor) -> None:
    """Empty a Markdown field with the keyboard (select all, delete), as often as it takes Decap to listen."""

    def empty() -> bool:
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.press("Backspace")
        return not editor.inner_text().strip("\ufeff\n ")

    wait_for(empty, "the Markdown field to empty", 30)


def without_live_reload(page: Page) -> Page:
    """Keep a page still while it is audited: the preview's live-reload script (which reloads the tab after
    each rebuild) is answered with an empty script."""
    page.route(
        "**/__preview__/live-reload.js",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
    )
    return page


def publish(page: Page) -> None:
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now", exact=True).click()
    expect(page.get_by_text("Changes saved")).to_be_visible(timeout=UI_TIMEOUT)


def test_admin_loads_with_no_error_and_lists_brief_4(admin, artifacts):
    page, log = admin.show(), admin.log
    expect(page.get_by_text("#4 · Focus on interests, not on human rights with Russia")).to_be_visible(
        timeout=UI_TIMEOUT
    )
    page.screenshot(path=str(artifacts / "cms-briefs.png"))
    assert log.problems == []


def test_brief_4_opens_with_its_front_matter(admin, artifacts):
    page, log = admin.show("collections/briefs/entries/reality-check-4"), admin.log
    expect(field(page, "title")).to_have_value(
        "Focus on interests, not on human rights with Russia", timeout=UI_TIMEOUT
    )
    expect(field(page, "series_number")).to_have_value("4")
    expect(field(page, "date")).to_have_value("2021-03-05")
    expect(field_box(page, "authors")).to_contain_text("Emma Ashford")
    expect(field_box(page, "authors")).to_contain_text("Mathew Burrows")
    expect(field_box(page, "topics")).to_contain_text("Politics & Diplomacy")
    expect(field_box(page, "regions")).to_contain_text("Russia")
    page.screenshot(path=str(artifacts / "cms-brief-4.png"))
    assert log.problems == []


def test_editing_one_field_changes_exactly_that_line(cms, admin):
    brief = cms.content / BRIEF_4
    before = brief.read_text(encoding="utf-8")
    page, log = admin.show("collections/briefs/entries/reality-check-4"), admin.log
    title = field(page, "title")
    expect(title).to_have_value("Focus on interests, not on human rights with Russia", timeout=UI_TIMEOUT)
    try:
        fill_field(page, "title", "Focus on interests, not on human rights, with Russia")
        publish(page)
        after = wait_for(lambda: (t := brief.read_text(encoding="utf-8")) != before and t, "the save", 30)
        changed = [
            line for line in difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]  # fmt: skip
        assert changed == [
            "-title: Focus on interests, not on human rights with Russia\n",
            "+title: Focus on interests, not on human rights, with Russia\n",
        ]
        assert after.replace(", with Russia", " with Russia", 1) == before  # every other byte as it was
        assert log.problems == []
    finally:
        brief.write_text(before, encoding="utf-8")


def test_the_web_address_field_keeps_a_retitled_brief_at_its_address(cms, admin):
    """A published brief's title corrected in the form moved its page (its address comes from the title) and broke
    every link to it, and the form had no field for the `slug:` that keeps it. The field refuses what is not an
    address, before anything is saved."""
    brief = cms.content / BRIEF_4
    before = brief.read_text(encoding="utf-8")
    slug = BRIEF_4_URL.strip("/").rsplit("/", 1)[-1]
    retitled = "Focus on interests (synthetic retitle), not on human rights with Russia"
    page, log = admin.show("collections/briefs/entries/reality-check-4"), admin.log
    address = field(page, "slug")
    expect(address).to_have_value("", timeout=UI_TIMEOUT)  # #4 has no slug: its address comes from its title
    try:
        address.fill("Focus On Interests/")
        page.get_by_role("button", name="Publish", exact=True).click()
        page.get_by_text("Publish now", exact=True).click()
        expect(field_box(page, "slug")).to_contain_text(
            "Web address didn't match the pattern: use lower-case letters, digits and hyphens only, such as "
            "focus-on-interests.",
            timeout=UI_TIMEOUT,
        )
        assert "interests.." not in field_box(page, "slug").inner_text()  # Decap adds the full stop
        assert brief.read_text(encoding="utf-8") == before  # refused in the form: nothing saved

        fill_field(page, "slug", slug)
        fill_field(page, "title", retitled)
        publish(page)
        after = wait_for(lambda: (t := brief.read_text(encoding="utf-8")) != before and t, "the save", 30)
        front = read_front_matter(after, str(brief)).data
        assert (front["title"], front["slug"]) == (retitled, slug)
        assert check_content(cms.content, load_settings(ROOT / "pelicanconf.py")) == []
        wait_for_preview(
            cms,
            lambda: "synthetic retitle" in (fetch(cms.url + BRIEF_4_URL.lstrip("/")) or ""),
            "the preview to show the new title at the old address",
            cms.url + BRIEF_4_URL.lstrip("/"),
        )
        # Decap CMS 3 rejects its own save with `undefined` when a field refuses it (its error, not ours): that one.
        assert [problem for problem in log.problems if problem != "uncaught exception: undefined"] == []
    finally:
        brief.write_text(before, encoding="utf-8")


def test_a_brief_created_in_the_form_passes_the_checks_and_shows_its_card(cms, admin, browse, artifacts):
    target = cms.content / "briefs" / "reality-check-5.md"  # named by its number, as the seed is
    page, log = admin.show("collections/briefs/new"), admin.log
    body = page.locator("[aria-label='markdown field'] [contenteditable='true']").first
    expect(body).to_contain_text(
        "[FILL IN", timeout=UI_TIMEOUT
    )  # the template `make brief` writes: draft ready
    expect(field(page, "series_number")).to_have_value("5")  # the next free number
    fill_field(page, "title", SYNTHETIC_TITLE)
    field(page, "date").fill("2099-01-07")
    choose(page, "authors", "Emma Ashford")
    choose(page, "topics", "Security & Defense")
    choose(page, "regions", "Europe")
    expect(field(page, "title")).to_have_value(SYNTHETIC_TITLE)
    expect(field(page, "date")).to_have_value("2099-01-07")
    expect(field_box(page, "authors")).to_contain_text("Emma Ashford")
    clear(page, body)
    body.evaluate(  # paste the text, as an editor would
        """(editor, text) => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            editor.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        SYNTHETIC_BODY,
    )
    expect(body).to_contain_text("Do the second synthetic thing.")
    expect(body).not_to_contain_text("[FILL IN")
    page.screenshot(path=str(artifacts / "cms-new-brief.png"))
    try:
        publish(page)
        text = wait_for(lambda: target.is_file() and target.read_text(encoding="utf-8"), "the new file", 30)
        front = read_front_matter(text, str(target)).data
        assert front["title"] == SYNTHETIC_TITLE
        assert (front["series_number"], str(front["date"])) == (5, "2099-01-07")
        assert (front["authors"], front["topics"], front["regions"]) == (
            ["Emma Ashford"],
            ["Security & Defense"],
            ["Europe"],
        )
        assert text.endswith(SYNTHETIC_BODY)
        assert check_content(cms.content, load_settings(ROOT / "pelicanconf.py")) == []

        # Decap moves to the saved entry's address once its backend has answered (after the file is written), and
        # offers "View Live" for a saved entry when it is opened again (from the list, as an editor would):
        # opening it before Decap moved reopened the form for a new brief.
        page.wait_for_url(re.compile(r".*/entries/reality-check-5$"), timeout=UI_TIMEOUT)
        admin.show("collections/briefs")
        expect(page.get_by_text(f"#5 · {SYNTHETIC_TITLE}")).to_be_visible(timeout=UI_TIMEOUT)
        admin.show("collections/briefs/entries/reality-check-5")
        view = page.get_by_role("link", name="View Live")
        expect(view).to_have_attribute("href", f"{cms.url}admin/preview/reality-check-5/", timeout=UI_TIMEOUT)
        card_page = f"{cms.url}briefs/{SYNTHETIC_SLUG}/"
        wait_for_preview(cms, lambda: fetch(card_page), "the preview to build the new brief", card_page)
        view_page = view.get_attribute("href")
        wait_for_preview(cms, lambda: fetch(view_page), "the preview to write the view page", view_page)
        preview, _ = browse()
        preview.goto(view_page)
        preview.wait_for_url(card_page)
        card = preview.locator(".summary-card")
        expect(card).to_contain_text("A synthetic key point typed into the form.")
        expect(card).to_contain_text("Do the first synthetic thing.")
        preview.screenshot(path=str(artifacts / "cms-new-brief-page.png"), full_page=True)
        assert log.problems == []
    finally:
        target.unlink(missing_ok=True)


def test_a_brief_with_a_problem_shows_it_on_its_preview_page(cms, browse, artifacts):
    brief = cms.content / "briefs" / "placeholder-left.md"
    shutil.copy(BAD_BRIEFS / "placeholder-left.md", brief)
    try:
        page_url = f"{cms.url}briefs/synthetic-brief-placeholder-left/"
        view = f"{cms.url}admin/preview/placeholder-left/"
        wait_for_preview(
            cms,
            lambda: "preview-problems" in (fetch(page_url) or ""),
            "the preview to show the problem",
            page_url,
            view,
        )
        wait_for_preview(cms, lambda: fetch(view), "the full rebuild to write the view page", view)
        page, log = browse()
        without_live_reload(page).goto(view)
        page.wait_for_url(page_url)
        banner = page.locator("main > .preview-problems:first-child")  # at the top of the page's content
        expect(banner).to_contain_text(
            re.compile(
                r"content/briefs/placeholder-left\.md:\d+: text from the template is still to be written"
            )
        )
        page.screenshot(path=str(artifacts / "cms-problem-banner.png"))
        assert audit_accessibility(page) == ()
        assert log.problems == []
    finally:
        brief.unlink()


def test_our_admin_additions_have_no_accessibility_violations(cms, admin, browse, artifacts):
    """Our markup (the admin page without its script, the view page of a brief that cannot be built) passes
    axe; what axe finds in Decap's own interface is reported, not failed on."""
    bare, _ = browse()
    bare.route("**/admin/decap-cms.js", lambda route: route.abort())  # our page, without Decap's interface
    bare.goto(f"{cms.url}admin/")
    assert audit_accessibility(bare) == ()

    broken = cms.content / "briefs" / "yaml-error.md"
    shutil.copy(BAD_BRIEFS / "yaml-error.md", broken)
    try:
        view = f"{cms.url}admin/preview/yaml-error/"
        wait_for_preview(
            cms,
            lambda: "content/briefs/yaml-error.md:" in (fetch(view) or ""),
            "the view page of the broken brief",
            view,
        )
        page, _ = browse()
        without_live_reload(page).goto(view)
        expect(page.locator(".preview-problems")).to_contain_text("content/briefs/yaml-error.md:")
        assert audit_accessibility(page) == ()
    finally:
        broken.unlink()

    page = admin.show("collections/briefs/entries/reality-check-4")
    expect(field(page, "title")).to_be_visible(timeout=UI_TIMEOUT)
    decaps = audit_accessibility(page)
    report = "\n".join(str(v) for v in decaps) or "none"
    (artifacts / "cms-axe-decap.txt").write_text(report + "\n", encoding="utf-8")
    print(f"axe on Decap's own editor screen ({len(decaps)} rule(s), not ours to fix):\n{report}")


def test_published_admin_with_the_github_backend_loads_under_its_own_policy(tmp_path, browse, artifacts):
    """The live-site setup: Decap's schema accepts the generated GitHub configuration (Decap validates it
    before showing its sign-in page) and Decap runs under /admin/'s Content-Security-Policy."""
    backend = {"name": "github", "repo": "example/reality-check", "branch": "main"}
    site = build_site(
        copy_content(tmp_path / "content"), tmp_path / "output", conf="publishconf.py",
        SITEURL="", FEED_DOMAIN="", DECAP_ADMIN=True, DECAP_BACKEND=backend, PDF_EDITION=False,
    )  # fmt: skip
    add_host_files(site)
    with StaticSiteServer(site) as server:
        page, log = browse()
        response = page.goto(server.url("/admin/"))
        policy = response.headers["content-security-policy"]
        assert "'unsafe-eval'" in policy
        assert "https://api.github.com" in policy
        expect(page.get_by_role("button", name="Login with GitHub")).to_be_visible(timeout=UI_TIMEOUT)
        page.screenshot(path=str(artifacts / "cms-github-login.png"))
        assert log.problems == []
        home = page.goto(server.url(f"/{BRIEF_4_URL}"))
        assert "'unsafe-eval'" not in home.headers["content-security-policy"]
