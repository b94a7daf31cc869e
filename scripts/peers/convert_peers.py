#!/usr/bin/env python3
"""Peer readers for `siloscope convert`: do NetworkX and igraph read what we write?

For each case (a small graph of awkward labels, Cora with its labels, and an imported
WoS corpus) this script runs `siloscope convert` to GEXF, GraphML and Pajek, reads each
file back with NetworkX (read_gexf, read_graphml, read_pajek) and python-igraph
(Read_GraphML, Read_Pajek), and records what the peers read: node and arc counts, every
label, and every node attribute value, in node order. It also records the SHA-256 of
each file, so the Swift test (`ConvertPeerTests`) can check that the fixture describes
exactly the bytes `convert` writes today, and then compares the peers' readings with the
source data.

Run from the repository root after `swift build` (needs ../shared/data for Cora and the
corpus; those cases are skipped without it):

    python3 scripts/peers/convert_peers.py [--bin .build/debug/siloscope]

Writes Tests/siloscopeTests/Fixtures/convert-peers.json. Needs networkx and igraph
(`pip install networkx igraph`).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("SILOSCOPE_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))
FIX = os.path.join(ROOT, "Tests", "siloscopeTests", "Fixtures")

def cases():
    out = [{
        "name": "tricky",
        "args": ["Tests/siloscopeTests/Fixtures/convert/tricky.tsv",
                 "--nodes", "Tests/siloscopeTests/Fixtures/convert/tricky-nodes.csv",
                 "--color-by", "literature", "--size-by", "score"],
    }]
    cora = os.path.join(SHARED, "networks", "cora")
    if os.path.isdir(cora):
        out.append({
            "name": "cora",
            "args": [os.path.join(cora, "cora.cites"), "--reverse",
                     "--nodes", os.path.join(cora, "cora-labels-by-paper-id.tsv"),
                     "--metrics", "pagerank,inDegree,louvain", "--color-by", "class_name", "--size-by", "pagerank"],
        })
    else:
        print("convert_peers: no ../shared/data/networks/cora, Cora case skipped", file=sys.stderr)
    wos = os.path.join(SHARED, "corpora", "dse-citan", "wos.txt")
    if os.path.isfile(wos):
        # An imported corpus with literatures: `import` first (into $DATASET, a folder named
        # dse-wos, whose name GEXF records), then convert the dataset folder.
        out.append({
            "name": "corpus",
            "prepare": ["import", wos, "--literatures", "wos-category", "--out", "$DATASET"],
            "args": ["$DATASET", "--color-by", "literature", "--size-by", "cited_by"],
        })
    else:
        print("convert_peers: no ../shared/data/corpora/dse-citan/wos.txt, corpus case skipped", file=sys.stderr)
    return out

def stringify(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return repr(value)
    return str(value)

def sample(count):
    """Node indices recorded: all of a small graph; the first 20 and every 100th of a large one."""
    return [i for i in range(count) if count <= 100 or i < 20 or i % 100 == 0]

def nx_nodes(G, label_key):
    nodes = []
    items = list(G.nodes(data=True))
    for i in sample(len(items)):
        n, data = items[i]
        attrs = {k: stringify(v) for k, v in sorted(data.items()) if k not in ("viz",)}
        nodes.append({"index": i, "id": str(n), "label": data.get(label_key, str(n)), "attributes": attrs})
    return nodes

def ig_nodes(g, label_key):
    nodes = []
    for i in sample(g.vcount()):
        v = g.vs[i]
        attrs = {k: stringify(v[k]) for k in sorted(g.vs.attributes())}
        nodes.append({"index": i, "label": v[label_key], "attributes": attrs})
    return nodes

def works_table(path):
    """The imported dataset's works as Python's csv module reads them: count, and for the
    sampled nodes (works.csv order = node order) the id and the WoS categories, so the
    test can compare what the peers read with what the import wrote."""
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {"count": len(rows), "distinct_labels": len({r["label"] for r in rows}),
            "with_category": sum(1 for r in rows if r["category"]),
            "sampled": [{"index": i, "id": rows[i]["id"], "category": rows[i]["category"]} for i in sample(len(rows))]}

def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "siloscope"))
    args = parser.parse_args()
    result = {"generator": "scripts/peers/convert_peers.py",
              "versions": {"networkx": nx.__version__, "igraph": igraph.__version__},
              "cases": {}}
    with tempfile.TemporaryDirectory() as tmp:
        dataset = os.path.join(tmp, "dse-wos")
        for case in cases():
            entry = {"args": [a.replace(SHARED, "$SHARED") for a in case["args"]], "formats": {}}
            if "prepare" in case:
                entry["prepare"] = [a.replace(SHARED, "$SHARED") for a in case["prepare"]]
                subprocess.run([args.bin, *[a.replace("$DATASET", dataset) for a in case["prepare"]]],
                               cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            case["args"] = [a.replace("$DATASET", dataset) for a in case["args"]]
            for fmt, ext in (("gexf", "gexf"), ("graphml", "graphml"), ("pajek", "net")):
                path = os.path.join(tmp, f"{case['name']}.{ext}")
                subprocess.run([args.bin, "convert", *case["args"], "--to", fmt, "--out", path],
                               cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                rec = {"sha256": sha(path)}
                if fmt == "gexf":
                    G = nx.read_gexf(path, version="1.3")
                    rec["networkx"] = {"nodes": G.number_of_nodes(), "arcs": G.number_of_edges(),
                                       "directed": G.is_directed(), "nodes_read": nx_nodes(G, "label")}
                elif fmt == "graphml":
                    G = nx.read_graphml(path)
                    rec["networkx"] = {"nodes": G.number_of_nodes(), "arcs": G.number_of_edges(),
                                       "directed": G.is_directed(), "nodes_read": nx_nodes(G, "label")}
                    g = igraph.Graph.Read_GraphML(path)
                    rec["igraph"] = {"nodes": g.vcount(), "arcs": g.ecount(), "directed": g.is_directed(),
                                     "nodes_read": ig_nodes(g, "label")}
                else:
                    G = nx.read_pajek(path)
                    rec["networkx"] = {"nodes": G.number_of_nodes(), "arcs": G.number_of_edges(),
                                       "directed": G.is_directed(), "labels": [str(n) for n in G.nodes()][:100]}
                    g = igraph.Graph.Read_Pajek(path)
                    rec["igraph"] = {"nodes": g.vcount(), "arcs": g.ecount(), "directed": g.is_directed(),
                                     "labels": (g.vs["name"] if "name" in g.vs.attributes() else [])[:100]}
                entry["formats"][fmt] = rec
            if "prepare" in case:
                entry["works"] = works_table(os.path.join(dataset, "works.csv"))
            result["cases"][case["name"]] = entry
    out = os.path.join(FIX, "convert-peers.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {out}")

if __name__ == "__main__":
    main()
