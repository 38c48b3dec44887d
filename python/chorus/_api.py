"""Summaries, comparisons, sentences, ROUGE, eval and reading input."""

import json
import os
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _chorus
from ._progress import eval_progress

Article = Dict[str, Any]
Cluster = Dict[str, Any]
PathLike = Union[str, "os.PathLike[str]"]


def _paths(inputs: Union[PathLike, Sequence[PathLike]]) -> List[str]:
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return [os.fspath(p) for p in inputs]


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:  # NaN: pandas' empty cell
        return None
    if hasattr(value, "isoformat"):  # datetime, date, pandas.Timestamp
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # a numpy scalar
        return value.item()
    return value


def _json_ready(articles: Iterable[Article]) -> List[Article]:
    """Article dicts as json.dumps takes them (the native module reads
    articles as JSON text, by the library's one set of rules)."""
    return [{k: _plain(v) for k, v in a.items()} for a in articles]


def _budget(words: Optional[int], bytes: Optional[int], sentences: Optional[int],
            default: Tuple[str, int] = ("words", 100)) -> Tuple[str, int]:
    given = {k: v for k, v in (("words", words), ("bytes", bytes), ("sentences", sentences))
             if v is not None}
    if len(given) > 1:
        raise ValueError("give one budget: words, bytes or sentences (got %s)" %
                         ", ".join(sorted(given)))
    unit, amount = next(iter(given.items())) if given else default
    if int(amount) <= 0:
        raise ValueError("%s must be positive (got %d)" % (unit, amount))
    return unit, int(amount)


def methods() -> List[str]:
    """Summarization methods, the default ("chorus") first."""
    return list(_chorus.methods())


def summarize(articles: Iterable[Article], words: Optional[int] = None,
              bytes: Optional[int] = None, sentences: Optional[int] = None,
              method: str = "chorus", query: str = "", id: str = "",
              neutral: bool = False, since: str = "") -> Dict[str, Any]:
    """Summary of one cluster of articles, as `chorus summarize --format json`.

    Returns {"id", "method", "summary": [{"text", "doc", "sentence",
    "support", "support_sentences"}]}: whole sentences in reading order, each
    with the ids of the documents that support it and, per document, the
    sentence that backs it ("compressed": True and "original" when a
    sentence was shortened). Give at most one budget (default 100 words).
    `query` focuses the summary on what it asks; `since` ("YYYY-MM-DD")
    tells what the articles dated since then add for a reader of the earlier ones.
    neutral=True prefers sentences free of loaded terms (`chorus summarize --neutral`).
    """
    unit, amount = _budget(words, bytes, sentences)
    return json.loads(_chorus.summarize(list(articles), method, unit, amount, query, id,
                                        bool(neutral), since))


def compare(articles: Iterable[Article], id: str = "") -> Dict[str, Any]:
    """What the sources agree on and where they differ, as `chorus compare
    --format json`: {"entities", "facts", "discrepancies", "exclusives",
    "framing", ...}."""
    return json.loads(_chorus.compare(list(articles), id))


def sentences(articles: Iterable[Article]) -> List[Tuple[str, int, str]]:
    """Cleaned, split sentences as (doc id, index in its document, text)."""
    return _chorus.sentences(list(articles))


def rouge(peer: str, models: Union[str, Sequence[str]],
          flags: str = "-n 2 -m -l 100 -2 4 -u") -> Dict[str, Dict[str, float]]:
    """ROUGE-1.5.5 scores of `peer` against `models` (strings, one sentence a
    line), with ROUGE-1.5.5.pl's flags: {"ROUGE-1": {"R", "P", "F"}, ...}."""
    if isinstance(models, str):
        models = [models]
    return _chorus.rouge(peer, list(models), flags)


def eval(dataset: Union[PathLike, Iterable[Cluster]], preset: str = "duc2004",
         methods: Sequence[str] = (), words: Optional[int] = None, bytes: Optional[int] = None,
         peers: Optional[PathLike] = None, jobs: int = 1, strict: bool = False,
         progress: Union[bool, Callable[[str, int, int], None]] = False) -> Dict[str, Any]:
    """`chorus eval DATASET --format json`: every cluster (with references)
    summarized by each method and scored with ROUGE-1.5.5.

    `dataset` is a clusters JSONL path or cluster dicts with "references";
    `methods` defaults to all; the preset fixes ROUGE flags and budget unless
    `words`/`bytes` is given; `peers` is a published systems' JSONL (paths
    only). `progress`: True for a tqdm bar, or a callable(stage, done, total).
    Returns {"preset", "rouge_flags", "budget", "clusters", "systems": [...]};
    `chorus.frames.eval_table` makes it a DataFrame.
    """
    unit, amount = ("words", 0) if words is None and bytes is None else _budget(words, bytes, None)
    with eval_progress(progress) as callback:
        if isinstance(dataset, (str, os.PathLike)):
            text = _chorus.eval_file(os.fspath(dataset), preset, list(methods), unit, amount,
                                     os.fspath(peers) if peers else "", jobs, strict, callback)
        else:
            if peers:
                raise ValueError("peers need a dataset path (their ids name the file's clusters)")
            text = _chorus.eval_clusters(list(dataset), preset, list(methods), unit, amount, jobs,
                                         callback)
    return json.loads(text)


def read_articles(inputs: Union[PathLike, Sequence[PathLike]], strict: bool = False) -> List[Article]:
    """The articles of files or directories, as `chorus cluster` reads them
    (JSONL, text or HTML files, directories of them). Problems with a line or
    file are warnings (the rest is read); with `strict` the first raises."""
    return _chorus.read_articles(_paths(inputs), strict)


def read_clusters(inputs: Union[PathLike, Sequence[PathLike]], strict: bool = False) -> List[Cluster]:
    """The clusters of files or directories, as `chorus summarize` reads them:
    a directory is one cluster, a JSONL file one cluster a line."""
    return _chorus.read_clusters(_paths(inputs), strict)


def score_clustering(gold: Sequence[int], predicted: Sequence[int]) -> Dict[str, float]:
    """B-cubed precision/recall/F1 and adjusted Rand index of `predicted`
    against `gold` labels (one integer each per item)."""
    return _chorus.score_clustering(list(gold), list(predicted))
