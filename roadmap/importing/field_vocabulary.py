"""The words that tell a measure's field of action (roadmap/importing/field_words.py reads them; docs/import.md).

Stems per field as people write them, German and English; the words of the catalogue's own texts that tell
no field, so that they are not taken as the catalogue's field words; and the little words that tell English from
German.
"""

from __future__ import annotations

from roadmap.domain.vocabulary import FIELDS

PROCESS, DATA, SECURITY, CUSTOMERS, PEOPLE, STRATEGY = FIELDS

# Stems as written (umlauts allowed); a stem of up to three letters must be a whole word,
# a longer one may stand anywhere inside a word. 'stem!one|two' ignores words that contain 'one' or 'two'
# ('fuehrung' is leadership, 'Einführung' an introduction).
VOCABULARY: dict[str, tuple[str, ...]] = {
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
        "edi", "beleg", "buchung", "buchhalt", "buchfuehrung", "accounting", "fibu", "finanz", "steuer", "dms",
        "dokumentenmanage",
        "document", "dokument", "archiv", "scan", "papier", "paper", "zeiterfass", "time tracking", "time recording",
        "warenwirtschaft", "lager", "inventory", "inventur", "bestand", "einkauf", "beschaffung", "procure",
        "bestell", "auftrag", "order", "produktion", "fertigung", "mes", "maschine", "formular", "signatur",
        "signature", "freigabe", "approval", "artikel", "lieferant", "supplier", "logistik", "versand", "shipping",
        "barcode", "kasse", "zahlung", "payment", "lohn", "payroll", "abrechnung", "reisekosten", "expense",
        "vertrag", "contract", "ablauf", "projektmanagement", "project management", "aufgabenverwaltung", "sop",
        "standard operating", "shopfloor", "schicht", "handover", "fuhrpark", "tourenplan", "disposition",
        "operations", "lean",
        # the back office as SMEs name it: accounting, logistics, approvals
        "zugferd", "datev", "lexware", "sap", "odoo", "fakturier", "faktura", "kostenstelle", "kostenrechnung",
        "spesen", "fahrtenbuch", "materialwirtschaft", "materialfluss", "transport", "fracht", "freight", "shipment",
        "sendungsverfolgung", "goods receipt", "qualitaetskontrolle", "quality control", "pps", "mrp", "genehmigung",
        "antrag", "unterschrift", "postbearbeitung", "aktenplan", "ruestzeit", "order to cash", "procure to pay",
        "purchase to pay", "lieferschein", "delivery note", "spediteur", "zoll", "customs", "kreditor", "debitor",
        "accounts payable", "accounts receivable", "bookkeeping", "ledger", "reconciliation",
        "baustelle", "aufmass", "vergabe", "wiedervorlage", "fristen",
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
        # data work by name
        "data governance", "datenkatalog", "data catalog", "sql", "pivot", "power query", "nlp",
        "computer vision", "bilderkennung", "image recognition", "zeitreihe", "time series",
    ),
    SECURITY: (
        "threat", "bedrohung", "angriff", "attack", "ransomware", "skalier", "scalab", "microservice", "container",
        "kubernetes", "docker", "devops", "ci cd", "technical debt", "technische schulden", "legacy", "altsystem",
        "third party", "connectivity", "konnektivitaet", "edge computing", "5g", "high availability", "hochverfuegbar",
        "uptime", "ausfall", "outage", "deploy", "update",
        "technolog", "software", "videokonferenz", "video conferenc", "video call", "datensparsam",
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
        # the devices, accounts and lines every office has
        "computer", "pc", "notebook", "tablet", "smartphone", "mobiltelefon", "diensthandy", "telefonanlage",
        "telefonie", "voip", "bildschirm", "peripherie", "benutzerkonto", "user account", "postfach", "mailbox",
        "domain", "ssl", "tls", "https", "router", "lan", "verkabelung", "betriebssystem", "windows", "linux",
        "macos", "softwareverteilung", "installation", "benutzerverwaltung", "user management", "credentials",
        "it ausstattung", "it equipment", "it support", "it dienstleister", "managed service", "it helpdesk",
        "datentraeger", "festplatte", "usb",
        "zutritt", "videoueberwachung", "alarmanlage", "auftragsverarbeitung", "verarbeitungstaetigkeit",
        # the firm's data kept safe rather than analysed
        "data backup", "data loss", "dlp", "data retention", "sensitive data", "datennetz", "datenleitung",
        "energieversorgung", "stromversorgung", "stromausfall",
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
        # the people a firm serves, under their many names, and the ways to reach and keep them
        "churn", "abwanderung", "beschwerde", "csat", "net promoter", "kundenbefragung", "customer survey", "buerger",
        "patient", "gaeste", "klient", "mandant", "pressearbeit", "public relations", "pressemitteilung", "flyer",
        "broschuere", "google ads", "suchmaschine", "search engine", "affiliate", "conversion", "checkout",
        "warenkorb", "shopping cart", "retoure", "upsell", "cross sell", "key account", "zielgruppe",
        "target group", "audience", "community", "veranstaltung", "podcast", "reservierung", "reservation",
        "customer success", "rezension",
        "kundenkarte", "gutschein", "voucher", "rabatt", "discount", "click and collect", "click collect",
        "google maps", "empfehlung", "referral", "kundenclub", "treueprogramm",
        # search engines and the directories and review sites where local customers find a firm
        "sitemap", "meta tag", "meta description", "metabeschreibung", "robots txt", "canonical", "alt text",
        "alt tag", "backlink", "linkbuilding", "link building", "verlinkung", "search console", "tag manager",
        "open graph", "twitter card", "pagespeed", "page speed", "keyword", "branchenbuch", "branchenverzeichnis",
        "gelbe seiten", "das oertliche", "trustpilot", "provenexpert", "yelp", "tripadvisor", "google post",
        "google profil", "business profile", "unternehmensprofil",
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
        # what HR does for the staff, from the first day to the last
        "mitarbeiterbefragung", "employee survey", "360 degree", "360 grad", "zielvereinbarung", "beurteilung",
        "appraisal", "succession", "verguetung", "gehalt", "salary", "compensation", "arbeitsvertrag",
        "urlaubsantrag", "zeitkonto", "gesundheitsmanagement", "bgm", "wellbeing", "arbeitsschutz", "begruessung",
        "einfuehrungstag", "patenschaft", "offboarding", "austritt", "exit interview", "betriebsrat",
        "works council", "fortbildung", "seminar", "stellenbeschreibung", "job description", "one on one",
        "leadership development", "fuehrungskraefteentwicklung",
        "dienstplan", "personaleinsatz", "interne kommunikation", "internal communication", "praktikum",
        "internship", "werkstudent", "arbeitgeber",
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
        "foresight", "zukuenft", "strateg", "kultur", "culture", "change", "wandel", "leadership",
        "fuehrung!einfuehrung|durchfuehrung|ausfuehrung|ueberfuehrung|buchfuehrung", "vision",
        "mission", "leitbild", "ziel", "objective", "okr", "innovation", "innovat", "geschaeftsmodell",
        "business model", "roadmap", "transformation", "organisation", "organization", "organizational", "struktur",
        "structure", "agil", "agile", "partner", "kooperation", "experiment", "foerder", "funding", "budget",
        "governance", "nachhaltig", "sustainab", "wettbewerb", "competit", "markt", "market", "pilotprojekt",
        "pilot", "servitization", "reifegrad", "maturity", "steering", "steuerkreis", "stakeholder", "kick off",
        "kickoff", "lenkungskreis", "portfolio", "priorisier", "dialog", "kommunikation",
        # the tools and words of strategy work
        "five forces", "porter", "swot", "pestel", "balanced scorecard", "geschaeftsplan", "business plan",
        "businessplan", "markteintritt", "internationalis", "merger", "zuschuss", "allianz", "wertesystem",
        "kernwerte", "purpose", "north star", "scenario planning", "szenarioplanung",
    ),
}  # fmt: skip

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
    "continuously zweitem ausser tagesaktuell gepflegt getestet dokumentiert documented umsetzen "
    # words of any business: the company, its people in charge, its money, its places
    "betrieb business geschaeft mittelstand verantwortliche ansprechperson abteilung account financial finanzielle "
    "settle lokale locations medien naechsten chancen answer glance figures"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split(" "))

# The little words and endings that tell an English title from a German one (field_words.english): English writes
# its compounds apart, so in an English title a stem counts only where a word begins.
_ENGLISH_WORDS_TEXT = (
    "the and for of to with on in a an our your their all each every from by into is are be will using based "
    "across within through how what"
)
_GERMAN_WORDS_TEXT = (
    "und der die das fuer mit von zu zur zum im den dem des ein eine einer einen auf aus bei nach oder sowie "
    "ueber unsere unser alle wie ist sind wird werden nicht"
)
ENGLISH_WORDS = frozenset(_ENGLISH_WORDS_TEXT.split(" "))
GERMAN_WORDS = frozenset(_GERMAN_WORDS_TEXT.split(" "))
ENGLISH_ENDINGS = ("ing", "ed", "ity", "ness", "ment", "ments", "ship", "ies", "ly")
GERMAN_ENDINGS = ("ung", "ungen", "keit", "heit", "ieren", "isch", "schaft", "lich", "en", "ae", "oe", "ue")
