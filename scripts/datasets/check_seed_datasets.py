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

Key words (every row's cited lines say what the row says):
- works: the cited lines print the first author's surname and the year (a reference-list
  line may print the year one off: online versus issue year, as the READMEs record);
- citation arcs (coproduction-reviews): the entry cited as source names the cited work's
  first author and, where the work has one, its year;
- concept / model / lineage rows: each endpoint that is a work is identified on the cited
  lines — its surname is printed there, or the first cited line lies in the work's own
  table entry, or a cited line carries a citation number [n] whose reference-list entry
  (also cited) names the surname; each endpoint that is a vocabulary node is named there
  (the words of its label, or its abbreviation); a lineage relation's verb is there too
  (or a wording listed in RELATION_WORDINGS, where the README records our verb);
- vocabulary rows: the cited line names the node.

Across the datasets (when coproduction-models, coproduction-reviews and
integrated-care-codelivery are all checked):
- one DOI, one id: a DOI that two datasets record belongs to the same id in both;
- one id, one DOI: an id present in two datasets has the same DOI (case-insensitive) in both,
  unless coproduction-reviews/identity-decisions.csv records why (`doi-differs`);
- merged here, merged there: a reference-list entry that one dataset merges with a work is
  the same work in the other (coproduction-reviews cites that id at that entry, and the work
  of coproduction-models / integrated-care-codelivery lists that entry in its source), unless
  identity-decisions.csv records why (`doi-differs`);
- kept apart on purpose: two ids in different datasets with the same first author and the
  same year (or no year) are one work or have a recorded reason (a `not-merged` row of
  coproduction-reviews/matches.csv or a `kept-apart` row of identity-decisions.csv).

Exit status 1 if any dataset has problems; prints every problem found.
Usage: python3 scripts/datasets/check_seed_datasets.py [DATASET_DIR...] [--seeds DIR] [--root DATASETS_DIR]
"""
import csv
import glob
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATASETS = ("coproduction-models", "coproduction-reviews", "integrated-care-codelivery")

# Lineage verbs whose wording on the cited line differs from the verb we record
# (coproduction-models README, "Lineage layer": "applies" is our verb for "from a … perspective";
# "draws on" is also written "drew on", "draw upon", "drawing upon").
RELATION_WORDINGS = {"applies": ("perspective",), "draws on": ("drew on", "draw upon", "drawing upon")}
# Rows whose cited line names the node in a form no word test can read, each with the
# README's reason: (dataset, file, from/work, to/concept/model) -> reason.
RECORDED_WORDINGS = {
    ("integrated-care-codelivery", "models.csv", "flora2015", "quality-improvement"):
        "merged table cell 'QICo-delivery' at 002:156 (README, discrepancy 1)",
    ("integrated-care-codelivery", "models.csv", "flora2015", "co-delivery"):
        "merged table cell 'QICo-delivery' at 002:156 (README, discrepancy 1)",
}
STOP = {"a", "an", "and", "as", "by", "for", "from", "in", "into", "of", "on", "s", "the", "to", "up", "with", "work"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]", "", s.encode("ascii", "ignore").decode().lower())


def norm(s):
    s = s.replace("\u2010", "-").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s, parts=True):
    """Folded words of a text; a hyphenated word gives its joined form and (with `parts`)
    its parts ('co-creation' -> 'cocreation', 'co', 'creation')."""
    s = unicodedata.normalize("NFKD", norm(s)).encode("ascii", "ignore").decode()
    out = []
    for token in re.split(r"[^a-z0-9-]+", s):
        pieces = [p for p in token.split("-") if p]
        if len(pieces) > 1:
            out.append("".join(pieces))
        if parts or len(pieces) == 1:
            out += pieces
    return out


def label_forms(label, terms=""):
    """The wordings that name a vocabulary node: its label without the parenthesised part,
    each ' / ' alternative of it, the parenthesised part, and the `terms` column ('|'-separated)."""
    main = re.sub(r"\([^)]*\)", " ", label).strip()
    forms = [main] + [p for p in main.split(" / ") if p.strip()] if " / " in main else [main]
    forms += [p for p in re.findall(r"\(([^)]*)\)", label)]
    forms += [t for t in (terms or "").split("|") if t.strip()]
    return forms


def names_term(text, label, terms=""):
    """True when `text` names the node: for some wording (label_forms), every content word
    starts a word of the text on its first min(len, 5) letters — so 'relational sociology'
    is named by 'relational sociological perspective' — or a one-word abbreviation ('SDL',
    'EBCD', 'QI') is a word of the text."""
    have = words(text)
    for form in label_forms(label, terms):
        want = [w for w in words(form, parts=False) if w not in STOP]
        if len(want) == 1 and len(want[0]) <= 4:
            if want[0] in have:
                return True
            continue
        want = [w for w in want if "-" not in w]
        if want and all(any(h.startswith(w[:5]) for h in have) for w in want):
            return True
    return False


def names_relation(text, relation):
    have = words(text)
    for form in (relation,) + RELATION_WORDINGS.get(relation, ()):
        want = [w for w in words(form) if w not in STOP]
        if all(any(h[:4] == w[:4] for h in have) for w in want):
            return True
    return False


class Seeds:
    def __init__(self, d):
        self.d, self.cache = d, {}

    def lines_of(self, name):
        if name not in self.cache:
            p = os.path.join(self.d, name)
            if not os.path.exists(p):
                return None
            with open(p, encoding="utf-8") as f:
                self.cache[name] = f.read().split("\n")
        return self.cache[name]

    def span(self, loc):
        """(file, first, last) of 'FILE:N' or 'FILE:N-M', or None."""
        m = re.fullmatch(r"(\d{3}_[0-9a-f]+\.txt):(\d+)(?:-(\d+))?", loc.strip())
        if not m:
            return None
        first = int(m.group(2))
        return m.group(1), first, int(m.group(3) or first)

    def line(self, loc):
        sp = self.span(loc)
        if not sp:
            return None
        lines = self.lines_of(sp[0])
        if lines is None or not (1 <= sp[1] <= sp[2] <= len(lines)):
            return None
        return " ".join(lines[sp[1] - 1:sp[2]])

    def lines_from(self, loc, k):
        name, n = loc.strip().rsplit(":", 1)
        n = n.split("-")[0]
        return [self.line(f"{name}:{int(n) + i}") or "" for i in range(k)]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def locs(v):
    return [l.strip() for l in (v or "").split(";") if l.strip()]


def load(ds):
    return {os.path.basename(p): read(p) for p in sorted(glob.glob(os.path.join(ds, "*.csv")))}


class References:
    """The numbered reference lists of the seeds, read from coproduction-reviews/references.csv
    (one row per entry, in list order): (file, n) -> (first line, last line) and back."""

    def __init__(self, rows, seeds):
        self.entry, self.number_at = {}, {}
        count = Counter()
        for r in rows:
            sp = seeds.span(locs(r["source"])[0]) if locs(r.get("source")) else None
            if not sp:
                continue
            count[(r["citing"], sp[0])] += 1
            n = int(r["number"]) if r.get("number") else count[(r["citing"], sp[0])]
            self.entry[(sp[0], n)] = (sp[1], sp[2])
            for k in range(sp[1], sp[2] + 1):
                self.number_at[(sp[0], k)] = n


def cited_numbers(text):
    out = set()
    for group in re.findall(r"\[(\d[\d,\s\u2013-]*)\]", text):
        for part in re.split(r",\s*", group):
            m = re.fullmatch(r"\s*(\d+)\s*(?:[\u2013-]\s*(\d+))?\s*", part)
            if m:
                a, b = int(m.group(1)), int(m.group(2) or m.group(1))
                out |= set(range(a, min(b, a + 50) + 1))
    return out


def check(ds, seeds, refs=None, csvs=None):
    problems = []
    name = os.path.basename(os.path.normpath(ds))

    def bad(file, i, msg):
        problems.append(f"{name}/{file}:{i + 2}: {msg}")

    csvs = csvs if csvs is not None else load(ds)
    works = csvs.get("works.csv", [])
    work_by_id = {w["id"]: w for w in works}
    work_ids = set(work_by_id)
    vocab = {}
    for fn, rows in csvs.items():
        if fn.endswith("vocabulary.csv"):
            vocab.update({r["id"]: r for r in rows})
    vocab_ids = set(vocab)

    # Table entries: a work's first source line and the lines after it, up to the next
    # work's line (at most 8 lines), when that first line is a short table cell.
    block = {}
    starts = defaultdict(list)
    for w in works:
        sp = seeds.span(locs(w.get("source"))[0]) if locs(w.get("source")) else None
        if sp:
            starts[sp[0]].append((sp[1], w["id"]))
    for f, lst in starts.items():
        lst.sort()
        for k, (n, wid) in enumerate(lst):
            text = seeds.line(f"{f}:{n}") or ""
            if len(text) > 160:
                continue
            end = min(lst[k + 1][0] if k + 1 < len(lst) else n + 8, n + 8)
            block[wid] = (f, n, end)

    def identifies(work, row_locs):
        """The row's cited lines identify `work` (see the module docstring)."""
        w = work_by_id[work]
        surname = fold(w.get("first_author", ""))
        texts = [seeds.line(l) or "" for l in row_locs]
        if surname and any(surname in fold(t) for t in texts):
            return True
        sp = seeds.span(row_locs[0]) if row_locs else None
        b = block.get(work)
        if sp and b and sp[0] == b[0] and b[1] <= sp[1] < b[2]:
            return True
        if refs is not None and surname:
            numbers = set()
            entries = []
            for l in row_locs:
                s2 = seeds.span(l)
                if not s2:
                    continue
                n = refs.number_at.get((s2[0], s2[1]))
                if n is not None and refs.entry.get((s2[0], n), (None,))[0] == s2[1]:
                    entries.append((s2[0], n, seeds.line(l) or ""))
                else:
                    numbers |= {(s2[0], x) for x in cited_numbers(seeds.line(l) or "")}
            if any((f, n) in numbers and surname in fold(t) for f, n, t in entries):
                return True
        return False

    for fn, rows in csvs.items():
        for i, r in enumerate(rows):
            if None in r or any(v is None for v in r.values()):
                bad(fn, i, "wrong number of fields (unquoted comma?)")
                continue
            for col in [c for c in r if c == "source" or c.endswith("_source")]:
                v = r.get(col)
                if not v:
                    if col == "source" and fn not in ("citing.csv",):
                        bad(fn, i, f"empty {col}")
                    continue
                for loc in locs(v):
                    if seeds.line(loc) is None:
                        bad(fn, i, f"{col} {loc!r} is not a seed line")
            for col, loccol in (("evidence", "source"), ("home_evidence", "home_source")):
                ev = r.get(col)
                if ev:
                    text = " ".join(seeds.line(l) or "" for l in locs(r[loccol]))
                    if norm(ev) not in norm(text):
                        bad(fn, i, f"{col} {ev!r} not on {r[loccol]}")
            layer = fn not in ("works.csv", "literatures.csv", "citing.csv", "venues.csv", "references.csv",
                               "matches.csv", "citations.csv", "identity-decisions.csv") and not fn.endswith("vocabulary.csv")
            if layer:
                row_locs = locs(r.get("source"))
                text = " ".join(seeds.line(l) or "" for l in row_locs)
                for col in ("work", "concept", "model", "from", "to"):
                    if col not in r:
                        continue
                    v = r[col]
                    if v in work_ids:
                        if not identifies(v, row_locs):
                            bad(fn, i, f"{r['source']} does not identify the work {v} "
                                       f"(no '{work_by_id[v]['first_author']}', not in its table entry, no [n] to its reference)")
                    elif v in vocab_ids:
                        other = r.get("work") or r.get("from") if col in ("concept", "model", "to") else None
                        if (name, fn, other, v) in RECORDED_WORDINGS:
                            continue
                        if not names_term(text, vocab[v]["label"], vocab[v].get("terms", "")):
                            bad(fn, i, f"{r['source']} does not name {vocab[v]['label']!r} ({v})")
                    else:
                        bad(fn, i, f"{col} {v!r} is neither a work nor a concept id")
                if r.get("relation") and not names_relation(r.get("evidence") or text, r["relation"]):
                    bad(fn, i, f"relation {r['relation']!r} is not worded on {r['source']}")
            if fn.endswith("vocabulary.csv") and r.get("source"):
                text = " ".join(seeds.line(l) or "" for l in locs(r["source"]))
                if not names_term(text, r["label"], r.get("terms", "")):
                    bad(fn, i, f"{r['source']} does not name {r['label']!r}")
    ids = Counter(w["id"] for w in works)
    for i, w in enumerate(works):
        if ids[w["id"]] > 1:
            bad("works.csv", i, f"duplicate id {w['id']}")
        ls = [l for l in locs(w["source"]) if seeds.span(l)]
        if not ls:
            continue
        # a citing article's first lines are its title and author list: any of them may name it
        named_on = ls if "citing" in w.get("role", "") else ls[:1]
        if not any(fold(w["first_author"]) in fold(seeds.line(l) or "") for l in named_on):
            bad("works.csv", i, f"{ls[0]} does not name {w['first_author']}")
        if w.get("year"):
            y = int(w["year"])
            printed = {int(x) for l in ls for x in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", seeds.line(l) or "")}
            exact = y in printed
            near = any(abs(y - x) <= 1 for x in printed)
            if not exact and not (near and len(ls) > 1):
                bad("works.csv", i, f"year {y} is not printed on {w['source']}")
        if name == "coproduction-reviews":
            continue
        if w.get("doi"):
            if len(ls) < 2:
                bad("works.csv", i, "doi without a reference-list location")
                continue
            ref = ls[1]
            if fold(w["first_author"]) not in fold(seeds.line(ref) or ""):
                bad("works.csv", i, f"{ref} does not name {w['first_author']}")
            joined = re.sub(r"\s+", "", " ".join(seeds.lines_from(ref, 3)))
            if w["doi"].lower() not in joined.lower():
                bad("works.csv", i, f"DOI {w['doi']} not printed at {ref}")
    if name == "coproduction-reviews":
        for i, c in enumerate(csvs.get("citations.csv", [])):
            w = work_by_id.get(c["cited"])
            if not w:
                bad("citations.csv", i, f"cited {c['cited']!r} is not a work")
                continue
            text = " ".join(seeds.line(l) or "" for l in locs(c["source"]))
            if fold(w["first_author"]) not in fold(text):
                bad("citations.csv", i, f"{c['source']} does not name {w['first_author']}")
            if w.get("year") and w["year"] not in text:
                bad("citations.csv", i, f"{c['source']} does not print the year {w['year']} of {c['cited']}")
        for i, m in enumerate(csvs.get("matches.csv", [])):
            w = work_by_id.get(m["node"])
            if not w:
                bad("matches.csv", i, f"node {m['node']!r} is not a work")
                continue
            # a not-merged row's second record is by definition another work
            for col in ("kept_source",) if m["method"] == "not-merged" else ("kept_source", "merged_source"):
                ls = locs(m[col])
                if ls and not any(fold(w["first_author"]) in fold(seeds.line(l) or "") for l in ls):
                    bad("matches.csv", i, f"{col} {ls[0]} does not name {w['first_author']}")
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


def cross(data, seeds):
    """Checks across the three datasets (`data`: dataset name -> {csv name: rows})."""
    problems = []
    reviews = data["coproduction-reviews"]
    decisions = reviews.get("identity-decisions.csv", [])
    recorded = defaultdict(set)  # decision kind -> {(id, other_id)} (both orders)
    for d in decisions:
        for a, b in ((d["id"], d["other_id"]), (d["other_id"], d["id"])):
            recorded[d["decision"]].add((a, b))
        if not d.get("reason", "").strip():
            problems.append(f"identity-decisions.csv: {d['id']} / {d['other_id']}: no reason")
        if d["decision"] not in ("doi-differs", "kept-apart"):
            problems.append(f"identity-decisions.csv: {d['id']} / {d['other_id']}: unknown decision {d['decision']!r}")
        ids_of = lambda n: {w["id"] for w in data.get(n, {}).get("works.csv", [])}
        if d["other_id"] not in ids_of(d["other_dataset"]):
            problems.append(f"identity-decisions.csv: {d['other_id']} is not a work of {d['other_dataset']}")
        if not any(d["id"] in ids_of(n) for n in data if n != d["other_dataset"]) and d["decision"] == "kept-apart":
            problems.append(f"identity-decisions.csv: {d['id']} is not a work of another dataset")
    for m in reviews.get("matches.csv", []):
        if m["method"] == "not-merged":
            # the node was kept apart from the record at merged_source / kept_source
            for col in ("kept_source", "merged_source"):
                recorded["kept-apart-at"].add((m["node"], locs(m[col])[0] if locs(m[col]) else ""))
    works = {n: {w["id"]: w for w in d.get("works.csv", [])} for n, d in data.items()}
    # one DOI, one id
    by_doi = defaultdict(set)
    for n, ws in works.items():
        for w in ws.values():
            if w.get("doi"):
                by_doi[w["doi"].lower()].add((n, w["id"]))
    for doi, owners in sorted(by_doi.items()):
        ids = {i for _, i in owners}
        datasets = {n for n, _ in owners}
        if len(ids) > 1 and len(datasets) > 1:
            # within one dataset two ids may share a printed DOI (matches.csv records it)
            per = defaultdict(set)
            for n, i in owners:
                per[n].add(i)
            if not all(per[a] & per[b] for a in per for b in per):
                problems.append(f"DOI {doi}: ids differ across datasets: "
                                + ", ".join(f"{n}:{i}" for n, i in sorted(owners)))
    # one id, one DOI
    names = sorted(works)
    for a in names:
        for b in names:
            if a >= b:
                continue
            for wid in sorted(set(works[a]) & set(works[b])):
                da, db = works[a][wid].get("doi", "").lower(), works[b][wid].get("doi", "").lower()
                if da != db and (wid, wid) not in recorded["doi-differs"]:
                    problems.append(f"{wid}: DOI {da or '(none)'} in {a} but {db or '(none)'} in {b}, "
                                    "and identity-decisions.csv records no reason")
    # merged here, merged there: reference-list entries that a works table lists as its own
    cited_at = defaultdict(set)
    for c in reviews.get("citations.csv", []):
        sp = seeds.span(locs(c["source"])[0])
        if sp:
            cited_at[(sp[0], sp[1])].add(c["cited"])
    for n in ("coproduction-models", "integrated-care-codelivery"):
        for w in works.get(n, {}).values():
            for l in locs(w["source"])[1:]:
                sp = seeds.span(l)
                if sp and (sp[0], sp[1]) in cited_at and w["id"] not in cited_at[(sp[0], sp[1])]:
                    problems.append(f"{n}: {w['id']} is the entry {l}, but coproduction-reviews cites "
                                    f"{sorted(cited_at[(sp[0], sp[1])])} there")
    for m in reviews.get("matches.csv", []):
        if m["method"] == "not-merged":
            continue
        known = [l for l in locs(m["merged_source"])]
        for n in ("coproduction-models", "integrated-care-codelivery"):
            w = works.get(n, {}).get(m["node"])
            if not w or not known or locs(w["source"])[0] != known[0]:
                continue
            entry = locs(m["kept_source"])[0] if locs(m["kept_source"]) else ""
            sp = seeds.span(entry)
            listed = {seeds.span(l)[:2] for l in locs(w["source"]) if seeds.span(l)}
            if sp and sp[:2] not in listed and (m["node"], m["node"]) not in recorded["doi-differs"]:
                problems.append(f"coproduction-reviews merges {m['node']} with {entry} ({m['method']}), but {n} "
                                f"does not list that entry for it, and identity-decisions.csv records no reason")
    # kept apart on purpose
    allw = [(n, w) for n in names for w in works[n].values()]
    for i, (na, wa) in enumerate(allw):
        for nb, wb in allw[i + 1:]:
            if na == nb or wa["id"] == wb["id"]:
                continue
            if fold(wa.get("first_author", "")) != fold(wb.get("first_author", "")):
                continue
            ya, yb = wa.get("year", ""), wb.get("year", "")
            if ya and yb and ya != yb:
                continue
            if (wa["id"], wb["id"]) in recorded["kept-apart"]:
                continue
            sa, sb = locs(wa["source"]), locs(wb["source"])
            if any((x["id"], l) in recorded["kept-apart-at"] for x, ls in ((wa, sb), (wb, sa)) for l in ls[:1]):
                continue
            problems.append(f"{na}:{wa['id']} and {nb}:{wb['id']}: same first author and year, two ids, "
                            "and no recorded reason (matches.csv not-merged or identity-decisions.csv kept-apart)")
    return problems


def main(argv):
    seeds_dir = os.path.join(ROOT, "..", "shared", "seeds")
    root = os.path.join(ROOT, "Datasets")
    for flag in ("--seeds", "--root"):
        if flag in argv:
            k = argv.index(flag)
            if flag == "--seeds":
                seeds_dir = argv[k + 1]
            else:
                root = argv[k + 1]
            argv = argv[:k] + argv[k + 2:]
    dirs = argv or [os.path.join(root, n) for n in DATASETS if os.path.isdir(os.path.join(root, n))]
    if not os.path.isdir(seeds_dir):
        print(f"seeds not found at {seeds_dir}; nothing checked")
        return 0
    seeds = Seeds(seeds_dir)
    data = {os.path.basename(os.path.normpath(d)): load(d) for d in dirs}
    refs = None
    if "coproduction-reviews" in data:
        refs = References(data["coproduction-reviews"].get("references.csv", []), seeds)
    status = 0
    for d in dirs:
        n = os.path.basename(os.path.normpath(d))
        p = check(d, seeds, refs, data[n])
        for line in p:
            print(line)
        print(f"{n}: {'OK' if not p else f'{len(p)} problem(s)'}")
        status |= bool(p)
    if all(n in data for n in DATASETS):
        p = cross(data, seeds)
        for line in p:
            print("across datasets: " + line)
        print(f"across datasets: {'OK' if not p else f'{len(p)} problem(s)'}")
        status |= bool(p)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
