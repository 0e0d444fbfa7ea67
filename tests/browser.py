"""Helpers for the end-to-end tests in headless Chromium (Debian's `chromium`, driven by Playwright).

- `served_app()`: starts `streamlit run app.py` on a free port and yields its URL; `AppServer`
  does the same step by step and can kill the server hard (SIGKILL). The server's day is fixed when
  it starts (ROADMAP_TODAY, ui/clock.py): a test module reads `date.today()` once, computes its
  expectations from it and passes it as `today=`, so server and test agree across midnight.
- `Workshop`: one browser tab on the app (one Streamlit session), with steps a user takes:
  `open(page_title)`, `wait_idle()`, `shot(name)` (PNG in test-output/screenshots when
  ROADMAP_SCREENSHOTS=1; `failure_shot` always), `exceptions()`.

Waiting: every step waits for what it needs, never for a fixed time. `wait_idle()` waits until the
server has finished the script run the tab last asked for: the tab counts, on its own websocket,
the reruns it requests and the runs the server reports finished (`RUN_WATCH`), because the page's
"running" marker only changes once the server has started the run – right after a click it still
says "not running". Where a step starts a run only later (an upload), the test waits for the new
state it expects (a text, a metric's value) with Playwright's `expect`, then for idle.
Browser tests skip with a clear message when Chromium or Playwright is missing, unless
ROADMAP_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO

SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1920, "height": 1080}
# How long a step may wait for the state it needs before it fails: seconds on a quiet machine, but two test
# runs at once on two cores (load 15 and more) took a select box over Playwright's own 30 s to answer.
STEP_TIMEOUT_MS = 60_000
# The app's pages by their German titles, in the navigation's order (app.py, PAGES).
PAGE_TITLES = (
    "Unternehmen",
    "Bestandsaufnahme",
    "Maßnahmen",
    "Priorisierung",
    "Roadmap",
    "Budget",
    "Szenarien",
    "Import / Export",
    "Umsetzung",
    "Workshops & Stände",
)

# Runs before the app's own script in every page of a tab: wraps WebSocket so that the tab counts,
# on Streamlit's stream, the reruns it asks for (a BackMsg whose first byte is the tag of
# `rerun_script`, field 11) and the runs the server finished (a ForwardMsg with `script_finished`,
# field 6, other than FINISHED_EARLY_FOR_RERUN = 2, which another run follows). `asked` and
# `finished` hold the sequence number of the latest of each; a closed socket answers what it owed.
RUN_WATCH = """
(() => {
  const runs = { seq: 0, asked: 0, finished: 0 };
  window.__roadmapRuns = runs;
  const stream = (url) => String(url).includes("/_stcore/stream");
  const bytesOf = (data) =>
    data instanceof ArrayBuffer ? new Uint8Array(data)
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  const finishedStatus = (bytes) => {
    let at = 0;
    const varint = () => {
      let value = 0, shift = 1, byte;
      do { byte = bytes[at++]; value += (byte & 0x7f) * shift; shift *= 128; } while (byte & 0x80 && at < bytes.length);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { const value = varint(); if (field === 6) return value; }
      else if (wire === 2) { const length = varint(); at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else return null;
    }
    return null;
  };
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      if (!stream(args[0])) return;
      this.addEventListener("message", (event) => {
        const bytes = bytesOf(event.data);
        const status = bytes && finishedStatus(bytes);
        if (status !== null && status !== 2) runs.finished = ++runs.seq;
      });
      this.addEventListener("close", () => { runs.finished = ++runs.seq; });
    }
    send(data) {
      const bytes = stream(this.url) ? bytesOf(data) : null;
      if (bytes && bytes[0] === 0x5a) runs.asked = ++runs.seq;
      return super.send(data);
    }
  }
  window.WebSocket = Watched;
})();
"""
# Idle: the run asked for last has finished, the page shows it finished, nothing spins, and no
# element still waits for its code (Streamlit loads a widget's code on first use and shows a
# skeleton until then; a widget not yet drawn has no value the next rerun could send).
IDLE = """() => {
  const runs = window.__roadmapRuns;
  const app = document.querySelector('[data-testid="stApp"]');
  return !!runs && runs.finished > runs.asked && !!app
    && app.getAttribute("data-test-script-state") === "notRunning"
    && !document.querySelector('[data-testid="stSpinner"], [data-testid="stSkeleton"]');
}"""


# Idle, and the tab has asked for a run after the one numbered `arg`.
IDLE_AFTER = f"""(after) => window.__roadmapRuns && window.__roadmapRuns.asked > after && ({IDLE})()"""


def screenshots_wanted() -> bool:
    """Whether the browser tests keep screenshots of their steps (ROADMAP_SCREENSHOTS=1)."""
    return os.environ.get("ROADMAP_SCREENSHOTS", "") not in ("", "0")


def chromium_or_skip() -> str:
    """The path of Debian's chromium; skips (or fails under ROADMAP_REQUIRE_BROWSER) without it."""
    path = shutil.which("chromium")
    problem = None
    if path is None:
        problem = "Chromium is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Playwright for Python is not installed (pip install -r requirements-dev.txt)"
    if problem:
        if os.environ.get("ROADMAP_REQUIRE_BROWSER"):
            pytest.fail(f"browser tests are mandatory here: {problem}")
        pytest.skip(f"browser tests skipped: {problem}")
    return str(path)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class AppServer:
    """`streamlit run app.py` (or `script`) on a free port, in its own process (which a test may kill hard)."""

    def __init__(
        self,
        env: dict[str, str] | None = None,
        port: int | None = None,
        today: date | None = None,
        script: str = "app.py",
    ) -> None:
        self.port = port or _free_port()
        self.script = script  # another script for a yardstick (bench/bench_browser.py: an empty app)
        self.url = f"http://127.0.0.1:{self.port}"
        # Strict always (not only when an AppTest ran before in this process): an error on a page
        # shows Streamlit's error box, which the tests see, instead of a friendly sentence.
        # The real date as the test read it (not the page tests' fixed day, tests/conftest.py), kept
        # for the server's life: a run across midnight does not move the server's day under the test.
        self.today = today or date.today()
        # A database of its own unless given one: the worker's shared store (tests/conftest.py, app_store)
        # holds whatever workshop the page tests before saved last, which the app would open instead of the demo.
        self.folder = tempfile.TemporaryDirectory(prefix="roadmap-server-")
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(self.folder.name) / 'app.sqlite'}",
            "ROADMAP_STRICT": "1",
            "ROADMAP_TODAY": self.today.isoformat(),
            **(env or {}),
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> AppServer:
        """Start the server and wait until it answers its health check."""
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            self.script,
            "--server.port",
            str(self.port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
        ]
        log = REPO / "test-output" / f"streamlit-{self.port}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a") as out:
            self.process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start, see {log}") from None
                time.sleep(0.3)

    def kill_hard(self) -> None:
        """SIGKILL, as a crash or a pulled plug would end it: no chance to clean up."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """End the server politely."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.folder.cleanup()


@contextmanager
def served_app(env: dict[str, str] | None = None, today: date | None = None) -> Iterator[str]:
    """Run the app with `streamlit run` until the block ends, on `today` (else the day it starts); yields its URL."""
    server = AppServer(env, today=today).start()
    try:
        yield server.url
    finally:
        server.stop()


class Workshop:
    """One browser tab on the app: a user's session."""

    def __init__(self, page: object, url: str) -> None:
        self.page = page
        self.url = url
        page.add_init_script(RUN_WATCH)  # type: ignore[attr-defined]

    def start(self, path: str = "") -> float:
        """Open the app (optionally on a page's URL path); returns seconds until the page was drawn."""
        began = time.perf_counter()
        self.page.goto(f"{self.url}/{path}")
        self.wait_idle()
        self.page.locator("h1").first.wait_for()
        return time.perf_counter() - began

    def close(self) -> None:
        """Close the tab (its Streamlit session ends with it)."""
        self.page.close()  # type: ignore[attr-defined]

    def wait_idle(self, timeout: float = 60, after: int | None = None) -> None:
        """Wait until the server has finished the run this tab asked for last, and nothing is spinning.

        A click, an Enter or a page link asks for a run at once, so calling this right after them is
        nearly always enough; under load the page may send its request a moment after the key press,
        and this would see the last run's end. Where a step must not begin before its run has ended,
        pass `after=tab.asked()` read before the action: the wait then also waits for the request.
        An upload asks only once the file is sent: wait for its new state first.
        """
        if after is None:
            self.page.wait_for_function(IDLE, timeout=timeout * 1000)
        else:
            self.page.wait_for_function(IDLE_AFTER, arg=after, timeout=timeout * 1000)

    def asked(self) -> int:
        """The number of the latest run this tab asked for (for `wait_idle(after=…)`)."""
        return int(self.page.evaluate("() => window.__roadmapRuns ? window.__roadmapRuns.asked : 0"))

    def enter(self, label: str, text: str) -> None:
        """Type `text` into the field labelled `label`, press Enter and wait for the run that saves it."""
        field = self.page.get_by_label(label, exact=True)
        field.fill(text)
        before = self.asked()
        field.press("Enter")
        self.wait_idle(after=before)

    def open(self, title: str) -> float:
        """Click a page in the navigation; returns seconds until its title was drawn."""
        began = time.perf_counter()
        self.page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
        self.page.locator("h1", has_text=title).first.wait_for()
        self.wait_idle()
        return time.perf_counter() - began

    def shot(self, name: str) -> None:
        """Keep a screenshot of the visible screen as test output, when ROADMAP_SCREENSHOTS is set
        (docs/development.md, Screenshots): making them takes a tenth of the browser tests' time."""
        if screenshots_wanted():
            self.failure_shot(name)

    def failure_shot(self, name: str) -> Path:
        """Keep a screenshot of the visible screen, always: what the page showed when a step failed."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(target))  # type: ignore[attr-defined]
        return target

    def exceptions(self) -> list[str]:
        """Texts of exception boxes and error messages on the screen."""
        return self.page.locator('[data-testid="stException"]').all_inner_texts()


# True once every chart's drawing has kept its size for three frames in a row (Playwright calls it on every
# animation frame), and, with `fitted`, spans its element's width: Vega follows a new page size a frame or
# two after it, by itself, with no message that it is done.
CHARTS_SETTLED = """(fitted) => {
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const boxes = charts.map((chart) => {
    const drawing = chart.querySelector("svg.marks, canvas");
    const box = drawing ? drawing.getBoundingClientRect() : { width: 0, height: 0 };
    return [Math.round(box.width), Math.round(box.height), Math.round(chart.getBoundingClientRect().width)];
  });
  const now = JSON.stringify(boxes);
  const seen = window.__chartBoxes || { boxes: "", frames: 0 };
  window.__chartBoxes = { boxes: now, frames: seen.boxes === now ? seen.frames + 1 : 0 };
  const fits = !fitted || boxes.every(([width, , room]) => width > 0 && Math.abs(width - room) <= 2);
  return window.__chartBoxes.frames >= 2 && fits;
}"""


def charts_settled(tab: Workshop, *, fitted: bool = False) -> None:
    """Wait until the page's charts have followed the page's size (see CHARTS_SETTLED)."""
    tab.page.evaluate("window.__chartBoxes = undefined")  # type: ignore[attr-defined]
    tab.page.wait_for_function(CHARTS_SETTLED, arg=fitted, polling="raf")  # type: ignore[attr-defined]


def no_app_at(tab: Workshop, address: str) -> None:
    """Open `address` (a path with a slash, such as a page file's path) and check that no app runs there.

    Streamlit's server answers such a path, and every script the page then asks for (under
    /a/static/), with its HTML page, so none of the app's code runs and no session opens. Checked once
    the page has loaded (`goto` returns at the load event, every script fetched) by what was served:
    without a script nothing can draw, so what is absent afterwards is not merely "not yet".
    """
    scripts: list[tuple[str, str]] = []
    sockets: list[str] = []
    page = tab.page

    def note(answer: Any) -> None:
        scripts.append((answer.url, answer.headers.get("content-type", "")))

    page.on("response", note)  # type: ignore[attr-defined]
    page.on("websocket", lambda socket: sockets.append(socket.url))  # type: ignore[attr-defined]
    page.goto(address)  # type: ignore[attr-defined]
    page.remove_listener("response", note)  # type: ignore[attr-defined]
    served = [(url, kind) for url, kind in scripts if "/static/js/" in url]
    assert any("/static/js/index." in url for url, _ in served), address
    assert [url for url, kind in served if "javascript" in kind] == [], address
    assert sockets == [], address
    assert page.locator('[data-testid="stDataFrame"], [data-testid="stDownloadButton"]').count() == 0  # type: ignore[attr-defined]


def expect(target: object) -> Any:
    """Playwright's retrying assertions (`expect(locator).to_have_text(…)`): wait for a new state, then check it.

    They wait as long as any other step (STEP_TIMEOUT_MS, set in `chrome()`) unless given their own timeout:
    Playwright's 5 s default made a phone's first view fail on a loaded machine."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)  # type: ignore[call-overload]


class Chrome:
    """One headless Chromium; each `tab()` is a new tab, with its own Streamlit session, so a separate user.

    The tabs of a language share one browser context (cookies and cache), as the tabs of one browser do:
    the app keeps nothing in cookies or the browser's storage, and a tab in a fresh context loads and
    compiles Streamlit's scripts anew (some 0.5 s of the browser's time for each tab).
    """

    def __init__(self, browser: object) -> None:
        self.browser = browser
        self.contexts: dict[str, Any] = {}
        self.own_contexts: list[Any] = []

    def close(self) -> None:
        """Close every context this Chrome opened, with their tabs (their Streamlit sessions end)."""
        for context in [*self.contexts.values(), *self.own_contexts]:
            context.close()
        self.contexts.clear()
        self.own_contexts.clear()

    def tab(self, url: str, *, locale: str = "de-DE", own_context: bool = False) -> Workshop:
        """A fresh tab at 1920×1080 with its own Streamlit session; `own_context`: with its own cookies and cache."""
        if own_context:
            self.own_contexts.append(self._context(locale))
            return Workshop(self.own_contexts[-1].new_page(), url)
        if locale not in self.contexts:
            self.contexts[locale] = self._context(locale)
        return Workshop(self.contexts[locale].new_page(), url)

    def _context(self, locale: str) -> Any:
        context = self.browser.new_context(viewport=VIEWPORT, locale=locale, accept_downloads=True)  # type: ignore[attr-defined]
        context.set_default_timeout(STEP_TIMEOUT_MS)
        return context


# Several tabs that must all stay live at once (a projector and phones, each in front on its own
# device): Chromium would otherwise slow down the timers of the tabs not in front.
ALL_IN_FRONT = [
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]


class _Engine:
    """The process's Playwright driver and its Chromium browsers by their extra flags, started on first use."""

    def __init__(self) -> None:
        self.driver: Any = None
        self.browsers: dict[tuple[str, ...], Any] = {}

    def browser(self, flags: Sequence[str]) -> Any:
        """Chromium with these extra flags, started on first use and kept until `stop`."""
        from playwright.sync_api import expect as playwright_expect
        from playwright.sync_api import sync_playwright

        executable = chromium_or_skip()
        if self.driver is None:
            playwright_expect.set_options(timeout=STEP_TIMEOUT_MS)  # every `expect` waits as long as any step
            self.driver = sync_playwright().start()
        key = tuple(sorted(flags))
        running = self.browsers.get(key)
        if running is None or not running.is_connected():
            running = self.driver.chromium.launch(executable_path=executable, args=[*CHROMIUM_FLAGS, *flags])
            self.browsers[key] = running
        return running

    def stop(self) -> None:
        """Close the browsers and the driver."""
        for running in self.browsers.values():
            running.close()
        self.browsers.clear()
        if self.driver is not None:
            self.driver.stop()
            self.driver = None


_ENGINE = _Engine()
atexit.register(_ENGINE.stop)  # for scripts that use `chrome()` outside pytest (bench/); a no-op once stopped


def stop_browsers() -> None:
    """Close the process's browsers and its Playwright driver (at the end of the test session)."""
    _ENGINE.stop()


@contextmanager
def chrome(flags: Sequence[str] = ()) -> Iterator[Chrome]:
    """Debian's Chromium, headless, driven by Playwright (no browser download); `flags` added to its own.

    The process starts Playwright's driver and Chromium once (some 1.5 s of processor time each time,
    once per browser test before) and gives each `chrome()` its own browser contexts, closed with it:
    no cookie, cache or tab of one test reaches the next.
    """
    opened = Chrome(_ENGINE.browser(flags))
    try:
        yield opened
    finally:
        opened.close()


@contextmanager
def browser_tab(url: str, *, locale: str = "de-DE") -> Iterator[Workshop]:
    """A fresh headless Chromium tab at 1920×1080 on the served app."""
    with chrome() as browser:
        yield browser.tab(url, locale=locale)
