"""What the start of the product tells a new user: where it is, where the API docs are, and
how the first sign-in becomes possible."""

from __future__ import annotations

from domain.envelope import Actor, Role
from services.accounts import NewUser, create_user
from services.application import Talenta
from services.config import StoreConfig
from services.serve import started


def test_the_start_names_the_address_the_docs_and_the_first_administrator(
    app: Talenta, store: StoreConfig
) -> None:
    fresh = started(app, store, "127.0.0.1", 8000, "Temporal at 127.0.0.1:7233")

    assert fresh[0].endswith("http://127.0.0.1:8000/")
    assert fresh[1] == "  API docs: http://127.0.0.1:8000/docs"
    assert "no user yet" in fresh[3]
    assert fresh[4].split() == [
        "TALENTA_EMBEDDED=1", ".venv/bin/talenta", "user", "create", "admin", "--agency",
        "kota-madiun", "--role", "administrator",
    ]  # fmt: skip

    admin = Actor(id="embedded:root", role=Role.ADMINISTRATOR, agency="kota-madiun")
    create_user(
        app,
        NewUser(username="admin", agency="kota-madiun", roles={Role.ADMINISTRATOR},
                password="kata-sandi-yang-panjang"),
        admin,
    )  # fmt: skip
    later = started(app, store, "127.0.0.1", 8000, "Temporal at 127.0.0.1:7233")

    assert len(later) == 4 and "talenta login" in later[3]
