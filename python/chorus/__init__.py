"""chorus: what many news articles about one event say, with citations.

A thin layer over the native module ``chorus._chorus``; the work happens in
the C++ library, with the GIL released.

    >>> import chorus
    >>> s = chorus.summarize([{"id": "a", "text": "..."}, {"id": "b", "text": "..."}], words=60)
    >>> for sent in s["summary"]:
    ...     print(sent["text"], sent["support"])

Articles are dicts with "text" (or "html", a web page, or "file", a text file's
content) and optional "id", "title", "date" (YYYY-MM-DD), "source", "url",
read by the same rules as the CLI's JSON Lines and the HTTP API (the C++
library's ArticlesFromJson). Bad arguments raise ValueError.
"""

import json as _json

from . import _chorus

__all__ = ["summarize", "compare", "sentences", "rouge", "methods"]


def _articles_json(articles):
    """The articles as the JSON list the library reads."""
    return _json.dumps(list(articles), ensure_ascii=False)


def methods():
    """Summarization methods, the default first."""
    return list(_chorus.methods())


def summarize(articles, words=None, bytes=None, sentences=None, method="chorus", query="",
              id=""):
    """Summary of one cluster: {"id", "method", "summary": [{"text", "doc", "sentence",
    "support"}]}. Give at most one budget; the default is 100 words."""
    budgets = {k: v for k, v in (("words", words), ("bytes", bytes), ("sentences", sentences))
               if v is not None}
    if len(budgets) > 1:
        raise ValueError("give one budget: words, bytes or sentences (got %s)" %
                         ", ".join(sorted(budgets)))
    unit, amount = next(iter(budgets.items())) if budgets else ("words", 100)
    if amount < 0:
        raise ValueError("%s must be positive (got %d)" % (unit, amount))
    return _json.loads(_chorus.summarize(_articles_json(articles), method, unit, int(amount), query, id))


def compare(articles, id=""):
    """What the sources agree on and where they differ: {"entities", "facts", "discrepancies",
    "exclusives", "framing", ...}, as `chorus compare --format json` prints it."""
    return _json.loads(_chorus.compare(_articles_json(articles), id))


def sentences(articles):
    """Cleaned, split sentences as (doc id, index, text) tuples."""
    return _chorus.sentences(_articles_json(articles))


def rouge(peer, models, flags="-n 2 -m -l 100 -2 4 -u"):
    """ROUGE-1.5.5 scores of `peer` against `models` (strings, one sentence a line):
    {"ROUGE-1": {"R", "P", "F"}, ...}."""
    if isinstance(models, str):
        models = [models]
    return _chorus.rouge(peer, list(models), flags)
