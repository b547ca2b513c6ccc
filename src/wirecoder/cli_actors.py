"""``wirecoder actors …``: resolve text, show a person's offices, check and import dictionaries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
import yaml

from wirecoder.actors.kb import load_knowledge_base
from wirecoder.actors.lookup import find_people, resolve_text
from wirecoder.actors.petrarch import import_petrarch
from wirecoder.actors.validate import check_files, summary
from wirecoder.config import load_settings
from wirecoder.output import table

ACTORS_HELP = "Extra actor dictionary (YAML, packaged schema); repeatable. Added to the actors.dictionaries setting."


def _dictionaries(ctx: click.Context, extra: tuple[str, ...]) -> list[str]:
    obj = ctx.find_root().obj or {}
    settings = load_settings(obj.get("config"), obj.get("overrides", ()))
    return [*settings.actors.dictionaries, *extra]


@click.group()
def actors() -> None:
    """Look up and maintain the actor knowledge base."""


@actors.command("resolve")
@click.argument("text")
@click.option("--date", "day", required=True, help="The article's date (YYYY-MM-DD): actors resolve as of it.")
@click.option("--actors", "extra", multiple=True, type=click.Path(dir_okay=False), help=ACTORS_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def resolve_command(ctx: click.Context, text: str, day: str, extra: tuple[str, ...], fmt: str) -> None:
    """Print every actor mention in TEXT with its code as of --date."""
    try:
        when = date.fromisoformat(day)
    except ValueError as e:
        raise click.BadParameter(f"{day!r} is not a date (YYYY-MM-DD)", param_hint="--date") from e
    kb = load_knowledge_base(_dictionaries(ctx, extra))
    rows = [
        {
            "mention": m.text,
            "name": m.name,
            "code": m.code,
            "role": m.role,
            "country": m.country,
            "kind": m.kind,
            "span": list(m.span),
            "note": m.note,
        }
        for m in resolve_text(kb, text, when)
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    columns = ("mention", "name", "code", "role", "country", "note")
    text_rows = [[r[c] for c in columns] for r in rows]
    click.echo(table(text_rows, columns) if rows else "no actors found\n", nl=False)


@actors.command("show")
@click.argument("name")
@click.option("--actors", "extra", multiple=True, type=click.Path(dir_okay=False), help=ACTORS_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def show_command(ctx: click.Context, name: str, extra: tuple[str, ...], fmt: str) -> None:
    """Print the dated role spells of the people named NAME (full name, alias, id or surname)."""
    kb = load_knowledge_base(_dictionaries(ctx, extra))
    people = find_people(kb, name)
    if not people:
        raise click.ClickException(f"no person named {name!r} in the knowledge base")
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "office": s.office,
            "kind": "+".join(s.kinds()),
            "code": s.code,
            "country": s.country,
            "start": s.start.isoformat() if s.start else None,
            "end": s.end.isoformat() if s.end else None,
        }
        for p in people
        for s in sorted(p.roles, key=lambda r: r.start or date.min)
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"{name}: no role spells")
        return
    headers = tuple(rows[0])
    click.echo(table([[r[h] for h in headers] for r in rows], headers), nl=False)


@actors.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def check_command(files: tuple[str, ...]) -> None:
    """Validate actor dictionary FILES; every problem is printed with its file and line."""
    problems = check_files(files, load_knowledge_base())
    for problem in problems:
        click.echo(str(problem))
    errors, warnings = summary(problems)
    click.echo(f"{len(files)} file(s): {errors} error(s), {warnings} warning(s)", err=True)
    if errors:
        raise click.exceptions.Exit(1)


@actors.command("import")
@click.option(
    "--petrarch-actors",
    "actors_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A PETRARCH/TABARI actors dictionary.",
)
@click.option(
    "--petrarch-agents",
    "agents_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A PETRARCH/TABARI agents dictionary.",
)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), help="The YAML file to write.")
def import_command(actors_file: str | None, agents_file: str | None, output: str) -> None:
    """Convert PETRARCH/TABARI dictionaries into a wirecoder actor dictionary (use it with --actors)."""
    if not actors_file and not agents_file:
        raise click.UsageError("give --petrarch-actors and/or --petrarch-agents")

    def read(path: str | None) -> str | None:
        return Path(path).read_text(encoding="utf-8", errors="replace") if path else None

    result = import_petrarch(
        read(actors_file),
        read(agents_file),
        actors_path=actors_file or "",
        agents_path=agents_file or "",
        known_countries=load_knowledge_base().countries,
    )
    target = Path(output)
    temporary = target.with_name(target.name + ".tmp")
    header = "# Imported by `wirecoder actors import` from PETRARCH/TABARI dictionaries.\n"
    temporary.write_text(
        header + yaml.safe_dump(result.as_yaml_data(), sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    temporary.replace(target)  # never leave a half-written dictionary behind
    for line in result.skipped:
        click.echo(f"skipped: {line}", err=True)
    click.echo(
        f"wrote {output}: {len(result.countries)} countries, {len(result.organisations)} other names, "
        f"{len(result.people)} dated actors, {sum(len(a['words']) for a in result.agents)} agent words; "
        f"{len(result.skipped)} item(s) skipped",
        err=True,
    )
