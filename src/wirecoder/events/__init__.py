"""Event coding: the CAMEO codebook and, later, the verb patterns that map text to CAMEO events."""
