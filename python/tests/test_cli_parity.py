"""The Python API gives what the CLI prints (--format json) for the same input."""
import json

import chorus
from conftest import SHARED, stream_articles


def jsonl(path, items):
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def test_summarize_and_compare_equal_the_cli(cli, harbor_dir):
    articles = chorus.read_articles(harbor_dir)
    assert len(articles) >= 3
    for method in ("chorus", "lexrank"):
        expected = json.loads(cli("summarize", harbor_dir, "--format", "json", "--words", 60,
                                  "--method", method))
        got = chorus.summarize(articles, words=60, method=method, id=expected["id"])
        assert got == expected
    expected = json.loads(cli("compare", harbor_dir, "--format", "json"))
    assert chorus.compare(articles, id="harbor-fire") == expected


def test_cluster_store_and_events_equal_the_cli(cli, tmp_path):
    articles = stream_articles()
    feed = jsonl(tmp_path / "feed.jsonl", articles)
    lines = cli("cluster", feed, "--store", tmp_path / "cli.db", "--format", "jsonl")
    expected = [json.loads(l) for l in lines.splitlines()]
    with chorus.EventStream(tmp_path / "py.db") as stream:
        assert stream.add(articles) == expected
        assert stream.events() == json.loads(cli("events", "--store", tmp_path / "cli.db",
                                                  "--format", "json"))
        for e in (1, 2):
            assert stream.summarize(e, words=40) == json.loads(cli(
                "summarize", "--store", tmp_path / "cli.db", "--event", e, "--format", "json",
                "--words", 40))
            assert stream.compare(e) == json.loads(cli(
                "compare", "--store", tmp_path / "cli.db", "--event", e, "--format", "json"))
    # The store the Python face wrote is one the CLI reads.
    assert json.loads(cli("events", "--store", tmp_path / "py.db", "--format", "json")) == \
           chorus.events(tmp_path / "py.db")


def test_eval_equals_the_cli(cli, tmp_path):
    clusters = []
    for i, c in enumerate(chorus.read_clusters(jsonl(tmp_path / "s.jsonl", [
            {"id": "t%d" % k, "documents": stream_articles()[k::3],
             "references": [stream_articles()[k]["text"]]} for k in range(3)]))):
        clusters.append(c)
    dataset = jsonl(tmp_path / "d.jsonl", clusters)
    expected = json.loads(cli("eval", dataset, "--format", "json", "--methods", "lead,lexrank",
                              "--quiet"))
    got = chorus.eval(dataset, methods=["lead", "lexrank"])
    got_from_dicts = chorus.eval(clusters, methods=["lead", "lexrank"])
    for report in (got, got_from_dicts, expected):
        for s in report["systems"]:  # wall time differs run to run
            s.pop("seconds_per_cluster")
        report.pop("analysis_seconds_per_cluster")
    assert got == expected
    assert got_from_dicts == expected
