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
            handle.write(
                json.dumps({"id": f"bench-{i}", "published": published.isoformat(), "text": "\n\n".join(body)}) + "\n"
            )
    return path


def phase_wirecoder(corpus: Path, processes: int) -> dict[str, float]:
    from wirecoder.config import load_settings
    from wirecoder.pipeline import Pipeline
    from wirecoder.records import CodedArticle

    t0 = time.perf_counter()
    pipeline = Pipeline(load_settings(overrides=[f"nlp.processes={processes}"]))
    setup = time.perf_counter() - t0
    t1 = time.perf_counter()
    articles = words = events = 0
    for coded in pipeline.run([corpus]):  # read + clean + code, as the CLI does (without the store)
        if isinstance(coded, CodedArticle):
            articles += 1
            words += len(coded.article.body.split())
            events += len(coded.events)
    elapsed = time.perf_counter() - t1
    return {"setup_s": setup, "seconds": elapsed, "articles": articles, "words": words, "events": events}


def phase_spacy(corpus: Path, limit: int, numpy_ops: bool, processes: int) -> dict[str, float]:
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
    for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
        pass
    elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, "articles": len(texts), "words": sum(len(t.split()) for t in texts)}


# phase name -> (runner, processes)
PHASES = {
    "wirecoder": ("wirecoder", 1),
    "wirecoder-2proc": ("wirecoder", 2),
    "spacy-default": ("spacy-default", 1),
    "spacy-numpy": ("spacy-numpy", 1),
    "spacy-default-2proc": ("spacy-default", 2),
}


def _child(phase: str, corpus: Path, limit: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--corpus", str(corpus), "--baseline-articles", str(limit)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--baseline-articles", type=int, default=400)
    parser.add_argument("--phase", choices=sorted(PHASES))
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    if args.phase:
        runner, processes = PHASES[args.phase]
        if runner == "wirecoder":
            out = phase_wirecoder(args.corpus, processes)
        else:
            out = phase_spacy(args.corpus, args.baseline_articles, runner == "spacy-numpy", processes)
        # Peak memory of this process and of its finished worker processes (the largest of them).
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out["peak_child_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        out["processes"] = processes
        print(json.dumps(out))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(args.articles, Path(tmp))
        results = {phase: _child(phase, corpus, args.baseline_articles) for phase in PHASES}
    rate = {phase: r["words"] / r["seconds"] for phase, r in results.items()}
    header = ("phase", "procs", "articles", "words", "seconds", "art/s", "words/s", "peak MB")
    print(f"{header[0]:<21}" + "".join(f"{h:>9}" for h in header[1:]))
    for phase, r in results.items():
        mem = max(r["peak_rss_mb"], r["peak_child_rss_mb"])
        print(
            f"{phase:<21}{int(r['processes']):>9}{int(r['articles']):>9}{int(r['words']):>10}{r['seconds']:>9.1f}"
            f"{r['articles'] / r['seconds']:>9.1f}{rate[phase]:>10.0f}{mem:>9.0f}"
        )
    print("ratios (words/s):")
    print(
        f"  wirecoder, 1 process  vs spaCy full pipeline, 1 process (default kernel): "
        f"{rate['wirecoder'] / rate['spacy-default']:.1f}x"
    )
    print(
        f"  wirecoder, 1 process  vs spaCy full pipeline, 1 process (numpy kernel):   "
        f"{rate['wirecoder'] / rate['spacy-numpy']:.1f}x"
    )
    print(
        f"  wirecoder, 2 processes vs spaCy full pipeline, 1 process (default kernel): "
        f"{rate['wirecoder-2proc'] / rate['spacy-default']:.1f}x"
    )
    print(
        f"  wirecoder, 2 processes vs spaCy full pipeline, 2 processes (default kernel): "
        f"{rate['wirecoder-2proc'] / rate['spacy-default-2proc']:.1f}x"
    )
    events = (int(results["wirecoder"]["events"]), int(results["wirecoder-2proc"]["events"]))
    setup = results["wirecoder"]["setup_s"]
    print(f"events coded: {events[0]} (2 processes: {events[1]}); wirecoder setup: {setup:.1f}s")
    out_dir = REPO / "benchmarks" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "throughput.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
