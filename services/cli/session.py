"""Who acts at the command line: the user signed in with `talenta login` (the same users as the
web interface), whose session is an API token kept in the user's config folder, or, only when
asked for explicitly, the embedded single-user mode, which names itself in every event it writes
(``embedded:<shell user>``) so that no trail mistakes a shell user for an authenticated one."""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import click

from domain.envelope import Actor, Role
from services.accounts import find_user, session_holds
from services.auth.errors import AuthError, OtherAgency
from services.auth.principal import Principal
from services.auth.store import token_store
from services.auth.tokens import digest
from services.bootstrap import store_opened

SESSION_ENV = "TALENTA_SESSION"
EMBEDDED_ENV = "TALENTA_EMBEDDED"
ROLE_ENV = "TALENTA_ROLE"
EMBEDDED_PREFIX = "embedded:"
_SIGNED_IN = "talenta.signed-in"
EMBEDDED_NEEDS_AGENCY = (
    "mode tertanam memerlukan --agency (TALENTA_AGENCY) / "
    "the embedded mode needs --agency (TALENTA_AGENCY)"
)


class NotSignedIn(AuthError):
    status = 401
    code = "unauthenticated"

    def __init__(self, why: str = "", why_en: str = "") -> None:
        super().__init__(
            f"belum masuk{why}: jalankan `talenta login` (atau {EMBEDDED_ENV}=1 untuk mode "
            "tertanam satu pengguna)",
            f"not signed in{why_en}: run `talenta login` (or {EMBEDDED_ENV}=1 for the embedded "
            "single-user mode)",
        )


class NotTheSignedInUser(AuthError, PermissionError):
    code = "not-signed-in-user"

    def __init__(self, user_id: str, option: str, value: str) -> None:
        super().__init__(
            f"{option} {value!r} bukan milik pengguna yang masuk ({user_id})",
            f"{option} {value!r} is not the signed-in user's ({user_id})",
        )


@dataclass(frozen=True)
class Session:
    store: str
    username: str
    token_id: str
    secret: str

    def as_json(self) -> str:
        return json.dumps(self.__dict__, indent=2)


def session_file() -> Path:
    """``TALENTA_SESSION``, else ``talenta/session.json`` in the user's config folder."""
    explicit = os.environ.get(SESSION_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "talenta" / "session.json"


def save_session(session: Session) -> Path:
    """Writes the session readable by its owner alone: it holds a bearer secret."""
    path = session_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # an older file keeps its mode through O_CREAT
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(session.as_json())
    return path


def load_session() -> Session | None:
    path = session_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Session(**{key: str(data[key]) for key in Session.__dataclass_fields__})
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):
        raise NotSignedIn(f" ({path} rusak)", f" ({path} is damaged)") from None


def signed_in(store: str) -> Principal:
    """The principal of the session for ``store``: its token live, its user enabled, not given a
    new password nor signed out since the token was issued. Judged once per invocation, however
    many of its steps name their actor."""
    ctx = click.get_current_context(silent=True)
    cache: dict[str, Principal] = ctx.meta.setdefault(_SIGNED_IN, {}) if ctx else {}
    if store not in cache:
        cache[store] = _authenticated(store)
    return cache[store]


def _authenticated(store: str) -> Principal:
    session = load_session()
    if session is None:
        raise NotSignedIn()
    if session.store != store:
        raise NotSignedIn(
            f" ke {store} (sesi untuk {session.store})",
            f" to {store} (session for {session.store})",
        )
    with store_opened(store) as app:
        tokens = token_store(app)
        principal = tokens.authenticate(session.secret)
        row = tokens.find(digest(session.secret))
        user = find_user(app, session.username)
        if (
            principal is None
            or row is None
            or user is None
            or principal.user_id != session.username
            or not session_holds(app, user, row.info.created_at, datetime.now(UTC))
        ):
            raise NotSignedIn(" (sesi berakhir)", " (the session has ended)")
    return principal


def embedded_actor(actor_id: str | None, role: Role, agency: str, unit: str = "") -> Actor:
    name = actor_id or getpass.getuser()
    return Actor(
        id=f"{EMBEDDED_PREFIX}{name}",
        role=role,
        agency=agency,
        unit=unit if role is Role.HEAD_OF_UNIT else "",
    )


def signed_in_actor(
    store: str, role: Role, agency: str | None, actor_id: str | None = None, unit: str = ""
) -> Actor:
    """The signed-in user in ``role``. A role it does not hold, another agency, another actor
    or another unit is refused after the step is noted (services/cli/step.py ``remember``), so
    the refusal is recorded with who asked."""
    from services.cli.step import remember

    principal = signed_in(store)
    asked = Actor(
        id=principal.user_id,
        role=role,
        agency=principal.agency,
        unit=principal.unit if role is Role.HEAD_OF_UNIT else "",
    )
    if role not in principal.roles:
        remember(asked)
        principal.actor(role)  # raises RoleNotHeld
    remember(asked)
    if agency and agency != principal.agency:
        raise OtherAgency(asked, agency)
    if actor_id and actor_id != principal.user_id:
        raise NotTheSignedInUser(principal.user_id, "--actor", actor_id)
    if unit and role is Role.HEAD_OF_UNIT and unit != principal.unit:
        raise NotTheSignedInUser(principal.user_id, "--actor-unit", unit)
    return asked


def embedded_requested(flag: bool = False) -> bool:
    return flag or os.environ.get(EMBEDDED_ENV, "").strip().lower() in ("1", "true", "yes")


def cli_actor(
    store: str,
    role: Role,
    agency: str | None,
    *,
    embedded: bool = False,
    actor_id: str | None = None,
    unit: str = "",
) -> Actor:
    """Who acts in this invocation: the signed-in user, or the embedded mode's named shell user
    where it was asked for."""
    if embedded_requested(embedded):
        if not agency:
            raise click.UsageError(EMBEDDED_NEEDS_AGENCY)
        return embedded_actor(actor_id, role, agency, unit)
    return signed_in_actor(store, role, agency, actor_id, unit)


def reader_agency(store: str, agency: str | None, *, embedded: bool = False) -> str:
    """The agency whose data a read shows: the signed-in user's own (naming another is refused),
    or in the embedded mode the one named."""
    if embedded_requested(embedded):
        if not agency:
            raise click.UsageError(EMBEDDED_NEEDS_AGENCY)
        return agency
    from services.cli.step import remember

    principal = signed_in(store)
    if agency and agency != principal.agency:
        (role, *_) = sorted(principal.roles)
        asked = principal.actor(role)
        remember(asked)  # recorded like a refused step, with who asked
        raise OtherAgency(asked, agency)
    return principal.agency


def reading_actor(store: str, agency: str | None, *, embedded: bool = False) -> Actor:
    """Who reads personal data, so that the read is recorded as the API's are: the role named
    by TALENTA_ROLE, else the caseworker's where held (the keepers of the records, whose reads
    are not recorded), else the first role the user holds; for its own agency only."""
    asked = os.environ.get(ROLE_ENV, "").strip()
    if embedded_requested(embedded):
        if not agency:
            raise click.UsageError(EMBEDDED_NEEDS_AGENCY)
        role = Role(asked) if asked else Role.CASEWORKER
        return embedded_actor(os.environ.get("TALENTA_ACTOR"), role, agency)
    roles = signed_in(store).roles
    role = Role(asked) if asked else Role.CASEWORKER if Role.CASEWORKER in roles else min(roles)
    return signed_in_actor(store, role, agency)
