"""Event clustering: EventStream over a store, Clusterer in memory."""

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _chorus, frames
from ._api import _budget

Article = Dict[str, Any]


def _model_arg(model: Optional[Union[str, "os.PathLike[str]"]]) -> str:
    """The native model argument: a model file, "learned" (the shipped model), "cosine" or ""."""
    return "" if model is None else os.fspath(model)


def _threshold_arg(threshold: Optional[float]) -> Optional[float]:
    return None if threshold is None else float(threshold)


class _Counts:
    _native: Any

    @property
    def articles(self) -> int:
        """Articles clustered (for a stream: in its store, this run's included)."""
        return self._native.articles

    @property
    def event_count(self) -> int:
        return self._native.event_count


class EventStream(_Counts):
    """Online event clustering into a chorus store (SQLite), as `chorus
    cluster --store PATH` does: the same file the CLI and `chorus serve` read.

    Opening replays the store, so new articles continue its events. Each
    article is assigned in arrival order, without looking ahead; an id
    already stored is skipped (re-adding a feed stores nothing twice).

        >>> with chorus.EventStream("news.db") as stream:
        ...     stream.add(articles)        # [{"article", "event", "duplicate_of"}]
        ...     stream.events()             # [{"event", "label", "articles", ...}]
        ...     stream.summarize(1, words=60)

    One writer per store; not thread-safe (use one per thread). Articles are
    judged by the fixed cosine rule, whose cut is `threshold` (0..1), unless
    `model` is "learned" (the event model shipped with chorus) or a model
    file from `chorus train-clusterer`. `window_days` is how far apart in time an
    article and an event may be (0: no window). All as `chorus cluster
    --model/--threshold/--window`.
    """

    def __init__(self, store: Union[str, "os.PathLike[str]"] = "chorus.db",
                 threshold: Optional[float] = None, window_days: float = 30,
                 batch_size: int = 500, model: Optional[str] = None) -> None:
        self._path = os.fspath(store)
        self._native = _chorus.EventStream(self._path, _model_arg(model), _threshold_arg(threshold),
                                           float(window_days), int(batch_size))

    def add(self, articles: Iterable[Article], as_frame: bool = False):
        """Assigns and stores `articles` (dicts with "id" and "text"); returns
        their assignments as `chorus cluster --format jsonl` prints them (a
        DataFrame with `as_frame`). Articles already stored are skipped and not
        listed. An article without id, or one the library's article rules
        reject, is a ValueError naming it, and nothing is added."""
        assignments = json.loads(self._native.add(list(articles)))
        return frames.assignments_frame(assignments) if as_frame else assignments

    def events(self, after: int = 0, limit: int = 0, as_frame: bool = False):
        """Events of the store by ascending id (those above `after`, at most
        `limit`; 0: all), as `chorus events --format json`."""
        events = json.loads(self._native.events(int(after), int(limit)))
        return frames.events_frame(events) if as_frame else events

    def event(self, event_id: int, include_duplicates: bool = False) -> Dict[str, Any]:
        """The articles of one event as a cluster dict {"id", "documents"} (in
        date, then arrival order; copies left out unless asked for).
        chorus.NotFoundError for an unknown event."""
        return self._native.event(int(event_id), include_duplicates)

    def summarize(self, event_id: int, words: Optional[int] = None, bytes: Optional[int] = None,
                  sentences: Optional[int] = None, method: str = "chorus",
                  query: str = "", since: str = "") -> Dict[str, Any]:
        """`chorus summarize --store PATH --event ID --format json` (with
        `since`, `--since DATE`: what is new since then)."""
        unit, amount = _budget(words, bytes, sentences)
        return json.loads(self._native.summarize(int(event_id), method, unit, amount, query, since))

    def compare(self, event_id: int) -> Dict[str, Any]:
        """`chorus compare --store PATH --event ID --format json`."""
        return json.loads(self._native.compare(int(event_id)))

    @property
    def skipped(self) -> int:
        """Articles skipped in this run because their id was already stored."""
        return self._native.skipped

    @property
    def path(self) -> str:
        return self._path

    def close(self) -> None:
        """Closes the store (everything added is already committed)."""
        self._native.close()

    def __enter__(self) -> "EventStream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return "EventStream(%r)" % self.path


class Clusterer(_Counts):
    """Online event clustering in memory: the clusterer EventStream uses,
    without a store. `add` returns one assignment per article:
    {"article", "event", "new_event", "duplicate_of", "merged_into"}.

    Under the learned rule a young event of a story that split early is
    merged into the older one (`chorus cluster` says so with "merged_into"
    on the article that caused it): `add` gives each article its event as it
    stands after the call, `current_event(id)` where an event id returned
    earlier stands now, and `events()` lists only the live events."""

    def __init__(self, threshold: Optional[float] = None, window_days: float = 30,
                 model: Optional[str] = None) -> None:
        self._native = _chorus.Clusterer(_model_arg(model), _threshold_arg(threshold),
                                         float(window_days))
        self._ids: List[str] = []

    def add(self, articles: Iterable[Article], as_frame: bool = False):
        """Assigns `articles` in order (ids default to the arrival number).
        "event" is the article's event as it stands after the call (a merge
        made by a later article of the same call moves it too); "merged_into"
        is set on the article right after which its event was merged into
        that older one, else None."""
        articles = list(articles)
        events, opened, copies, merged = self._native.add(articles)
        out = []
        for i, a in enumerate(articles):
            self._ids.append(str(a.get("id") or len(self._ids) + 1))
            out.append({"article": self._ids[-1], "event": events[i], "new_event": opened[i],
                        "duplicate_of": self._ids[copies[i]] if copies[i] >= 0 else None,
                        "merged_into": merged[i] or None})
        if as_frame:
            return frames._pandas().DataFrame(out, columns=["article", "event", "new_event",
                                                            "duplicate_of", "merged_into"])
        return out

    def current_event(self, event_id: int) -> int:
        """The event that event `event_id` is now part of: itself, unless it
        was merged into an older one."""
        return self._native.current_event(int(event_id))

    def events(self, as_frame: bool = False):
        """The live events so far (those not merged into another), as `chorus
        events --format json` lists them."""
        events = json.loads(self._native.events())
        return frames.events_frame(events) if as_frame else events



def events(store: Union[str, "os.PathLike[str]"] = "chorus.db", after: int = 0, limit: int = 0,
           as_frame: bool = False):
    """Events of a store, read-only (`chorus events --store PATH --format json`)."""
    listed = json.loads(_chorus.store_events(os.fspath(store), int(after), int(limit)))
    return frames.events_frame(listed) if as_frame else listed


def event(store: Union[str, "os.PathLike[str]"], event_id: int,
          include_duplicates: bool = False) -> Dict[str, Any]:
    """One event of a store, read-only, as a cluster dict {"id", "documents"}
    to pass to chorus.summarize / chorus.compare."""
    return _chorus.store_event(os.fspath(store), int(event_id), include_duplicates)
