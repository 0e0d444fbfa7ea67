"""Read a foreign file in a child process of its own, so that no file can take the server down
(docs/security.md, files from outside).

The server never parses an uploaded file itself. `read_sheets_apart` starts a fresh Python (spawned, not
forked: the server's own address space is larger than any sensible cap) that imports only the reading code,
caps its memory (Linux: `resource.setrlimit`) and its processor time, and hands it the file on its standard
input. The child answers with the sheets as read or with the refusal of roadmap/importing/files.py; a crash,
an abort in native code, a full memory or a timeout becomes one sentence. Whatever happens, the server and
every other session go on as before, and the child is gone within `Guard.seconds`.

The cheap checks of roadmap/importing/shape_checks.py run inside the child too, so the common cases come back
fast with their own sentence; the command line reads in its own process, since a file there endangers only
itself (docs/command-line.md).
"""

from __future__ import annotations

import io
import pickle
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import ClassVar

from roadmap.domain.messages import Location, Message
from roadmap.importing.raw_sheets import DEFAULT_LIMITS, ImportFailed, Limits, RawSheet

_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the roadmap package


@dataclass(frozen=True)
class Guard:
    """What the reading child may use: memory (bytes of address space) and wall-clock seconds."""

    memory: int = 400 * 1024 * 1024
    seconds: float = 15.0
    # The most the child may send back: the rows of a list at its limits, not a copy of its memory.
    answer: int = 128 * 1024 * 1024


DEFAULT_GUARD = Guard()
# Files read at once by this server: however many people upload together, the readers' memory stays bounded
# (two caps' worth); a reading waits for a free reader as long as a reading may take.
READERS_AT_ONCE = 2
_READERS = threading.BoundedSemaphore(READERS_AT_ONCE)


def read_sheets_apart(
    data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS, guard: Guard = DEFAULT_GUARD
) -> list[RawSheet]:
    """Every sheet of the file as roadmap/importing/files.py reads it, read in a capped child process;
    ImportFailed with a sentence for whatever the file is or does."""
    where = Location(file=filename)
    if not _READERS.acquire(timeout=guard.seconds):
        raise _failed(where, _BUSY)
    try:
        return _read_apart(data, filename, limits, guard, where)
    finally:
        _READERS.release()


def _read_apart(data: bytes, filename: str, limits: Limits, guard: Guard, where: Location) -> list[RawSheet]:
    request = pickle.dumps((bytes(data), filename, limits, guard.memory, guard.seconds))
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _CHILD, str(_ROOT)],
            input=request,
            capture_output=True,
            timeout=guard.seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child already
        raise _failed(where, _too_slow(guard)) from None
    except OSError:
        raise _failed(where, _NOT_STARTED) from None
    if done.returncode == -signal.SIGXCPU:  # its processor time ran out before the clock did
        raise _failed(where, _too_slow(guard))
    if done.returncode != 0 or not done.stdout:
        raise _failed(where, _too_large(guard) if _out_of_memory(done) else _CRASHED)
    if len(done.stdout) > guard.answer:
        raise _failed(where, _too_large(guard))
    return _answer(done.stdout, where)


def _answer(output: bytes, where: Location) -> list[RawSheet]:
    """The child's answer: its sheets, or its refusal raised here."""
    try:
        answer = _Unpickler(io.BytesIO(output)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError):
        raise _failed(where, _CRASHED) from None
    if answer[0] == "failed":
        _, de, en, file, sheet, row, column = answer
        raise ImportFailed(Message(de, en), Location(file, sheet, row, column))
    sheets: list[RawSheet] = answer[1]
    return sheets


def _out_of_memory(done: subprocess.CompletedProcess[bytes]) -> bool:
    """A child that ran out of its memory: Python's MemoryError, or native code aborting on a failed allocation."""
    return done.returncode in (-9, 3) or b"memory allocation" in done.stderr or b"MemoryError" in done.stderr


class _Unpickler(pickle.Unpickler):
    """Takes back only what a sheet is made of: the child reads hostile bytes, its answer is checked too."""

    _ALLOWED: ClassVar[dict[tuple[str, str], type]] = {
        ("roadmap.importing.raw_sheets", "RawSheet"): RawSheet,
        ("datetime", "date"): date,
        ("datetime", "datetime"): datetime,
        ("datetime", "time"): time,
        ("datetime", "timedelta"): timedelta,
        ("builtins", "frozenset"): frozenset,
        ("builtins", "set"): set,
    }

    def find_class(self, module: str, name: str) -> type:
        found = self._ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is no part of a sheet")
        return found


def _failed(where: Location, reason: Message) -> ImportFailed:
    return ImportFailed(
        Message(f"Die Datei konnte nicht gelesen werden: {reason.de}", f"The file could not be read: {reason.en}"),
        where,
    )


def _too_slow(guard: Guard) -> Message:
    return Message(
        f"das Lesen dauerte länger als {guard.seconds:g} Sekunden und wurde abgebrochen. Bitte die Liste in einer "
        "kleineren Datei speichern (nur das Blatt mit den Maßnahmen).",
        f"reading took longer than {guard.seconds:g} seconds and was stopped. Please save the list in a smaller "
        "file (only the sheet with the measures).",
    )


def _too_large(guard: Guard) -> Message:
    megabytes = guard.memory // (1024 * 1024)
    return Message(
        f"sie braucht zum Lesen mehr als {megabytes} MB Speicher und wurde nicht gelesen. Bitte die Liste in einer "
        "kleineren Datei speichern (nur das Blatt mit den Maßnahmen).",
        f"it needs more than {megabytes} MB of memory to read and was not read. Please save the list in a smaller "
        "file (only the sheet with the measures).",
    )


_CRASHED = Message(
    "das Leseprogramm ist an ihr gescheitert (die Datei ist beschädigt oder ungewöhnlich aufgebaut). "
    "Bitte in Excel oder LibreOffice öffnen und neu als .xlsx speichern.",
    "the reader failed on it (the file is damaged or built in an unusual way). "
    "Please open it in Excel or LibreOffice and save it again as .xlsx.",
)
_BUSY = Message(
    "der Server liest gerade die Dateien anderer. Bitte in einem Augenblick noch einmal hochladen.",
    "the server is reading other people's files right now. Please upload it again in a moment.",
)
_NOT_STARTED = Message(
    "der Lesevorgang ließ sich auf diesem Server nicht starten. Bitte noch einmal versuchen.",
    "the reading process could not be started on this server. Please try again.",
)

# The child: cap itself first, then import the reading code and read. Its answer is a pickle on stdout.
_CHILD = """
import pickle, sys
sys.path.insert(0, sys.argv[1])
data, filename, limits, memory, seconds = pickle.load(sys.stdin.buffer)
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (int(seconds) + 1, int(seconds) + 1))
except (ImportError, ValueError, OSError):
    pass  # not on Linux: the parent's time limit and the shape checks are the guard
from roadmap.importing.files import read_sheets
from roadmap.importing.raw_sheets import ImportFailed
try:
    answer = ("ok", read_sheets(data, filename, limits))
except ImportFailed as error:
    w = error.where
    spot = (w.file, w.sheet, w.row, w.column) if w is not None else (filename, "", None, "")
    answer = ("failed", error.message.de, error.message.en, *spot)
except MemoryError:
    sys.exit(3)
del data
sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
"""
