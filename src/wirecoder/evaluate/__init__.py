"""Scoring the coder against hand-coded gold files (``wirecoder eval``)."""
