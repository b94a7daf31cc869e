#!/usr/bin/env python3
"""Independent counts for the field-coverage tests and README, straight from the raw
tables in ../shared/data (no Siloscope code, no bundled resource).

- dse-citan/scopus.csv: records, records with an ISSN, records whose ISSN has ASJC codes
  in scopus-asjc/issn.tsv ⋈ subject-areas.tsv (the `record` route of `import`).
- capture-recapture-wos: records with WC (the `record` route at level wos-category).

Usage: scripts/classification/coverage.py [SHARED_DATA]
"""
import csv, glob, os, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SILOSCOPE_SHARED_DATA", os.path.join(root, "..", "shared", "data"))
asjc = os.path.join(shared, "classification", "scopus-asjc")


def tsv(name):
    with open(os.path.join(asjc, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


with_codes = {r["scopus_id"] for r in tsv("subject-areas.tsv")}
known = {r["issn"].replace("-", "").upper() for r in tsv("issn.tsv") if r["scopus_id"] in with_codes}
with open(os.path.join(shared, "corpora", "dse-citan", "scopus.csv"), newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
has = [r for r in rows if r["ISSN"].strip()]
hit = [r for r in has if r["ISSN"].strip().replace("-", "").upper() in known]
print(f"dse-citan/scopus.csv: {len(rows)} records, {len(has)} with an ISSN, {len(hit)} with an ISSN in the 2017 Scopus table "
      f"({100 * len(hit) / len(rows):.1f}% of records)")

# The legitimate routes left for the others, from the raw NLM tables: the record's ISSN as a
# print or online ISSN of an NLM journal whose NLM id maps to a Scopus source with codes, or
# its source title / abbreviation as an NLM title, ISO or MEDLINE abbreviation (exact key).
import re, unicodedata
def vkey(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper().replace("&", " AND ")
    return " ".join(w for w in re.split(r"[^A-Z0-9]+", s) if w and w not in ("THE", "OF", "AND"))
nlm_to_source = {}
for r in tsv("pubmed-map.tsv"):
    nlm_to_source.setdefault(r["journal_nlm_id"], set()).add(r["scopus_id"])
nlm_issn, nlm_name = set(), set()
for r in tsv("pubmed-journals.tsv"):
    if not nlm_to_source.get(r["NlmId"], set()) & with_codes:
        continue
    for i in (r["ISSN (Print)"], r["ISSN (Online)"]):
        if i.strip():
            nlm_issn.add(i.strip().replace("-", "").upper())
    for n in (r["JournalTitle"], r["IsoAbbr"], r["MedAbbr"]):
        if vkey(n):
            nlm_name.add(vkey(n))
rest = [r for r in rows if r not in hit]
by_nlm_issn = [r for r in rest if r["ISSN"].strip().replace("-", "").upper() in nlm_issn]
by_nlm_name = [r for r in rest if vkey(r["Source title"]) in nlm_name or vkey(r["Abbreviated Source Title"]) in nlm_name]
no_issn = [r for r in rows if not r["ISSN"].strip()]
print(f"  of the other {len(rest)}: {len(by_nlm_issn)} reach ASJC through the NLM catalogue by ISSN, {len(by_nlm_name)} by title "
      f"({len([r for r in by_nlm_name if r in by_nlm_issn])} of them both); {len(no_issn)} print no ISSN "
      f"({sum(1 for r in no_issn if r['ISBN'].strip())} of them an ISBN; document types: "
      + ", ".join(f"{t} {n}" for t, n in sorted(__import__('collections').Counter(r['Document Type'] for r in no_issn).items(), key=lambda x: (-x[1], x[0]))) + ")")

records = wc = 0
for path in sorted(glob.glob(os.path.join(shared, "corpora", "capture-recapture-wos", "*.txt"))):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.startswith("PT "):
                records += 1
            elif line.startswith("WC "):
                wc += 1
print(f"capture-recapture-wos: {records} records, {wc} with WC")
