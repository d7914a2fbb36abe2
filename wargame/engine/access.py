"""Access codes: what a participant types in the browser to open its own screen.

Each delegation (and control) has a code derived from a secret kept in the session's
metadata, created the first time a code is needed: ``HMAC-SHA256(secret, viewer)`` written
as eight characters of an alphabet without look-alikes (no I, O, 0 or 1). The same session
always gives the same codes, so the facilitator can print them at any time; anyone who
can read the session file can compute them, which is fine: that person is control.
The public (projector) view needs no code.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from wargame.engine.session import Session
from wargame.engine.visibility import CONTROL, PUBLIC

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 symbols: 5 bits each
# 8 symbols: 40 bits. At the 3.8 guesses a second measured per connection, trying them all
# would take about 9,000 years; the access guard locks a viewer after a few wrong codes.
CODE_LENGTH = 8
SECRET_KEY = "access_secret"


def access_secret(session: Session) -> bytes:
    """The session's secret, created (once, whoever asks first) when missing."""
    return bytes.fromhex(session.setdefault_meta(SECRET_KEY, secrets.token_hex(32)))


def code_for(secret: bytes, viewer: str) -> str:
    digest = hmac.new(secret, viewer.encode("utf-8"), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big")
    symbols = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        symbols.append(ALPHABET[index])
    return "".join(symbols)


def access_codes(session: Session) -> dict[str, str]:
    """Control's code, then each delegation's, in the scenario's order."""
    secret = access_secret(session)
    viewers = [CONTROL, *(d.id for d in session.scenario.delegations)]
    return {viewer: code_for(secret, viewer) for viewer in viewers}


def normalize_code(typed: str) -> str:
    """A code as typed, made comparable: case, spaces and dashes do not matter."""
    return "".join(ch for ch in typed.upper() if ch not in " -\t")


def check_code(session: Session, viewer: str, typed: str) -> bool:
    """Whether ``typed`` opens ``viewer``'s screen (the public needs no code)."""
    if viewer == PUBLIC:
        return True
    expected = access_codes(session).get(viewer)
    if expected is None:
        return False
    return hmac.compare_digest(normalize_code(typed).encode(), expected.encode())


def code_lines(session: Session) -> list[str]:
    """The codes as a facilitator hands them out: one line per viewer, public last."""
    scenario = session.scenario
    names = {CONTROL: "Control: the facilitator's console",
             **{d.id: f"{d.name} ({d.role})" for d in scenario.delegations}}
    codes = access_codes(session)
    width = max(len(viewer) for viewer in [*codes, PUBLIC])
    lines = [f"  {viewer.ljust(width)}  {code}  {names[viewer]}" for viewer, code in codes.items()]
    lines.append(f"  {PUBLIC.ljust(width)}  {'-' * CODE_LENGTH}  Projector: public information, no code")
    return lines
