#!/usr/bin/env python3
"""Derives data/outlet_leans.tsv, the outlet -> lean table chorus compare falls back on
when an article gives no "lean", from the AllSides ratings collected with the NeuS data:

  /usr/bin/python3 tools/lexicon/build_outlet_leans.py ../shared/data/allsides/outlet_leans.tsv

Keeps each outlet's name and its AllSides lean (left, center, right), sorted by name.
"""
import argparse
import csv
import os


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ratings", help="outlet_leans.tsv (columns outlet, lean, n_articles, allsides_rating, flag)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "data",
                                                  "outlet_leans.tsv"))
    args = ap.parse_args()
    with open(args.ratings, newline="", encoding="utf-8") as f:
        rows = [(r["outlet"].strip(), r["lean"].strip()) for r in csv.DictReader(f, delimiter="\t")]
    rows = sorted({(o, l) for o, l in rows if o and l in ("left", "center", "right")})
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# chorus outlet_leans v1: outlet<TAB>lean (left, center, right).\n")
        f.write("# Source: AllSides.com media bias ratings (allsides.com/media-bias), as collected with\n")
        f.write("# the NeuS data set (Lee et al., NAACL 2022; HLTCHKUST/framing-bias-metric, headline_11\n")
        f.write("# crawl of 2021). Ratings change over time; an article's own \"lean\" always wins.\n")
        f.write("# Built by tools/lexicon/build_outlet_leans.py.\n")
        for outlet, lean in rows:
            f.write(f"{outlet}\t{lean}\n")
    print(f"{args.out}: {len(rows)} outlets")


if __name__ == "__main__":
    main()
