#!/usr/bin/env bash
# End-to-end checks of `chorus train-clusterer` and `chorus cluster --model`:
# a model retrained from a small labelled stream loads and changes the
# assignments; bad and truncated model files are clear errors (exit 1, the
# file and line named), never crashes; --threshold asks for the cosine rule.
# Usage: train_clusterer_command_test.sh CHORUS_BINARY SOURCE_DIR
source "$(dirname "$0")/cli_test_lib.sh" "$@"

# A small labelled stream: 10 stories of 6 articles (a few of the story's own
# words among common ones), a day apart; labelled once with the true stories
# and once with every article a story of its own.
python3 - "$tmp" <<'PY'
import json, random, sys
rng = random.Random(5)
common = "officials said report people week city government statement local news".split()
rows = []
for a in range(6):
    for e in range(10):
        words = [f"story{e}word{rng.randrange(8)}" for _ in range(6)] + rng.sample(common, 4)
        rows.append({"id": f"a{e}-{a}", "source": f"outlet{rng.randrange(4)}",
                     "date": f"2024-03-{1 + a + e % 3:02}", "text": " ".join(words) + ".", "event": f"s{e}"})
with open(sys.argv[1] + "/stories.jsonl", "w") as f:
    for r in rows: f.write(json.dumps(r) + "\n")
with open(sys.argv[1] + "/alone.jsonl", "w") as f:
    for i, r in enumerate(rows): f.write(json.dumps(dict(r, event=f"own{i}")) + "\n")
PY
quick=(--rounds 15 --depth 3 --undated-articles 30 --holdout 0.25)

"$chorus" train-clusterer "$tmp/stories.jsonl" -o "$tmp/stories.model" "${quick[@]}" 2>"$tmp/train.err"
check "training exits 0" test $? -eq 0
check "training reports what it wrote" grep -q 'wrote .*stories.model' "$tmp/train.err"
check "the model says what it was trained on" \
  grep -q '^trained stories.jsonl: 60 articles, 10 events, 2024-03-01..2024-03-08$' "$tmp/stories.model"
"$chorus" train-clusterer "$tmp/alone.jsonl" -o "$tmp/alone.model" "${quick[@]}" 2>/dev/null
check "second training exits 0" test $? -eq 0

cp -r "$src/examples/harbor-fire" "$tmp/fire"
events() {  # events MODEL: distinct events `chorus cluster --model MODEL` gives the fire articles
  rm -f "$tmp/m.db"*
  "$chorus" cluster "$tmp/fire" --store "$tmp/m.db" "$@" 2>/dev/null | grep -o '"event":[0-9]*' | sort -u | wc -l
}
check "the cosine rule (default) puts the fire articles in one event" test "$(events)" -eq 1
check "the shipped model does too" test "$(events --model learned)" -eq 1
check "a model taught the stories does too" test "$(events --model "$tmp/stories.model")" -eq 1
check "a model taught that every article stands alone splits them" \
  test "$(events --model "$tmp/alone.model")" -gt 1

head -c 300 "$tmp/stories.model" >"$tmp/truncated.model"
"$chorus" cluster "$tmp/fire" --store "$tmp/t.db" --model "$tmp/truncated.model" >/dev/null 2>"$tmp/bad.err"
check "a truncated model exits 1" test $? -eq 1
check "a truncated model is named with its line" grep -q 'truncated.model:[0-9]*: ' "$tmp/bad.err"
check "nothing was stored with a bad model" test ! -e "$tmp/t.db"
echo "hello" >"$tmp/junk.model"
"$chorus" cluster "$tmp/fire" --store "$tmp/t.db" --model "$tmp/junk.model" >/dev/null 2>"$tmp/bad.err"
check "a file that is not a model exits 1" test $? -eq 1
check "a file that is not a model says so" grep -q 'junk.model:1: not a chorus event model' "$tmp/bad.err"
"$chorus" cluster "$tmp/fire" --store "$tmp/t.db" --model "$tmp/none.model" >/dev/null 2>"$tmp/bad.err"
check "a missing model exits 1" test $? -eq 1
"$chorus" cluster "$tmp/fire" --store "$tmp/t.db" --model "$tmp/stories.model" --threshold 0.3 \
  >/dev/null 2>"$tmp/bad.err"
check "--threshold with a model file exits 2" test $? -eq 2
check "--threshold with a model file is explained" grep -q "cosine rule's cut" "$tmp/bad.err"
check "--threshold alone uses the cosine rule" test "$(events --threshold 0.2)" -eq 1

"$chorus" train-clusterer "$tmp/fire" -o "$tmp/x.model" >/dev/null 2>"$tmp/bad.err"
check "unlabelled input exits 1" test $? -eq 1
check "unlabelled input is explained" grep -q 'gold event' "$tmp/bad.err"

finish train_clusterer_command_test
