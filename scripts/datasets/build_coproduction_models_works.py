#!/usr/bin/env python3
"""Rebuild Datasets/coproduction-models/works.csv from the seed texts.

This script only REFORMATS what the seeds print:
- the three supplementary tables of seed 001 (author/year, country, discipline,
  contribution) are parsed line by line, each row keeping the seed line of its
  author cell;
- the two boundary-spanning papers are named in the prose only; their rows are
  the explicit list BOUNDARY below, each field quoting a seed line;
- DOIs come only from the reference lists of seed 000 (the review) and seed 003
  (the Samskapa protocol), through the explicit, hand-checked list DOI_MATCHES
  (work id -> (seed file, reference-list line)). The script asserts that the DOI
  it writes is printed on that line or the next two (after removing the spaces a
  PDF line-wrap inserted) and that the line names the first author.

Usage: python3 scripts/datasets/build_coproduction_models_works.py [SEEDS_DIR]
(default SEEDS_DIR: ../shared/seeds relative to the repository root).
"""
import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "seeds")
S000 = "000_ff49b50716e36448.txt"
S001 = "001_ba6e7b868008b380.txt"
S003 = "003_395efd9858a5889f.txt"
OUT = os.path.join(ROOT, "Datasets", "coproduction-models", "works.csv")

# (first line, last line, model_type) of each supplementary table body in seed 001.
TABLES = [
    (99, 375, "conceptual/theoretical"),   # Supplementary file 2 (n=42), header at 001:90
    (391, 527, "practice-oriented"),       # Supplementary file 3 (n=22), header at 001:381
    (544, 585, "typology"),                # Supplementary file 4 (n=7), header at 001:534
]

# Verbatim excerpts of the prose of seed 001 (asserted below to occur on the cited line).
QUOTE_ESSEN = ("examine people’s interaction with a Patient Self-Registration (PER) service to explain how the "
               "ostensive and performative dimensions of co-production may lead to exploitation or empowerment "
               "of service users")
QUOTE_BATALDEN = ("presenting a conceptualisation of co-production in the context of healthcare Quality "
                  "Improvement and Health Services Research, this paper also offers ‘how to’ suggestions and "
                  "guiding principles for practice, as well as an overview of ‘challenges and limitations’")

# Boundary-spanning papers: named in the prose of seed 001 (lines 49 and 51) and
# seed 000 (lines 115 and 121). Country of author is not reported in any seed.
BOUNDARY = [
    dict(id="essen2016", label="Essén 2016", first_author="Essén", year="2016", country="",
         discipline="Management/marketing",  # "Writing from management and marketing perspectives" (001:49)
         contribution=QUOTE_ESSEN,
         line=49),
    dict(id="batalden2016", label="Batalden 2016", first_author="Batalden", year="2016", country="",
         discipline="Quality Improvement/Health Services Research",  # "in the context of healthcare Quality Improvement and Health Services Research" (001:51)
         contribution=QUOTE_BATALDEN,
         line=51),
]

# work id -> line of seed 000's reference list printing that work (matched by first
# author + year + subject, see the dataset README for each decision).
DOI_MATCHES = {
    "osborne2016": 161, "gillard2016": 165, "meijer2016": 166, "sicilia2016": 167,
    "fledderus2014": 168, "jaspers2019": 173, "mccollkennedy2012": 177, "pestoff2012": 178,
    "pestoff2014": 179,
    "sancino2016": 180, "kirkegaard2018": 181, "rutten2019": 184, "cepiku2014": 185,
    "baimlance2019": 186, "bolton2016": 187, "nabatchi2017": 188, "adinolfi2016": 189,
    "strokosch2016": 191, "farmer2017": 192, "essen2016": 196, "batalden2016": 197,
}
# work id -> line of seed 003's reference list (Samskapa protocol) for works seed 000 does
# not cite; matched by first author + year (within one) + subject (README, discrepancy 5).
DOI_MATCHES_003 = {"robert2015": 238, "brandsen2015": 250}


def fold(s):
    """ASCII, lower-case, letters only: 'Baim‐Lance' -> 'baimlance', 'Rütten' -> 'rutten'."""
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z]", "", s.encode("ascii", "ignore").decode().lower())


def read_lines(name):
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        return f.read().split("\n")


def parse_tables(lines):
    rows = []
    head = re.compile(r"^(?P<author>[^\d,]+?),?\s+(?P<year>\d{4})(?P<suffix>[ab]?)$")
    for first, last, model_type in TABLES:
        cells = [(n, lines[n - 1].strip()) for n in range(first, last + 1) if lines[n - 1].strip()]
        if len(cells) % 4 != 0:
            raise SystemExit(f"table at {S001}:{first}: {len(cells)} non-empty cells, not a multiple of 4")
        for i in range(0, len(cells), 4):
            (n, author_year), (_, country), (_, discipline), (_, contribution) = cells[i:i + 4]
            m = head.match(author_year)
            if not m:
                raise SystemExit(f"{S001}:{n}: cannot read author and year from {author_year!r}")
            author = m.group("author").strip().replace("\u2010", "-")
            rows.append(dict(author=author, year=m.group("year"), suffix=m.group("suffix"),
                             country=country, discipline=discipline, contribution=contribution,
                             line=n, model_type=model_type))
    return rows


def main():
    l000, l001, l003 = read_lines(S000), read_lines(S001), read_lines(S003)
    rows = parse_tables(l001)
    # Same first author + year twice with no printed suffix: suffix a/b in table order.
    seen = {}
    for r in rows:
        seen.setdefault((fold(r["author"]), r["year"]), []).append(r)
    works = []
    for r in rows:
        same = seen[(fold(r["author"]), r["year"])]
        suffix = r["suffix"]
        if not suffix and len(same) > 1:
            suffix = "ab"[same.index(r)]
        wid = fold(r["author"]) + r["year"] + suffix
        works.append(dict(id=wid, label=f"{r['author']} {r['year']}{suffix}", first_author=r["author"],
                          year=r["year"], country=r["country"], discipline=r["discipline"],
                          model_type=r["model_type"], doi="", contribution=r["contribution"],
                          source=f"{S001}:{r['line']}"))
    for b in BOUNDARY:
        assert b["contribution"] in l001[b["line"] - 1], f"{S001}:{b['line']}: quote not found"
        works.append(dict(id=b["id"], label=b["label"], first_author=b["first_author"], year=b["year"],
                          country=b["country"], discipline=b["discipline"], model_type="boundary-spanning",
                          doi="", contribution=b["contribution"], source=f"{S001}:{b['line']}"))
    ids = [w["id"] for w in works]
    assert len(ids) == len(set(ids)), "duplicate ids"
    # Seed 000 prints "https://doi.org/10...."; seed 003 prints the bare DOI before "[DOI]".
    doi_at = {S000: (l000, r"doi\.org/\s*(10\.(?:\S|(?<=[./])\s)+)"),
              S003: (l003, r"\b(10\.\d{4,9}/\S+)\s+\[DOI\]")}
    for w in works:
        if w["id"] in DOI_MATCHES:
            seed, n = S000, DOI_MATCHES[w["id"]]
        elif w["id"] in DOI_MATCHES_003:
            seed, n = S003, DOI_MATCHES_003[w["id"]]
        else:
            continue
        lines, pattern = doi_at[seed]
        doi = None
        for k in range(n, n + 3):  # an entry may wrap: the DOI can be on a following line
            m = re.search(pattern, lines[k - 1])
            if m:
                # a PDF wrap leaves a space after '.' or '/': "10. 1080/...", "10.1111/ puar..."
                doi = re.sub(r"\s+", "", m.group(1)).rstrip(".")
                break
        assert doi and re.fullmatch(r"10\.\d{4,9}/\S+", doi), f"{seed}:{n}: no DOI"
        assert fold(w["first_author"]) in fold(lines[n - 1]), f"{seed}:{n} does not name {w['first_author']}"
        w["doi"] = doi
        w["source"] += f"; {seed}:{n}"
    cols = ["id", "label", "first_author", "year", "country", "discipline", "model_type", "doi",
            "contribution", "source"]
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        wr = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        wr.writeheader()
        wr.writerows(works)
    print(f"{len(works)} works -> {OUT}")


if __name__ == "__main__":
    main()
