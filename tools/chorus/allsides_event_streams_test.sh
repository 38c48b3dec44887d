#!/usr/bin/env bash
# End-to-end check of tools/train/allsides_event_streams.py on a hand-made
# AllSides folder: the latest stories are held out as the dev stream, NeuS val
# stories go nowhere, a NeuS cluster of a held-out story is not trained on, a
# linked training story is written from stories.jsonl, documents without text
# are left out, and `chorus train-clusterer` reads the training stream.
# Usage: allsides_event_streams_test.sh CHORUS_BINARY SOURCE_DIR
source "$(dirname "$0")/cli_test_lib.sh" "$@"
mkdir -p "$tmp/allsides"
/usr/bin/python3 - "$tmp/allsides" <<'PY'
import json, sys
out = sys.argv[1]
def doc(i, lean, text, date=None):
    d = {"id": lean, "source": f"Outlet {lean}", "lean": lean, "title": f"Story {i} by {lean}",
         "text": [text]}
    if date: d["date"] = date
    return d
stories = []
for i in range(10):
    date = f"2021-05-{10 + i:02d}"
    s = {"id": f"allsides-{i}", "date": date, "reference_title": f"Story {i}",
         "documents": [doc(i, l, f"Long lead {i} from {l} about topic{i} and place{i}.", date)
                       for l in ("left", "center", "right")]}
    if i in (1, 9): s["neus_split"] = "train"
    if i == 4: s["neus_split"] = "val"
    stories.append(s)
with open(f"{out}/stories.jsonl", "w") as f:
    for s in stories: f.write(json.dumps(s) + "\n")
train = [{"id": "neus-train-0", "allsides_story": "allsides-1",
          "documents": [{"id": "a", "title": "Short 1", "text": "Short lead 1."}]},
         {"id": "neus-train-1", "allsides_story": "allsides-9",
          "documents": [{"id": "a", "title": "Short 9", "text": "Short lead 9."}]},
         {"id": "neus-train-2", "documents": [
             {"id": "a", "title": "Other a", "text": "Other story told by a."},
             {"id": "b", "title": "Other b", "text": ""}]}]
with open(f"{out}/train.jsonl", "w") as f:
    for c in train: f.write(json.dumps(c) + "\n")
PY
/usr/bin/python3 "$src/tools/train/allsides_event_streams.py" "$tmp/allsides" "$tmp/out" >"$tmp/log"
train=$tmp/out/allsides-events-train.jsonl
dev=$tmp/out/allsides-events-dev.jsonl
events() { /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted({json.loads(l)["event"] for l in open(sys.argv[1])})))' "$1"; }
check "the latest 20% of the stories are the dev stream" test "$(events "$dev")" = "allsides-8 allsides-9"
check "training has the earlier stories outside NeuS val and the NeuS-only cluster" \
  test "$(events "$train")" = "allsides-0 allsides-1 allsides-2 allsides-3 allsides-5 allsides-6 allsides-7 neus-train-2"
check "a linked story is written from stories.jsonl" grep -q 'Long lead 1 from center' "$train"
check "its NeuS lead is not" bash -c "! grep -q 'Short lead 1' '$train'"
check "the NeuS cluster of a held-out story is not trained on" bash -c "! grep -q 'Short lead 9' '$train'"
check "a document without text is left out" bash -c "! grep -q 'neus-train-2/b' '$train'"
check "dev articles keep outlet and date" grep -q '"source": "Outlet left", "date": "2021-05-18"' "$dev"
check "the stream reads as labelled articles" \
  "$chorus" train-clusterer "$train" -o "$tmp/m.model" --rounds 5 --depth 2 --undated-articles 5 --holdout 0 2>"$tmp/train.err"
finish allsides_event_streams_test
