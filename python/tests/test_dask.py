"""chorus.dask on a LocalCluster: the same answers as one process."""
import json

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import chorus
import chorus.dask as cd
from chorus import _chorus
from conftest import merge_model, split_story_articles, stream_articles


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def story_clusters():
    articles = stream_articles()
    return [{"id": story, "documents": [a for a in articles if a["id"].startswith(story)],
             "references": [articles[i]["text"]]}
            for i, story in enumerate(("flood", "chess", "volcano"))]


def test_stitched_partitions_agree_with_one_clusterer(client, tmp_path):
    articles = stream_articles()
    single = chorus.Clusterer().add(articles)
    for partitions in (1, 2, 3):
        bag = db.from_sequence(articles, npartitions=partitions)
        # Each story has an article in the last two days before every cut.
        for exact in (True, False):  # featurized apart and decided in one place, or stitched
            result = cd.cluster_stream(bag, overlap_days=2, exact=exact)
            assert result.partitions == partitions
            got = result.assignments.compute()
            assert got["article"].tolist() == [a["id"] for a in articles]
            assert got["event"].tolist() == [a["event"] for a in single]
            assert got["new_event"].tolist() == [a["new_event"] for a in single]
            one = chorus.Clusterer()
            one.add(articles)
            columns = ["event", "first_date", "last_date", "articles", "duplicates",
                       "independent_sources"]
            assert result.events()[columns].to_dict("records") == \
                one.events(as_frame=True)[columns].to_dict("records")


def test_stitched_events_follow_merges(client, tmp_path):
    """A story split early and then merged (flood-3 opened event 4, merged
    into 1 after flood-4): its articles are in the event they end in, on one
    partition and when the cut falls before the merge."""
    articles, model = split_story_articles(), merge_model(tmp_path)
    single = chorus.Clusterer(model=model).add(articles)
    assert [a["event"] for a in single] == [1, 2, 3, 1, 2, 3, 1, 1]
    for partitions in (1, 2):
        bag = db.from_sequence(articles, npartitions=partitions)
        for exact in (True, False):
            result = cd.cluster_stream(bag, overlap_days=2, model=str(model), exact=exact)
            got = result.assignments.compute()
            assert got["event"].tolist() == [a["event"] for a in single]
            assert result.events()["event"].tolist() == [1, 2, 3]


def storm_stream():
    """40 "Storm hits ..." headlines in March, ten bakery items at the end of
    April, then two May articles that share only "storm hits": the stream's
    statistics keep them apart; a warm-up (the bakery items) alone does not."""
    march = [{"id": "m%d" % i, "source": "c", "date": "2024-03-%02d" % (1 + i // 2),
              "text": "Storm hits region %d again." % i} for i in range(40)]
    april = [{"id": "a%d" % i, "source": "d", "date": "2024-04-%02d" % (21 + i),
              "text": "Bakery %d wins a bread award." % i} for i in range(10)]
    may = [{"id": "coast", "source": "a", "date": "2024-05-01",
            "text": "Storm hits coastal town, power lines down."},
           {"id": "markets", "source": "b", "date": "2024-05-01",
            "text": "Storm hits markets as shares tumble in Tokyo."}]
    return march + april, may


def test_partitions_start_from_the_term_counts_before_them(client):
    before, may = storm_stream()
    articles = before + may
    single = [a["event"] for a in chorus.Clusterer().add(articles)]
    assert single[-1] != single[-2]
    for size in (25, 45):  # 3 and 2 partitions; the last warm-up is bakery items only
        bag = db.from_sequence(articles, partition_size=size)
        parts = bag.to_delayed()
        previous = parts[-2].compute()
        warmup = previous[_chorus.warmup_start(previous, 3):]
        assert all(a["id"].startswith("a") for a in warmup)
        # Without the counts of the stream before it, the last partition
        # joins the May articles.
        alone = _chorus.cluster_partition(warmup, parts[-1].compute(), "", None, 30, 3)
        assert alone["events"][-1] == alone["events"][-2]
        # (runon=0: a run-on covering the small last partition would decide
        # it with the stream's counts whatever the seed.)
        got = cd.cluster_stream(bag, overlap_days=3, runon=0, exact=False).assignments.compute()
        assert got["event"].tolist() == single


def test_term_counts_of_runs_add_up(client):
    before, may = storm_stream()
    whole = _chorus.count_terms(before + may, 52, "", None, 30)
    assert whole[1] == {"terms": [], "labels": [], "df": [], "docs": 0}
    head, tail = _chorus.count_terms(before + may, 30, "", None, 30)
    assert (head["docs"], tail["docs"]) == (30, 22)
    assert _chorus.add_term_counts(head, tail) == whole[0]
    storm = whole[0]["terms"].index("storm")
    assert whole[0]["df"][storm] == 42 and whole[0]["labels"][storm] == "storm"
    bad = dict(head, df=head["df"][:-1])
    with pytest.raises(ValueError, match="differ in length"):
        _chorus.cluster_partition([], may, "", None, 30, 3, bad)
    with pytest.raises(ValueError, match="no \"docs\""):
        _chorus.add_term_counts({"terms": [], "labels": [], "df": []}, head)


def test_without_warmup_events_do_not_continue(client):
    # overlap 0, no run-on: the partitions share nothing, so each story splits at the cut.
    articles = stream_articles()
    bag = db.from_sequence(articles, npartitions=2)
    got = cd.cluster_stream(bag, overlap_days=0, runon=0, exact=False).assignments.compute()
    assert got["event"].nunique() == 6
    # Featurized apart and decided in one place, they are one clusterer's.
    got = cd.cluster_stream(bag).assignments.compute()
    assert got["event"].tolist() == [a["event"] for a in chorus.Clusterer().add(articles)]


def test_runon_decides_the_next_partitions_first_articles(client, tmp_path):
    # overlap 0: only the run-on ties the partitions. Partition 0's clusterer
    # decides partition 1's first articles as one clusterer would, and hands
    # over to partition 1's own decisions once both agree on
    # `handover_window` articles in a row.
    articles = stream_articles()
    single = chorus.Clusterer().add(articles)
    bag = db.from_sequence(articles, npartitions=2)
    for runon, window in ((6, 1000), (6, 3), (4, 3)):  # all run-on; hand-over after 3 articles
        result = cd.cluster_stream(bag, overlap_days=0, runon=runon, handover_window=window,
                                   exact=False)
        got = result.assignments.compute()
        assert got["event"].tolist() == [a["event"] for a in single]
        assert got["new_event"].tolist() == [a["new_event"] for a in single]
    # Handed over after one article, the map names only that article's event:
    # the two others split, numbered in order of appearance, and the result
    # is stored as `chorus cluster` stores it.
    result = cd.cluster_stream(bag, overlap_days=0, runon=6, handover_window=1, exact=False)
    got = result.assignments.compute()
    assert got["event"].tolist() == [1, 2, 3] * 2 + [1, 4, 5] * 2
    assert got["new_event"].tolist() == [True] * 3 + [False] * 4 + [True] * 2 + [False] * 3
    assert result.to_store(tmp_path / "handed.db", bag) == len(articles)
    assert result.events()["articles"].tolist() == [4, 2, 2, 2, 2]
    with pytest.raises(ValueError, match="runon"):
        cd.cluster_stream(bag, runon=-1, exact=False)


def test_stitched_store_reads_like_chorus_cluster(client, cli, tmp_path):
    articles = stream_articles()
    bag = db.from_sequence(articles, npartitions=2)
    result = cd.cluster_stream(bag, overlap_days=1)
    assert result.to_store(tmp_path / "s.db", bag) == len(articles)
    listed = chorus.events(tmp_path / "s.db")
    assert listed == json.loads(cli("events", "--store", tmp_path / "s.db", "--format", "json"))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in articles))
    cli("cluster", feed, "--store", tmp_path / "one.db")
    assert listed == chorus.events(tmp_path / "one.db")
    assert result.events().to_dict("records") == listed
    with pytest.raises(ValueError, match="already holds"):
        result.to_store(tmp_path / "s.db", bag)
    # The stitched events as clusters are the store's events, in its order.
    clusters = sorted(result.clusters(bag).compute(), key=lambda c: int(c["id"]))
    assert [c["id"] for c in clusters] == ["1", "2", "3"]
    for c in clusters:
        stored = chorus.event(tmp_path / "s.db", int(c["id"]))["documents"]
        assert [d["id"] for d in c["documents"]] == [d["id"] for d in stored]


def test_summarize_and_compare_over_a_bag_and_a_frame(client):
    clusters = story_clusters()
    expected = [chorus.summarize(c["documents"], words=40, id=c["id"]) for c in clusters]
    bag = db.from_sequence(clusters, npartitions=2)
    assert cd.summarize(bag, words=40).compute() == expected
    assert cd.compare(bag).compute() == [chorus.compare(c["documents"], id=c["id"])
                                         for c in clusters]
    rows = [dict(a, cluster=c["id"]) for c in clusters for a in c["documents"]]
    frame = dd.from_pandas(pd.DataFrame(rows), npartitions=3)
    by_id = {s["id"]: s for s in cd.summarize(frame, words=40).compute()}
    assert by_id == {s["id"]: s for s in expected}
    sentences = cd.summary_sentences(cd.summarize(bag, words=40)).compute()
    assert len(sentences) == sum(len(s["summary"]) for s in expected)
    with pytest.raises(ValueError, match="no 'story' column"):
        cd.summarize(frame, cluster_column="story")


def test_eval_over_partitions_keeps_the_averages(client):
    clusters = story_clusters()
    single = chorus.eval(clusters, methods=["lead", "lexrank"])
    spread = cd.eval(db.from_sequence(clusters, npartitions=2), methods=["lead", "lexrank"])
    assert spread["clusters"] == single["clusters"] == 3
    for one, many in zip(single["systems"], spread["systems"]):
        assert one["system"] == many["system"]
        for m1, m2 in zip(one["metrics"], many["metrics"]):
            assert m2["R"] == pytest.approx(m1["R"], abs=2e-5)
            assert m2["ci_lower"] is None


def test_read_articles_keeps_article_fields_only(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [dict(a, event="gold-%d" % i) for i, a in enumerate(stream_articles())]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n")
    got = cd.read_articles(str(path)).compute()
    assert got == stream_articles()
