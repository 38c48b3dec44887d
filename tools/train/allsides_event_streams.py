#!/usr/bin/python3
"""Labelled event streams from the AllSides data, for `chorus train-clusterer`.

The event clusterer's other training streams (UCI headlines, GVA incident
reports) rarely show one story told at length by outlets of different leans.
AllSides does: each story is covered by a left, a centre and a right outlet.
This writes two article JSON Lines files with an "event" field:

  allsides-events-train.jsonl  every NeuS train cluster (leads, about 58
      words, no outlet, no date) and every stories.jsonl story outside NeuS,
      except the stories held out below. A NeuS cluster that is a
      stories.jsonl story is written from stories.jsonl (its longer lead, its
      outlets and date). The articles are shuffled (seeded): NeuS has no
      dates, so there is no true order, and a shuffled collection of several
      stories is also how a folder of articles reaches the clusterer. Dated
      articles keep their date, so the trainer keeps this order as it is.
  allsides-events-dev.jsonl  the latest 20% of stories.jsonl by date (whole
      days), with outlets and dates, in date order (the articles of one day
      shuffled, seeded): "the same story from different outlets" for choosing
      between models. Never trained on.

Stories that are NeuS val clusters are written to neither file: val.jsonl is
another issue's evaluation data. A NeuS train cluster is recognised as a
stories.jsonl story only by its "allsides_story" link (an exact title match;
see ../shared/data/allsides/README.md).

  /usr/bin/python3 tools/train/allsides_event_streams.py ../shared/data/allsides /tmp/allsides
"""

import argparse
import json
import os
import random


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise SystemExit(f"{path}:{number}: not JSON: {e}")


def articles_of(story_id, documents, date=None):
    """One article line per document with text, labelled with `story_id`."""
    out = []
    for d in documents:
        text = d.get("text", "")
        if isinstance(text, list):  # stories.jsonl: one paragraph per element
            text = "\n\n".join(text)
        a = {"id": f"{story_id}/{d['id']}", "title": d.get("title", ""), "text": text,
             "event": story_id}
        if d.get("source"):
            a["source"] = d["source"]
        if date or d.get("date"):
            a["date"] = date or d["date"]
        out.append(a)
    return out


def write_jsonl(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("allsides", help="the folder with stories.jsonl and train.jsonl")
    parser.add_argument("out", help="folder to write the two streams to")
    parser.add_argument("--dev-share", type=float, default=0.2,
                        help="share of stories.jsonl (its latest days) held out (default 0.2)")
    parser.add_argument("--seed", type=int, default=1, help="shuffling seed (default 1)")
    args = parser.parse_args()

    stories = [s for s in read_jsonl(os.path.join(args.allsides, "stories.jsonl"))
               if s.get("neus_split") != "val"]
    stories.sort(key=lambda s: (s["date"], s["id"]))
    # Whole days: the dev set starts at the date of the story at the cut.
    first_dev_date = stories[int(len(stories) * (1 - args.dev_share))]["date"]
    dev = [s for s in stories if s["date"] >= first_dev_date]
    dev_ids = {s["id"] for s in dev}
    by_id = {s["id"]: s for s in stories}

    train = []
    linked = set()
    for c in read_jsonl(os.path.join(args.allsides, "train.jsonl")):
        story = c.get("allsides_story")
        if story in dev_ids:
            continue
        if story in by_id:
            linked.add(story)
            s = by_id[story]
            train += articles_of(s["id"], s["documents"], s["date"])
        else:
            train += articles_of(c["id"], c["documents"])
    for s in stories:
        if s["id"] not in dev_ids and s["id"] not in linked and not s.get("neus_split"):
            train += articles_of(s["id"], s["documents"], s["date"])
    rng = random.Random(args.seed)
    rng.shuffle(train)
    # Ingest refuses an article without text (17 NeuS documents); they are left
    # out after the shuffle, so the order of the others is the one the shipped
    # model was trained on.
    train = [a for a in train if a["text"].strip()]

    dev_articles = []
    for date in sorted({s["date"] for s in dev}):
        day = [a for s in dev if s["date"] == date for a in articles_of(s["id"], s["documents"])
               if a["text"].strip()]
        rng.shuffle(day)
        dev_articles += day

    os.makedirs(args.out, exist_ok=True)
    write_jsonl(os.path.join(args.out, "allsides-events-train.jsonl"), train)
    write_jsonl(os.path.join(args.out, "allsides-events-dev.jsonl"), dev_articles)
    print(f"train: {len(train)} articles of {len({a['event'] for a in train})} stories; "
          f"dev: {len(dev_articles)} articles of {len(dev)} stories from {first_dev_date}")


if __name__ == "__main__":
    main()
