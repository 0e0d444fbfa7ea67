"""The field of action a measure's words point to, for lists without a field column (docs/import.md).

A vocabulary of German and English stems per field, plus the words that only one field's catalogue
measures use (roadmap/workshop/catalogue.json, read here as data). Compound words are split by
looking for stems inside them: 'Stammdatenbereinigung' holds 'stammdaten', 'Mehr-Faktor-Anmeldung'
'mehrfaktor'. The longest stem found in a word wins ('Datenschutz' is security, not data); title words
count twice as much as description words. No match at all gives no guess.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from roadmap.domain.vocabulary import FIELDS

PROCESS, DATA, SECURITY, CUSTOMERS, PEOPLE, STRATEGY = FIELDS
CATALOGUE = Path(__file__).resolve().parents[1] / "workshop" / "catalogue.json"

# Stems as written (umlauts allowed); a stem of up to three letters must be a whole word,
# a longer one may stand anywhere inside a word. 'stem!not' ignores words that contain 'not'.
_VOCABULARY: dict[str, tuple[str, ...]] = {
    PROCESS: (
        "standardiz", "digitiz", "digitis", "papierlos", "paperless", "supply chain", "lieferkette", "cycle time",
        "bottleneck", "engpass", "end to end", "operational excellence", "stueckliste", "bill of material", "wartung",
        "predictive maintenance", "manuell", "durchlauf",
        "effizienz", "efficien", "durchlaufzeit", "standardis", "vereinheitlich", "medienbruch", "ocr", "e akte",
        "ablage", "posteingang", "mahnwesen", "mahnung", "kalkulation", "ressourcenplan", "kapazitaetsplan",
        "qualitaetssicher", "wareneingang", "kommissionier", "picking", "rueckverfolg", "scheduling", "dispatch",
        "field service", "serviceauftr", "wartungsplan", "instandhalt", "maintenance", "bestellwesen", "purchas",
        "requisition", "low code", "no code", "power automate", "zapier", "vorlage", "checkliste", "checklist",
        "prozess", "process", "automatis", "automat", "workflow", "erp", "rpa", "rechnung!berechnung", "rechnungs",
        "invoic", "konten", "abschreibung", "preis", "pricing", "import", "export", "schnittstelle", "interface",
        "edi", "beleg", "buchung", "buchhalt", "accounting", "fibu", "finanz", "steuer", "dms", "dokumentenmanage",
        "document", "dokument", "archiv", "scan", "papier", "paper", "zeiterfass", "time tracking", "time recording",
        "warenwirtschaft", "lager", "inventory", "inventur", "bestand", "einkauf", "beschaffung", "procure",
        "bestell", "auftrag", "order", "produktion", "fertigung", "mes", "maschine", "formular", "signatur",
        "signature", "freigabe", "approval", "artikel", "lieferant", "supplier", "logistik", "versand", "shipping",
        "barcode", "kasse", "zahlung", "payment", "lohn", "payroll", "abrechnung", "reisekosten", "expense",
        "vertrag", "contract", "ablauf", "projektmanagement", "project management", "aufgabenverwaltung", "sop",
        "standard operating", "shopfloor", "schicht", "handover", "fuhrpark", "tourenplan", "disposition",
        "operations", "lean",
    ),
    DATA: (
        "trainingsdaten", "training data", "descriptive", "prescriptive", "diagnostic", "data literacy",
        "data culture", "datenkultur", "datenplattform",
        "data platform", "datengrundlage", "auswertung", "reporting", "plausibilis", "visualiz", "insights",
        "insight", "power bi", "tableau", "qlik", "metrik", "metric", "scorecard", "benchmark", "datenmodell",
        "datenintegration", "etl", "data science", "algorithm", "simulation", "szenario", "scenario",
        "absatzplanung", "demand", "bedarfsprognose", "cockpit", "transparenz", "echtzeit", "real time", "messung",
        "measurement", "big data", "datengetrieben", "data driven", "daten", "data", "dashboard", "bi",
        "business intelligence", "report", "bericht", "kpi", "kennzahl", "analys", "analyt", "analyse", "auswert",
        "prognos", "forecast", "predict", "vorhersag", "statist", "controlling", "olap", "cube", "mining",
        "visualis", "trend", "ki", "ai", "kuenstliche", "machine learning", "ml", "stammdaten", "master data",
        "datenqualitaet", "datenbank", "database", "data lake", "data warehouse", "entscheid", "decision",
        "kennzahlen", "monitoring!security", "sensor", "iot", "digital twin", "messwert", "copilot", "llm",
        "chatgpt", "genai", "information",
    ),
    SECURITY: (
        "threat", "bedrohung", "angriff", "attack", "ransomware", "skalier", "scalab", "microservice", "container",
        "kubernetes", "docker", "devops", "ci cd", "technical debt", "technische schulden", "legacy", "altsystem",
        "third party", "connectivity", "konnektivitaet", "edge computing", "5g", "high availability", "hochverfuegbar",
        "uptime", "ausfall", "outage", "deployment", "videokonferenz", "video conferenc", "video call", "datensparsam",
        "loeschkonzept", "consent", "einwilligung", "cookie",
        "sso", "single sign on", "identity", "identitaet", "ausfallsicher", "redundan", "usv", "notstrom", "admin",
        "rollenkonzept", "rechtekonzept", "protokollierung", "forensi", "detection", "penetration",
        "verfuegbarkeit", "availability", "business continuity", "bcm", "disaster", "kritis", "nis2", "nis 2",
        "tisax", "spam", "e mail sicherheit", "sandbox", "segmentier", "segmentation", "dmz", "proxy", "dns",
        "dhcp", "active directory", "entra", "azure", "aws", "google cloud", "saas", "iaas", "virtualisier",
        "vmware", "storage", "speicher", "nas", "glasfaser", "breitband", "internetanbindung", "bandbreite",
        "standortvernetz", "cloud", "sicherheit", "richtlinie", "leitlinie", "policy", "policies", "security",
        "secur", "firewall", "backup", "datensicherung", "wiederherstell", "restore", "recovery", "notfall", "2fa",
        "mfa", "zweifaktor", "mehrfaktor", "multifactor", "twofactor", "authent", "authentis", "passwort",
        "password", "virus", "malware", "antivir", "patch", "verschluessel", "encrypt", "krypto", "crypt",
        "zertifikat", "certificate", "vpn", "netzwerk", "network", "wlan", "wifi", "server", "rechenzentrum",
        "hosting", "microsoft 365", "m365", "office 365", "sharepoint", "dsgvo", "datenschutz", "gdpr", "privacy",
        "berechtigung", "zugriff", "zugang", "access", "iam", "phishing", "isms", "bsi", "grundschutz", "27001",
        "incident", "vorfall", "logging", "siem", "edr", "mdm", "endpoint", "hardening", "haertung", "vulnerab",
        "schwachstell", "pentest", "risiko", "risk", "hardware", "laptop", "rechner", "drucker", "infrastruktur",
        "infrastructure", "migration", "migrieren", "it", "ot", "cyber", "zero trust", "compliance", "audit",
        "strukturanalyse", "informationssicherheit", "schutzbedarf", "sicherheitskonzept", "lizenz", "rollout",
        "geraete", "device", "mobile device", "release", "change management!change kommunikation",
    ),
    CUSTOMERS: (
        "personaliz", "personalis", "customer journey", "journey", "touchpoint", "digital presence", "online presence",
        "sichtbarkeit", "visibility", "google my business", "bewertungsportal", "review portal", "kundenportal",
        "kundenbindung", "customer retention", "response time", "reaktionszeit", "e mail marketing", "vertriebskanal",
        "aussendienst", "field sales", "order portal", "bestellportal",
        "kundenservice", "kundenerlebnis", "customer experience", "cx", "self service", "terminvereinbar",
        "google business", "anfrage", "inquiry", "ticket", "helpdesk", "nps", "zufriedenheit", "satisfaction",
        "werbung", "advertis", "ads", "influencer", "content", "blog", "youtube", "linkedin", "instagram",
        "facebook", "markenauftritt", "brand", "corporate design", "messenger", "whatsapp", "onlinehandel",
        "online handel", "sortiment", "pim", "produktinformation", "katalog", "preisliste", "haendler", "dealer",
        "reseller", "kunde", "customer", "crm", "shop", "e commerce", "ecommerce", "website", "webseite",
        "homepage", "web", "newsletter", "marketing", "vertrieb", "sales", "lead", "opportunit", "angebot", "quote",
        "social media", "social", "seo", "kampagne", "campaign", "landing", "portal", "chatbot", "chat", "support",
        "service", "hotline", "omnichannel", "kanal", "channel", "marktplatz", "marketplace",
        "bewertung!bewertungs", "reklamation", "complaint", "loyalty", "kundenbindung", "termin", "booking",
        "pipeline", "kontakt", "contact", "telefon", "telephon", "b2b", "b2c", "d2c", "consumer", "a b test",
        "akquise", "messe", "produktkatalog", "konfigurator", "app", "roi",
    ),
    PEOPLE: (
        "literacy", "hiring", "hire", "employer", "people", "human resource", "fluktuation", "hybrid work",
        "flexible work", "hybrides arbeiten", "arbeitszeitmodell", "digitalkompetenz", "digital skills",
        "mitarbeiterbindung", "retain talent", "einarbeitung", "unterweisung", "qualifizierung", "lernpfad",
        "learning path", "peer learning",
        "mitarbeitende", "belegschaft", "workforce", "personalentwicklung", "personalplanung", "urlaub",
        "abwesenheit", "krankmeld", "mitarbeitergespraech", "performance review", "employer branding",
        "arbeitgebermarke", "stellenanzeige", "karriere", "career", "mentoring", "buddy", "lernplattform", "lms",
        "webinar", "microlearning", "tutorial", "handbuch", "anleitung", "sprechstunde", "wiki", "wissensdatenbank",
        "knowledge base", "wissensmanagement", "slack", "teams", "mitarbeit", "employee", "staff", "personal", "hr",
        "schulung", "training", "trainieren", "weiterbild", "qualifi", "kompetenz", "skill", "lernen", "learning",
        "e learning", "onboarding", "academy", "akademie", "coaching", "recruit", "bewerb", "talent", "fachkraft",
        "fachkraefte", "intranet", "kollaboration", "collaboration", "zusammenarbeit", "homeoffice", "remote",
        "mobiles arbeiten", "team", "ambassador", "champion", "awareness", "wissen", "knowledge", "upskill",
        "nachwuchs", "ausbildung", "azubi", "workshop", "befaehig", "arbeitsplatz", "workplace",
    ),
    STRATEGY: (
        "sponsor", "executive", "ceo", "geschaeftsleitung", "unternehmensfuehrung", "management commitment", "align",
        "esg", "emerging", "disrupt", "growth", "wachstum", "expansion", "diversif", "prioriti", "invest", "research",
        "forschung", "hochschule", "university", "transformation office", "digital office",
        "digitalisierungsbeauftrag", "chief digital", "business objective", "geschaeftsziel", "unternehmensziel",
        "new business", "neue geschaeftsfelder",
        "digitalisierungsstrategie", "zielbild", "unternehmensstrategie", "geschaeftsfeld", "ausrichtung",
        "adaptiv", "adaptab", "anpassungsfaehig", "wandlungsfaehig", "selbstorganis", "self organiz", "autonomy",
        "positionierung", "veraenderung", "change management", "kulturwandel", "fehlerkultur", "mindset", "werte",
        "values", "geschaeftsfuehrung", "investition", "investment", "business case", "wirtschaftlichkeit",
        "oekosystem", "ecosystem", "new work", "arbeitsweise", "ways of working", "scrum", "kanban",
        "design thinking", "hackathon", "ideenmanagement", "ideation", "vorschlagswesen", "startup", "start up",
        "open innovation", "verband", "nachfolge", "resilienz", "resilience", "zukunft", "future", "trendscouting",
        "foresight", "strateg", "kultur", "culture", "change", "wandel", "fuehrung", "leadership", "vision",
        "mission", "leitbild", "ziel", "objective", "okr", "innovation", "innovat", "geschaeftsmodell",
        "business model", "roadmap", "transformation", "organisation", "organization", "organizational", "struktur",
        "structure", "agil", "agile", "partner", "kooperation", "experiment", "foerder", "funding", "budget",
        "governance", "nachhaltig", "sustainab", "wettbewerb", "competit", "markt", "market", "pilotprojekt",
        "pilot", "servitization", "reifegrad", "maturity", "steering", "steuerkreis", "stakeholder", "kick off",
        "kickoff", "lenkungskreis", "portfolio", "priorisier", "dialog", "kommunikation",
    ),
}  # fmt: skip
_TITLE_WEIGHT, _DESCRIPTION_WEIGHT, _CATALOGUE_WEIGHT, _LEAD_BONUS = 2.0, 1.0, 0.5, 1.5
# A training is a measure for the people whatever it teaches ('Admin-Schulung', 'Firewall-Schulung für Admins',
# 'ERP training'): these words count twice as much as a first telling word wherever they stand.
_TRAINING, _TRAINING_BONUS = frozenset({"schulung", "training", "weiterbild", "unterweisung", "coaching"}), 3.0
_SAME_AS_CATALOGUE = 0.85  # a title this close to a catalogue measure's takes that measure's field
_CATALOGUE_WORD = 6  # shorter catalogue words are mostly function words ('which', 'every', 'gegen')
# Words of the catalogue's texts that say nothing about a field (function words, verbs, adjectives).
_STOPWORDS_TEXT = (
    "und oder mit fuer der die das den dem des ein eine einer einem einen im in von zu zur zum auf aus bei "
    "nach the and for with of to a an in on by from into einfuehren einfuehrung introduce system systems "
    "digitale digital digitales digitaler neue neues new management automatisch automatische konten kunden "
    "implementieren erstellen aufbauen against everyone anywhere improve jederzeit wichtigsten umgesetzt verbessern "
    "welche werden laufend gehoeren regelmaessige zentral moderne modern solution loesung software massnahmen "
    "measures working second person inform informieren evaluate define assess analysis concept bewerten erkennen "
    "recognise finden folgen planen pflegen senden erledigen liegen aendern replace receive aufnehmen empfangen "
    "pflicht regeln owners werkzeuge werkzeugen transparent transparently securely digitally automatically "
    "continuously zweitem ausser tagesaktuell gepflegt getestet dokumentiert documented umsetzen"
)
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split(" "))


@dataclass(frozen=True)
class FieldGuess:
    """The field a measure's words point to, how strongly, and the word that told most."""

    field: str
    score: float
    word: str


@dataclass(frozen=True)
class _Stem:
    text: str
    field: str
    weight: float
    exclude: str = ""


def fold(text: str) -> str:
    """Lower case, umlauts as ae/oe/ue, ß as ss, every run of other characters one space."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def infer_field(title: str, description: str = "") -> FieldGuess | None:
    """The most likely field of action of a measure from its title and description; None if no word tells."""
    known = _catalogue_title(fold(title))
    if known is not None:
        return known
    scores: dict[str, float] = {}
    best_word: dict[str, tuple[float, str]] = {}
    for text, weight in ((title, _TITLE_WEIGHT), (description, _DESCRIPTION_WEIGHT)):
        matches = _matches(fold(text))
        for rank, (stem, word) in enumerate(matches):
            # The first telling word names the subject ('Kundendokumente', 'Dashboard-Berechtigungen').
            lead = _TRAINING_BONUS if stem.text in _TRAINING else _LEAD_BONUS if rank == 0 else 1.0
            gain = weight * stem.weight * lead * (1 + len(stem.text) / 8)
            scores[stem.field] = scores.get(stem.field, 0.0) + gain
            if gain > best_word.get(stem.field, (0.0, ""))[0]:
                best_word[stem.field] = (gain, word)
    if not scores:
        return None
    field = max(FIELDS, key=lambda name: (scores.get(name, 0.0), -FIELDS.index(name)))
    return FieldGuess(field, round(scores[field], 2), best_word[field][1])


def _matches(text: str) -> list[tuple[_Stem, str]]:
    """The stems found in a folded text, in reading order: per word the longest ones, then phrases."""
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
    pairs = ["".join(pair) for pair in itertools.pairwise(words)]
    for index, word in enumerate([*words, *pairs]):
        position = (index if index < len(words) else index - len(words)) * 100
        # In two words read as one ('Mehr-Faktor' → 'mehrfaktor') only stems across the seam count.
        seam = len(words[index - len(words)]) if index >= len(words) else 0
        hits = [
            (at, stem)
            for at, stem in (_stems_in(word) if not seam else _stems_in(word, seam))
            if not (stem.exclude and stem.exclude in word) and (not seam or at < seam < at + len(stem.text))
        ]
        # A word the vocabulary knows is not overruled by a catalogue word ('automation' is no customer word
        # because one customer measure of the catalogue automates); then the longest stem wins:
        # 'datenschutz' hides 'daten', 'stammdaten' hides 'daten'.
        if any(stem.weight == 1.0 for _, stem in hits):
            hits = [(at, stem) for at, stem in hits if stem.weight == 1.0]
        hits = [(at, s) for at, s in hits if not any(s.text != o.text and s.text in o.text for _, o in hits)]
        found.extend((position + at, stem, word) for at, stem in hits)
    unique: dict[tuple[str, str], tuple[int, _Stem, str]] = {}
    for position, stem, word in sorted(found, key=lambda item: item[0]):
        unique.setdefault((stem.text, stem.field), (position, stem, word))
    return [(stem, word) for _, stem, word in unique.values()]


@functools.lru_cache(maxsize=65_536)
def _stems_in(word: str, seam: int = 0) -> tuple[tuple[int, _Stem], ...]:
    """The stems in a word with where they start: whole-word ones, catalogue words at its start, any other inside;
    for two words read as one (`seam`: where the second begins) only the stems across the seam.

    Cached: the words of a list repeat ('Maßnahme', 'einführen'), and a 3,000-row list is read in a moment."""
    short, long = _vocabulary()
    hits = [(0, stem) for stem in (*short.get(word, ()), *(short.get(word[:-1], ()) if word.endswith("s") else ()))]
    longest = min(len(word), _longest_stem())
    starts = range(max(0, seam - longest + 1), seam) if seam else range(len(word) - 3)
    for start in starts:
        first_end = max(start + 4, seam + 1) if seam else start + 4
        for end in range(first_end, min(len(word), start + longest) + 1):
            hits.extend((start, stem) for stem in long.get(word[start:end], ()) if stem.weight == 1.0 or start == 0)
    return tuple(hits)


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
    for field, entries in _VOCABULARY.items():
        for entry in entries:
            text, _, exclude = entry.partition("!")
            stems.append(_Stem(fold(text), field, 1.0, fold(exclude).replace(" ", "")))
    own = {stem.text for stem in stems}
    stems += [stem for stem in _catalogue_stems() if stem.text not in own]
    return tuple(stems)


def _catalogue_title(title: str) -> FieldGuess | None:
    """The field of the catalogue measure whose German or English title this one (nearly) is."""
    if not title:
        return None
    best = (0.0, "", "")
    for known, field, matcher in _catalogue_matchers():
        # Titles of very different lengths cannot be this alike; the quick bounds spare the full comparison.
        if 2 * min(len(title), len(known)) < _SAME_AS_CATALOGUE * (len(title) + len(known)):
            continue
        matcher.set_seq1(title)
        if matcher.real_quick_ratio() < _SAME_AS_CATALOGUE or matcher.quick_ratio() < _SAME_AS_CATALOGUE:
            continue
        ratio = matcher.ratio()
        if ratio > best[0]:
            best = (ratio, known, field)
    return FieldGuess(best[2], 10.0, best[1]) if best[0] >= _SAME_AS_CATALOGUE else None


@functools.cache
def _catalogue_matchers() -> tuple[tuple[str, str, SequenceMatcher[str]], ...]:
    """Each catalogue title with its field and a matcher that has already indexed it."""
    return tuple((known, field, SequenceMatcher(None, "", known)) for known, field in _catalogue_titles())


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
            if len(word) >= _CATALOGUE_WORD and word not in _STOPWORDS:
                fields_of.setdefault(word, set()).add(item["field"])
    return [
        _Stem(word, next(iter(fields)), _CATALOGUE_WEIGHT)
        for word, fields in sorted(fields_of.items())
        if len(fields) == 1
    ]
