"""`make devserver` and `make serve` for real: serve on a free port, rebuild on save, report a broken brief
once and keep serving, refuse a busy port at once."""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, MAKE, ROOT, text_of
from editor_helpers import SETTINGS, content_copy, save
from local_servers import fetch, has_ipv6_loopback, wait_for
from publishing import run_make

from reality_check.editor.devserver import STOP_DEADLINE
from reality_check.plugins.brief_registry.tempfiles import is_editor_temporary

# SYNTHETIC TEST FIXTURES: a title whose quote is never closed, and a brief by a person not in authors.yml.
BROKEN_YAML = '---\n# SYNTHETIC TEST FIXTURE\ntitle: "An unclosed quote\nseries_number: 97\n---\n\nText.\n'
UNKNOWN_AUTHOR = (
    "---\n# SYNTHETIC TEST FIXTURE\ntitle: A synthetic brief\nseries_number: 98\ndate: 2021-03-01\n"
    "authors: [Nobody Listed]\n---\n\n## Key points\n\n- One point.\n\n"
    "## What is the solution?\n\n1. **Do one thing.** Details.\n"
)


@contextlib.contextmanager
def running_devserver(
    root: Path, files: dict[str, str], stop_with: signal.Signals = signal.SIGTERM
) -> Iterator[tuple[Path, str, Path]]:
    """`python -m reality_check.editor devserver` (make devserver) on a copy of the content in `root`, with `files`
    added (a brief by its name, or a file already in the output folder by "output/<path>"): (content, address, its
    log). Stopped with `stop_with` (SIGINT is an editor's Ctrl-C), it must exit with status 0, its server gone."""
    content = content_copy(root / "content")
    for name, text in files.items():
        target = root / name if name.startswith("output/") else content / "briefs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    log = root / "devserver.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reality_check.editor",
                "devserver",
                "--content",
                str(content),
                "--output",
                str(root / "output"),
                "--settings",
                SETTINGS,
                "--port",
                "0",  # any free port, named in the log: no other program can take it between probe and bind
            ],
            cwd=ROOT,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200"},
        )
    url = ""
    try:
        url = wait_for(
            lambda: serving_address(log) or (process.poll() is not None and "exited"), "the preview to serve"
        )
        assert url != "exited", log.read_text()
        yield content, url, log
    finally:
        process.send_signal(stop_with)
        try:
            # Past STOP_DEADLINE the devserver prints where its threads stand and exits with status 1.
            status = process.wait(timeout=STOP_DEADLINE + 10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            status = None
        assert status == 0, f"the devserver stopped with status {status}:\n{log.read_text()[-6000:]}"
        assert not url.startswith("http") or fetch(url) is None, "the server outlived make devserver"


def serving_address(log: Path) -> str:
    """The address the devserver says it serves at ("Preview at http://127.0.0.1:PORT/"), once it says it."""
    found = re.search(r"^Preview at (http://\S+/) ", log.read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else ""


@pytest.fixture
def devserver(tmp_path, request):
    """A devserver of the test's own, for a test that saves files (`request.param`: files to add first)."""
    with running_devserver(tmp_path, getattr(request, "param", {})) as running:
        yield running


# Before any save: a brief whose YAML is broken, one by an unknown author, one with a card problem, and an
# output folder `make publish` built. One devserver for the tests that only read what it said and built.
FIRST_BUILD_FILES = {
    "synthetic-broken.md": BROKEN_YAML,
    "synthetic-stranger.md": UNKNOWN_AUTHOR,
    "empty-recommendations.md": (
        ROOT / "plugins/summary_card/test_data/problems/empty-recommendations.md"
    ).read_text(encoding="utf-8"),
    "output/_headers": "/*\n",
    "output/index.html.gz": "stale",
    "output/feeds/all.atom.xml": "",
}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """Stopped as an editor stops it, with Ctrl-C (the other devservers get make's SIGTERM)."""
    with running_devserver(
        tmp_path_factory.mktemp("first-build"), FIRST_BUILD_FILES, stop_with=signal.SIGINT
    ) as running:
        yield running


def main_text(html: str | None) -> str:
    """The text of the page's <main>; "" while there is none. Pelican rewrites a page in place, so a fetch made
    while the devserver rebuilds can get the first part of it only (seen once in a fresh-clone CI run): for a test
    that polls, that page is not there yet."""
    main = BeautifulSoup(html, "html.parser").find("main") if html else None
    return text_of(main) if main is not None else ""


def test_rebuilds_on_save_and_keeps_serving_through_an_error(devserver):
    content, url, log = devserver
    page = url + BRIEF_4_URL
    try:
        wait_for(lambda: "On January 17, just" in main_text(fetch(page)), "the first build")

        brief = content / "briefs" / "reality-check-4.md"
        brief.write_text(
            brief.read_text().replace("On January 17, just", "On January 17 (synthetic edit), just")
        )
        wait_for(lambda: "(synthetic edit)" in main_text(fetch(page)), "the edit to show on reload")

        (content / "briefs" / "synthetic-broken.md").write_text(
            "---\n# SYNTHETIC TEST FIXTURE\ntitle: [unclosed\n---\n", encoding="utf-8"
        )
        wait_for(
            lambda: (
                "content/briefs/synthetic-broken.md:3: the '[' opened on line 3 is never closed"
                in log.read_text()
            ),
            "the error in the terminal",
        )
        assert fetch(page) is not None

        brief.write_text(brief.read_text().replace("(synthetic edit)", "(second synthetic edit)"))
        wait_for(lambda: "(second synthetic edit)" in main_text(fetch(page)), "a rebuild after the error")
    except AssertionError:
        print(log.read_text()[-6000:])  # what the devserver said, for the failure's report
        raise


def test_a_saved_problem_is_said_once_in_the_checks_words(devserver):
    """The saved brief's page is written at once, before the check runs: what the plugins said of it then was
    printed too, before the check's lines, two problems joined on one line."""
    content, url, log = devserver
    page = url + BRIEF_4_URL
    wait_for(lambda: "On January 17, just" in main_text(fetch(page)), "the first build")
    brief = content / "briefs" / "reality-check-4.md"
    save(
        brief,
        brief.read_text(encoding="utf-8").replace(
            "On January 17, just", "On January 17, <script>alert(2)</script> just", 1
        ),
    )
    # The check's line comes after whatever the quick page's plugins said: once it is there, so would a repeat be.
    said = wait_for(
        lambda: "  content/briefs/reality-check-4.md:" in log.read_text() and log.read_text(),
        "the check's line",
    )
    lines = [line for line in said.splitlines() if "would run code in readers" in line]
    assert len(lines) == 1, lines
    assert lines[0].strip().startswith("content/briefs/reality-check-4.md:"), said[-3000:]


def test_a_front_matter_error_shows_on_the_page_the_editor_has_open(devserver):
    """A quote left open in the title: the terminal said so, and the brief's open page showed no banner (its address
    comes from the front matter). It shows on the page the last build wrote for the file, which stays served."""
    content, url, _ = devserver
    page = url + BRIEF_4_URL
    wait_for(lambda: "On January 17, just" in main_text(fetch(page)), "the first build")
    brief = content / "briefs" / "reality-check-4.md"
    save(brief, brief.read_text(encoding="utf-8").replace("title: Focus", 'title: "Focus', 1))

    banner = wait_for(
        lambda: (html := fetch(page)) and BeautifulSoup(html, "html.parser").select_one(".preview-problems"),
        "the banner on the open page",
    )
    (line,) = [text_of(li) for li in banner.select("li")]
    assert line.startswith(
        "content/briefs/reality-check-4.md:2: the quote opened on line 2 is never closed"
    ), line
    assert "On January 17, just" in main_text(fetch(page))  # the last good page, under the banner


def test_the_page_a_brief_leaves_when_its_title_changes_says_where_it_went(devserver):
    content, url, _ = devserver
    page = url + BRIEF_4_URL
    wait_for(lambda: "On January 17, just" in main_text(fetch(page)), "the first build")
    brief = content / "briefs" / "reality-check-4.md"
    save(brief, brief.read_text(encoding="utf-8").replace("with Russia\n", "with Russia, synthetically\n", 1))

    notice = wait_for(
        lambda: (html := fetch(page)) and BeautifulSoup(html, "html.parser").select_one(".preview-problems"),
        "the notice on the old page",
    )
    new = BRIEF_4_URL.rstrip("/") + "-synthetically/"
    assert notice.find("a")["href"] == f"/{new}"
    assert text_of(BeautifulSoup(fetch(url + new), "html.parser").find("h1")).endswith(
        "with Russia, synthetically"
    )


def section_before(log, marker: str) -> str:
    """The devserver's output up to `marker` (waiting for it)."""
    text = wait_for(lambda: marker in log.read_text() and log.read_text(), marker)
    return text[: text.index(marker)]


def test_each_problem_is_said_once_without_pelicans_traceback(first_build):
    _, _, log = first_build
    first_build = section_before(log, "Preview at")
    lines = first_build.splitlines()
    assert (
        lines.count(
            "  content/briefs/synthetic-stranger.md:6: unknown author 'Nobody Listed' (not listed in authors.yml)"
        )
        == 1
    )
    assert sum("Nobody Listed" in line for line in lines) == 1, first_build
    assert sum("synthetic-broken.md" in line for line in lines) == 1, first_build
    assert "content/briefs/synthetic-broken.md:" in first_build
    for noise in ("Traceback", "could not find information", "yaml_metadata", "ScannerError", "Skipping"):
        assert noise not in first_build, first_build
    assert lines[-1].startswith("Done: Processed 3 articles")  # #4, the stranger's and the card problem's


def test_editors_temporary_files_neither_rebuild_nor_show_as_saved(devserver):
    content, url, log = devserver
    page = url + BRIEF_4_URL
    wait_for(lambda: fetch(page), "the first build")
    briefs = content / "briefs"
    for name in (".reality-check-4.md.swp", "reality-check-4.md~", "4913", "#reality-check-4.md#",
                 ".goutputstream-X1Y2Z3", "reality-check-4.md___jb_tmp___", ".~lock.notes.odt#"):  # fmt: skip
        (briefs / name).write_text("an editor's own file")
    (briefs / ".#reality-check-4.md").symlink_to(
        "editor@host.1234:1700000000"
    )  # Emacs's lock: a dangling link
    time.sleep(
        1
    )  # more than twice the watcher's debounce (0.4 s): a rebuild for those files would have started
    brief = briefs / "reality-check-4.md"
    save(
        brief, brief.read_text(encoding="utf-8").replace("On January 17, just", "On January 17 (saved), just")
    )
    wait_for(lambda: "(saved)" in main_text(fetch(page)), "the edit")
    # The saved brief's page is written first; the check and the rest of the site follow: read the log once the
    # whole rebuild is done (its "Done:" line), not at the moment the page changed.
    wait_for(
        lambda: "\nDone: Processed" in log.read_text().split("-> Saved:", 1)[-1], "the rebuild after the edit"
    )

    saved = [line for line in log.read_text().splitlines() if line.startswith("-> Saved:")]
    assert saved == ["-> Saved: content/briefs/reality-check-4.md. Rebuilding..."]
    after = log.read_text().split(saved[0], 1)[1]
    assert "make check: every brief passes." in after
    assert not [line for line in after.splitlines() if line.startswith(("warning:", "error:"))], after


@pytest.mark.parametrize(
    "name",
    [".brief.md.swp", ".brief.md.swo", "brief.md~", "4913", "5036", ".#brief.md", "#brief.md#",
     "brief.md.kate-swp", "brief.md___jb_old___", ".goutputstream-ABC123", ".~lock.brief.odt#",
     "~$brief.docx", "brief.md.tmp", ".DS_Store"],
)  # fmt: skip
def test_editors_temporary_files_are_recognized(name):
    assert is_editor_temporary(f"content/briefs/{name}")


@pytest.mark.parametrize("name", ["reality-check-4.md", "rc-2024.md", "authors.yml", "site.css", "404.html"])
def test_site_files_are_not_taken_for_temporary_ones(name):
    assert not is_editor_temporary(f"content/briefs/{name}")


def children_cpu_seconds() -> float:
    """CPU seconds used so far by this process's finished child processes (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.fixture
def busy_port():
    """A port really in use: bound and listening, as another preview's would be."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


@pytest.mark.parametrize("target", ["devserver", "serve", "cms"])
def test_a_busy_port_fails_at_once_saying_how_to_pick_another(target, busy_port, tmp_path):
    # CPU time of make and what it ran, not wall-clock time: on a busy machine waiting for a core is not work.
    started = children_cpu_seconds()
    with socket.socket() as probe:  # make cms: its editor's port free, so the preview's is the one refused
        probe.bind(("127.0.0.1", 0))
        cms_port = probe.getsockname()[1]
    result = run_make(target, f"PORT={busy_port}", f"CMS_PORT={cms_port}", f"OUTPUTDIR={tmp_path / 'output'}")
    elapsed = children_cpu_seconds() - started

    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(
        f"error: port {busy_port} on 127.0.0.1 is already in use (another preview, or another program, "
        f"is serving there); stop it, or pick another port with PORT=, e.g. make {target} PORT="
    )
    suggested = int(errors[0].rsplit("PORT=", 1)[1])
    with socket.socket() as probe:  # the suggestion is a port that is free
        probe.bind(("127.0.0.1", suggested))
    assert "Preview at" not in result.stdout
    assert "Serving" not in result.stdout
    assert "decap-server" not in result.stdout, (
        "make cms started the editor's server before finding the port taken"
    )
    assert not (tmp_path / "output").exists(), "it built the site before finding the port taken"
    assert elapsed < 15


def test_make_serve_serves_the_built_site_and_answers_404_with_the_sites_page(tmp_path):
    """On PORT=0, any free port, which it names (and the test reads): nothing can take it between probe and bind."""
    content = content_copy(tmp_path / "content")
    output = tmp_path / "output"
    log = tmp_path / "serve.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [*MAKE, "serve", "PORT=0", f"INPUTDIR={content}", f"OUTPUTDIR={output}"],
            stdout=stream, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
    try:
        said = wait_for(
            lambda: re.search(r"^Serving the site at (http://\S+/) ", log.read_text(), re.M), "make serve"
        )
        url = said.group(1)
        page = wait_for(lambda: fetch(f"{url}{BRIEF_4_URL}"), "the brief's page")
        assert "On January 17, just" in main_text(page)
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{url}no-such-page/", timeout=5)
        assert missing.value.code == 404
        assert BeautifulSoup(missing.value.read(), "html.parser").find("main") is not None
        # A folder without an index.html is answered as the live site answers it, not with a list of its files.
        assert not (output / "theme" / "index.html").exists()
        with pytest.raises(urllib.error.HTTPError) as folder:
            urllib.request.urlopen(f"{url}theme/", timeout=5)
        assert folder.value.code == 404
        answer = folder.value.read().decode("utf-8")
        assert "Directory listing" not in answer
        assert BeautifulSoup(answer, "html.parser").find("main") is not None
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_a_folder_make_publish_built_is_emptied_before_the_preview(first_build):
    content, url, log = first_build
    wait_for(lambda: fetch(url + BRIEF_4_URL), "the first build")
    output = content.parent / "output"
    assert f"note: {output} held the site make publish built; emptying it for the preview" in log.read_text()
    for stale in ("_headers", "index.html.gz", "feeds/all.atom.xml"):
        assert not (output / stale).exists(), stale


def test_a_card_problem_is_said_and_the_preview_still_shows_what_the_card_could_read(first_build):
    """What docs/editing.md promises: make html stops on a card problem, the devserver's preview is built anyway."""
    _, url, log = first_build
    first_build = section_before(log, "Preview at")
    assert "content/briefs/empty-recommendations.md:19: no recommendations:" in first_build
    page = wait_for(
        lambda: fetch(url + "briefs/synthetic-brief-whose-recommendations-section-holds-no-items/"),
        "the brief page",
    )
    card = BeautifulSoup(page, "html.parser").select_one("main section.summary-card")
    assert card is not None
    assert [text_of(li) for li in card.select(".key-points li")] == [
        "The imaginary state of Graustark has no recommendations yet."
    ]
    assert card.select(".recommendations li") == []


def test_a_port_that_does_not_exist_is_refused_saying_how_to_pick_one(tmp_path):
    """`make serve PORT=99999` was a traceback (the socket's OverflowError): it is refused as a busy port is."""
    from reality_check.editor.preview_server import PortBusyError, open_server

    with pytest.raises(
        PortBusyError,
        match=r"^port 99999 does not exist: ports go from 1 to 65535; pick one above 1023 with PORT=, "
        r"e\.g\. make serve PORT=8000$",
    ):
        open_server(tmp_path, "127.0.0.1", 99999, "serve")


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_the_preview_serves_on_the_host_asked_for_ipv6_too(tmp_path, host):
    """`make serve HOST=::1` was refused as if the address were wrong: the port probe spoke IPv6, the server not."""
    import threading

    from reality_check.editor.preview_server import http_address, open_server

    if ":" in host and not has_ipv6_loopback():
        pytest.skip("this machine has no IPv6")
    (tmp_path / "index.html").write_text("<p>SYNTHETIC HOME</p>", encoding="utf-8")
    server = open_server(tmp_path, host, 0, "serve")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        address = http_address(host, server.server_address[1])
        assert fetch(address + "/") == "<p>SYNTHETIC HOME</p>"
    finally:
        server.shutdown()
        server.server_close()


def test_the_devserver_watches_the_theme_the_builds_use(tmp_path):
    """`make devserver PELICANOPTS='-e THEME="…"'` watched the settings file's theme, not the one it built with."""
    from reality_check.editor.build import checks_settings, pelican_arguments
    from reality_check.editor.devserver import watched_paths

    theme = tmp_path / "my-theme"
    shutil.copytree(ROOT / "theme", theme)
    content = content_copy(tmp_path / "content")
    argv = pelican_arguments(content, tmp_path / "output", Path(SETTINGS), ["-e", f'THEME="{theme}"'])

    assert watched_paths(content, Path(SETTINGS), checks_settings(argv).theme) == [
        content,
        theme,
        Path(SETTINGS),
    ]


def test_a_stop_that_hangs_says_where_and_ends_within_the_deadline():
    """Once Ctrl-C or SIGTERM has come, the devserver has STOP_DEADLINE to finish stopping: past it, the log shows
    where each thread stands (what held it) and the process ends with status 1 instead of holding its port."""
    script = (
        "import os, signal, time\n"
        "from reality_check.editor import devserver\n"
        "devserver.STOP_DEADLINE = 0.5\n"
        "signal.signal(signal.SIGTERM, devserver._stop_on_signal)\n"
        "def held_by_something_on_the_way_out():\n"
        "    time.sleep(30)\n"
        "try:\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(30)\n"
        "except SystemExit:\n"
        "    held_by_something_on_the_way_out()\n"
    )
    started = time.monotonic()
    stopped = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=25)
    assert stopped.returncode == 1, stopped.stderr
    assert time.monotonic() - started < 25
    assert "Timeout (0:00:00.500000)!" in stopped.stderr
    assert "line 6 in held_by_something_on_the_way_out" in stopped.stderr


def test_a_stop_that_reaches_another_thread_still_stops_the_preview_waiting_for_a_save(tmp_path):
    """The system gives a process's signal to any of its threads; Python runs the handler in the main thread, once
    that thread runs again. The preview waiting for a save with no end never did: SIGTERM, landing on another
    thread, left it serving, with nothing said (seen twice under load, in a test's teardown)."""
    script = (
        "import signal, sys, threading, time\n"
        "from pathlib import Path\n"
        "from reality_check.editor.devserver import Saves\n"
        "def stop(signum, frame):\n"
        "    raise SystemExit(7)\n"
        "signal.signal(signal.SIGTERM, stop)\n"
        "saves = Saves([Path(sys.argv[1])])\n"
        "saves.start()\n"
        "def a_thread_the_signal_lands_on():\n"
        "    time.sleep(0.3)\n"
        "    signal.pthread_kill(threading.get_ident(), signal.SIGTERM)\n"
        "    time.sleep(30)\n"
        "threading.Thread(target=a_thread_the_signal_lands_on, daemon=True).start()\n"
        "saves.next()\n"
    )
    started = time.monotonic()
    try:
        stopped = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=15
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the preview waiting for a save did not stop: the signal reached another thread")
    assert stopped.returncode == 7, stopped.stderr
    assert time.monotonic() - started < 15


def test_an_exit_that_hangs_after_the_preview_stopped_says_where_and_ends_within_the_deadline():
    """The preview stopped, Python's exit waits for a thread that never ends (a pool's, say): the process still
    ends within STOP_DEADLINE, saying where that thread stood, instead of holding its caller with nothing said."""
    script = (
        "import threading, time\n"
        "from reality_check.editor import devserver\n"
        "devserver.STOP_DEADLINE = 0.5\n"
        "def a_pool_that_never_finishes():\n"
        "    time.sleep(30)\n"
        "threading.Thread(target=a_pool_that_never_finishes).start()\n"
        "devserver.end_within_deadline()\n"
    )
    started = time.monotonic()
    stopped = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=25)
    assert stopped.returncode == 1, stopped.stderr
    assert time.monotonic() - started < 25
    assert "Timeout (0:00:00.500000)!" in stopped.stderr
    assert "line 5 in a_pool_that_never_finishes" in stopped.stderr


@pytest.mark.parametrize(
    ("problems", "warnings", "said"),
    [
        (0, 0, "make check: every brief passes."),
        (0, 1, "make check: every brief passes; 1 warning(s):"),
        (
            1,
            2,
            "make check: 1 problem(s) and 2 warning(s); the preview may be missing or out of date until fixed:",
        ),
    ],
)
def test_the_devservers_check_counts_what_it_lists(problems, warnings, said, monkeypatch, capsys):
    """ "1 problem(s)" stood above three lines: a problem and two warnings of briefs dated in the future."""
    from reality_check.editor import devserver as module
    from reality_check.editor.check import Review
    from reality_check.plugins.brief_registry import Problem

    def found(count: int) -> tuple[Problem, ...]:
        return tuple(
            Problem(f"content/briefs/{n}.md", 2, "synthetic", code="synthetic") for n in range(count)
        )

    monkeypatch.setattr(
        module, "review_content", lambda _content, _settings: Review(found(problems), found(warnings))
    )
    module.report(Path("content"), SETTINGS)
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == said
    assert len(lines) == 3 + problems + warnings  # the two rules, the count, one line each
