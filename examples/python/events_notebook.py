# %% [markdown]
# # From a stream of articles to what happened
#
# A notebook-style walk through chorus from Python (cells split by `# %%`:
# open it in Jupyter/VS Code, or run it whole with `.venv/bin/python
# examples/python/events_notebook.py [STREAM.jsonl]`). It clusters a stream
# of articles into events in a chorus store, lists the biggest events, and
# shows one event's cited summary and what its sources agree and differ on.
#
# The default stream is the shared labelled set of local news articles
# (../shared/data/events/gva-train.jsonl, 2,003 articles); any JSON Lines
# file of articles ({"id", "text", "date"?, "source"?, "title"?}) works.

# %%
import os
import pathlib
import sys
import tempfile

import chorus

repo = pathlib.Path(__file__).resolve().parents[2]
stream_path = sys.argv[1] if len(sys.argv) > 1 else repo.parent / "shared/data/events/gva-train.jsonl"
articles = chorus.read_articles(stream_path)
print(f"{len(articles)} articles from {stream_path}")

# %% [markdown]
# ## Cluster the stream into events
# `EventStream` is `chorus cluster`: online, in arrival order, into the same
# SQLite store the CLI and `chorus serve` read. (For an archive too big for one
# machine, `chorus.dask.cluster_stream` does this across a Dask cluster.)

# %%
store = os.path.join(tempfile.mkdtemp(), "events.db")
with chorus.EventStream(store) as stream:
    assignments = stream.add(articles, as_frame=True)
    events = stream.events(as_frame=True)
print(assignments.head())
print(f"{len(events)} events")

# %% [markdown]
# ## The biggest events

# %%
biggest = events.sort_values(["independent_sources", "articles"], ascending=False).head(10)
print(biggest[["event", "articles", "independent_sources", "first_date", "last_date", "label"]]
      .to_string(index=False))

# %% [markdown]
# ## One event: a summary whose every sentence cites its sources

# %%
event_id = int(biggest.iloc[0]["event"])
cluster = chorus.event(store, event_id)
summary = chorus.summarize(cluster["documents"], words=80, id=str(event_id))
for sentence in summary["summary"]:
    print(f"- {sentence['text']}  [{', '.join(sentence['support'])}]")

# %% [markdown]
# ## ... and what the sources agree on and where they differ

# %%
comparison = chorus.compare(cluster["documents"], id=str(event_id))
for fact in comparison["facts"][:8]:
    print(f"{fact.get('kind', 'fact'):>8}: {fact.get('text', fact)}  ({len(fact['sources'])} sources)")
for difference in comparison["discrepancies"][:5]:
    values = "; ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in difference["values"])
    print(f"  differ on {difference['about']}: {values}")
