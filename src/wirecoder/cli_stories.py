"""``wirecoder stories``: the stories in the store (near-duplicate articles grouped together)."""

from __future__ import annotations

import click

from wirecoder.config import load_settings
from wirecoder.output import jsonl, stories_table, story_json
from wirecoder.store import DuckDBStore


@click.command()
@click.option("--db", help="DuckDB store file (default: the store.path setting, ./wirecoder.duckdb).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many stories (oldest first).")
@click.pass_context
def stories(ctx: click.Context, db: str | None, fmt: str, limit: int | None) -> None:
    """List stories: articles that are copies, updates or rewrites of one report, grouped.

    JSONL gives one story per line: id, title, first_published, last_published, num_articles,
    num_sources, sources (outlets), articles (ids as `wirecoder articles` shows them) and events
    (each real event once, with num_articles, num_sources and num_mentions).
    """
    obj = ctx.find_root().obj or {}
    settings = load_settings(obj.get("config"), obj.get("overrides", ()))
    with DuckDBStore(db or settings.store.path, read_only=True) as store:
        rows = [story_json(r) for r in store.stories(limit=limit)]
    if fmt == "jsonl":
        click.echo(jsonl(rows), nl=False)
    else:
        click.echo(stories_table(rows) if rows else "no stories\n", nl=False)
