"""``wirecoder fetch`` and ``wirecoder watch``: code web pages and feeds into the store.

Both are thin: they build ``FetchOptions`` from the flags and call ``wirecoder.ingest.watch``.
New events go to stdout as ``wirecoder code`` prints them; progress and summaries to stderr.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # the commands import their modules when run: ``wirecoder --help`` stays fast
    from wirecoder.ingest.watch import RoundSummary
    from wirecoder.ingest.web import FetchOptions

DB_HELP = "DuckDB store file (default: the store.path setting, ./wirecoder.duckdb)."
RATE_HELP = "Seconds between two requests to the same host (a robots.txt Crawl-delay can raise it)."
ROBOTS_HELP = "Do not read robots.txt (only for sites you run or may crawl freely)."
FORMAT = click.Choice(["table", "jsonl"])


def _fetch_options(rate: float, no_robots: bool) -> FetchOptions:
    from wirecoder.ingest.web import FetchOptions

    return FetchOptions(min_interval=rate, respect_robots=not no_robots)


@click.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
@click.option("--rate", type=click.FloatRange(min=0), default=1.0, show_default=True, help=RATE_HELP)
@click.option("--no-robots", is_flag=True, help=ROBOTS_HELP)
@click.pass_context
def fetch(
    ctx: click.Context, urls: tuple[str, ...], db: str | None, fmt: str, quiet: bool, rate: float, no_robots: bool
) -> None:
    """Fetch URLS (pages or RSS/Atom feeds), code them into the store and print the new events.

    robots.txt is respected, requests identify themselves and wait RATE seconds per host; feed
    items that hold only a summary are fetched from their link. Failures are stored as rejections.
    """
    from wirecoder.cli import _settings, report_run  # here: wirecoder.cli imports this module
    from wirecoder.ingest.watch import code_documents
    from wirecoder.ingest.web import fetch_documents

    settings = _settings(ctx, db)
    documents = fetch_documents(urls, _fetch_options(rate, no_robots))
    summary = code_documents(documents, settings, inputs=list(urls), progress=not quiet)
    report_run(summary, settings, fmt, quiet=quiet)


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", type=click.FloatRange(min=0, min_open=True), required=True, help="Minutes between polls.")
@click.option("--rounds", type=click.IntRange(min=1), help="Stop after this many rounds (default: until Ctrl-C).")
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=FORMAT, default="table", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or per-round lines on stderr.")
@click.option("--rate", type=click.FloatRange(min=0), default=1.0, show_default=True, help=RATE_HELP)
@click.option("--no-robots", is_flag=True, help=ROBOTS_HELP)
@click.pass_context
def watch(
    ctx: click.Context,
    feeds: tuple[str, ...],
    every: float,
    rounds: int | None,
    db: str | None,
    fmt: str,
    quiet: bool,
    rate: float,
    no_robots: bool,
) -> None:
    """Poll FEEDS every EVERY minutes; code the items not seen before and print their events.

    What was seen is kept in the store, so a restarted watch codes only what is new. Ctrl-C
    stops it after a summary.
    """
    from wirecoder.cli import _settings, report_run
    from wirecoder.ingest.watch import watch_feeds

    settings = _settings(ctx, db)

    def report(done: RoundSummary) -> None:
        if done.coded is not None:
            report_run(done.coded, settings, fmt, quiet=True)
        if not quiet:
            click.echo(done.describe(), err=True)
            for failure in done.failures:
                click.echo(f"  {failure.origin}: {failure.reason} ({failure.detail})", err=True)

    if not quiet:
        click.echo(f"watching {len(feeds)} feeds every {every:g} minutes (Ctrl-C to stop)", err=True)
    summary = watch_feeds(
        list(feeds),
        settings,
        every_minutes=every,
        rounds=rounds,
        options=_fetch_options(rate, no_robots),
        progress=not quiet,
        on_round=report,
    )
    click.echo(summary.describe(settings.store.path), err=True)
