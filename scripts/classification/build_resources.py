#!/usr/bin/env python3
"""Build the compact classification resources bundled with the Bibliometrics target.

Sources (see ../shared/data/classification/PROVENANCE.md):
- scopus-asjc/ (dhimmel/journalmetrics @ 50171219c2b2, CC0 1.0: Elsevier's public Scopus
  source list and the NLM catalogue of PubMed journals)
- wos-category-similarity/ (turckheim/interdisciplinarity @ 12902ee10008, ISC licence:
  cosine similarity of WoS subject categories' citation profiles, WoS 2008-2012)

Writes to Sources/Bibliometrics/Classification/Resources/ (gzip TSV, UTF-8, sorted, with
gzip mtime 0 so a rebuild is byte-identical):
- asjc-codes.tsv.gz      code, category name, subject-area name (ASJC)
- issn-asjc.tsv.gz       issn (8 characters, no hyphen, X upper case), ASJC codes (space-separated, ascending)
- nlm-journals.tsv.gz    title, ISO abbreviation, MEDLINE abbreviation, ISSNs (space-separated),
                         ASJC codes: NLM journals reaching ASJC through the NLM id -> Scopus id
                         map or through one of their ISSNs
- wos-category-similarity.tsv.gz  first row: category names (title case as in the source
                         titles, upper case there), then one row of similarities per category
                         (rounded to 4 decimals)

Usage: scripts/classification/build_resources.py [SHARED_DATA]   (default ../shared/data)
"""
import csv, gzip, io, os, shlex, sys
from collections import defaultdict

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SILOSCOPE_SHARED_DATA", os.path.join(root, "..", "shared", "data"))
asjc_dir = os.path.join(shared, "classification", "scopus-asjc")
wos_dir = os.path.join(shared, "classification", "wos-category-similarity")
out_dir = os.path.join(root, "Sources", "Bibliometrics", "Classification", "Resources")


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(r)
        for row in r:
            yield dict(zip(header, row))


def norm_issn(s):
    s = s.strip().replace("-", "").upper()
    return s if len(s) == 8 and s[:7].isdigit() and (s[7].isdigit() or s[7] == "X") else None


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def write(name, lines):
    data = ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(data)
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(buf.getvalue())
    print(f"{name}: {len(lines)} lines, {len(buf.getvalue())} bytes", file=sys.stderr)


codes = {r["asjc_code"]: clean(r["asjc_description"]) for r in rows(os.path.join(asjc_dir, "asjc-codes.tsv"))}
# Subject-area names: the descriptions subject-areas.tsv gives the xx00 codes
# ("Computer Science"; asjc-codes.tsv calls the category 1700 "General Computer Science").
areas = {}
for r in rows(os.path.join(asjc_dir, "subject-areas.tsv")):
    if r["asjc_code"].endswith("00"):
        areas.setdefault(r["asjc_code"], clean(r["asjc_description"]))
count = defaultdict(int)
for c in codes:
    count[codes[c]] += 1
def area_of(c):
    return areas.get(c[:2] + "00", codes.get(c[:2] + "00", ""))
# A category name shared by two codes (Archaeology: 1204 and 3302) gets its area in brackets.
names = {c: (f"{codes[c]} ({area_of(c)})" if count[codes[c]] > 1 else codes[c]) for c in codes}
write("asjc-codes.tsv.gz", [f"{c}\t{names[c]}\t{area_of(c)}" for c in sorted(codes)])

by_source = defaultdict(set)
for r in rows(os.path.join(asjc_dir, "subject-areas.tsv")):
    by_source[r["scopus_id"]].add(r["asjc_code"])
by_issn = defaultdict(set)
for r in rows(os.path.join(asjc_dir, "issn.tsv")):
    i = norm_issn(r["issn"])
    if i and r["scopus_id"] in by_source:
        by_issn[i] |= by_source[r["scopus_id"]]
write("issn-asjc.tsv.gz", [f"{i}\t{' '.join(sorted(by_issn[i]))}" for i in sorted(by_issn)])

nlm_to_source = defaultdict(set)
for r in rows(os.path.join(asjc_dir, "pubmed-map.tsv")):
    nlm_to_source[r["journal_nlm_id"]].add(r["scopus_id"])
journals = []
for r in rows(os.path.join(asjc_dir, "pubmed-journals.tsv")):
    issns = [i for i in (norm_issn(r.get("ISSN (Print)", "")), norm_issn(r.get("ISSN (Online)", ""))) if i]
    got = set()
    for s in nlm_to_source.get(r["NlmId"], ()):
        got |= by_source.get(s, set())
    for i in issns:
        got |= by_issn.get(i, set())
    if not got:
        continue
    journals.append("\t".join([clean(r["JournalTitle"]), clean(r["IsoAbbr"]), clean(r["MedAbbr"]), " ".join(issns), " ".join(sorted(got))]))
write("nlm-journals.tsv.gz", sorted(journals))

titles = {}
with open(os.path.join(wos_dir, "category_titles.txt"), encoding="utf-8") as f:
    next(f)
    for line in f:
        parts = shlex.split(line)
        if len(parts) == 2:
            titles[parts[0]] = parts[1]
with open(os.path.join(wos_dir, "category_similarity_matrix.txt"), encoding="utf-8") as f:
    order = shlex.split(next(f))
    matrix = {}
    for line in f:
        parts = shlex.split(line)
        if not parts:
            continue
        matrix[parts[0]] = [float(x) for x in parts[1:]]
assert len(order) == len(matrix) == 249, (len(order), len(matrix))
# EN and ML have rows in the matrix but no name in category_titles.txt: without a name
# they cannot be matched to a record's WC, so they are left out (stated in the README).
unnamed = [c for c in order if c not in titles]
print(f"left out (no name in category_titles.txt): {' '.join(unnamed)}", file=sys.stderr)
keep = [i for i, c in enumerate(order) if c in titles]
lines = ["\t".join(titles[order[i]] for i in keep)]
for i in keep:
    c = order[i]
    row = matrix[c]
    assert len(row) == len(order)
    lines.append("\t".join(f"{min(1.0, max(0.0, row[j])):.4f}" for j in keep))
write("wos-category-similarity.tsv.gz", lines)
