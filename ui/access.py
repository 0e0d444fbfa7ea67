"""Who may open the moderator's pages (docs/security.md, access and the network).

- With ROADMAP_ACCESS_CODE set, a session sees only the code form until it entered the code. Wrong
  tries are counted per client address across all its sessions (roadmap/access.py); while an address
  is locked, every session from it is told how long to wait and no code is compared.
- Without a code, only sessions from this machine (loopback or one of its own addresses) get the
  moderator's pages; any other gets a refusal page that says so. Phones with a participant link
  never come here (app.py).

The limiter and the machine's addresses live in the memory of this server process.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import socket
import uuid
from pathlib import Path

import streamlit as st

from roadmap.access import RateLimiter, Reach, Verdict, is_local, network_note, reach
from ui.language import say, t

_ACCESS = "_access_granted"
_ACCESS_SESSION = "_access_session"
_LOOPBACK_NAME = "local"  # the limiter's key for a client Streamlit reports without an address (loopback)
_ADDRESS = "_client_address"  # the session's client address, read once: a session keeps its connection's address


@functools.cache
def _limiter() -> RateLimiter:
    """The one limiter of this server process."""
    return RateLimiter()


def _expected_code() -> str:
    return os.environ.get("ROADMAP_ACCESS_CODE", "")


def _client_address() -> str | None:
    """The session's remote address as Streamlit reports it: None for loopback, and in AppTest (whose
    stand-in runtime answers with a mock object, not an address).

    Read once per session and kept: it belongs to the session's connection, and every rerun asks
    for it (in AppTest each reading builds a mock object, a twentieth of a rerun)."""
    if _ADDRESS not in st.session_state:
        address: object = st.context.ip_address
        st.session_state[_ADDRESS] = address if isinstance(address, str) else None
    known: str | None = st.session_state[_ADDRESS]
    return known


def _listen_address() -> str:
    """Where the server listens (Streamlit's server.address; '' is its default, every interface)."""
    return str(st.get_option("server.address") or "")


@functools.cache
def _own_addresses() -> frozenset[str]:
    """This machine's own addresses, looked up once per server process (stdlib only).

    The host name's addresses, the address each family would send from (a UDP socket that is
    connected but never sends), and on Linux every interface address the kernel lists.
    """
    found: set[str] = set()
    with contextlib.suppress(OSError):
        found |= {str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None)}
    for family, probe in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect((probe, 9))
            found.add(str(sock.getsockname()[0]))
    return frozenset(found | _linux_addresses())


def _linux_addresses() -> set[str]:
    """Interface addresses from /proc (IPv6 from if_inet6, IPv4 from fib_trie's local host routes)."""
    found: set[str] = set()
    with contextlib.suppress(OSError):
        for line in Path("/proc/net/if_inet6").read_text(encoding="ascii").splitlines():
            digits = line.split()[0]
            found.add(":".join(digits[i : i + 4] for i in range(0, 32, 4)))
    with contextlib.suppress(OSError):
        lines = Path("/proc/net/fib_trie").read_text(encoding="ascii").splitlines()
        for before, line in itertools.pairwise(lines):
            if "/32 host LOCAL" in line:
                found.add(before.split()[-1])
    return found


def from_this_machine() -> bool:
    """True if this session's browser runs on the server's own machine."""
    return is_local(_client_address(), _own_addresses())


def access_granted() -> bool:
    """True once this session entered ROADMAP_ACCESS_CODE, or without a code for a session from this
    machine (draws nothing)."""
    if _expected_code():
        return bool(st.session_state.get(_ACCESS))
    return from_this_machine()


def door() -> None:
    """What a session without access sees on any path: the code form, or without a code the refusal."""
    if _expected_code():
        access_form()
    else:
        only_this_machine()


def only_this_machine() -> None:
    """The refusal for another device while no access code is set."""
    st.title("Digital-Roadmap für KMU")
    st.error(
        t(
            "Die Moderationsseiten öffnen sich ohne Zugangscode nur auf dem Computer, auf dem die App läuft.",
            "Without an access code the moderator's pages open only on the computer the app runs on.",
        ),
        icon=":material/block:",
    )
    st.info(
        t(
            "Damit andere Geräte sie öffnen dürfen, muss die Moderation einen Zugangscode setzen "
            "(ROADMAP_ACCESS_CODE) und die App neu starten. Wer per Handy mitmacht, nimmt den "
            "Teilnahme-Link oder QR-Code der Moderation.",
            "For other devices to open them, the moderator must set an access code (ROADMAP_ACCESS_CODE) "
            "and restart the app. To take part by phone, use the moderator's participant link or QR code.",
        ),
        icon=":material/key:",
    )


def access_form() -> None:
    """The code form: the only thing a session sees, on any path, until it entered the code.

    The code is compared in constant time; wrong tries are counted per client address across all
    its sessions (roadmap/access.py). While the address is locked, the form says how long to wait
    and no code is compared, so a guesser needs a new address per handful of tries.
    """
    st.title("Digital-Roadmap für KMU")
    session = st.session_state.setdefault(_ACCESS_SESSION, uuid.uuid4().hex)
    address = _client_address() or _LOOPBACK_NAME
    with st.form("access_form"):
        given = st.text_input(t("Zugangscode", "Access code"), type="password", key="access_code")
        entered = st.form_submit_button(t("Öffnen", "Open"), icon=":material/lock_open:", key="access_open")
    if entered:
        verdict = _limiter().attempt(session, address, given or "", _expected_code())
        if verdict.ok:
            st.session_state[_ACCESS] = True
            st.rerun()
        st.error(say(verdict.message()), icon=":material/lock:")
        return
    waiting = _limiter().wait(session, address)
    if waiting > 0:  # said before anybody types: no code is compared until then
        st.warning(say(Verdict(False, waiting).message()), icon=":material/hourglass_top:")


def network_line() -> None:
    """For the moderator: whether the server listens beyond this computer and whether a code protects it."""
    where = reach(_listen_address())
    protected = bool(_expected_code())
    icon = "computer" if where is Reach.THIS_COMPUTER else "lock" if protected else "public"
    st.caption(f":material/{icon}: {say(network_note(where, protected))}")
