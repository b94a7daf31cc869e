#!/usr/bin/env python3
"""Peer values for the scale algorithms (Leiden, citation projections).

Writes Tests/NetworkAlgorithmsTests/Fixtures/scale-values.json with:
  leiden      igraph's community_leiden(objective_function="modularity", n_iterations=-1)
              and community_multilevel() (Louvain), best and worst modularity over seeds
              on the undirected simple view of Zachary's karate club (NetworkX's copy)
              and of hep-th (../shared/data/networks/hep-th/hep-th-new-arcs.tsv): the best
              modularity over seeds 1..10 (Python's `random`, which igraph uses) and the
              worst, with igraph's own modularity of that partition;
  projections co-citation and bibliographic coupling of Cora (cora.cites reversed, so an
              arc means citing -> cited; self-loops and duplicate arcs dropped) computed
              with networkx.bipartite.weighted_projected_graph on the citing/cited
              bipartite graph: pair counts at weight >= 1, 2, 3, the sum of weights and
              every pair of weight >= 3 as [id, id, weight] (ids sorted, list sorted);
  betweenness exact directed betweenness of hep-th by igraph (self-loops and duplicate
              arcs dropped), normalised as Riondato & Kornaropoulos (2016): the raw sum
              over ordered pairs divided by n(n-1); the 100 highest as [id, value] and
              the 100th value (every other node lies at or below it). About a minute.

Deterministic; JSON with sorted keys. Run from anywhere:
    python3 scripts/peers/scale_values.py
"""
import json
import os
import random

import igraph
import networkx as nx
from networkx.algorithms import bipartite

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, "Tests", "NetworkAlgorithmsTests", "Fixtures", "scale-values.json")
DATA = os.environ.get("SILOSCOPE_SHARED_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))


def read_pairs(path, reverse):
    arcs = []
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b = line.split()[:2]
            arcs.append((b, a) if reverse else (a, b))
    return arcs


def leiden(name, edges, seeds=range(1, 11)):
    """Best and worst modularity of igraph's Leiden over seeds, undirected simple view."""
    nodes = sorted({x for e in edges for x in e})
    index = {v: i for i, v in enumerate(nodes)}
    pairs = {(min(index[a], index[b]), max(index[a], index[b])) for a, b in edges if a != b}
    g = igraph.Graph(n=len(nodes), edges=sorted(pairs))
    values = []
    for s in seeds:
        random.seed(s)
        c = g.community_leiden(objective_function="modularity", n_iterations=-1)
        values.append(g.modularity(c.membership))
    multilevel = []
    for s in seeds:
        random.seed(s)
        multilevel.append(g.modularity(g.community_multilevel().membership))
    return {"name": name, "nodes": len(nodes), "edges": len(pairs),
            "igraphBestModularity": max(values), "igraphWorstModularity": min(values),
            "igraphMultilevelBestModularity": max(multilevel),
            "igraphMultilevelWorstModularity": min(multilevel),
            "seeds": len(values)}


def projections(name, arcs):
    arcs = sorted({(a, b) for a, b in arcs if a != b})
    b = nx.Graph()
    citing = {("citing", a) for a, _ in arcs}
    cited = {("cited", v) for _, v in arcs}
    b.add_nodes_from(citing, bipartite=0)
    b.add_nodes_from(cited, bipartite=1)
    b.add_edges_from((("citing", a), ("cited", v)) for a, v in arcs)
    out = {"name": name, "arcs": len(arcs)}
    for key, side in (("coCitation", cited), ("bibliographicCoupling", citing)):
        p = bipartite.weighted_projected_graph(b, side)
        weights = [(min(u[1], v[1]), max(u[1], v[1]), d["weight"]) for u, v, d in p.edges(data=True)]
        out[key] = {
            "pairs": len(weights),
            "pairsWeight2": sum(1 for w in weights if w[2] >= 2),
            "pairsWeight3": sum(1 for w in weights if w[2] >= 3),
            "weightSum": sum(w[2] for w in weights),
            "heavy": sorted([list(w) for w in weights if w[2] >= 3]),
        }
    return out


def betweenness_top(name, arcs, top=100):
    nodes = sorted({x for e in arcs for x in e})
    index = {v: i for i, v in enumerate(nodes)}
    pairs = sorted({(index[a], index[b]) for a, b in arcs if a != b})
    g = igraph.Graph(n=len(nodes), edges=pairs, directed=True)
    n = len(nodes)
    values = [b / (n * (n - 1)) for b in g.betweenness(directed=True)]
    ranked = sorted(range(n), key=lambda i: (-values[i], nodes[i]))[:top]
    return {"name": name, "nodes": n, "directed": True,
            "top": [[nodes[i], values[i]] for i in ranked], "threshold": values[ranked[-1]]}


def main():
    karate = [(str(a), str(b)) for a, b in nx.karate_club_graph().edges()]
    result = {"leiden": [leiden("karate", karate)], "projections": [], "betweenness": []}
    hepth = os.path.join(DATA, "networks", "hep-th", "hep-th-new-arcs.tsv")
    if os.path.exists(hepth):
        result["leiden"].append(leiden("hep-th", read_pairs(hepth, False)))
        result["betweenness"].append(betweenness_top("hep-th", read_pairs(hepth, False)))
    cora = os.path.join(DATA, "networks", "cora", "cora.cites")
    if os.path.exists(cora):
        result["projections"].append(projections("cora", read_pairs(cora, True)))
    with open(FIXTURE, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
