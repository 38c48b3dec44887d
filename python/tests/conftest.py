"""Shared fixtures: the repository's example articles, the chorus CLI, data."""
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("CHORUS_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SHARED = SOURCE.parent / "shared" / "data"


@pytest.fixture
def harbor_dir():
    return SOURCE / "examples" / "harbor-fire"


@pytest.fixture
def cli():
    """Runs the chorus binary (CHORUS_CLI, set by ctest and scripts/test.sh)."""
    path = os.environ.get("CHORUS_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("CHORUS_CLI must name the chorus binary (scripts/test.sh and ctest set it)")

    def run(*args, stdin=None):
        done = subprocess.run([path, *map(str, args)], input=stdin, capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run


def stream_articles():
    """Twelve articles on three stories over four days, dated, with outlets."""
    stories = {
        "flood": "Monsoon floods in Bangladesh killed {n} people near Sylhet as the Brahmaputra "
                 "burst its banks; rescue boats reached stranded villages, officials in Dhaka said.",
        "chess": "Magnus Carlsen and Ding Liren drew game {n} of the world chess championship in "
                 "Madrid after a long endgame; the chess match runs for fourteen games.",
        "volcano": "The Reykjanes volcano in Iceland erupted again, day {n}, sending lava toward "
                   "Grindavik; Icelandic authorities kept the Blue Lagoon closed.",
    }
    out = []
    for day in range(4):
        for i, (story, text) in enumerate(stories.items()):
            out.append({"id": "%s-%d" % (story, day), "text": text.format(n=day + 3 * i + 2),
                        "date": "2024-07-%02d" % (day + 1), "source": "outlet%d" % ((day + i) % 3),
                        "title": "%s update %d" % (story.title(), day)})
    return out


def split_story_articles():
    """Eight articles on three stories; under `merge_model` the flood story
    splits early (flood-3 opens event 4, flood-4 joins it) and the young
    event then merges into event 1 (as in src/cluster/test_articles.h)."""
    texts = [
        ("flood-1", "APW", "2024-07-01",
         "Monsoon floods in Bangladesh have killed 40 people and left two million stranded, "
         "officials in Dhaka said. The Brahmaputra river burst its banks near Sylhet and "
         "rescue boats reached flooded villages."),
        ("chess-1", "NYT", "2024-07-02",
         "Magnus Carlsen won the opening game of the world chess championship in Madrid, "
         "outplaying Ding Liren in a long endgame. The chess match runs for fourteen games."),
        ("volcano-1", "AFP", "2024-07-02",
         "A volcano erupted on the Reykjanes peninsula in Iceland, sending lava toward the "
         "town of Grindavik. Icelandic authorities evacuated the Blue Lagoon as the eruption "
         "grew overnight."),
        ("flood-2", "AFP", "2024-07-03",
         "The death toll from floods in Bangladesh rose to 60 as the Brahmaputra kept rising. "
         "Rescue workers in Sylhet used boats to reach stranded villagers; Dhaka asked for "
         "international help with the floods."),
        ("chess-2", "APW", "2024-07-04",
         "Ding Liren drew the second game against Magnus Carlsen in the world chess "
         "championship in Madrid. Carlsen leads the chess match after two games."),
        ("volcano-2", "NYT", "2024-07-04",
         "Lava from the Reykjanes eruption reached the edge of Grindavik as the volcano in "
         "Iceland kept erupting. The Blue Lagoon stays closed and Icelandic scientists expect "
         "the eruption to continue."),
        ("flood-3", "BBC", "2024-07-04",
         "Floods in Bangladesh: the Brahmaputra stayed above danger level near Sylhet and "
         "rescue boats brought stranded villagers to camps, officials in Dhaka said."),
        ("flood-4", "NYT", "2024-07-05",
         "Aid reached flooded villages near Sylhet as the Brahmaputra began to fall; "
         "Bangladesh said the floods had killed 60 people."),
    ]
    return [{"id": i, "source": s, "date": d, "text": t} for i, s, d, t in texts]


def merge_model(directory):
    """The shipped event model with a low join cut (0.25) and a merge cut of
    0 (a young event merges into its best older candidate), written into
    `directory`."""
    lines = (SOURCE / "data" / "event_model.txt").read_text().splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("join-probability"):
            lines[i] = "join-probability 0.25\n"
        elif line.startswith("merge-probability"):
            lines[i] = "merge-probability 0\n"
    path = pathlib.Path(directory) / "merge_model.txt"
    path.write_text("".join(lines))
    return path
