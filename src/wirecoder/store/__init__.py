"""Stores: where coded articles, events and rejections are kept (DuckDB by default)."""

from wirecoder.store.duckdb import DuckDBStore, EventQuery

__all__ = ["DuckDBStore", "EventQuery"]
