#!/usr/bin/env python3
"""chorus.dask on one machine: clustering a labelled stream in time partitions
across Dask workers, and summarizing every event, with 1 and 2 workers.

For each worker count W (a LocalCluster of W processes, one thread each), the
stream is read as W consecutive partitions (or each count given with
--partitions: other cuts) and clustered with
chorus.dask.cluster_stream (featurized on the workers, decided in one task;
--stitch: each partition clustered apart, then stitched); the events are scored against one
clusterer over the whole stream (B-cubed, the single process's events as
gold) and, when the input has "event" fields, against those gold stories.
Then every event is summarized (chorus.dask.summarize) on the same workers.
Also printed, for scale: how much one clusterer's own result moves when the
stream starts 0.4% later (a bound on what any stitching can agree with).

  .venv/bin/python bench/dask_bench.py ../shared/data/events/uci-train.jsonl --workers 1 2
  (--model learned: the shipped event model instead of the cosine rule;
   --partitions 2 4: each worker count with 2, then 4 partitions)

Wall times include Dask's scheduling and moving results between processes;
run on an otherwise idle machine (the load average is printed).
"""
import argparse
import json
import os
import time

import chorus
import chorus.dask as cd
from chorus import _chorus
from dask.distributed import Client, LocalCluster


def load(path):
    articles, gold = [], []
    stories = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if "event" in a:
                gold.append(stories.setdefault(a["event"], len(stories)))
            articles.append({k: a[k] for k in cd.ARTICLE_FIELDS if k in a})
    return articles, (gold if len(gold) == len(articles) else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stream", help="article JSON Lines in time order")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partitions", type=int, nargs="+", default=[],
                        help="partition counts to run with each worker count (default: = workers)")
    parser.add_argument("--overlap-days", type=float, default=3)
    parser.add_argument("--words", type=int, default=60)
    parser.add_argument("--model", default="",
                        help='as chorus cluster --model: "learned", a model file, or the cosine rule')
    parser.add_argument("--runon", type=int, default=cd.RUNON,
                        help="articles each partition's clusterer decides of the next (0: none)")
    parser.add_argument("--handover-window", type=int, default=cd.HANDOVER_WINDOW)
    parser.add_argument("--stitch", action="store_true",
                        help="cluster partitions apart and stitch them (cluster_stream exact=False)"
                        " instead of featurizing apart and deciding in one place")
    parser.add_argument("--no-summaries", action="store_true",
                        help="measure clustering and agreement only")
    parser.add_argument("--no-shifted", action="store_true",
                        help="skip the second single run that starts 0.4%% later")
    args = parser.parse_args()

    articles, truth = load(args.stream)
    print("stream: %s, %d articles; load average %.1f" % (args.stream, len(articles),
                                                          os.getloadavg()[0]))
    start = time.time()
    single = _chorus.cluster_partition([], articles, args.model, None, 30, 0)["events"]
    # Articles are in the events they end in (merges followed): count those.
    print("one clusterer in this process: %.1f s, %d events" % (time.time() - start,
                                                                  len(set(single))))
    if not args.no_shifted:
        cut = len(articles) // 250
        later = _chorus.cluster_partition([], articles[cut:], args.model, None, 30, 0)["events"]
        moved = chorus.score_clustering(single[cut:], later)
        print("the same clusterer started %d articles later agrees with it at B-cubed F1 %.4f "
              "(on the articles both saw)" % (cut, moved["bcubed_f1"]))
    if truth:
        print("one clusterer vs the gold stories: B-cubed F1 %.4f" %
              chorus.score_clustering(truth, single)["bcubed_f1"])

    size = os.path.getsize(args.stream)
    base = {}
    print("%-8s %10s %10s %8s %10s %8s %10s %12s %10s %8s %6s" % (
        "workers", "partitions", "cluster s", "speedup", "events", "F1 vs 1", "F1 gold",
        "summarize s", "summaries", "speedup", "load"))
    runs = [(w, p) for w in args.workers for p in (args.partitions or [w])]
    for w, p in runs:
        with LocalCluster(n_workers=w, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster):
            bag = cd.read_articles(args.stream, blocksize=size // p)
            if bag.npartitions != p:  # byte blocks end at lines: one more may be left
                bag = bag.repartition(npartitions=p)
            start = time.time()
            result = cd.cluster_stream(bag, overlap_days=args.overlap_days,
                                       model=args.model or None, runon=args.runon,
                                       handover_window=args.handover_window,
                                       exact=not args.stitch)
            assigned = result.assignments[["article", "event"]].compute()
            cluster_s = time.time() - start
            stitched = assigned["event"].tolist()
            agree = chorus.score_clustering(single, stitched)["bcubed_f1"]
            gold_f1 = chorus.score_clustering(truth, stitched)["bcubed_f1"] if truth else float("nan")
            start = time.time()
            summaries = 0
            if not args.no_summaries:
                clusters = result.clusters(bag).repartition(npartitions=4 * w)
                summaries = cd.summarize(clusters, words=args.words).count().compute()
            summarize_s = max(time.time() - start, 1e-9)
        base.setdefault("cluster", cluster_s)
        base.setdefault("summarize", summarize_s)
        print("%-8d %10d %10.1f %8.2f %10d %8.4f %10.4f %12.1f %10d %8.2f %6.1f" % (
            w, p, cluster_s, base["cluster"] / cluster_s, len(set(stitched)), agree, gold_f1,
            summarize_s, summaries, base["summarize"] / summarize_s, os.getloadavg()[0]),
              flush=True)


if __name__ == "__main__":
    main()
