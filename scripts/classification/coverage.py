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

records = wc = 0
for path in sorted(glob.glob(os.path.join(shared, "corpora", "capture-recapture-wos", "*.txt"))):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.startswith("PT "):
                records += 1
            elif line.startswith("WC "):
                wc += 1
print(f"capture-recapture-wos: {records} records, {wc} with WC")
