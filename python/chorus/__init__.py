"""chorus: what many news articles about one event say, with citations.

A thin layer over the C++ library (the native module ``chorus._chorus``);
the work happens in C++ with the GIL released, and results are the JSON the
``chorus`` CLI prints, parsed into plain dicts and lists.

    >>> import chorus
    >>> articles = chorus.read_articles("examples/harbor-fire")
    >>> chorus.summarize(articles, words=60)["summary"][0]["text"]

Articles are dicts with "text" (or "html", a web page, or "file", a text
file's content) and optional "id", "title", "date" (YYYY-MM-DD), "source",
"url", "lean", read by the same rules as the CLI's JSON Lines and the HTTP API (the
library's ArticlesFromJson). Clusters are dicts {"id", "documents":
[article...], "references"?: [str...]}.

Events: ``EventStream`` clusters articles online into the SQLite store the
CLI (``chorus cluster``) and the server use; ``Clusterer`` does the same in
memory. ``chorus.dask`` spreads summarizing, comparing, evaluating and
clustering over a Dask cluster.

Errors: bad arguments raise ValueError (or TypeError); a missing store,
event or file raises chorus.NotFoundError (a LookupError); other library
failures raise chorus.ChorusError (a RuntimeError). Each carries the
library's message.
"""

from ._api import (compare, eval, methods, read_articles, read_clusters, rouge,
                   score_clustering, sentences, summarize)
from ._chorus import ChorusError, NotFoundError, __version__
from ._stream import Clusterer, EventStream, event, events

__all__ = [
    "__version__", "ChorusError", "NotFoundError",
    "summarize", "compare", "sentences", "rouge", "methods", "eval",
    "read_articles", "read_clusters", "score_clustering",
    "EventStream", "Clusterer", "events", "event",
]
