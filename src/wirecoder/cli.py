"""The ``wirecoder`` command line. Commands are thin: they parse options and call library code.

Results go to stdout (tables, JSONL, CSV); progress and messages go to stderr, so stdout stays
machine-readable.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from wirecoder import __version__
from wirecoder.cli_actors import ACTORS_HELP, actors
from wirecoder.cli_stories import stories
from wirecoder.cli_web import fetch, watch
from wirecoder.config import Settings, load_settings
from wirecoder.errors import WirecoderError
from wirecoder.ingest.jsonl import FIELDS as JSONL_FIELDS
from wirecoder.output import (
    EVENT_FIELDS,
    QUOTE_FIELDS,
    article_json,
    articles_table,
    csv_text,
    event_json,
    events_table,
    jsonl,
    quote_json,
    quotes_table,
)
from wirecoder.store import DuckDBStore, EventQuery

if TYPE_CHECKING:
    from wirecoder.api import RunSummary

DB_HELP = "DuckDB store file (default: the store.path setting, ./wirecoder.duckdb)."
CONFIDENCE_HELP = "Only events whose coder confidence is at least this (0-1)."


def _settings(
    ctx: click.Context, db: str | None, *, extra_actors: tuple[str, ...] = (), processes: int | None = None
) -> Settings:
    obj = ctx.find_root().obj or {}
    settings = load_settings(obj.get("config"), obj.get("overrides", ()))
    updates: dict[str, Any] = {}
    if db:
        updates["store"] = settings.store.model_copy(update={"path": db})
    if extra_actors:
        dictionaries = (*settings.actors.dictionaries, *extra_actors)
        updates["actors"] = settings.actors.model_copy(update={"dictionaries": dictionaries})
    if processes is not None:
        updates["nlp"] = settings.nlp.model_copy(update={"processes": processes})
    return settings.model_copy(update=updates) if updates else settings


def _jsonl_renames(pairs: Sequence[str]) -> dict[str, str]:
    renames: dict[str, str] = {}
    for pair in pairs:
        name, sep, field = pair.partition("=")
        if not sep or not field.strip():
            raise click.BadParameter(f"{pair!r} is not NAME=FIELD", param_hint="--jsonl-field")
        if name.strip() not in JSONL_FIELDS:
            raise click.BadParameter(f"{name!r} is not one of {', '.join(JSONL_FIELDS)}", param_hint="--jsonl-field")
        renames[name.strip()] = field.strip()
    return renames


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from e


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirecoder")
@click.option("--config", "config", type=click.Path(dir_okay=False), help="TOML settings file read over the defaults.")
@click.option("--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE", help="Override one setting.")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, overrides: tuple[str, ...], debug: bool) -> None:
    """wirecoder: political event data (CAMEO, PLOVER) from raw news."""
    ctx.obj = {"config": config, "overrides": overrides, "debug": debug}
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
@click.option("--actors", "extra_actors", multiple=True, type=click.Path(dir_okay=False), help=ACTORS_HELP)
@click.option("--processes", type=click.IntRange(min=0), help="Worker processes (0 = one per CPU core).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), help=CONFIDENCE_HELP)
@click.option(
    "--jsonl-field",
    "jsonl_fields",
    multiple=True,
    metavar="NAME=FIELD",
    help=f"Read JSONL field FIELD as NAME ({', '.join(JSONL_FIELDS)}); a dotted FIELD reaches into objects "
    "(published=meta.date). Repeatable.",
)
@click.pass_context
def code(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str | None,
    fmt: str,
    quiet: bool,
    extra_actors: tuple[str, ...],
    processes: int | None,
    min_confidence: float | None,
    jsonl_fields: tuple[str, ...],
) -> None:
    """Code INPUTS into the store and print the new events.

    An input is a file, a directory (walked recursively), a quoted glob ("data/*.warc.gz"), - for
    standard input, or an http(s) URL. Formats are told from the content: text, HTML, JSON Lines,
    RSS/Atom feeds, WARC archives, any of them gzip-compressed.
    """
    from wirecoder.api import code_into_store

    settings = _settings(ctx, db, extra_actors=extra_actors, processes=processes)
    if jsonl_fields:
        renames = _jsonl_renames(jsonl_fields)
        settings = settings.model_copy(update={"ingest": settings.ingest.model_copy(update={"jsonl_fields": renames})})
    summary = code_into_store(list(inputs), settings, progress=not quiet)
    report_run(summary, settings, fmt, quiet=quiet, min_confidence=min_confidence)


def report_run(
    summary: RunSummary, settings: Settings, fmt: str, *, quiet: bool, min_confidence: float | None = None
) -> None:
    """Print a run's new events to stdout and, unless quiet, its summary and rejections to stderr."""
    with DuckDBStore(settings.store.path, read_only=True) as store:
        query = EventQuery(run_id=summary.run_id, min_confidence=min_confidence)
        events = [event_json(r) for r in store.events(query)]
    _emit_events(events, fmt)
    if not quiet:
        click.echo(summary.describe(settings.store.path), err=True)
        for rejected in summary.rejected_items:
            click.echo(f"  rejected {rejected.origin}: {rejected.reason} ({rejected.detail})", err=True)


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option("--actor", help="Source or target code starts with this (e.g. RUS, CHNGOV).")
@click.option("--source", help="Source code starts with this.")
@click.option("--target", help="Target code starts with this.")
@click.option("--since", help="Events on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Events on or before this day (YYYY-MM-DD).")
@click.option("--code", "code_prefix", help="CAMEO code prefix (e.g. 04, 163).")
@click.option("--article", help="Only events of this article id.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), help=CONFIDENCE_HELP)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--story", help="Only events of this story id (see wirecoder stories).")
@click.option("--per-article", is_flag=True, help="One line per article's mention of an event, not per event.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_context
def events(
    ctx: click.Context,
    db: str | None,
    actor: str | None,
    source: str | None,
    target: str | None,
    since: str | None,
    until: str | None,
    code_prefix: str | None,
    article: str | None,
    min_confidence: float | None,
    limit: int | None,
    story: str | None,
    per_article: bool,
    fmt: str,
) -> None:
    """List stored events, filtered.

    By default each real event is one line: the same event (source, target, CAMEO base code, date)
    told by several articles of one story is merged, with num_articles, num_sources (outlets) and
    num_mentions, the evidence of its best mention, and `articles` (JSONL). --per-article lists
    every article's own event instead (the evidence behind the counts), each with its story and
    `merged` id. Filters apply to the representative mention of a merged event.
    """
    if code_prefix is not None and not code_prefix.isdigit():
        raise click.BadParameter(f"{code_prefix!r} is not a CAMEO code prefix (digits)", param_hint="--code")
    query = EventQuery(
        actor=actor,
        source=source,
        target=target,
        since=_parse_day(since, "--since"),
        until=_parse_day(until, "--until"),
        code=code_prefix,
        article=article,
        min_confidence=min_confidence,
        limit=limit,
        story=story,
    )
    settings = _settings(ctx, db)
    with DuckDBStore(settings.store.path, read_only=True) as store:
        found = store.events(query) if per_article else store.merged_events(query)
        rows = [event_json(r) for r in found]
    _emit_events(rows, fmt)


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def articles(ctx: click.Context, db: str | None, fmt: str) -> None:
    """List the stored, cleaned articles."""
    settings = _settings(ctx, db)
    with DuckDBStore(settings.store.path, read_only=True) as store:
        rows = [article_json(r) for r in store.articles()]
    click.echo(jsonl(rows) if fmt == "jsonl" else articles_table(rows), nl=False)


@cli.command()
@click.option("--db", help=DB_HELP)
@click.option("--article", help="Only quotes of this article id.")
@click.option("--speaker", help="Speaker's actor code starts with this (e.g. RUS, CHNGOV).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_context
def quotes(ctx: click.Context, db: str | None, article: str | None, speaker: str | None, fmt: str) -> None:
    """List the stored direct quotes with their speakers."""
    if speaker is not None:
        speaker = speaker.upper()
        if not re.fullmatch(r"[A-Z0-9]{3,}", speaker):
            raise click.BadParameter(f"{speaker!r} is not an actor code (e.g. RUS, CHNGOV)", param_hint="--speaker")
    settings = _settings(ctx, db)
    with DuckDBStore(settings.store.path, read_only=True) as store:
        rows = [quote_json(r) for r in store.quotes(article=article, speaker=speaker)]
    _emit(rows, fmt, QUOTE_FIELDS, quotes_table, "no quotes")


def _emit_events(rows: Sequence[dict[str, Any]], fmt: str) -> None:
    _emit(rows, fmt, EVENT_FIELDS, events_table, "no events")


def _emit(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    fields: Sequence[str],
    table: Callable[[Sequence[dict[str, Any]]], str],
    empty: str,
) -> None:
    if fmt == "jsonl":
        click.echo(jsonl(rows), nl=False)
    elif fmt == "csv":
        click.echo(csv_text(rows, fields), nl=False)
    else:
        click.echo(table(rows) if rows else f"{empty}\n", nl=False)


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--misses", type=click.IntRange(min=0), default=50, show_default=True, help="Misses and false alarms to list."
)
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, help=CONFIDENCE_HELP)
@click.option("--actors", "extra_actors", multiple=True, type=click.Path(dir_okay=False), help=ACTORS_HELP)
@click.pass_context
def evaluate(
    ctx: click.Context,
    gold: tuple[str, ...],
    fmt: str,
    misses: int,
    min_confidence: float,
    extra_actors: tuple[str, ...],
) -> None:
    """Code GOLD files or folders (JSONL, see gold/README.md) and score the coder against them.

    Prints precision, recall and F1 at the root, base and full-code level, with and without actor
    agreement, per CAMEO root and per grammar phenomenon, date accuracy, and the misses.
    """
    import json

    from wirecoder.evaluate.gold import load_gold
    from wirecoder.evaluate.report import report_json, report_table
    from wirecoder.evaluate.run import code_gold
    from wirecoder.evaluate.score import score
    from wirecoder.pipeline import Pipeline

    items = load_gold(gold)
    settings = _settings(ctx, None, extra_actors=extra_actors)
    coded = code_gold(items, Pipeline(settings), min_confidence=min_confidence)
    report = score(items, coded)
    if fmt == "json":
        click.echo(json.dumps(report_json(report, misses=misses), ensure_ascii=False, indent=1))
    else:
        click.echo(report_table(report, misses=misses), nl=False)


cli.add_command(actors)
cli.add_command(stories)
cli.add_command(fetch)
cli.add_command(watch)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: one-line errors and exit codes instead of tracebacks."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        result = cli.main(args=args, prog_name="wirecoder", standalone_mode=False)
        if isinstance(result, int):  # a command that ended with ctx.exit(code) / Exit(code)
            return result
    except click.exceptions.Exit as e:
        return int(e.exit_code)
    except click.exceptions.Abort:
        click.echo("wirecoder: aborted", err=True)
        return 130
    except click.UsageError as e:
        click.echo(f"wirecoder: error: {e.format_message()}", err=True)
        return 2
    except click.ClickException as e:
        click.echo(f"wirecoder: error: {e.format_message()}", err=True)
        return e.exit_code
    except WirecoderError as e:
        if debug:
            raise
        click.echo(f"wirecoder: error: {e}", err=True)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
