"""Throughput benchmark: wirecoder against spaCy's full pipeline over the same text, in one run.

    python benchmarks/throughput.py [--articles 2000] [--baseline-articles 400]

Builds a corpus of N articles from the bundled sample (paragraphs of two or three sample articles
mixed per corpus article, with publication dates spread over 2023-2024), then in separate
processes (so peak memory is per phase):

* ``wirecoder``: read + clean + code every article (the parse runs only on candidate sentences);
* ``spacy-full``: ``nlp.pipe`` over the same bodies with every component of the same model, with
  spaCy's default matrix kernel (what users get) and with the numpy kernel wirecoder uses.

The spaCy baseline runs over ``--baseline-articles`` of the corpus (its rate does not depend on
corpus size) to keep the benchmark short. Results are printed and written to benchmarks/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_corpus(n: int, out_dir: Path, seed: int = 7) -> Path:
    """Write ``n`` JSONL articles made from the sample's cleaned paragraphs."""
    sys.path.insert(0, str(REPO / "src"))
    from wirecoder.clean import clean_document
    from wirecoder.ingest import read_inputs
    from wirecoder.records import RawDocument

    paragraphs: list[list[str]] = []
    for item in read_inputs([REPO / "sample"]):
        if isinstance(item, RawDocument):
            article = clean_document(item)
            if hasattr(article, "body"):
                paragraphs.append([article.body[s:e] for s, e in article.paragraphs])  # type: ignore[union-attr]
    rng = random.Random(seed)
    path = out_dir / "corpus.jsonl"
    start = date(2023, 1, 1)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            chosen = rng.sample(paragraphs, k=rng.choice((2, 3)))
            body = [p for source in chosen for p in source[: rng.randint(3, len(source))]]
            published = start + timedelta(days=rng.randrange(700))
            handle.write(json.dumps({"id": f"bench-{i}", "published": published.isoformat(),
                                     "text": "\n\n".join(body)}) + "\n")
    return path


def phase_wirecoder(corpus: Path) -> dict[str, float]:
    from wirecoder.clean import clean_document
    from wirecoder.config import load_settings
    from wirecoder.ingest import read_inputs
    from wirecoder.pipeline import Pipeline
    from wirecoder.records import Article, RawDocument

    t0 = time.perf_counter()
    pipeline = Pipeline(load_settings())
    setup = time.perf_counter() - t0
    t1 = time.perf_counter()
    articles = words = events = parsed_words = 0

    def stream() -> object:
        for item in read_inputs([corpus]):
            if isinstance(item, RawDocument):
                cleaned = clean_document(item)
                if isinstance(cleaned, Article):
                    yield cleaned

    for coded in pipeline.code_articles(stream()):  # type: ignore[arg-type]
        articles += 1
        words += len(coded.article.body.split())
        events += len(coded.events)
    elapsed = time.perf_counter() - t1
    return {"setup_s": setup, "seconds": elapsed, "articles": articles, "words": words, "events": events,
            "parsed_words": parsed_words}


def phase_spacy(corpus: Path, limit: int, numpy_ops: bool) -> dict[str, float]:
    if numpy_ops:
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    import spacy

    sys.path.insert(0, str(REPO / "src"))
    from wirecoder.config import load_settings

    nlp = spacy.load(load_settings().nlp.model)
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()[:limit]]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, "articles": len(texts), "words": sum(len(t.split()) for t in texts)}


def _child(phase: str, corpus: Path, limit: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--corpus", str(corpus), "--baseline-articles", str(limit)],
        check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--baseline-articles", type=int, default=400)
    parser.add_argument("--phase", choices=["wirecoder", "spacy-default", "spacy-numpy"])
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    if args.phase:
        if args.phase == "wirecoder":
            out = phase_wirecoder(args.corpus)
        else:
            out = phase_spacy(args.corpus, args.baseline_articles, args.phase == "spacy-numpy")
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(args.articles, Path(tmp))
        results = {phase: _child(phase, corpus, args.baseline_articles)
                   for phase in ("wirecoder", "spacy-default", "spacy-numpy")}
    rows = []
    for phase, r in results.items():
        rate_a = r["articles"] / r["seconds"]
        rate_w = r["words"] / r["seconds"]
        rows.append((phase, int(r["articles"]), int(r["words"]), r["seconds"], rate_a, rate_w, r["peak_rss_mb"]))
    base_default = results["spacy-default"]["words"] / results["spacy-default"]["seconds"]
    base_numpy = results["spacy-numpy"]["words"] / results["spacy-numpy"]["seconds"]
    ours = results["wirecoder"]["words"] / results["wirecoder"]["seconds"]
    print(f"{'phase':<15}{'articles':>9}{'words':>10}{'seconds':>9}{'art/s':>9}{'words/s':>10}{'peak MB':>9}")
    for phase, a, w, s, ra, rw, mem in rows:
        print(f"{phase:<15}{a:>9}{w:>10}{s:>9.1f}{ra:>9.1f}{rw:>10.0f}{mem:>9.0f}")
    print(f"wirecoder vs spaCy full pipeline (default kernel): {ours / base_default:.1f}x")
    print(f"wirecoder vs spaCy full pipeline (numpy kernel):   {ours / base_numpy:.1f}x")
    print(f"events coded: {int(results['wirecoder']['events'])}; wirecoder setup: {results['wirecoder']['setup_s']:.1f}s")
    out_dir = REPO / "benchmarks" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "throughput.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
