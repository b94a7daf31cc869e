#!/usr/bin/env python3
"""Independent counts on ../shared/data/corpora for the import tests (issue 11).

Plain Python (no siloscope code): reads the WoS plain-text and Scopus CSV exports of
corpora/dse-citan and the WoS files of corpora/capture-recapture-wos, and prints
- records, CR lines and the sum of NR per WoS file set;
- Scopus rows, rows with references and '; '-pieces of the References cells;
- papers present in both dse-citan exports: same DOI (case-folded), else same folded
  title + year + first-author surname.
Usage: scripts/corpora/dse_citan_counts.py [SHARED_DATA_DIR]   (default ../shared/data)
"""
import csv, glob, os, re, sys, unicodedata

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")
corpora = os.path.join(root, "corpora")

def wos_records(path):
    recs, cur, tag = [], {}, None
    for line in open(path, encoding="utf-8-sig"):
        line = line.rstrip("\r\n")
        if line.startswith("   "):
            if tag: cur.setdefault(tag, []).append(line.strip())
            continue
        t = line[:2]
        if t == "ER":
            recs.append(cur); cur = {}; tag = None; continue
        if t in ("FN", "VR", "EF") or not t.strip():
            tag = None; continue
        tag = t
        cur.setdefault(tag, []).append(line[3:].strip())
    return recs

def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())

def surname(name):
    return fold(name.split(",")[0].split(" ")[0]) if name else ""

for label, files in [("dse-citan/wos.txt", [os.path.join(corpora, "dse-citan", "wos.txt")]),
                     ("capture-recapture-wos", sorted(glob.glob(os.path.join(corpora, "capture-recapture-wos", "*.txt"))))]:
    recs = [r for f in files for r in wos_records(f)]
    cr = sum(len(r.get("CR", [])) for r in recs)
    nr = sum(int(r["NR"][0]) for r in recs if "NR" in r)
    uts = {r["UT"][0] for r in recs if "UT" in r}
    print(f"{label}: {len(files)} files, {len(recs)} records, {len(uts)} distinct UT, {cr} CR lines, NR sum {nr}")

wos = wos_records(os.path.join(corpora, "dse-citan", "wos.txt"))
rows = list(csv.DictReader(open(os.path.join(corpora, "dse-citan", "scopus.csv"), encoding="utf-8-sig", newline="")))
pieces = sum(len([p for p in r["References"].split("; ") if p.strip()]) for r in rows)
print(f"dse-citan/scopus.csv: {len(rows)} rows, {sum(1 for r in rows if r['References'].strip())} with references, {pieces} '; '-pieces")

wdoi = {r["DI"][0].lower(): r for r in wos if "DI" in r}
sdoi = {r["DOI"].lower(): r for r in rows if r["DOI"]}
common_doi = set(wdoi) & set(sdoi)
wkey = {(fold(" ".join(r["TI"])), r["PY"][0], surname(r.get("AU", [""])[0])): r.get("DI", [""])[0].lower() for r in wos if "DI" not in r or r["DI"][0].lower() not in sdoi}
skey = {(fold(r["Title"]), r["Year"], surname(r["Authors"].split(";")[0])): r["DOI"].lower() for r in rows if not r["DOI"] or r["DOI"].lower() not in wdoi}
by_key = set(wkey) & set(skey)
conflicting = {k for k in by_key if wkey[k] and skey[k] and wkey[k] != skey[k]}
print(f"dse-citan both exports: {len(common_doi)} by DOI, {len(by_key)} more by title+year+first author "
      f"({len(conflicting)} of them print two different DOIs: {sorted((wkey[k], skey[k]) for k in conflicting)}), "
      f"{len(common_doi) + len(by_key) - len(conflicting)} without a DOI conflict")
