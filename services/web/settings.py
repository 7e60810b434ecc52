"""The web interface's settings: the secret that signs session cookies (kept by the installation:
``TALENTA_WEB_SECRET``, or a file created once beside the store), the lock-out after failed
sign-ins, how long a session lasts, and the agency's single sign-on in front of the pages, if
any (a trusted reverse proxy naming the signed-in user in a header; off by default)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from services.accounts import LockOut

DEFAULT_SECRET_FILE = "var/web-secret"


@dataclass(frozen=True)
class TrustedProxy:
    """The agency's single sign-on as a reverse proxy: it signs the user in and sends their user
    name in ``header``. Only a request whose peer is one of ``addresses`` is believed: anyone
    else can write the same header."""

    header: str
    addresses: frozenset[str]

    def username(self, peer: str | None, headers: Mapping[str, str]) -> str | None:
        if peer is None or peer not in self.addresses:
            return None
        return headers.get(self.header, "").strip() or None

    @classmethod
    def from_env(cls) -> TrustedProxy | None:
        """``TALENTA_SSO_HEADER`` and ``TALENTA_SSO_PROXY`` (the proxy's addresses, separated
        by commas): both, or the sign-on is off."""
        header = os.environ.get("TALENTA_SSO_HEADER", "").strip()
        addresses = {a.strip() for a in os.environ.get("TALENTA_SSO_PROXY", "").split(",")}
        addresses.discard("")
        if not header and not addresses:
            return None
        if not header or not addresses:
            raise ValueError(
                "TALENTA_SSO_HEADER dan TALENTA_SSO_PROXY harus diisi keduanya / set both "
                "TALENTA_SSO_HEADER and TALENTA_SSO_PROXY, or neither"
            )
        return cls(header=header, addresses=frozenset(addresses))


@dataclass(frozen=True)
class WebSettings:
    secret: str
    lockout: LockOut = field(default_factory=LockOut)
    session: timedelta = timedelta(hours=8)
    proxy: TrustedProxy | None = None

    @classmethod
    def from_env(cls, secret_file: Path = Path(DEFAULT_SECRET_FILE)) -> WebSettings:
        """``TALENTA_WEB_SECRET`` or the file at ``TALENTA_WEB_SECRET_FILE`` (default
        ``secret_file``, created with a random secret when missing); ``TALENTA_LOCKOUT_ATTEMPTS``
        (5) failed sign-ins within ``TALENTA_LOCKOUT_MINUTES`` (15) lock a user."""
        secret = os.environ.get("TALENTA_WEB_SECRET") or _kept_secret(
            Path(os.environ.get("TALENTA_WEB_SECRET_FILE", secret_file))
        )
        lockout = LockOut(
            attempts=int(os.environ.get("TALENTA_LOCKOUT_ATTEMPTS", "5")),
            window=timedelta(minutes=int(os.environ.get("TALENTA_LOCKOUT_MINUTES", "15"))),
        )
        return cls(secret=secret, lockout=lockout, proxy=TrustedProxy.from_env())


def _kept_secret(path: Path) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_hex(32)
    # Readable by the product's own user only: whoever reads it can forge a session.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(secret)
    return secret
