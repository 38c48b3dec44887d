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
