#!/usr/bin/env python3
"""Validate the bundled datasets built from ../shared/seeds against the seed texts.

For every CSV row of every dataset given (default: all Datasets/* folders whose rows cite seeds):
- each `source` / `home_source` location `FILE:LINE` (several separated by '; ') exists in the seeds;
- works: the first location names the work's first author (accents, case, hyphens folded);
  a second location (reference list) names the first author and prints the row's DOI
  (spaces from PDF line wraps removed) on that line or one of the two next lines;
- rows with an `evidence` / `home_evidence` column: the evidence text occurs on the cited line
  (case-insensitive, whitespace normalised);
- concept / lineage layers: every endpoint is a known work id or concept id;
- dataset-specific counts (coproduction-models: 42/22/7/2 = 73 by model type).

Exit status 1 on the first dataset with problems; prints every problem found.
Usage: python3 scripts/datasets/check_seed_datasets.py [DATASET_DIR...] [--seeds DIR]
"""
import csv
import glob
import os
import re
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]", "", s.encode("ascii", "ignore").decode().lower())


def norm(s):
    s = s.replace("\u2010", "-").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


class Seeds:
    def __init__(self, d):
        self.d, self.cache = d, {}

    def line(self, loc):
        m = re.fullmatch(r"(\d{3}_[0-9a-f]+\.txt):(\d+)", loc.strip())
        if not m:
            return None
        name, n = m.group(1), int(m.group(2))
        if name not in self.cache:
            p = os.path.join(self.d, name)
            if not os.path.exists(p):
                return None
            with open(p, encoding="utf-8") as f:
                self.cache[name] = f.read().split("\n")
        lines = self.cache[name]
        return lines[n - 1] if 1 <= n <= len(lines) else None

    def lines_from(self, loc, k):
        name, n = loc.strip().rsplit(":", 1)
        return [self.line(f"{name}:{int(n) + i}") or "" for i in range(k)]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def check(ds, seeds):
    problems = []
    name = os.path.basename(os.path.normpath(ds))

    def bad(file, i, msg):
        problems.append(f"{name}/{file}:{i + 2}: {msg}")

    csvs = {os.path.basename(p): read(p) for p in sorted(glob.glob(os.path.join(ds, "*.csv")))}
    works = csvs.get("works.csv", [])
    work_ids = {w["id"] for w in works}
    vocab_ids = set()
    for fn, rows in csvs.items():
        if fn.endswith("vocabulary.csv"):
            vocab_ids |= {r["id"] for r in rows}
    for fn, rows in csvs.items():
        for i, r in enumerate(rows):
            if None in r or any(v is None for v in r.values()):
                bad(fn, i, "wrong number of fields (unquoted comma?)")
                continue
            for col in ("source", "home_source"):
                v = r.get(col)
                if v is None or (col == "home_source" and not v):
                    continue
                if not v:
                    bad(fn, i, f"empty {col}")
                    continue
                for loc in v.split("; "):
                    if seeds.line(loc) is None:
                        bad(fn, i, f"{col} {loc!r} is not a seed line")
            for col, loccol in (("evidence", "source"), ("home_evidence", "home_source")):
                ev = r.get(col)
                if ev:
                    locs = r[loccol].split("; ")
                    text = " ".join(seeds.line(l) or "" for l in locs)
                    if norm(ev) not in norm(text):
                        bad(fn, i, f"{col} {ev!r} not on {r[loccol]}")
            for col in ("work", "concept", "model", "from", "to"):
                if col in r and fn not in ("works.csv",) and not fn.endswith("vocabulary.csv") \
                        and fn not in ("literatures.csv",):
                    if r[col] not in work_ids | vocab_ids:
                        bad(fn, i, f"{col} {r[col]!r} is neither a work nor a concept id")
    ids = Counter(w["id"] for w in works)
    for i, w in enumerate(works):
        if ids[w["id"]] > 1:
            bad("works.csv", i, f"duplicate id {w['id']}")
        locs = w["source"].split("; ")
        if fold(w["first_author"]) not in fold(seeds.line(locs[0]) or ""):
            bad("works.csv", i, f"{locs[0]} does not name {w['first_author']}")
        if w.get("doi"):
            if len(locs) < 2:
                bad("works.csv", i, "doi without a reference-list location")
                continue
            ref = locs[1]
            if fold(w["first_author"]) not in fold(seeds.line(ref) or ""):
                bad("works.csv", i, f"{ref} does not name {w['first_author']}")
            joined = re.sub(r"\s+", "", " ".join(seeds.lines_from(ref, 3)))
            if w["doi"].lower() not in joined.lower():
                bad("works.csv", i, f"DOI {w['doi']} not printed at {ref}")
    if name == "coproduction-models":
        c = Counter(w["model_type"] for w in works)
        want = {"conceptual/theoretical": 42, "practice-oriented": 22, "typology": 7, "boundary-spanning": 2}
        if dict(c) != want:
            problems.append(f"{name}: model-type counts {dict(c)} != tables {want}")
        lit = {r["discipline"] for r in csvs.get("literatures.csv", [])}
        for i, w in enumerate(works):
            if w["discipline"] not in lit:
                bad("works.csv", i, f"discipline {w['discipline']!r} has no row in literatures.csv")
    if name == "integrated-care-codelivery" and len(works) != 10:
        problems.append(f"{name}: {len(works)} works, Table 2 lists 10")
    return problems


def main(argv):
    seeds_dir = os.path.join(ROOT, "..", "shared", "seeds")
    if "--seeds" in argv:
        k = argv.index("--seeds")
        seeds_dir = argv[k + 1]
        argv = argv[:k] + argv[k + 2:]
    dirs = argv or [d for d in sorted(glob.glob(os.path.join(ROOT, "Datasets", "*")))
                    if os.path.basename(d) in ("coproduction-models", "integrated-care-codelivery")]
    if not os.path.isdir(seeds_dir):
        print(f"seeds not found at {seeds_dir}; nothing checked")
        return 0
    seeds = Seeds(seeds_dir)
    status = 0
    for d in dirs:
        p = check(d, seeds)
        for line in p:
            print(line)
        print(f"{os.path.basename(os.path.normpath(d))}: {'OK' if not p else f'{len(p)} problem(s)'}")
        status |= bool(p)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
