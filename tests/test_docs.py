"""The repository stands alone: every document it cites is in docs/, and nothing cites a file beside it.

Code and docs cite rules as `docs/planning.md, rule 3` or `docs/planning.md, the corridor`; such a
section must exist as a heading of that document (a rule as `Rule 3 – …`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import REPO

# Text files of the repository (what git would hold), without generated output and caches.
SUFFIXES = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".json", ".yml", ".yaml", ".sh", ""}
SKIPPED = {".git", ".venv", "test-output", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"}
CITED = re.compile(r"docs/([\w-]+)\.md")
# "docs/planning.md, rules 3 and 4)" – the section named after the comma, up to ')' or the sentence's end.
SECTION = re.compile(r"docs/([\w-]+)\.md, ([^)\n]+?)(?:\)|\.\s|\.$|$)", re.MULTILINE)
RULES = re.compile(r"rules? ([\d, and]+)")
HERE = Path(__file__).resolve()


def _files() -> list[Path]:
    found = []
    for path in sorted(REPO.rglob("*")):
        parts = set(path.relative_to(REPO).parts)
        if path.is_file() and not parts & SKIPPED and path.suffix in SUFFIXES and path != HERE:
            found.append(path)
    return found


def _texts() -> dict[str, str]:
    texts = {}
    for path in _files():
        try:
            texts[str(path.relative_to(REPO))] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
    return texts


TEXTS = _texts()


def _headings(document: str) -> list[str]:
    text = (REPO / "docs" / f"{document}.md").read_text(encoding="utf-8")
    return [line.lstrip("#").strip().lower() for line in text.splitlines() if line.startswith("#")]


def test_the_repository_cites_documents_of_its_own() -> None:
    cited = {name for text in TEXTS.values() for name in CITED.findall(text)}

    assert {"planning", "import", "workbook", "command-line", "architecture"} <= cited


@pytest.mark.parametrize("name", sorted({name for text in TEXTS.values() for name in CITED.findall(text)}))
def test_every_cited_document_exists(name: str) -> None:
    citing = sorted(path for path, text in TEXTS.items() if f"docs/{name}.md" in text)

    assert (REPO / "docs" / f"{name}.md").is_file(), f"docs/{name}.md is cited by {citing} but missing"


def _citations() -> list[tuple[str, str, str]]:
    return sorted(
        {(path, name, section.strip()) for path, text in TEXTS.items() for name, section in SECTION.findall(text)}
    )


@pytest.mark.parametrize(("path", "name", "section"), _citations())
def test_every_cited_section_exists(path: str, name: str, section: str) -> None:
    headings = _headings(name)
    rules = RULES.search(section)
    numbers = re.findall(r"\d+", rules.group(1)) if rules else []
    words = [
        part.removeprefix("the ").removesuffix(" included").strip()
        for part in re.split(r" and |, ", RULES.sub("", section).lower())
        if part.strip()
    ]

    for number in numbers:
        assert any(re.match(rf"rule {number}\b", h) for h in headings), f"{path}: docs/{name}.md has no rule {number}"
    for word in words:
        assert any(word in h for h in headings), f"{path} cites docs/{name}.md, {section!r}: no heading with {word!r}"


def test_every_document_in_docs_is_a_readable_page() -> None:
    pages = sorted((REPO / "docs").glob("*.md"))

    assert pages
    for page in pages:
        assert page.read_text(encoding="utf-8").startswith("# "), page.name


# The design notes and the spreadsheets that lie beside the repository in the workplace; spelled in
# pieces so that this file does not itself name them.
OUTSIDE = ("PRODUCT" + ".md", ".." + "/shared")


@pytest.mark.parametrize("outside", OUTSIDE)
def test_no_file_cites_a_file_beside_the_repository(outside: str) -> None:
    citing = sorted(path for path, text in TEXTS.items() if outside in text)

    assert citing == [], f"{outside} is outside the repository; cite docs/ instead"
