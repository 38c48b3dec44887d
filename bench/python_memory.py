#!/usr/bin/env python3
"""Resident memory of one Python process over 10,000 calls into chorus.

Each round calls summarize, compare, sentences, rouge, a Clusterer, an
EventStream opened on a new temporary store (add, events, summarize, close),
and a call that raises (chorus.NotFoundError), on the example articles. Prints RSS every 1,000 calls:
after the first rounds (allocator pools, caches and the vocabulary fill up)
the numbers must stay level; a leak of even 1 KB a call would add ~10 MB.

  .venv/bin/python bench/python_memory.py [--calls 10000]
"""
import argparse
import os
import pathlib
import tempfile

import chorus

EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "harbor-fire"


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=10000)
    args = parser.parse_args()
    articles = chorus.read_articles(EXAMPLE)
    calls = 0
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "m.db")
        while calls < args.calls:
            chorus.summarize(articles, words=60)
            chorus.compare(articles)
            chorus.sentences(articles)
            chorus.rouge("the fire was put out\n", ["firefighters put out the fire\n"])
            chorus.Clusterer().add(articles)
            # A stream holds what it has clustered by design; a new store each
            # round shows that closing one gives everything back.
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(store + suffix):
                    os.remove(store + suffix)
            with chorus.EventStream(store) as stream:
                stream.add(articles)
                stream.events(limit=10)
                stream.summarize(1, words=40)
                try:
                    stream.event(10 ** 9)
                except chorus.NotFoundError:
                    pass
            calls += 9
            if calls // 1000 != (calls - 9) // 1000:
                samples.append((calls, rss_mb()))
                print("%6d calls  RSS %7.1f MB" % samples[-1], flush=True)
    settled = [mb for n, mb in samples if n >= 2000]
    print("RSS from 2,000 calls on: min %.1f MB, max %.1f MB, growth %.1f MB" %
          (min(settled), max(settled), settled[-1] - settled[0]))


if __name__ == "__main__":
    main()
