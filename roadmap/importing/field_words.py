"""The field of action a measure's words point to, for lists without a field column (docs/import.md).

A vocabulary of German and English stems per field (roadmap/importing/field_vocabulary.py), plus the words that
only one field's catalogue measures use (roadmap/workshop/catalogue.json, read here as data). Compound words are
split by looking for stems inside them: 'Stammdatenbereinigung' holds 'stammdaten', 'Mehr-Faktor-Anmeldung'
'mehrfaktor' (a stem read across two words takes at least three letters of each). The longest stem found in a word
wins ('Datenschutz' is security, not data), a stem may exclude the words it is only part of ('Einführung' is no
'Führung'), and inflected forms hold their stem ('zukünftig', 'Updates', 'KPIs'), also a plural that bends the stem's
vowel ('Passwörter', 'Verträge'). English writes its compounds apart, so in an English title a stem counts only
where a word begins ('central' holds no 'Entra'). The first telling word names the subject, broad words
('Strategie', 'Software') count half, a stem said again counts again, and title words count twice as much as
description words. 'IT' in capitals is information technology, 'it' a pronoun. A title that is (nearly) a
catalogue measure's takes its field. No match at all gives no guess.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from roadmap.domain.vocabulary import FIELDS
from roadmap.importing.field_vocabulary import (
    ENGLISH_ENDINGS,
    ENGLISH_WORDS,
    GERMAN_ENDINGS,
    GERMAN_WORDS,
    STOPWORDS,
    VOCABULARY,
)

CATALOGUE = Path(__file__).resolve().parents[1] / "workshop" / "catalogue.json"

_TITLE_WEIGHT, _DESCRIPTION_WEIGHT, _CATALOGUE_WEIGHT, _LEAD_BONUS = 2.0, 1.0, 0.5, 1.5
# A training is a measure for the people whatever it teaches ('Admin-Schulung', 'Firewall-Schulung für Admins',
# 'ERP training'): these words count twice as much as a first telling word wherever they stand.
_TRAINING, _TRAINING_BONUS = frozenset({"schulung", "training", "weiterbild", "unterweisung", "coaching"}), 3.0
# Words that name a whole area rather than a measure ('Strategien zur Kundenbindung' is about customers, 'Software
# für die Buchhaltung' about accounting): they count half and never name the subject, so they decide only where
# nothing more telling is said ('Digitalstrategie', 'Software-Updates').
_BROAD = frozenset({"strateg", "organisation", "organization", "organizational", "technolog", "software"})
_BROAD_FACTOR = 0.5
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 "  # all that a folded text holds
_SAME_AS_CATALOGUE = 0.85  # a title this close to a catalogue measure's takes that measure's field
# 'IT' in capitals (or before a hyphen: 'it-Sicherheit') is information technology, 'it' and 'It' the English pronoun.
_PRONOUN_IT = re.compile(r"(?<![\w-])(?:it|It)(?![\w-])")
_SEAM_SIDE = 3  # letters a stem read across two words must take of each
_UMLAUT_VOWELS = {"ä": "a", "ö": "o", "ü": "u"}
_BENT_STEM = 5  # letters a stem needs to be read through a bent vowel ('Märkte' holds 'markt')
_CATALOGUE_WORD = 6  # shorter catalogue words are mostly function words ('which', 'every', 'gegen')


@dataclass(frozen=True)
class FieldGuess:
    """The field a measure's words point to, how strongly, and the word that told most ('' if only the rows
    around it told: roadmap/importing/field_context.py); `neighbours` if the rows around it decided or helped;
    `sure` if it is clear enough to need no look (roadmap/importing/field_context.py, `is_sure`)."""

    field: str
    score: float
    word: str
    neighbours: bool = False
    sure: bool = False


@dataclass(frozen=True)
class Evidence:
    """What a measure's words say: each field's score and the word that told most for it."""

    scores: Mapping[str, float]
    words: Mapping[str, str]

    def guess(self) -> FieldGuess | None:
        """The field with the highest score (the first of the fields on a tie); None if no word told."""
        if not self.scores:
            return None
        field = best_field(self.scores)
        return FieldGuess(field, round(self.scores[field], 2), self.words[field])


def best_field(scores: Mapping[str, float]) -> str:
    """The field with the highest score; on a tie the one named first in FIELDS."""
    return max(FIELDS, key=lambda name: (scores.get(name, 0.0), -FIELDS.index(name)))


@dataclass(frozen=True)
class _Stem:
    text: str
    field: str
    weight: float
    exclude: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Lower case, umlauts as ae/oe/ue, ß as ss, every run of other characters one space."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def infer_field(title: str, description: str = "") -> FieldGuess | None:
    """The most likely field of action of a measure from its title and description; None if no word tells."""
    return field_evidence(title, description).guess()


def field_evidence(title: str, description: str = "") -> Evidence:
    """Each field's score from a measure's title and description, with the word that told most for it."""
    known = _catalogue_title(fold(title))
    if known is not None:
        return Evidence({known.field: known.score}, {known.field: known.word})
    scores: dict[str, float] = {}
    best_word: dict[str, tuple[float, str]] = {}
    for text, weight in ((title, _TITLE_WEIGHT), (description, _DESCRIPTION_WEIGHT)):
        text = _PRONOUN_IT.sub(" ", text)
        folded = fold(text)
        for stem, word, gain in _gains(_matches(folded, _plain_vowels(text), glued=not english(folded)), weight):
            scores[stem.field] = scores.get(stem.field, 0.0) + gain
            if gain > best_word.get(stem.field, (0.0, ""))[0]:
                best_word[stem.field] = (gain, word)
    return Evidence(scores, {field: word for field, (_, word) in best_word.items()})


def _gains(matches: list[tuple[_Stem, str]], weight: float) -> list[tuple[_Stem, str, float]]:
    """What each stem found adds to its field: longer stems tell more, broad ones less; the first telling word names
    the subject ('Kundendokumente', 'Dashboard-Berechtigungen') and a training is for the people whatever it teaches."""
    gains = []
    lead_taken = False
    for stem, word in matches:
        broad = stem.text in _BROAD
        lead = _TRAINING_BONUS if stem.text in _TRAINING else _LEAD_BONUS if not (lead_taken or broad) else 1.0
        lead_taken = lead_taken or not broad
        size = (_BROAD_FACTOR if broad else 1.0) * (1 + len(stem.text) / 8)
        gains.append((stem, word, weight * stem.weight * lead * size))
    return gains


def _plain_vowels(text: str) -> list[tuple[str, frozenset[int]]]:
    """The words of a text as fold() splits them, with their umlauts as plain vowels and where those stand; empty
    if the text has none. A German plural or compound may bend the stem's vowel ('Passwörter' holds 'passwort',
    'Verträge' 'vertrag')."""
    if not any(letter in text for letter in "äöüÄÖÜ"):
        return []
    words: list[tuple[str, frozenset[int]]] = []
    letters: list[str] = []
    bent: set[int] = set()
    for letter in f"{text.casefold().replace('ß', 'ss')} ":
        if letter in _UMLAUT_VOWELS:
            bent.add(len(letters))
            letters.append(_UMLAUT_VOWELS[letter])
        elif letter in _ALPHABET and letter != " ":
            letters.append(letter)
        elif letters:
            words.append(("".join(letters), frozenset(bent)))
            letters, bent = [], set()
    return words


def _matches(
    text: str, plain: list[tuple[str, frozenset[int]]] | None = None, glued: bool = True
) -> list[tuple[_Stem, str]]:
    """The stems found in a folded text in reading order, each with its word: phrases, the longest stems per word,
    stems across two words read as one; with `plain` (the words with umlauts as plain vowels), also the stems only
    those spell. Unless the words are `glued` (German compounds), a stem counts only where a word begins: English
    writes its compounds apart, so 'central' holds no 'entra' and 'determine' no 'termin'."""
    if not text:
        return []
    words = text.split()
    found: list[tuple[int, _Stem, str]] = []
    padded = f" {text} "
    starts = _phrases()
    for index, word in enumerate(words):
        for phrase in starts.get(word, ()):
            if f" {phrase.text}" in padded:
                found.append((index * 100, phrase, phrase.text))
        hits = _word_hits(word, 0)
        if plain and plain[index][1]:
            # Only stems of some length that take a bent vowel: 'schätzen' read as 'schatzen' holds no 'chat'.
            spelled, bent = plain[index]
            known = {stem.text for _, stem in hits}
            hits += tuple(
                (at, stem)
                for at, stem in _word_hits(spelled, 0)
                if stem.text not in known
                and len(stem.text) >= _BENT_STEM
                and any(at <= place < at + len(stem.text) for place in bent)
            )
        found.extend((index * 100 + at, stem, word) for at, stem in hits if glued or at == 0)
    for index, (left, right) in enumerate(itertools.pairwise(words)):
        # In two words read as one ('Mehr-Faktor' → 'mehrfaktor') only stems across the seam count.
        pair = left + right
        found.extend((index * 100 + at, stem, pair) for at, stem in _word_hits(pair, len(left)) if glued or at == 0)
    return _once_and_again(sorted(found, key=lambda item: item[0]))


def english(folded: str) -> bool:
    """Whether a folded text reads as English: it has more English than German little words ('the', 'for', 'and'
    against 'der', 'für', 'und'), or, with none of either, more English endings than German ones in two words or
    more. One word alone is read as German: a compound may end in an English word ('Variantenmanagement')."""
    words = folded.split()
    ours = sum(word in ENGLISH_WORDS for word in words) - sum(word in GERMAN_WORDS for word in words)
    if ours or len(words) < 2:
        return ours > 0
    endings = sum(word.endswith(ENGLISH_ENDINGS) for word in words) - sum(
        word.endswith(GERMAN_ENDINGS) for word in words
    )
    return endings > 0


def _once_and_again(found: list[tuple[int, _Stem, str]]) -> list[tuple[_Stem, str]]:
    """Each stem in its first place and, if said again, once more at the end ('Kundendaten, Nutzungsdaten und
    Daten aus der Fertigung' is about data)."""
    first: dict[tuple[str, str], tuple[_Stem, str]] = {}
    again: dict[tuple[str, str], tuple[_Stem, str]] = {}
    for _, stem, word in found:
        key = (stem.text, stem.field)
        if key in first:
            again.setdefault(key, (stem, word))
        else:
            first[key] = (stem, word)
    return [*first.values(), *again.values()]


@functools.lru_cache(maxsize=65_536)  # the words of a list repeat ('Maßnahme', 'einführen')
def _word_hits(word: str, seam: int) -> tuple[tuple[int, _Stem], ...]:
    """The stems that tell in one word (or, with `seam`, two words read as one) and where they start: a word the
    vocabulary knows is not overruled by a catalogue word ('automation' is no customer word because one customer
    measure of the catalogue automates); then the longest stem wins ('datenschutz' hides 'daten')."""
    hits = [
        (at, stem)
        for at, stem in _stems_in(word, seam)
        if not any(part in word for part in stem.exclude) and (not seam or _across(at, len(stem.text), seam))
    ]
    if any(stem.weight == 1.0 for _, stem in hits):
        hits = [(at, stem) for at, stem in hits if stem.weight == 1.0]
    return tuple((at, s) for at, s in hits if not any(s.text != o.text and s.text in o.text for _, o in hits))


def _across(start: int, length: int, seam: int) -> bool:
    """Whether a stem in two words read as one takes a few letters of each ('mehr|faktor', not 'multip|le|ad')."""
    return start <= seam - _SEAM_SIDE and start + length >= seam + _SEAM_SIDE


def _stems_in(word: str, seam: int = 0) -> tuple[tuple[int, _Stem], ...]:
    """The stems in a word with where they start: whole-word ones, catalogue words at its start, any other inside;
    for two words read as one (`seam`: where the second begins) only the stems across the seam."""
    short, long = _vocabulary()
    prefixes = _prefixes()
    hits = [(0, stem) for stem in (*short.get(word, ()), *(short.get(word[:-1], ()) if word.endswith("s") else ()))]
    starts = range(max(0, seam - _longest_stem() + 1), seam) if seam else range(len(word) - 3)
    for start in starts:
        first_end = max(start + 4, seam + 1)
        # Reading on only while the letters so far begin some stem keeps this quick.
        for end in range(start + 1, len(word) + 1):
            piece = word[start:end]
            if piece not in prefixes:
                break
            if end >= first_end:
                hits.extend((start, stem) for stem in long.get(piece, ()) if stem.weight == 1.0 or start == 0)
    return tuple(hits)


@functools.cache
def _prefixes() -> frozenset[str]:
    """Every beginning of every stem that may stand inside a word."""
    return frozenset(text[:end] for text in _vocabulary()[1] for end in range(1, len(text) + 1))


@functools.cache
def _longest_stem() -> int:
    return max((len(text) for text in _vocabulary()[1]), default=4)


@functools.cache
def _vocabulary() -> tuple[dict[str, tuple[_Stem, ...]], dict[str, tuple[_Stem, ...]]]:
    """Stems by their text: whole-word ones (up to three letters) and those that may stand inside a word."""
    short: dict[str, list[_Stem]] = {}
    long: dict[str, list[_Stem]] = {}
    for stem in _all_stems():
        if " " in stem.text:
            continue
        (short if len(stem.text) <= 3 else long).setdefault(stem.text, []).append(stem)
    return {k: tuple(v) for k, v in short.items()}, {k: tuple(v) for k, v in long.items()}


@functools.cache
def _phrases() -> dict[str, tuple[_Stem, ...]]:
    """The stems of several words, by their first word."""
    found: dict[str, list[_Stem]] = {}
    for stem in _all_stems():
        if " " in stem.text:
            found.setdefault(stem.text.split(" ", 1)[0], []).append(stem)
    return {word: tuple(stems) for word, stems in found.items()}


@functools.cache
def _all_stems() -> tuple[_Stem, ...]:
    stems = []
    for field, entries in VOCABULARY.items():
        for entry in entries:
            text, _, exclude = entry.partition("!")
            excluded = tuple(fold(word).replace(" ", "") for word in exclude.split("|") if word)
            stems.append(_Stem(fold(text), field, 1.0, excluded))
    own = {stem.text for stem in stems}
    stems += [stem for stem in _catalogue_stems() if stem.text not in own]
    return tuple(stems)


def _catalogue_title(title: str) -> FieldGuess | None:
    """The field of the catalogue measure whose German or English title this one (nearly) is."""
    if not title:
        return None
    best = (0.0, "", "")
    # Titles of very different lengths, or made of different letters, cannot be this alike: these bounds on the
    # ratio are quick (the catalogue is sorted by length), and spare the full comparison nearly always.
    lengths, matchers = _catalogue_matchers()
    low = bisect.bisect_left(lengths, len(title) * _SAME_AS_CATALOGUE / (2 - _SAME_AS_CATALOGUE))
    high = bisect.bisect_right(lengths, len(title) * (2 - _SAME_AS_CATALOGUE) / _SAME_AS_CATALOGUE)
    counts = _letter_counts(title)
    for known, field, known_counts, matcher in matchers[low:high]:
        if 2 * sum(map(min, counts, known_counts)) < _SAME_AS_CATALOGUE * (len(title) + len(known)):
            continue
        matcher.set_seq1(title)
        ratio = matcher.ratio()
        if ratio > best[0]:
            best = (ratio, known, field)
    return FieldGuess(best[2], 10.0, best[1]) if best[0] >= _SAME_AS_CATALOGUE else None


def _letter_counts(text: str) -> tuple[int, ...]:
    """How often each letter, digit and space stands in a folded text."""
    return tuple(text.count(letter) for letter in _ALPHABET)


@functools.cache
def _catalogue_matchers() -> tuple[list[int], list[tuple[str, str, tuple[int, ...], SequenceMatcher[str]]]]:
    """The catalogue's titles by length: their lengths, and each with its field, its letters and a matcher that has
    already indexed it."""
    titles = sorted(_catalogue_titles(), key=lambda item: len(item[0]))
    matchers = [(known, field, _letter_counts(known), SequenceMatcher(None, "", known)) for known, field in titles]
    return [len(known) for known, _ in titles], matchers


@functools.cache
def _catalogue_items() -> tuple[dict[str, str], ...]:
    try:
        items = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    return tuple(item for item in items if isinstance(item, dict) and item.get("field") in FIELDS)


@functools.cache
def _catalogue_titles() -> tuple[tuple[str, str], ...]:
    return tuple(
        (fold(item.get(key, "")), item["field"]) for item in _catalogue_items() for key in ("title_de", "title_en")
    )


def _catalogue_stems() -> list[_Stem]:
    """Words that only one field's catalogue measures use in their titles and descriptions."""
    fields_of: dict[str, set[str]] = {}
    for item in _catalogue_items():
        texts = [item.get(key, "") for key in ("title_de", "title_en", "description_de", "description_en")]
        for word in fold(" ".join(texts)).split():
            if len(word) >= _CATALOGUE_WORD and word not in STOPWORDS:
                fields_of.setdefault(word, set()).add(item["field"])
    return [
        _Stem(word, next(iter(fields)), _CATALOGUE_WEIGHT)
        for word, fields in sorted(fields_of.items())
        if len(fields) == 1
    ]
