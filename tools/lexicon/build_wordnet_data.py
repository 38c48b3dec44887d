#!/usr/bin/env python3
"""Derives chorus's two WordNet data files from Debian's wordnet-base.

  /usr/bin/python3 tools/lexicon/build_wordnet_data.py [--wordnet /usr/share/wordnet] [--out data]

Reads the WordNet 3.0 database files directly (data.*, index.*, *.exc) and writes
  data/wordnet_synonyms.txt  one synonym set a line: single-word lemmas that share a
                             synset among each lemma's first few senses (the frequent
                             ones), plus irregular forms from the exception lists
  data/wordnet_entities.txt  proper names that WordNet knows as instances ("Iran",
                             "Tehran", "Vladimir Putin") with their type: person,
                             place or organisation, from the instance hypernym chain
Both are deterministic functions of the WordNet files (sorted output). The WordNet
licence allows redistribution with its notice, which each file's header carries.
"""
import argparse
import os
import sys

# Senses of a lemma beyond this rank are rare readings ("bank" as a flight
# manoeuvre): synonyms through them mislead more than they help.
MAX_SENSES = 3

NOTICE = ("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n"
          "# THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO\n"
          "# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED (full licence: Debian's\n"
          "# /usr/share/doc/wordnet-base/copyright). Derived from the WordNet 3.0 database.\n")

# Roots of the three entity types (noun synset offsets in WordNet 3.0).
TYPE_ROOTS = [
    ("person", "00007846"),        # person, individual, someone
    ("organisation", "08008335"),  # organization, organisation
    ("place", "00027167"),         # location
    ("place", "08630985"),         # region (geographical)
    ("place", "08168978"),         # state, nation, country (as a polity)
    ("organisation", "07950920"),  # social group (legislatures, armed forces)
]


def read_data(path):
    """offset -> (lemmas, pointers[(symbol, offset, pos)])"""
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            offset, w_cnt = head[0], int(head[3], 16)
            lemmas = [head[4 + 2 * i].lower() for i in range(w_cnt)]
            raw = [head[4 + 2 * i] for i in range(w_cnt)]
            k = 4 + 2 * w_cnt
            p_cnt = int(head[k])
            ptrs = []
            for i in range(p_cnt):
                sym, off, pos = head[k + 1 + 4 * i], head[k + 2 + 4 * i], head[k + 3 + 4 * i]
                ptrs.append((sym, off, pos))
            synsets[offset] = (lemmas, raw, ptrs)
    return synsets


def read_index(path):
    """lemma -> synset offsets in sense-frequency order"""
    senses = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
            senses[lemma] = parts[4 + p_cnt + 2:4 + p_cnt + 2 + synset_cnt]
    return senses


def clean_lemma(lemma):
    lemma = lemma.split("(")[0]  # adjective markers: "big(a)"
    return lemma.replace("_", " ")


def synonym_lines(wordnet):
    lines = set()
    for pos in ("noun", "verb", "adj", "adv"):
        data = read_data(os.path.join(wordnet, "data." + pos))
        index = read_index(os.path.join(wordnet, "index." + pos))
        members = {}
        for lemma, offsets in index.items():
            if "_" in lemma or not lemma.isalpha():
                continue
            for off in offsets[:MAX_SENSES]:
                members.setdefault(off, set()).add(lemma)
        for off, words in members.items():
            if off in data and len(words) >= 2:
                lines.add(" ".join(sorted(words)))
        with open(os.path.join(wordnet, pos + ".exc"), encoding="latin-1") as f:
            for line in f:
                words = line.split()
                if len(words) >= 2 and all(w.isalpha() for w in words) and words[0] != words[1]:
                    lines.add(" ".join(sorted(set(words[:2]))))
    return sorted(lines)


def entity_lines(wordnet):
    data = read_data(os.path.join(wordnet, "data.noun"))
    roots = {off: name for name, off in TYPE_ROOTS}
    memo = {}

    def type_of(off, depth=0):
        if off in memo:
            return memo[off]
        if off in roots:
            return roots[off]
        found = None
        if depth < 40 and off in data:
            for sym, parent, _ in data[off][2]:
                if sym in ("@", "@i"):
                    found = type_of(parent, depth + 1)
                    if found:
                        break
        memo[off] = found
        return found

    # Votes per name: instance synsets first ("Iran" the country), else any
    # capitalised noun lemma ("NATO", "Hezbollah" are plain synsets).
    votes = {True: {}, False: {}}
    for off, (_, raw, ptrs) in data.items():
        kind = type_of(off)
        if not kind:
            continue
        instance = any(sym == "@i" for sym, _, _ in ptrs)
        for name in raw:
            name = clean_lemma(name)
            if name[:1].isupper():
                counts = votes[instance].setdefault(name, {})
                counts[kind] = counts.get(kind, 0) + 1
    # The type most of a name's readings have; ties go to place, then
    # organisation ("Washington": two places, two people, one government).
    preference = {"place": 2, "organisation": 1, "person": 0}
    names = {}
    for name in set(votes[True]) | set(votes[False]):
        counts = votes[True].get(name) or votes[False][name]
        names[name] = max(counts, key=lambda k: (counts[k], preference[k]))
    return sorted(f"{name}\t{kind}" for name, kind in names.items())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "data"))
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.wordnet, "data.noun")):
        sys.exit(f"{args.wordnet}/data.noun not found: apt-get install wordnet-base")
    syn = synonym_lines(args.wordnet)
    with open(os.path.join(args.out, "wordnet_synonyms.txt"), "w") as f:
        f.write("# chorus wordnet_synonyms v1: one synonym set a line (lower-case single words);\n")
        f.write(f"# lemmas sharing a synset among their first {MAX_SENSES} senses, plus irregular forms\n")
        f.write("# (*.exc). Built by tools/lexicon/build_wordnet_data.py.\n")
        f.write(NOTICE)
        f.writelines(line + "\n" for line in syn)
    ent = entity_lines(args.wordnet)
    with open(os.path.join(args.out, "wordnet_entities.txt"), "w") as f:
        f.write("# chorus wordnet_entities v1: name<TAB>person|place|organisation, for WordNet\n")
        f.write("# instance nouns (typed by their instance-hypernym chain). Built by\n")
        f.write("# tools/lexicon/build_wordnet_data.py.\n")
        f.write(NOTICE)
        f.writelines(line + "\n" for line in ent)
    print(f"wordnet_synonyms.txt: {len(syn)} sets; wordnet_entities.txt: {len(ent)} names")


if __name__ == "__main__":
    main()
