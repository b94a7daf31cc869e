#!/usr/bin/env python3
"""Rebuild Datasets/integrated-care-codelivery/works.csv from seed 002 (Conquer et al. 2024).

Only reformats the seed: the ten rows of Table 2 (002:126-156) are listed below with the line of
their first cell; the script asserts that each line starts with the author, reference number,
country and provision written here, reads year and DOI from the numbered reference entry the
table cites, and fills the extent-of-co-production score only for the two studies whose score
the text states (002:160). Usage: python3 scripts/datasets/build_integrated_care_works.py [SEEDS_DIR]
"""
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "seeds")
S = "002_9a1982dc05ab144d.txt"
OUT = os.path.join(ROOT, "Datasets", "integrated-care-codelivery", "works.csv")

# id, first author as printed, reference number, Table 2 line, country, provision (verbatim), reference line
ROWS = [
    ("kamvura2021", "Kamvura", 55, 126, "Zimbabwe", "Depression, diabetes, hypertension", 445),
    ("bruns2021", "Bruns", 22, 129, "South Africa", "Human immunodeficiency virus (HIV)", 412),
    ("sarkadi2021", "Sarkadi", 52, 133, "Sweden", "Childhood neurodevelopmental disorders", 442),
    ("yadav2021", "Yadav", 53, 137, "Australia (conducted in Nepal)", "Chronic obstructive pulmonary disease (COPD)", 443),
    ("wolstenholme2020", "Wolstenholme", 51, 139, "England", "Hepatitis C virus", 441),
    ("odonnell2019", "O’Donnell", 50, 142, "Ireland", "Frailty", 440),
    ("eriksson2019", "Eriksson", 47, 145, "Sweden", "Cervical cancer screening", 437),
    ("lalani2019", "Lalani", 48, 149, "England", "Ealy integrated care system", 438),
    ("vandeventer2016", "Van Deventer", 49, 151, "South Africa", "Childhood malnutrition", 439),
    ("flora2015", "Flora", 54, 154, "Canada", "Psychiatry", 444),
]
# "One study scored the highest (12 points) [47], one the lowest (six points) [48]" (002:160)
SCORES = {"eriksson2019": ("12", 160), "lalani2019": ("6", 160)}
# "the five studies that had a 'co-delivery' model [22,47,52,54,55], and the four studies with
# 'peer support' [22,47,51,54] scored within the highest ranked studies" (002:162): the studies
# whose reference number is in either bracket are recorded as among the highest ranked; the
# others are left empty (the seed does not say where they rank).
RANKED_LINE = 162
RANKED_PHRASE = "scored within the highest ranked studies"


def main():
    with open(os.path.join(SEEDS, S), encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert "scored the highest (12 points) [47], one the lowest (six points) [48]" in lines[159]
    ranked_line = lines[RANKED_LINE - 1]
    assert RANKED_PHRASE in ranked_line, f"{S}:{RANKED_LINE}"
    m = re.search(r"‘co-delivery’ model \[([\d,]+)\], and the four studies with ‘peer support’ \[([\d,]+)\]", ranked_line)
    assert m, f"{S}:{RANKED_LINE}: brackets not found"
    ranked = {int(x) for g in m.groups() for x in g.split(",")}
    out = []
    for wid, author, ref, tl, country, provision, rl in ROWS:
        t, r = lines[tl - 1], lines[rl - 1]
        assert t.startswith(f"{author} [{ref}] {country} {provision}"), f"{S}:{tl}: {t!r}"
        assert r.lstrip().startswith(f"• {ref}.{author}"), f"{S}:{rl}: {r[:40]!r}"
        year = re.search(r"[.;]\s((?:19|20)\d\d)[;.]", r).group(1)
        assert wid.endswith(year), (wid, year)
        d = re.search(r"DOI: (10\.\S+)", r)
        score, sl = SCORES.get(wid, ("", None))
        out.append(dict(id=wid, label=f"{author} {year}", first_author=author, year=year, country=country,
                        integrated_care_provision=provision, reference=str(ref), doi=d.group(1) if d else "",
                        coproduction_score=score, score_source=f"{S}:{sl}" if sl else "",
                        among_highest_ranked="yes" if ref in ranked else "",
                        ranked_source=f"{S}:{RANKED_LINE}" if ref in ranked else "",
                        source=f"{S}:{tl}; {S}:{rl}"))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    print(f"{len(out)} works -> {OUT}")


if __name__ == "__main__":
    main()
