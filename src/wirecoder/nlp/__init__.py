"""Everything that touches spaCy lives in this package; spaCy objects never leave it and the coder."""
