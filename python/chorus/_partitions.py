"""How chorus.dask clusters a stream cut into partitions: exactly (each
partition featurized where it lies, one task deciding every article in stream
order: chorus/featurized_partition.h) or stitched (each partition clustered by
its own online clusterer, then events running across a cut joined:
chorus/partitioned_clustering.h). Both give the assignments as a Dask
DataFrame with ASSIGNMENT_META's columns, events numbered 1, 2, ... in order of
appearance, and per-event label frames; chorus.dask.cluster_stream wraps them.
"""

from typing import Any, Dict, List, Optional, Tuple

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from . import _chorus

# cluster_stream: each partition's clusterer also decides this many of the next
# partition's first articles (the run-on), and hands them over to the next
# partition's own decisions once both agree on HANDOVER_WINDOW articles in a
# row (chorus/partitioned_clustering.h: StitchPartitions).
RUNON = 40000
HANDOVER_WINDOW = 1000


def _active_client():
    try:
        from distributed import get_client
        return get_client()
    except (ImportError, ValueError):
        return None


def _persist(collections, progress: bool):
    """Starts `collections` on the scheduler, with a progress bar if asked."""
    client = _active_client()
    if client is not None:
        persisted = client.persist(list(collections))
        if progress:
            from distributed import progress as bar
            bar(persisted)
        return persisted
    if progress:
        from dask.diagnostics import ProgressBar
        with ProgressBar():
            return list(dask.persist(*collections))
    return list(dask.persist(*collections))


def _warmup(articles: List[Dict[str, Any]], overlap_days: float) -> List[Dict[str, Any]]:
    return articles[_chorus.warmup_start(articles, overlap_days):]


def _count_terms(articles, model, threshold, window_days, overlap_days) -> List[Dict[str, Any]]:
    """A partition's term counts before its last `overlap_days` (the next
    warm-up) and of them."""
    cut = _chorus.warmup_start(articles, overlap_days)
    return _chorus.count_terms(articles, cut, model, threshold, window_days)


def _add_counts(total: Dict[str, Any], later: Dict[str, Any]) -> Dict[str, Any]:
    return _chorus.add_term_counts(total, later)


def _seeds(parts, model, threshold, window_days, overlap_days) -> List[Any]:
    """The term counts each partition starts from: everything before its
    warm-up, i.e. the earlier partitions' counts summed in stream order
    (partition_clustering.h). Counting runs in parallel; the sums are cheap."""
    seeds: List[Any] = [None]
    total = None
    for part in parts[:-1]:
        counts = dask.delayed(_count_terms)(part, model, threshold, window_days, overlap_days)
        seed = counts[0] if total is None else dask.delayed(_add_counts)(total, counts[0])
        seeds.append(seed)
        total = dask.delayed(_add_counts)(seed, counts[1])
    return seeds


def _head(articles: List[Dict[str, Any]], n: int) -> List[Dict[str, Any]]:
    return articles[:n]


def _cluster(warmup, articles, seed, model, threshold, window_days, overlap_days,
             runon) -> Dict[str, Any]:
    out = _chorus.cluster_partition(warmup, articles, model, threshold, window_days, overlap_days,
                                    seed, runon)
    out["ids"] = [str(a.get("id") or "") for a in articles]
    out["dates"] = [a.get("date") or None for a in articles]
    out["sources"] = [a.get("source") or "" for a in articles]
    return out


def _boundary(c: Dict[str, Any], head: int) -> Dict[str, Any]:
    return {"warmup_events": c["warmup_events"], "tail_events": c["tail_events"],
            "events": c["events_count"], "runon_events": c["runon_events"],
            "head_events": c["events"][:head]}


def _handed_over(c: Dict[str, Any], n: int) -> Dict[str, Any]:
    """The first `n` articles of a partition's run-on, as decided there
    (ClusteredPartition)."""
    return {key: c["runon_" + key][:n] for key in ("events", "duplicate_of")}


ASSIGNMENT_META = pd.DataFrame({
    "article": pd.Series(dtype=object), "event": pd.Series(dtype="int64"),
    "new_event": pd.Series(dtype=bool), "duplicate_of": pd.Series(dtype=object),
    "date": pd.Series(dtype=object), "source": pd.Series(dtype=object),
    "partition": pd.Series(dtype="int64")})


def _assignments(c: Dict[str, Any], k: int, mapping: List[int], handed_over: int,
                 handed: Dict[str, Any], earlier: List[int],
                 before: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Partition k's articles with their global events (the library's
    AssignStitched; numbered as the stitch left them, _renumbered numbers them
    in order of appearance). `handed`: the previous partition's run-on
    decisions handed over, `earlier` its global events, `before` its
    assignments."""
    previous = None
    if before is not None:
        previous = {"global": earlier, "runon_events": handed["events"],
                    "runon_duplicate_of": handed["duplicate_of"],
                    "events": before["event"].tolist()}
    events, links = _chorus.assign_stitched(c["events"], c["duplicate_of"], mapping, handed_over,
                                            previous)
    earlier_ids = before["article"].tolist() if before is not None else []
    copies = [None if d is None else c["ids"][d] if d >= 0 else earlier_ids[len(earlier_ids) + d]
              for d in links]
    return pd.DataFrame({"article": c["ids"], "event": pd.Series(events, dtype="int64"),
                         "new_event": pd.Series([False] * len(events), dtype=bool),
                         "duplicate_of": copies, "date": c["dates"], "source": c["sources"],
                         "partition": pd.Series([k] * len(events), dtype="int64")})


def _appearing(assigned: pd.DataFrame) -> List[int]:
    return pd.unique(assigned["event"]).tolist()


def _renumbered(assigned: pd.DataFrame, number: Dict[int, int], seen: int) -> pd.DataFrame:
    """Events numbered in order of appearance (`seen`: events appearing before
    this partition); an article opens its event when it is its first."""
    out = assigned.copy()
    out["event"] = out["event"].map(number).astype("int64")
    out["new_event"] = (out["event"] > seen) & ~out["event"].duplicated() & \
        out["duplicate_of"].isnull()
    return out


def _labels(c: Dict[str, Any], mapping: List[int], number: Dict[int, int]) -> pd.DataFrame:
    """Each local event's label and size, by global event."""
    kept = [i for i, g in enumerate(mapping) if g in number]  # events no article kept: left out
    info = c["event_info"]
    return pd.DataFrame({"event": pd.Series([number[mapping[i]] for i in kept], dtype="int64"),
                         "label": [info[i]["label"] for i in kept],
                         "size": [info[i]["articles"] for i in kept]})


def _featurize(articles, model, threshold, window_days) -> Dict[str, Any]:
    """A partition featurized where it lies (bytes for the placer), with its
    articles' ids, dates and sources."""
    return {"bytes": _chorus.featurize_partition(articles, model, threshold, window_days),
            "ids": [str(a.get("id") or "") for a in articles],
            "dates": [a.get("date") or None for a in articles],
            "sources": [a.get("source") or "" for a in articles]}


def _place(featurized: List[Dict[str, Any]], model, threshold, window_days) -> Dict[str, Any]:
    """One clusterer deciding every partition's articles in stream order
    (chorus/featurized_partition.h): each partition's assignments, events
    numbered by appearance, and each event's label and size."""
    placed = _chorus.place_featurized([f["bytes"] for f in featurized], model, threshold,
                                      window_days)
    ids = [i for f in featurized for i in f["ids"]]
    number: Dict[int, int] = {}
    frames = []
    for k, f in enumerate(featurized):
        assigned = pd.DataFrame({
            "article": f["ids"], "event": pd.Series(placed["events"][k], dtype="int64"),
            "new_event": pd.Series([False] * len(f["ids"]), dtype=bool),
            "duplicate_of": [None if d is None else ids[d] for d in placed["duplicate_of"][k]],
            "date": f["dates"], "source": f["sources"],
            "partition": pd.Series([k] * len(f["ids"]), dtype="int64")})
        seen = len(number)
        for e in _appearing(assigned):
            number.setdefault(e, len(number) + 1)
        frames.append(_renumbered(assigned, number, seen))
    info = placed["event_info"]
    labels = pd.DataFrame({"event": pd.Series(list(number.values()), dtype="int64"),
                           "label": [info[e - 1]["label"] for e in number],
                           "size": pd.Series([info[e - 1]["articles"] for e in number],
                                             dtype="int64")})
    return {"frames": frames, "labels": labels}


def _frame(placed: Dict[str, Any], k: int) -> pd.DataFrame:
    return placed["frames"][k]


def _placed_labels(placed: Dict[str, Any]) -> pd.DataFrame:
    return placed["labels"]


def cluster_exact(articles: db.Bag, model_arg, threshold_arg, window_days: float,
                  progress: bool) -> Tuple[dd.DataFrame, List[Any], int]:
    """Assignments, label frames and partition count of one clusterer deciding
    the whole stream from partitions featurized in parallel."""
    parts = articles.to_delayed()
    featurized = [dask.delayed(_featurize)(p, model_arg, threshold_arg, window_days)
                  for p in parts]
    placed = _persist([dask.delayed(_place)(featurized, model_arg, threshold_arg, window_days)],
                      progress)[0]
    frames = [dask.delayed(_frame)(placed, k) for k in range(len(parts))]
    return (dd.from_delayed(frames, meta=ASSIGNMENT_META), [dask.delayed(_placed_labels)(placed)],
            len(parts))


def cluster_stitched(articles: db.Bag, model_arg, threshold_arg, window_days: float,
                     overlap_days: float, progress: bool, runon: int,
                     handover_window: int) -> Tuple[dd.DataFrame, List[Any], int]:
    """Assignments, label frames and partition count of each partition
    clustered on its own (seeded, warmed up, run on) and stitched."""
    parts = articles.to_delayed()
    seeds = _seeds(parts, model_arg, threshold_arg, float(window_days), float(overlap_days))
    if runon < 0 or handover_window < 1:
        raise ValueError("runon must be >= 0 and handover_window >= 1")
    clustered = []
    for k, part in enumerate(parts):
        warmup = dask.delayed(_warmup)(parts[k - 1], overlap_days) if k > 0 else []
        after = dask.delayed(_head)(parts[k + 1], runon) if k + 1 < len(parts) else []
        clustered.append(dask.delayed(_cluster)(warmup, part, seeds[k], model_arg, threshold_arg,
                                                float(window_days), float(overlap_days), after))
    clustered = _persist(clustered, progress)
    boundaries = dask.compute(*[dask.delayed(_boundary)(c, runon if k else 0)
                                for k, c in enumerate(clustered)])
    mappings, handed_over = _chorus.stitch(list(boundaries), handover_window)
    frames: List[Any] = []
    for k, (c, mapping) in enumerate(zip(clustered, mappings)):
        handed = dask.delayed(_handed_over)(clustered[k - 1], handed_over[k]) if k else \
            {"events": [], "duplicate_of": []}
        frames.append(dask.delayed(_assignments)(c, k, mapping, handed_over[k], handed,
                                                 mappings[k - 1] if k else [],
                                                 frames[k - 1] if k else None))
    frames = _persist(frames, False)
    number: Dict[int, int] = {}
    seen = []
    for appearing in dask.compute(*[dask.delayed(_appearing)(f) for f in frames]):
        seen.append(len(number))
        for e in appearing:
            number.setdefault(e, len(number) + 1)
    frames = [dask.delayed(_renumbered)(f, number, n) for f, n in zip(frames, seen)]
    labels = [dask.delayed(_labels)(c, m, number) for c, m in zip(clustered, mappings)]
    return dd.from_delayed(frames, meta=ASSIGNMENT_META), labels, len(parts)
