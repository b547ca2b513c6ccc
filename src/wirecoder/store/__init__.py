"""Stores: where coded articles, events, stories and rejections are kept (DuckDB by default)."""

from wirecoder.store.duckdb import DuckDBStore, EventQuery, WriteResult

__all__ = ["DuckDBStore", "EventQuery", "WriteResult"]
