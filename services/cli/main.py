"""The `talenta` command line: the root group, to which every area attaches its commands."""

from __future__ import annotations

import click

from services.cli.audit import audit
from services.cli.chain import chain
from services.cli.compliance import compliance
from services.cli.demo import demo
from services.cli.inbox import inbox_group
from services.cli.login import login, logout, whoami
from services.cli.personnel import eligibility, employees, import_, ninebox, packs
from services.cli.refusals import RefusingGroup
from services.cli.report import report
from services.cli.run import serve, worker
from services.cli.scouting import scouting
from services.cli.talent import talent
from services.cli.token import token
from services.cli.users import user
from services.config import creating_stores


@click.group(cls=RefusingGroup)
@click.option(
    "--init", is_flag=True, help="Create the store if it does not exist yet (else refused)."
)
@click.pass_context
def main(ctx: click.Context, init: bool) -> None:
    """Talenta: civil-servant talent management (Binjai 8/2023, Balikpapan 12/2022, Madiun
    48/2021)."""
    ctx.with_resource(creating_stores(init))


for command in (
    serve,
    worker,
    login,
    logout,
    whoami,
    employees,
    import_,
    eligibility,
    ninebox,
    packs,
):
    main.add_command(command)
for group in (token, user, chain, compliance, audit, demo, scouting, talent, report):
    main.add_command(group)
main.add_command(inbox_group, name="inbox")
