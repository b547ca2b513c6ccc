"""Story grouping benchmark: throughput and peak memory of MinHash/LSH grouping (no spaCy).

    python benchmarks/stories.py [--sizes 10000 100000] [--batch 1000] [--distributions]

For each size, in a fresh process (so peak memory is per size): generate that many articles with
tests/storygen.py (stories told by 3-8 outlets, with same-actor distractors, spread over two
years), then time the signatures (shingling + MinHash) and the grouping (LSH candidates, date
guard, assignment) in batches, as the store does. Prints articles/s, peak RSS and the pairwise
precision and recall against the generated truth; writes benchmarks/out/stories.json.

--distributions prints the measured similarity distributions the default StoryParams were chosen
from (exact Jaccard of the closest earlier article of the same story vs. of another story within
the date window, for 2-, 3- and 4-word shingles).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "src")]

ARTICLES_PER_STORY = 6.6  # what tests/storygen.py produces on average


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int, batch: int) -> dict[str, float]:
    from tests.storygen import generate, pairwise_scores

    from wirecoder.stories import StoryIndex

    articles = generate(int(size / ARTICLES_PER_STORY * 1.05) + 3)[:size]
    before = _rss_mb()
    index = StoryIndex()
    predicted: dict[str, str] = {}
    signing = grouping = 0.0
    for start in range(0, len(articles), batch):
        chunk = articles[start : start + batch]
        t0 = time.perf_counter()
        sigs = index.signatures([a.body for a in chunk])
        t1 = time.perf_counter()
        for a in index.assign([a.id for a in chunk], [a.id for a in chunk], [a.published for a in chunk], sigs):
            predicted[a.article_id] = a.story_id
        signing += t1 - t0
        grouping += time.perf_counter() - t1
    precision, recall = pairwise_scores({a.id: a.story for a in articles}, predicted)
    total = signing + grouping
    return {
        "articles": len(articles),
        "words_per_article": round(sum(len(a.body.split()) for a in articles) / len(articles), 1),
        "stories_true": len({a.story for a in articles}),
        "stories_found": len(set(predicted.values())),
        "signatures_per_s": round(len(articles) / signing),
        "grouping_per_s": round(len(articles) / grouping),
        "articles_per_s": round(len(articles) / total),
        "seconds": round(total, 2),
        "rss_before_mb": round(before),
        "peak_rss_mb": round(_rss_mb()),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
    }


def distributions() -> None:
    import numpy as np
    from tests.storygen import generate

    from wirecoder.stories.shingles import shingle_hashes

    articles = generate(600, seed=11)
    for k in (2, 3, 4):
        sets = [set(shingle_hashes(a.body, k).tolist()) for a in articles]
        same, other = [], []
        for i, a in enumerate(articles):
            best_same = best_other = 0.0
            has_same = False
            for j in range(i):
                b = articles[j]
                if abs(a.published - b.published) > timedelta(days=3):
                    continue
                jac = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
                if b.story == a.story:
                    has_same, best_same = True, max(best_same, jac)
                else:
                    best_other = max(best_other, jac)
            if has_same:
                same.append(best_same)
            other.append(best_other)
        print(
            f"k={k}: closest same-story article, percentiles 0/0.5/1/5: "
            f"{np.percentile(same, [0, 0.5, 1, 5]).round(3)}; "
            f"closest other-story article within 3 days, 100/99.5/99/95: "
            f"{np.percentile(other, [100, 99.5, 99, 95]).round(3)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--distributions", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single size, in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.batch)))
        return
    if args.distributions:
        distributions()
    results = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--batch", str(args.batch)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        result = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"{result['articles']:>7} articles ({result['words_per_article']} words each): "
            f"{result['articles_per_s']} articles/s grouped end to end "
            f"(signatures {result['signatures_per_s']}/s, LSH + assignment {result['grouping_per_s']}/s, "
            f"{result['seconds']} s); peak RSS {result['peak_rss_mb']} MB ({result['rss_before_mb']} MB before "
            f"grouping, corpus included); pairwise precision {result['precision']}, recall {result['recall']}; "
            f"{result['stories_found']} stories found for {result['stories_true']}"
        )
    out_dir = REPO / "benchmarks" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "stories.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
