"""pandas DataFrames of chorus's tabular results (needs python3-pandas).

Columns are the JSON fields the CLI prints, so a frame and the CLI's output
hold the same values.
"""

from typing import Any, Dict, List

ASSIGNMENT_COLUMNS = ["article", "event", "duplicate_of", "merged_into"]
EVENT_COLUMNS = ["event", "label", "first_date", "last_date", "articles", "duplicates",
                 "independent_sources"]


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError("DataFrames need pandas (Debian: apt-get install python3-pandas)") from e
    return pandas


def assignments_frame(assignments: List[Dict[str, Any]]):
    """One row an article: article, event, duplicate_of (None unless a copy),
    merged_into (None unless the article's event was merged right after it
    joined, as `chorus cluster` reports it)."""
    return _pandas().DataFrame(assignments, columns=ASSIGNMENT_COLUMNS)


def events_frame(events: List[Dict[str, Any]]):
    """One row an event, as `chorus events --format json` lists them."""
    return _pandas().DataFrame(events, columns=EVENT_COLUMNS)


def eval_table(report: Dict[str, Any]):
    """One row a system of a `chorus.eval` report: system, source, topics,
    then <metric>_R/_P/_F and their 95% interval (<metric>_R_low/_high), then
    seconds_per_cluster and words_per_summary."""
    rows = []
    for system in report["systems"]:
        row = {"system": system["system"], "source": system.get("source"),
               "topics": system.get("topics")}
        for m in system.get("metrics", []):
            for part in ("R", "P", "F"):
                row["%s_%s" % (m["metric"], part)] = m[part]
            row["%s_R_low" % m["metric"]] = m["ci_lower"]["R"]
            row["%s_R_high" % m["metric"]] = m["ci_upper"]["R"]
        row["seconds_per_cluster"] = system.get("seconds_per_cluster")
        row["words_per_summary"] = system.get("words_per_summary")
        rows.append(row)
    return _pandas().DataFrame(rows)
