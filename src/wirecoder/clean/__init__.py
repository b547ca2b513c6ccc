"""Cleaning: ``RawDocument`` -> ``Article`` (body without furniture, paragraph spans) or ``Rejected``.

Rejection reasons used here: ``no_content`` (nothing extractable, or nothing left after cleaning),
``too_short`` (body under ``CleanOptions.min_body_chars``) and ``not_english`` (the body is in
another language; the detail names it, "detected French (fr)").
"""

from __future__ import annotations

from wirecoder.clean.article import CleanOptions, clean_document, clean_documents
from wirecoder.clean.header import parse_date

__all__ = ["CleanOptions", "clean_document", "clean_documents", "parse_date"]
