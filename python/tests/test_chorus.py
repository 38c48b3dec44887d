"""Tests of the Python face: it must give what the library gives, and raise on bad input."""
import os
import pathlib

import pytest

import chorus

SOURCE = pathlib.Path(os.environ.get("CHORUS_SOURCE_DIR", pathlib.Path(__file__).parents[2]))


def example_articles():
    out = []
    for path in sorted((SOURCE / "examples" / "harbor-fire").glob("*.txt")):
        out.append({"id": path.stem, "text": path.read_text(encoding="utf-8")})
    assert len(out) >= 3
    return out


def test_summarize_honours_budget_and_cites():
    result = chorus.summarize(example_articles(), words=60)
    assert result["method"] == "chorus"
    words = sum(len(s["text"].split()) for s in result["summary"])
    assert 0 < words <= 60
    ids = {a["id"] for a in example_articles()}
    for s in result["summary"]:
        # A file pasting two articles becomes "id" and "id#2".
        assert s["doc"].split("#")[0] in ids
        assert s["doc"] in s["support"]


def test_query_and_since():
    articles = [
        {"id": "a", "date": "2024-03-01", "text": "Forecasters warned the Marra River could burst its banks near "
         "Kelburn after two days of rain. Residents were told to move their cars to higher ground."},
        {"id": "b", "date": "2024-03-01", "text": "Forecasters warned the Marra River could burst its banks near "
         "Kelburn after two days of rain. Schools in the valley will stay closed on Friday."},
        {"id": "c", "date": "2024-03-02", "text": "Rescue teams pulled twelve people from flooded homes in Kelburn "
         "on Saturday. The governor declared a state of emergency for the whole valley."},
        {"id": "d", "date": "2024-03-02", "text": "Rescue teams pulled twelve people from flooded homes in Kelburn. "
         "Forecasters warned the Marra River could burst its banks near Kelburn after two days of rain."},
    ]
    update = chorus.summarize(articles, words=40, since="2024-03-02")
    assert update["summary"]
    assert all(s["doc"] in ("c", "d") for s in update["summary"])
    assert not any("Forecasters" in s["text"] for s in update["summary"])
    focused = chorus.summarize(articles, sentences=1, query="schools closed")
    assert focused["summary"]
    with pytest.raises(ValueError):
        chorus.summarize(articles, since="March 2")


def test_methods_and_baselines():
    assert chorus.methods()[0] == "chorus"
    assert "lexrank" in chorus.methods()
    result = chorus.summarize(example_articles(), sentences=2, method="lead")
    assert len(result["summary"]) == 2


def test_bad_arguments_raise_value_error():
    with pytest.raises(ValueError):
        chorus.summarize(example_articles(), words=10, bytes=100)
    with pytest.raises(ValueError):
        chorus.summarize(example_articles(), method="no-such-method")
    with pytest.raises(ValueError):
        chorus.summarize([{"id": "x"}])
    with pytest.raises(ValueError):
        chorus.rouge("a b", ["a b"], flags="-l 10 -b 10")


def test_sentences_are_cleaned_and_split():
    sents = chorus.sentences([{"id": "a", "text": "Gen. Smith spoke. The U.S. left.\n\nRead more at https://x.example/y"}])
    assert [s[2] for s in sents] == ["Gen. Smith spoke.", "The U.S. left."]


def test_rouge_identical_summary_scores_one():
    scores = chorus.rouge("the cat sat on the mat\n", ["the cat sat on the mat\n"], flags="-n 2")
    assert scores["ROUGE-1"]["R"] == pytest.approx(1.0)
    assert scores["ROUGE-2"]["F"] == pytest.approx(1.0)
    partial = chorus.rouge("the cat\n", ["the cat sat on the mat\n"], flags="-n 1")
    assert partial["ROUGE-1"]["R"] == pytest.approx(round(2 / 6, 5))


def test_compare_finds_shared_facts_with_their_sources():
    result = chorus.compare(example_articles(), id="harbor")
    ids = {a["id"] for a in example_articles()}
    facts = result["facts"]
    assert facts, "no facts found"
    # The example's three injured firefighters are reported by several outlets.
    widely = [f for f in facts if len(f["sources"]) >= 3]
    assert widely
    for f in facts:
        for src in f["sources"]:
            assert src.split("#")[0] in ids
    with pytest.raises(ValueError):
        chorus.compare([{"id": "x"}])


def test_articles_are_read_by_the_library_rules():
    # The same rules as JSON Lines and the HTTP API: integer ids kept as
    # written, a missing id is the position, a date-time keeps its date.
    text = "A fire destroyed three warehouses at the harbor on Sunday, officials said."
    result = chorus.summarize([{"id": 7, "text": text, "date": "2020-01-05T10:00:00Z"},
                               {"text": text + " More."}], sentences=1)
    assert result["summary"][0]["doc"] == "7"
    assert result["summary"][0]["support"] == ["7", "2"]
    with pytest.raises(ValueError, match="date: expected YYYY-MM-DD"):
        chorus.summarize([{"id": "a", "text": text, "date": "5 Jan 2020"}])
    with pytest.raises(ValueError, match=r"\[1\]\.id: duplicate id"):
        chorus.compare([{"id": "a", "text": text}, {"id": "a", "text": text}])
