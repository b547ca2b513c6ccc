"""Readers: input paths -> ``RawDocument`` records (or ``Rejected`` ones), streamed one at a time.

Rejection reasons used here: ``not_found``, ``unreadable``, ``empty``, ``binary``, ``undecodable``,
``too_large`` (files); ``malformed_json``, ``missing_text`` (JSONL lines; ``empty``, ``too_large``
and ``undecodable`` can also apply to a single line).
"""

from __future__ import annotations

from wirecoder.ingest.decode import Undecodable, decode_bytes
from wirecoder.ingest.files import ReadOptions, read_inputs

__all__ = ["ReadOptions", "Undecodable", "decode_bytes", "read_inputs"]
