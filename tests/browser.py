"""Helpers for the end-to-end tests in headless Chromium (Debian's `chromium`, driven by Playwright).

- `served_app()`: starts `streamlit run app.py` on a free port and yields its URL; `AppServer`
  does the same step by step and can kill the server hard (SIGKILL).
- `Workshop`: one browser tab on the app (one Streamlit session), with steps a user takes:
  `open(page_title)`, `wait_idle()`, `shot(name)` (PNG in test-output/screenshots), `exceptions()`.
Browser tests skip with a clear message when Chromium or Playwright is missing, unless
ROADMAP_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
    """`streamlit run app.py` on a free port, in its own process (which a test may kill hard)."""

    def __init__(self, env: dict[str, str] | None = None, port: int | None = None) -> None:
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> AppServer:
        """Start the server and wait until it answers its health check."""
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
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


@contextmanager
def served_app(env: dict[str, str] | None = None) -> Iterator[str]:
    """Run the app with `streamlit run` until the block ends; yields its base URL."""
    server = AppServer(env).start()
    try:
        yield server.url
    finally:
        server.stop()


class Workshop:
    """One browser tab on the app: a user's session."""

    def __init__(self, page: object, url: str) -> None:
        self.page = page
        self.url = url

    def start(self, path: str = "") -> float:
        """Open the app (optionally on a page's URL path); returns seconds until the page was drawn."""
        began = time.perf_counter()
        self.page.goto(f"{self.url}/{path}")
        self.wait_idle()
        self.page.locator("h1").first.wait_for()
        return time.perf_counter() - began

    def wait_idle(self, timeout: float = 60) -> None:
        """Wait until the script run has finished and nothing is spinning."""
        self.page.wait_for_timeout(150)
        self.page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout * 1000
        )
        self.page.wait_for_selector('[data-testid="stSpinner"]', state="detached", timeout=timeout * 1000)

    def open(self, title: str) -> float:
        """Click a page in the navigation; returns seconds until its title was drawn."""
        began = time.perf_counter()
        self.page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
        self.page.locator("h1", has_text=title).first.wait_for()
        self.wait_idle()
        return time.perf_counter() - began

    def shot(self, name: str) -> Path:
        """Keep a screenshot of the visible screen as test output."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(target))
        return target

    def exceptions(self) -> list[str]:
        """Texts of exception boxes and error messages on the screen."""
        return self.page.locator('[data-testid="stException"]').all_inner_texts()


class Chrome:
    """One headless Chromium; each `tab()` is a separate browser context, so a separate user."""

    def __init__(self, browser: object) -> None:
        self.browser = browser

    def tab(self, url: str, *, locale: str = "de-DE") -> Workshop:
        """A fresh tab at 1920×1080 with its own cookies and its own Streamlit session."""
        context = self.browser.new_context(viewport=VIEWPORT, locale=locale, accept_downloads=True)
        return Workshop(context.new_page(), url)


@contextmanager
def chrome() -> Iterator[Chrome]:
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield Chrome(browser)
        finally:
            browser.close()


@contextmanager
def browser_tab(url: str, *, locale: str = "de-DE") -> Iterator[Workshop]:
    """A fresh headless Chromium tab at 1920×1080 on the served app."""
    with chrome() as browser:
        yield browser.tab(url, locale=locale)
