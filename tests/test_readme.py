"""The README's command-line usage (and docs/command-line.md's) says what `python -m roadmap plan --help`
says: the same flags, the same placeholders and the same choices."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.helpers import REPO

FLAG = re.compile(r"(--[a-z][a-z-]*)(?:[ =]([A-Z][\w.-]*|\{[a-z,]+\}|[a-z]+(?:\|[a-z]+)+))?")


def _usage(document: str, heading: str) -> str:
    """The first code block after a heading of a document."""
    text = (REPO / document).read_text(encoding="utf-8")
    section = text.split(f"\n{heading}", 1)[1]
    return section.split("```", 2)[1]


def _readme_usage() -> str:
    return _usage("README.md", "## The command line")


def _help() -> str:
    env = {key: value for key, value in os.environ.items() if key != "ROADMAP_LANG"}
    done = subprocess.run(
        [sys.executable, "-m", "roadmap", "plan", "--help"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _flags(text: str) -> dict[str, str]:
    """Flag → its placeholder or choices, written one way: 'EUR', 'greedy|optimal' ('' if none)."""
    found: dict[str, str] = {}
    for flag, value in FLAG.findall(text):
        if flag == "--help":
            continue
        found.setdefault(flag, value.strip("{}").replace(",", "|"))
    return found


def test_the_readme_shows_the_command_line_usage_block() -> None:
    usage = _readme_usage()

    assert "python -m roadmap plan INPUT" in usage
    assert "--out OUT.xlsx" in usage


def test_every_flag_of_the_readme_is_in_help_and_every_flag_of_help_in_the_readme() -> None:
    readme, shown = _flags(_readme_usage()), _flags(_help().split("options:")[0])

    assert sorted(readme) == sorted(shown)


def test_the_readme_gives_each_flag_the_placeholder_or_choices_help_gives() -> None:
    readme, shown = _flags(_readme_usage()), _flags(_help().split("options:")[0])

    assert readme == shown


def test_help_names_the_input_as_the_readme_does() -> None:
    usage = _help().split("options:")[0]

    assert "INPUT" in usage and "INPUT" in _readme_usage()


def test_docs_command_line_shows_the_same_usage() -> None:
    documented, shown = _flags(_usage("docs/command-line.md", "## Usage")), _flags(_help().split("options:")[0])

    assert documented == shown


def _commands() -> list[str]:
    """The README's two commands: the first line of each code block under "## Two commands"."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("\n## Two commands", 1)[1].split("\n## ", 1)[0]
    return [block.split("\n", 2)[1] for block in section.split("```")[1::2]][:2]


def test_ci_runs_the_readmes_test_command_as_its_last_step() -> None:
    start, tests = _commands()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()

    assert ci[-1] == tests
    assert "streamlit run app.py" in start


def test_both_commands_make_their_own_virtual_environment() -> None:
    for command in _commands():
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install")
