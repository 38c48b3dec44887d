"""chorus on a Dask cluster: summarize, compare and evaluate many clusters, and
cluster a large archive into events, spread over workers.

Uses Debian's python3-dask and python3-distributed. Every function builds
Dask collections or runs on the current Dask scheduler: a
``dask.distributed.Client`` (a LocalCluster, or a multi-machine cluster
started with ``dask scheduler`` / ``dask worker``: README "Dask") if one is
active, else Dask's local threads. The chorus package must be installed on
every worker.

    >>> from dask.distributed import Client
    >>> import chorus.dask as cd
    >>> client = Client(n_workers=2, threads_per_worker=1)
    >>> articles = cd.read_articles("archive/*.jsonl")        # time order
    >>> result = cd.cluster_stream(articles)                   # stitched events
    >>> result.events().head()
    >>> summaries = cd.summarize(result.clusters(articles), words=60).compute()

Clusters (summarize, compare, eval) are a bag of cluster dicts {"id",
"documents", "references"?}, or a DataFrame of articles with a cluster column;
each partition is one task.
"""

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from . import _chorus
from ._api import _budget
from ._partitions import HANDOVER_WINDOW, RUNON, cluster_exact, cluster_stitched
from ._progress import bar
from ._stream import _model_arg, _threshold_arg

ARTICLE_FIELDS = ("id", "text", "title", "date", "source", "url")


# ---------------------------------------------------------------- reading

def read_articles(paths, blocksize: Optional[str] = "64MiB") -> db.Bag:
    """Articles from JSON Lines files (one article a line, in time order), as
    a bag whose partitions are consecutive runs of lines (`blocksize` bytes
    each). Fields other than the article's are dropped (e.g. a gold "event")."""
    def parse(line: str) -> Dict[str, Any]:
        a = json.loads(line)
        return {k: a[k] for k in ARTICLE_FIELDS if k in a}
    return db.read_text(paths, blocksize=blocksize).filter(str.strip).map(parse)


def _clusters_of_frame(frame: pd.DataFrame, cluster: str) -> List[Dict[str, Any]]:
    out = []
    for key, rows in frame.groupby(cluster, sort=False):
        if "order" in rows.columns:  # stitched events: the store's order
            rows = rows.sort_values(["date", "order"], na_position="first", kind="stable")
        rows = rows[[c for c in ARTICLE_FIELDS if c in rows.columns]]
        docs = rows.astype(object).where(rows.notnull(), None).to_dict("records")
        out.append({"id": str(key), "documents": docs})
    return out


def _as_cluster_bag(clusters, cluster_column: str) -> db.Bag:
    """A bag of cluster dicts from a bag, or from a DataFrame of articles
    shuffled so that each cluster's rows share a partition."""
    if isinstance(clusters, db.Bag):
        return clusters
    if isinstance(clusters, dd.DataFrame):
        if cluster_column not in clusters.columns:
            raise ValueError("the DataFrame has no %r column naming each article's cluster"
                             % cluster_column)
        shuffled = clusters.shuffle(on=cluster_column)
        return db.from_delayed([dask.delayed(_clusters_of_frame)(p, cluster_column)
                                for p in shuffled.to_delayed()])
    raise TypeError("clusters must be a dask Bag of cluster dicts or a dask DataFrame of articles")


# ---------------------------------------------------- summarize / compare

def _summarize_partition(clusters: Iterable[Dict[str, Any]], method: str, unit: str, amount: int,
                         query: str) -> List[Dict[str, Any]]:
    return [json.loads(_chorus.summarize(c["documents"], method, unit, amount, query,
                                         str(c.get("id", ""))))
            for c in clusters]


def _compare_partition(clusters: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [json.loads(_chorus.compare(c["documents"], str(c.get("id", "")))) for c in clusters]


def summarize(clusters, words: Optional[int] = None, bytes: Optional[int] = None,
              sentences: Optional[int] = None, method: str = "chorus", query: str = "",
              cluster_column: str = "cluster") -> db.Bag:
    """A bag of summaries (`chorus.summarize` dicts, one per cluster), one
    task per partition. `.compute()` it, or `.to_dataframe()`."""
    unit, amount = _budget(words, bytes, sentences)
    return _as_cluster_bag(clusters, cluster_column).map_partitions(
        _summarize_partition, method, unit, amount, query)


def compare(clusters, cluster_column: str = "cluster") -> db.Bag:
    """A bag of comparisons (`chorus.compare` dicts, one per cluster)."""
    return _as_cluster_bag(clusters, cluster_column).map_partitions(_compare_partition)


def summary_sentences(summaries: db.Bag) -> dd.DataFrame:
    """One row a summary sentence: cluster, position, text, doc, sentence,
    support (a list of document ids)."""
    def rows(part):
        return [{"cluster": s["id"], "position": i, "text": x["text"], "doc": x["doc"],
                 "sentence": x["sentence"], "support": x["support"]}
                for s in part for i, x in enumerate(s["summary"])]
    meta = pd.DataFrame({"cluster": pd.Series(dtype=object), "position": pd.Series(dtype=int),
                         "text": pd.Series(dtype=object), "doc": pd.Series(dtype=object),
                         "sentence": pd.Series(dtype=int), "support": pd.Series(dtype=object)})
    return summaries.map_partitions(rows).to_dataframe(meta=meta)


# ------------------------------------------------------------------ eval

def _eval_partition(clusters, preset, methods, unit, amount):
    clusters = [c for c in clusters if c.get("references")]
    if not clusters:
        return []
    return [json.loads(_chorus.eval_clusters(clusters, preset, list(methods), unit, amount, 1,
                                             None))]


def eval(clusters, preset: str = "duc2004", methods: Sequence[str] = (),
         words: Optional[int] = None, bytes: Optional[int] = None,
         cluster_column: str = "cluster") -> Dict[str, Any]:
    """`chorus.eval` over a bag of clusters with references, one task per
    partition, combined into one report (computed now).

    Averages are exact (ROUGE averages are means over topics: partitions are
    weighted by their topics). Bootstrap confidence intervals need every
    topic's scores in one place: ci_lower/ci_upper are None unless there is
    one partition.
    """
    unit, amount = ("words", 0) if words is None and bytes is None else _budget(words, bytes, None)
    reports = _as_cluster_bag(clusters, cluster_column).map_partitions(
        _eval_partition, preset, list(methods), unit, amount).compute()
    if not reports:
        raise _chorus.NotFoundError("no cluster has references to score against")
    return combine_eval_reports(reports)


def combine_eval_reports(reports: List[Dict[str, Any]]) -> Dict[str, Any]:
    """One report from reports on disjoint clusters: topic-weighted averages;
    confidence intervals kept only when there is a single report."""
    if len(reports) == 1:
        return reports[0]
    out = dict(reports[0])
    out["clusters"] = sum(r["clusters"] for r in reports)
    out["analysis_seconds_per_cluster"] = sum(
        r["analysis_seconds_per_cluster"] * r["clusters"] for r in reports) / out["clusters"]
    systems = []
    for i, first in enumerate(reports[0]["systems"]):
        parts = [r["systems"][i] for r in reports]
        topics = sum(p["topics"] for p in parts)
        system = dict(first, topics=topics)
        for key in ("seconds_per_cluster", "words_per_summary"):
            if key in first:
                system[key] = sum(p[key] * p["topics"] for p in parts) / topics
        system["metrics"] = []
        for j, metric in enumerate(first["metrics"]):
            m = {"metric": metric["metric"], "ci_lower": None, "ci_upper": None}
            for part in ("R", "P", "F"):
                m[part] = round(sum(p["metrics"][j][part] * p["topics"] for p in parts) / topics, 5)
            system["metrics"].append(m)
        systems.append(system)
    out["systems"] = systems
    out["warnings"] = [w for r in reports for w in r.get("warnings", [])]
    return out


# ------------------------------------------------------------ clustering

def _events_in(assigned: pd.DataFrame) -> set:
    return set(assigned["event"].tolist())


def _event_rows(articles: List[Dict[str, Any]], assigned: pd.DataFrame, shared: set,
                crossing: bool) -> pd.DataFrame:
    """A partition's non-copy articles with their event and stream order:
    those of events in `shared` when `crossing`, else the others."""
    frame = pd.DataFrame(articles, columns=list(ARTICLE_FIELDS)).astype(object)
    frame["event"] = assigned["event"].to_numpy()
    frame["order"] = (assigned["partition"].to_numpy() << 32) + pd.RangeIndex(len(frame)).to_numpy()
    keep = assigned["duplicate_of"].isnull().to_numpy() & \
        (frame["event"].isin(shared).to_numpy() == crossing)
    return frame[keep].reset_index(drop=True)


class StitchedClustering:
    """The events of a stream clustered in time partitions and stitched.

    `assignments` is a Dask DataFrame, one row an article in stream order:
    article, event, new_event, duplicate_of (id of the copied article or
    None), date, source, partition. Event ids run 1, 2, ... in order of
    appearance, as one clusterer numbers them.
    """

    def __init__(self, assignments: dd.DataFrame, labels: List, partitions: int,
                 threshold: Optional[float], window_days: float, model: str = "") -> None:
        self.assignments = assignments
        self._labels = labels
        self.partitions = partitions
        self.threshold = threshold
        self.window_days = window_days
        self.model = model

    def events(self) -> pd.DataFrame:
        """One row an event, with the columns of `chorus events --format json`
        (label: the top terms of its largest part)."""
        a = self.assignments
        original = a[a["duplicate_of"].isnull()]
        counts = a.groupby("event").agg({"article": "count", "date": ["min", "max"]})
        dups = a[a["duplicate_of"].notnull()].groupby("event")["article"].count()
        named = original[original["source"] != ""].groupby("event")["source"].nunique()
        anonymous = original[original["source"] == ""].groupby("event")["article"].count()
        labels = dd.from_delayed(self._labels, meta=pd.DataFrame({
            "event": pd.Series(dtype="int64"), "label": pd.Series(dtype=object),
            "size": pd.Series(dtype="int64")}))
        counts, dups, named, anonymous, labels = dask.compute(counts, dups, named, anonymous,
                                                              labels)
        best = labels.sort_values(["event", "size"], ascending=[True, False],
                                  kind="stable").drop_duplicates("event").set_index("event")
        out = pd.DataFrame({"event": counts.index.astype("int64")}).set_index("event", drop=False)
        out["label"] = best["label"].reindex(out.index).fillna("(no content)")
        out["first_date"] = counts[("date", "min")]
        out["last_date"] = counts[("date", "max")]
        out["articles"] = counts[("article", "count")].astype("int64")
        out["duplicates"] = dups.reindex(out.index).fillna(0).astype("int64")
        out["independent_sources"] = (named.reindex(out.index).fillna(0) +
                                      anonymous.reindex(out.index).fillna(0)).astype("int64")
        out = out.sort_index().reset_index(drop=True)
        return out.astype(object).where(out.notnull(), None).astype(
            {"event": "int64", "articles": "int64", "duplicates": "int64",
             "independent_sources": "int64"})

    def clusters(self, articles: db.Bag) -> db.Bag:
        """A bag of cluster dicts (one per event: {"id", "documents"}, copies
        left out and documents in date then stream order, as `chorus
        summarize --store --event` reads an event), to pass to summarize or
        compare. `articles` is the bag that was clustered. Events within one
        partition are grouped where they are; only those running across a
        cut are shuffled."""
        parts, assigned = articles.to_delayed(), self.assignments.to_delayed()
        seen = dask.compute(*[dask.delayed(_events_in)(a) for a in assigned])
        counts: Dict[int, int] = {}
        for events in seen:
            for e in events:
                counts[e] = counts.get(e, 0) + 1
        shared = {e for e, n in counts.items() if n > 1}
        local = [dask.delayed(_event_rows)(p, a, shared, False) for p, a in zip(parts, assigned)]
        crossing = [dask.delayed(_event_rows)(p, a, shared, True) for p, a in zip(parts, assigned)]
        meta = pd.DataFrame({c: pd.Series(dtype=object) for c in ARTICLE_FIELDS})
        meta["event"] = pd.Series(dtype="int64")
        meta["order"] = pd.Series(dtype="int64")
        local_bag = db.from_delayed([dask.delayed(_clusters_of_frame)(f, "event") for f in local])
        if not shared:
            return local_bag
        return db.concat([local_bag, _as_cluster_bag(dd.from_delayed(crossing, meta=meta), "event")])

    def to_store(self, path, articles: db.Bag, progress: bool = False) -> int:
        """Writes the stitched events into a new chorus store at `path` (SQLite:
        what `chorus events/summarize --store`, `chorus serve` and a continuing
        `chorus cluster` read), partition by partition in stream order on this
        process (one writer per store). `articles` is the bag that was
        clustered. Returns the number of articles written."""
        writer = _chorus.StitchedStoreWriter(os.fspath(path), self.model, self.threshold,
                                             self.window_days)
        try:
            parts = zip(articles.to_delayed(), self.assignments.to_delayed())
            with bar(self.partitions, "store", progress, unit="partition") as shown:
                for part, assigned in parts:
                    docs, frame = dask.compute(part, assigned)
                    writer.append(docs, frame["event"].tolist(),
                                  [None if d is None else str(d) for d in frame["duplicate_of"]])
                    shown.update(1)
            return writer.articles
        finally:
            writer.close()


def cluster_stream(articles: db.Bag, threshold: Optional[float] = None, window_days: float = 30,
                   overlap_days: float = 3, progress: bool = False,
                   model: Optional[str] = None, runon: int = RUNON,
                   handover_window: int = HANDOVER_WINDOW,
                   exact: bool = True) -> StitchedClustering:
    """Clusters a stream of articles into events across the Dask cluster.

    `articles` is a bag of article dicts in time order, each partition a
    consecutive run (e.g. `read_articles`; repartition it to about one
    partition per worker thread).

    With `exact` (the default) the result is exactly one clusterer's over the
    whole stream: each partition is featurized (cleaned, tokenized, stemmed,
    hashed: most of the work) on a worker in parallel, then one task decides
    every article in stream order from those features
    (chorus/featurized_partition.h). The deciding is sequential: it bounds the
    speed-up, and it holds every partition's features at once.

    With `exact=False` the decisions are spread too, and approximate: each
    partition is clustered by its own
    online clusterer, seeded with the term counts (document frequencies) of
    the stream before it and warmed up on the previous partition's last
    `overlap_days` days, then the partitions are stitched: an event continuing
    across a cut becomes one event (chorus/partitioned_clustering.h). The
    counts are taken in parallel (featurizing only) and summed in stream
    order, so the result depends on the partitions, never on the workers or
    their timing. Each partition's clusterer also runs on into the next
    partition's first `runon` articles and decides them, handing over to that
    partition's own decisions once both agree on `handover_window` articles in
    a row (runon=0: no run-on); this costs `runon` articles of extra
    clustering per partition and brings the result closer to one process's.
    With one partition the result is exactly one clusterer's. The clustering runs
    now (its results stay on the workers); `model`, `threshold` and
    `window_days` are `chorus cluster`'s (chorus.EventStream says how); a model
    file must be readable by every worker.
    """
    if not isinstance(articles, db.Bag):
        raise TypeError("articles must be a dask Bag of article dicts in time order")
    model_arg, threshold_arg = _model_arg(model), _threshold_arg(threshold)
    if exact:
        assignments, labels, partitions = cluster_exact(articles, model_arg, threshold_arg,
                                                        float(window_days), progress)
    else:
        assignments, labels, partitions = cluster_stitched(
            articles, model_arg, threshold_arg, float(window_days), float(overlap_days), progress,
            runon, handover_window)
    return StitchedClustering(assignments, labels, partitions, threshold_arg, float(window_days),
                              model_arg)
