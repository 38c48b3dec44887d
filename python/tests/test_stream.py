"""EventStream, Clusterer and stores from Python, and their DataFrames."""
import json

import pytest

import chorus
from conftest import merge_model, split_story_articles, stream_articles


def test_event_stream_groups_stories_and_continues_its_store(tmp_path):
    store = tmp_path / "news.db"
    articles = stream_articles()
    with chorus.EventStream(store) as stream:
        first = stream.add(articles[:6])
        assert [a["article"] for a in first] == [a["id"] for a in articles[:6]]
        by_story = {}
        for a in first:
            by_story.setdefault(a["article"].split("-")[0], set()).add(a["event"])
        assert all(len(events) == 1 for events in by_story.values())
        assert len({e for events in by_story.values() for e in events}) == 3
    # Reopened, the store continues the same events; stored ids are skipped.
    with chorus.EventStream(store) as stream:
        again = stream.add(articles)
        assert stream.skipped == 6
        assert len(again) == 6
        for a in again:
            assert a["event"] in by_story[a["article"].split("-")[0]]
        events = stream.events()
        assert [e["event"] for e in events] == [1, 2, 3]
        assert sum(e["articles"] for e in events) == 12
        cluster = stream.event(events[0]["event"])
        assert len(cluster["documents"]) == 4
        summary = stream.summarize(events[0]["event"], words=30)
        assert summary["summary"] and summary["id"] == str(events[0]["event"])
        assert "facts" in stream.compare(events[0]["event"])
    assert chorus.events(store) == events
    assert chorus.event(store, 1)["documents"] == cluster["documents"]


def test_a_repeated_id_is_skipped_as_chorus_cluster_skips_it(tmp_path):
    a = stream_articles()[0]
    with chorus.EventStream(tmp_path / "s.db") as stream:
        assert [x["article"] for x in stream.add([a, dict(a, text="Other text.")])] == [a["id"]]
        assert stream.skipped == 1


def test_frames_have_the_cli_columns(tmp_path):
    pd = pytest.importorskip("pandas")
    with chorus.EventStream(tmp_path / "s.db") as stream:
        frame = stream.add(stream_articles(), as_frame=True)
        assert list(frame.columns) == ["article", "event", "duplicate_of", "merged_into"]
        assert len(frame) == 12
        events = stream.events(as_frame=True)
        assert isinstance(events, pd.DataFrame)
        assert events["articles"].sum() == 12


def test_clusterer_in_memory_matches_the_store(tmp_path):
    articles = stream_articles()
    in_memory = chorus.Clusterer().add(articles)
    with chorus.EventStream(tmp_path / "s.db") as stream:
        stored = stream.add(articles)
    assert [(a["article"], a["event"]) for a in in_memory] == \
           [(a["article"], a["event"]) for a in stored]
    assert sum(a["new_event"] for a in in_memory) == 3


def test_a_merged_event_is_read_as_the_one_it_is_part_of(tmp_path, cli):
    articles, model = split_story_articles(), merge_model(tmp_path)
    clusterer = chorus.Clusterer(model=model)
    added = clusterer.add(articles)
    assert [a["event"] for a in added] == [1, 2, 3, 1, 2, 3, 1, 1]  # flood-3 opened 4
    assert [a["merged_into"] for a in added] == [None] * 7 + [1]
    assert clusterer.current_event(4) == 1
    assert [e["event"] for e in clusterer.events()] == [1, 2, 3]
    assert clusterer.events()[0]["articles"] == 4
    # The store: the CLI's lines, its listing, and event 4 read as event 1.
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in articles))
    lines = cli("cluster", feed, "--store", tmp_path / "cli.db", "--model", model,
                "--format", "jsonl")
    with chorus.EventStream(tmp_path / "py.db", model=model) as stream:
        assert stream.add(articles) == [json.loads(l) for l in lines.splitlines()]
        listed = stream.events()
        assert [e["event"] for e in listed] == [1, 2, 3]
        assert listed == json.loads(cli("events", "--store", tmp_path / "cli.db", "--format",
                                        "json"))
        merged = stream.event(4)
        assert merged["id"] == "1"
        assert [d["id"] for d in merged["documents"]] == ["flood-1", "flood-2", "flood-3",
                                                         "flood-4"]
    assert chorus.event(tmp_path / "py.db", 4) == merged
    assert chorus.events(tmp_path / "py.db") == listed


def test_errors_carry_the_library_message(tmp_path):
    with pytest.raises(chorus.NotFoundError, match="no event 7"):
        with chorus.EventStream(tmp_path / "s.db") as stream:
            stream.add(stream_articles()[:2])
            stream.event(7)
    with pytest.raises(chorus.NotFoundError):
        chorus.events(tmp_path / "missing.db")
    with chorus.EventStream(tmp_path / "t.db") as stream:
        with pytest.raises(ValueError, match="article 2 has no \"id\""):
            stream.add([{"id": "a", "text": "Some text here."}, {"text": "no id"}])
        with pytest.raises(ValueError, match=r"\[0\]\.date: expected YYYY-MM-DD"):
            stream.add([{"id": "a", "text": "Some text here.", "date": "5 Jan"}])
        assert stream.articles == 0  # a list with a bad article adds nothing
    with pytest.raises(ValueError, match="threshold"):
        chorus.EventStream(tmp_path / "u.db", threshold=2)
    with pytest.raises(TypeError):
        chorus.Clusterer().add(["not a dict"])
    closed = chorus.EventStream(tmp_path / "v.db")
    closed.close()
    with pytest.raises(ValueError, match="closed"):
        closed.events()


def test_help_shows_signatures_and_docs():
    import pydoc
    text = pydoc.render_doc(chorus.EventStream, renderer=pydoc.plaintext)
    assert "add(self, articles: Iterable[Dict[str, Any]], as_frame: bool = False)" in text
    assert "chorus cluster --format jsonl" in text
    text = pydoc.render_doc(chorus.summarize, renderer=pydoc.plaintext)
    assert "words: Optional[int] = None" in text and "support" in text


def test_score_clustering():
    s = chorus.score_clustering([1, 1, 2, 2], [1, 1, 2, 2])
    assert s["bcubed_f1"] == pytest.approx(1.0)
    s = chorus.score_clustering([1, 1, 2, 2], [1, 2, 3, 4])
    assert s["bcubed_precision"] == pytest.approx(1.0)
    assert s["bcubed_recall"] == pytest.approx(0.5)
    with pytest.raises(ValueError):
        chorus.score_clustering([1], [1, 2])
