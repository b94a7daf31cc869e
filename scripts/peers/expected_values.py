#!/usr/bin/env python3
"""Expected values for Tests/NetworkAlgorithmsTests from peer libraries.

Runs NetworkX (and igraph as a cross-check) on
  (a) small named graphs defined in this file, and
  (b) the real networks in ../shared/data/networks (Cora, CiteSeer, hep-th and the six
      HistCite Pajek networks SmallW, SmaGri, SciMet, Kohonen, Lederberg, Zewail),
and writes JSON fixtures under Tests/NetworkAlgorithmsTests/Fixtures/:
  small-graphs.json   edges, groups and expected values of every small graph
  real-networks.json  counts, components, PageRank samples, bridging values; for Cora
                      and the HistCite networks also betweenness, closeness, harmonic
                      (top 20), core-number histogram and condensation

The HistCite .net files are read by `read_pajek`, which mirrors the project's Pajek
reader (ids "1".."n", an *Edges line is one arc, duplicates and self-loops kept), with
the arcs as written (cited -> citing; not reversed).

Deterministic: no randomness except a seeded random.Random for one generated graph;
JSON is written with sorted keys. Run from anywhere:
    python3 scripts/peers/expected_values.py
It takes about 3 minutes on the project's 2-core machine (NetworkX 3.6, one core):
~30 s for the small graphs, Cora, CiteSeer and hep-th, ~2.5 min for the HistCite
networks, mostly exact betweenness, closeness and harmonic centrality on Lederberg
(8,843 nodes / 41,609 arcs) and Zewail (6,752 / 54,253).
Conventions (the Swift code follows the same):
  * arc u -> v means "u cites v"; duplicate arcs and self-loops are kept (MultiDiGraph);
  * PageRank: damping 0.85, dangling mass spread by the teleport vector (uniform unless
    personalised), NetworkX iterated until the L1 change is below 1e-15;
  * bridging statistics on the undirected simple view (each linked pair once, no
    self-loops); mixing counts every directed arc (self-loops on the diagonal);
  * group order: names sorted by code point, "(missing)" last.
"""
import json
import math
import os
import random
import re
import sys

import networkx as nx

try:
    import igraph
except ImportError:  # igraph is only a cross-check
    igraph = None

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "NetworkAlgorithmsTests", "Fixtures")
DATA = os.environ.get("SILOSCOPE_SHARED_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
MISSING = "(missing)"
# NetworkX stops when the L1 change is below n * tol; we want an L1 change below
# PR_L1 whatever n is (with tol = 1e-15 alone, hep-th scores were still 5e-9 off).
PR_L1 = 1e-15


def multidigraph(nodes, arcs):
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    for a in arcs:
        if len(a) == 3:
            g.add_edge(a[0], a[1], weight=a[2])
        else:
            g.add_edge(a[0], a[1])
    return g


def simple_undirected(g):
    u = nx.Graph()
    u.add_nodes_from(g.nodes())
    u.add_edges_from((a, b) for a, b in g.edges() if a != b)
    return u


def group_order(labels):
    names = sorted({v for v in labels.values() if v is not None})
    if any(v is None for v in labels.values()):
        names.append(MISSING)
    return names


def group_of(labels, node):
    v = labels.get(node)
    return MISSING if v is None else v


def bridging(g, labels, exclude_missing=False):
    """Mixing, edge homophily, class-insensitive homophily, E-I (network, per group)."""
    names = group_order(labels)
    if exclude_missing and MISSING in names:
        names.remove(MISSING)
    index = {name: i for i, name in enumerate(names)}
    kept = {v for v in g.nodes() if group_of(labels, v) in index}
    k = len(names)
    mixing = [[0] * k for _ in range(k)]
    for a, b in g.edges():  # MultiDiGraph: every arc, self-loops included
        if a in kept and b in kept:
            mixing[index[group_of(labels, a)]][index[group_of(labels, b)]] += 1
    u = simple_undirected(g).subgraph(kept)
    internal = sum(1 for a, b in u.edges() if group_of(labels, a) == group_of(labels, b))
    edges = u.number_of_edges()
    external = edges - internal
    # class-insensitive homophily (Lim et al. 2021): edge ends per class
    same_ends = [0] * k
    all_ends = [0] * k
    sizes = [0] * k
    for v in kept:
        c = index[group_of(labels, v)]
        sizes[c] += 1
        for w in u.neighbors(v):
            all_ends[c] += 1
            if group_of(labels, w) == group_of(labels, v):
                same_ends[c] += 1
    n = len(kept)
    classes = sum(1 for s in sizes if s > 0)
    if classes >= 2 and n > 0:
        total = 0.0
        for c in range(k):
            if sizes[c] == 0:
                continue
            hk = same_ends[c] / all_ends[c] if all_ends[c] > 0 else 0.0
            total += max(0.0, hk - sizes[c] / n)
        insensitive = total / (classes - 1)
    else:
        insensitive = None
    ei_group = []
    for c in range(k):
        il = same_ends[c] // 2
        el = all_ends[c] - same_ends[c]
        ei_group.append((el - il) / (el + il) if el + il > 0 else None)
    result = {
        "groups": names,
        "groupSizes": sizes,
        "mixing": mixing,
        "edges": edges,
        "internalEdges": internal,
        "edgeHomophily": internal / edges if edges else None,
        "classInsensitiveHomophily": insensitive,
        "eiIndex": (external - internal) / edges if edges else None,
        "eiIndexByGroup": ei_group,
    }
    # Peer values from NetworkX: nominal assortativity (directed arcs) and modularity.
    if not exclude_missing and k >= 2:
        h = g.copy()
        for v in h.nodes():
            h.nodes[v]["group"] = group_of(labels, v)
        if h.number_of_edges() > 0:
            try:
                r = nx.attribute_assortativity_coefficient(h, "group")
                result["assortativity"] = None if r != r else r
            except ZeroDivisionError:
                result["assortativity"] = None
        communities = [set(v for v in g.nodes() if group_of(labels, v) == name) for name in names]
        communities = [c for c in communities if c]
        dg = nx.DiGraph()
        dg.add_nodes_from(g.nodes())
        # multiplicity as weight so duplicates count like in the Swift multigraph
        for a, b in g.edges():
            if dg.has_edge(a, b):
                dg[a][b]["weight"] += 1
            else:
                dg.add_edge(a, b, weight=1)
        if dg.number_of_edges() > 0:
            result["modularityDirected"] = nx.community.modularity(dg, communities, weight="weight")
        su = simple_undirected(g)
        if su.number_of_edges() > 0:
            result["modularityUndirected"] = nx.community.modularity(su, communities)
    return result


def pagerank_nx(g, personalization=None, weight="weight"):
    return nx.pagerank(g, alpha=0.85, personalization=personalization,
                       tol=PR_L1 / max(1, g.number_of_nodes()), max_iter=1_000_000, weight=weight)


def pagerank_igraph(nodes, arcs):
    if igraph is None:
        return None
    index = {v: i for i, v in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(index[a[0]], index[a[1]]) for a in arcs], directed=True)
    pr = ig.pagerank(damping=0.85, directed=True)
    return {v: pr[i] for v, i in index.items()}


def max_relative(a, b):
    """Largest relative difference, as the next power of ten above it.

    igraph's PRPACK result varies in the last digits from run to run on hep-th, so the
    exact figure would make the fixture non-deterministic; its decade does not."""
    d = max(abs(a[v] - b[v]) / max(abs(b[v]), 1e-300) for v in b)
    return 10.0 ** math.ceil(math.log10(d)) if d > 0 else 0.0


def components(g):
    weak = sorted((len(c) for c in nx.weakly_connected_components(g)), reverse=True)
    strong_sets = list(nx.strongly_connected_components(g))
    strong = sorted((len(c) for c in strong_sets), reverse=True)
    loops = nx.number_of_selfloops(g)
    return {
        "weakComponents": len(weak),
        "largestWeakComponent": weak[0] if weak else 0,
        "weakSizes": weak,
        "strongComponents": len(strong),
        "largestStrongComponent": strong[0] if strong else 0,
        "strongSizes": strong,
        "selfLoops": loops,
        "acyclic": loops == 0 and len(strong) == g.number_of_nodes(),
    }


def simple_digraph(g):
    """DiGraph without self-loops (each ordered pair once)."""
    d = nx.DiGraph()
    d.add_nodes_from(g.nodes())
    d.add_edges_from((a, b) for a, b in g.edges() if a != b)
    return d


def structure_and_centrality(g, nodes, with_hits=True):
    """Core numbers, betweenness, closeness, harmonic, HITS, condensation."""
    loopless = nx.MultiDiGraph()
    loopless.add_nodes_from(g.nodes())
    loopless.add_edges_from((a, b) for a, b in g.edges() if a != b)
    d = simple_digraph(g)
    u = simple_undirected(g)
    core_u = nx.core_number(u)
    out = {
        "coreUndirected": [core_u[v] for v in nodes],
        "betweennessDirected": [x for x in map(nx.betweenness_centrality(d, normalized=False).get, nodes)],
        "betweennessUndirectedNormalized": [x for x in map(nx.betweenness_centrality(u, normalized=True).get, nodes)],
        "closenessIncoming": [x for x in map(nx.closeness_centrality(d).get, nodes)],
        "closenessOutgoing": [x for x in map(nx.closeness_centrality(d.reverse()).get, nodes)],
        "harmonicIncoming": [x for x in map(nx.harmonic_centrality(d).get, nodes)],
        "closenessUndirected": [x for x in map(nx.closeness_centrality(u).get, nodes)],
    }
    if igraph is not None:
        index = {v: i for i, v in enumerate(nodes)}
        ig = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in loopless.edges()], directed=True)
        # igraph counts duplicate arcs with multiplicity (NetworkX refuses multigraphs)
        out["coreAll"] = ig.coreness(mode="all")
        out["coreIn"] = ig.coreness(mode="in")
        out["coreOut"] = ig.coreness(mode="out")
    # Katz (alpha 0.1 is below 1/lambda_max for these small graphs) and eigenvector
    # centrality where NetworkX converges (graphs with a cycle; not DAGs).
    # Multiplicity as weight and self-loops kept, like the Swift multigraph.
    dw = nx.DiGraph()
    dw.add_nodes_from(nodes)
    for a, b in g.edges():
        if dw.has_edge(a, b):
            dw[a][b]["weight"] += 1
        else:
            dw.add_edge(a, b, weight=1)
    try:
        k = nx.katz_centrality(dw, alpha=0.1, beta=1.0, tol=1e-15, max_iter=100000, weight="weight")
        out["katz"] = [k[v] for v in nodes]
    except nx.PowerIterationFailedConvergence:
        pass
    if not nx.is_directed_acyclic_graph(d):
        try:
            e = nx.eigenvector_centrality(dw, tol=1e-15, max_iter=100000, weight="weight")
            out["eigenvector"] = [e[v] for v in nodes]
        except nx.PowerIterationFailedConvergence:
            pass
    nan_to_none = lambda x: None if x != x else x
    for key, graph in (("Directed", d), ("Undirected", u)):
        con = nx.constraint(graph)
        eff = nx.effective_size(graph)
        out["constraint" + key] = [nan_to_none(con[v]) for v in nodes]
        out["effectiveSize" + key] = [nan_to_none(eff[v]) for v in nodes]
    c = nx.condensation(g)
    out["condensationNodes"] = c.number_of_nodes()
    out["condensationArcs"] = c.number_of_edges()
    if with_hits and g.number_of_edges() > 0:
        # HITS is only well defined when the top singular value of A is simple; NetworkX
        # (scipy svds) returns an arbitrary vector of the eigenspace otherwise, so the
        # fixture records HITS only for graphs with a clear gap.
        import numpy as np
        sv = np.linalg.svd(nx.to_numpy_array(g, nodelist=nodes), compute_uv=False)
        if len(sv) < 2 or sv[0] > sv[1] * (1 + 1e-6):
            # Reference values from a dense SVD (LAPACK, deterministic); NetworkX's hits
            # (ARPACK with a random start) must agree with them, but its last digits vary
            # from run to run, so they are not written.
            A = nx.to_numpy_array(g, nodelist=nodes)
            U, _, Vt = np.linalg.svd(A)
            hub = np.abs(U[:, 0]); auth = np.abs(Vt[0, :])
            hub = hub / hub.sum(); auth = auth / auth.sum()
            h, a = nx.hits(g, max_iter=100000, tol=1e-14)
            for ref, peer in ((hub, h), (auth, a)):
                worst = max(abs(ref[i] - peer[v]) for i, v in enumerate(nodes))
                assert worst < 1e-9, f"NetworkX hits disagrees with the SVD by {worst}"
            out["hubs"] = [float(x) for x in hub]
            out["authorities"] = [float(x) for x in auth]
            out["hitsSingularValueRatio"] = float(sv[1] / sv[0]) if len(sv) > 1 else 0.0
    return out


def inter_group_betweenness(g, nodes, labels):
    """Sum over groups of NetworkX's betweenness_centrality_subset(sources = group,
    targets = the other groups), directed and on the undirected simple view."""
    names = group_order(labels)
    d, u = simple_digraph(g), simple_undirected(g)
    out = {}
    for key, graph in (("interGroupBetweennessDirected", d), ("interGroupBetweennessUndirected", u)):
        total = {v: 0.0 for v in nodes}
        for name in names:
            src = [v for v in nodes if group_of(labels, v) == name]
            tgt = [v for v in nodes if group_of(labels, v) != name]
            b = nx.betweenness_centrality_subset(graph, src, tgt, normalized=False)
            for v in nodes:
                total[v] += b[v]
        out[key] = [total[v] for v in nodes]
    return out


def louvain_reference(nodes, edges):
    """Best modularity igraph's multilevel (Louvain) reaches on an undirected simple graph
    over 10 seeded runs (it shuffles nodes with Python's `random`)."""
    if igraph is None:
        return None
    index = {v: i for i, v in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges], directed=False)
    ig.simplify()
    best = None
    for seed in range(10):
        random.seed(seed)  # python-igraph draws from Python's `random`: fixed for a stable fixture
        q = ig.community_multilevel().modularity
        best = q if best is None else max(best, q)
    return best


def community_cases():
    """Zachary's karate club (as shipped with NetworkX) for Louvain."""
    k = nx.karate_club_graph()
    nodes = [f"k{v}" for v in k.nodes()]
    arcs = [[f"k{a}", f"k{b}"] for a, b in sorted(k.edges())]
    return [{"name": "karate", "nodes": nodes, "arcs": arcs,
             "igraphMultilevelModularity": louvain_reference(nodes, arcs)}]


def partition_agreement():
    """NMI and ARI from igraph.compare_communities on fixed membership vectors."""
    rng = random.Random(7)
    cases = [
        ("identical-renamed", [0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 4, 4]),
        ("split", [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]),
        ("crossed", [0, 1, 0, 1, 0, 1, 0, 1], [0, 0, 1, 1, 0, 0, 1, 1]),
        ("random40", [rng.randrange(3) for _ in range(40)], [rng.randrange(4) for _ in range(40)]),
    ]
    out = []
    for name, a, b in cases:
        entry = {"name": name, "a": a, "b": b}
        if igraph is not None:
            entry["nmi"] = igraph.compare_communities(a, b, method="nmi")
            entry["ari"] = igraph.compare_communities(a, b, method="adjusted_rand")
        out.append(entry)
    return out


def small_graphs():
    graphs = []

    def add(name, nodes, arcs, labels=None, personalization=None, note=""):
        graphs.append((name, nodes, arcs, labels, personalization, note))

    ids = lambda k: [f"n{i}" for i in range(k)]
    n = ids(5)
    add("path5", n, [(n[i], n[i + 1]) for i in range(4)],
        {n[0]: "A", n[1]: "A", n[2]: "B", n[3]: "B", n[4]: "B"}, note="n0->n1->...->n4")
    n = ids(6)
    add("in-star6", n, [(n[i], n[0]) for i in range(1, 6)],
        {n[0]: "hub", **{n[i]: "leaf" for i in range(1, 6)}}, note="five leaves cite the hub n0")
    n = ids(3)
    add("cycle3", n, [(n[0], n[1]), (n[1], n[2]), (n[2], n[0])], {n[0]: "A", n[1]: "A", n[2]: "B"})
    n = ids(5)
    add("cycle5", n, [(n[i], n[(i + 1) % 5]) for i in range(5)],
        {n[0]: "A", n[1]: "B", n[2]: "A", n[3]: "B", n[4]: "C"})
    n = ids(6)
    add("dag6", n, [(n[0], n[1]), (n[0], n[2]), (n[1], n[3]), (n[2], n[3]), (n[3], n[4]), (n[1], n[4]), (n[5], n[4])],
        {n[0]: "X", n[1]: "X", n[2]: "Y", n[3]: "Y", n[4]: "X", n[5]: "Y"})
    n = ids(6)
    add("two-triangles-bridge", n,
        [(n[0], n[1]), (n[1], n[2]), (n[2], n[0]), (n[3], n[4]), (n[4], n[5]), (n[5], n[3]), (n[2], n[3])],
        {n[0]: "A", n[1]: "A", n[2]: "A", n[3]: "B", n[4]: "B", n[5]: "B"})
    n = ids(5)
    add("dangling", n, [(n[0], n[1]), (n[0], n[2]), (n[1], n[2]), (n[3], n[2])],
        {n[0]: "A", n[1]: "B", n[2]: "A", n[3]: None, n[4]: "B"}, note="n2 and n4 dangling, n4 isolated, n3 unlabelled")
    add("dangling-personalized", n, [(n[0], n[1]), (n[0], n[2]), (n[1], n[2]), (n[3], n[2])],
        None, personalization={n[0]: 1.0, n[1]: 2.0, n[2]: 0.0, n[3]: 0.0, n[4]: 1.0})
    n = ids(4)
    add("multi-loops", n, [(n[0], n[1]), (n[0], n[1]), (n[1], n[1]), (n[1], n[2]), (n[2], n[0]), (n[3], n[2]), (n[3], n[2])],
        {n[0]: "A", n[1]: "B", n[2]: "A", n[3]: None}, note="duplicate arcs and a self-loop kept")
    n = ids(5)
    add("weighted", n, [(n[0], n[1], 2.0), (n[0], n[2], 1.0), (n[1], n[2], 0.5), (n[2], n[0], 3.0), (n[3], n[0], 1.0), (n[3], n[4], 4.0)],
        None, note="weighted PageRank")
    rng = random.Random(20261122)
    n = ids(60)
    arcs = []
    for _ in range(150):
        a, b = rng.randrange(60), rng.randrange(60)
        arcs.append((n[a], n[b]))
    labels = {v: rng.choice(["A", "B", "C", None]) for v in n}
    add("random60", n, arcs, labels, note="random.Random(20261122): 150 arcs, loops/duplicates possible")

    out = []
    for name, nodes, arcs, labels, personalization, note in graphs:
        g = multidigraph(nodes, arcs)
        weighted = any(len(a) == 3 for a in arcs)
        entry = {
            "name": name,
            "note": note,
            "nodes": nodes,
            "arcs": [list(a) for a in arcs],
            "inDegree": [g.in_degree(v) for v in nodes],
            "outDegree": [g.out_degree(v) for v in nodes],
        }
        entry.update(components(g))
        if not weighted:
            entry.update(structure_and_centrality(g, nodes))
        pr = pagerank_nx(g, personalization=personalization, weight="weight" if weighted else None)
        entry["pagerank"] = [pr[v] for v in nodes]
        if personalization is not None:
            entry["personalization"] = [personalization[v] for v in nodes]
        if not weighted and personalization is None:
            ipr = pagerank_igraph(nodes, arcs)
            if ipr is not None:
                entry["pagerankIgraphRelativeDifferenceBelow"] = max_relative(ipr, pr)
        if labels is not None:
            entry["labels"] = [labels[v] for v in nodes]
            entry["bridging"] = bridging(g, labels)
            if any(v is None for v in labels.values()):
                entry["bridgingExcludingMissing"] = bridging(g, labels, exclude_missing=True)
            if not weighted:
                entry.update(inter_group_betweenness(g, nodes, labels))
        out.append(entry)
    return out


def histogram(values):
    """[[value, count], ...] ascending by value."""
    counts = {}
    for x in values:
        counts[x] = counts.get(x, 0) + 1
    return [[k, counts[k]] for k in sorted(counts)]


def read_pairs(path, reverse):
    arcs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b = line.split()[:2]
            arcs.append((b, a) if reverse else (a, b))
    return arcs


def read_labels(path):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b = line.rstrip("\n").split("\t")[:2]
            labels[a] = b
    return labels


def network_entry(name, arcs_path, reverse, nodes, arcs, g):
    """Counts, components (10 largest sizes) and PageRank samples of a real network."""
    entry = {
        "name": name,
        "arcsFile": os.path.relpath(arcs_path, DATA),
        "reversed": reverse,
        "nodes": g.number_of_nodes(),
        "arcs": g.number_of_edges(),
        "nodesOnlyInArcsFile": len({v for a in arcs for v in a}),
        "duplicateArcs": len(arcs) - len(set(arcs)),
    }
    entry.update(components(g))
    for key in ("weakSizes", "strongSizes"):
        entry[key] = entry[key][:10]
    pr = pagerank_nx(g, weight=None)
    top = sorted(nodes, key=lambda v: (-pr[v], v))[:20]
    entry["pagerankTop20"] = [[v, pr[v]] for v in top]
    by_id = sorted(nodes)[:20]
    entry["pagerankFirst20ById"] = [[v, pr[v]] for v in by_id]
    entry["pagerankMin"] = min(pr.values())
    ipr = pagerank_igraph(nodes, arcs)
    if ipr is not None:
        entry["pagerankIgraphRelativeDifferenceBelow"] = max_relative(ipr, pr)
    return entry


def real_network(name, arcs_path, reverse, labels_path=None, nodes_path=None):
    arcs = read_pairs(arcs_path, reverse)
    nodes = []
    seen = set()

    def note(v):
        if v not in seen:
            seen.add(v)
            nodes.append(v)

    # Node order as a reader would intern them: the arcs file first, then any node
    # only listed in the labels / nodes file.
    for a, b in arcs:
        note(a)
        note(b)
    labels = read_labels(labels_path) if labels_path else None
    extra = []
    if labels:
        extra += list(labels)
    if nodes_path:
        extra += [line.split()[0] for line in open(nodes_path, encoding="utf-8") if line.strip() and not line.startswith("#")]
    for v in extra:
        note(v)
    g = multidigraph(nodes, arcs)
    entry = network_entry(name, arcs_path, reverse, nodes, arcs, g)
    if name == "cora":
        extra = structure_and_centrality(g, nodes, with_hits=False)
        for key in ("betweennessDirected", "betweennessUndirectedNormalized", "closenessIncoming",
                    "harmonicIncoming", "closenessUndirected", "closenessOutgoing"):
            values = dict(zip(nodes, extra[key]))
            top = sorted(nodes, key=lambda v: (-values[v], v))[:20]
            entry[key + "Top20"] = [[v, values[v]] for v in top]
        entry["coreUndirectedMax"] = max(extra["coreUndirected"])
        entry["coreUndirectedHistogram"] = histogram(extra["coreUndirected"])
        if "coreAll" in extra:
            entry["coreAllHistogram"] = histogram(extra["coreAll"])
        entry["condensationNodes"] = extra["condensationNodes"]
        entry["condensationArcs"] = extra["condensationArcs"]
    if name in ("cora", "hep-th"):
        su = simple_undirected(g)
        entry["igraphMultilevelModularity"] = louvain_reference(list(su.nodes()), list(su.edges()))
    if name == "hep-th":
        u = simple_undirected(g)
        core = nx.core_number(u)
        entry["coreUndirectedHistogram"] = histogram(list(core.values()))
        c = nx.condensation(g)
        entry["condensationNodes"] = c.number_of_nodes()
        entry["condensationArcs"] = c.number_of_edges()
    if labels is not None:
        entry["labelsFile"] = os.path.relpath(labels_path, DATA)
        lab = {v: labels.get(v) for v in nodes}
        entry["bridging"] = bridging(g, lab)
    return entry


HISTCITE = [  # (fixture name, folder under networks/, Pajek file)
    ("histcite-smallw", "histcite-smallw", "SmallW.net"),
    ("histcite-smagri", "histcite-smagri", "SmaGri.net"),
    ("histcite-scimet", "histcite-scimet", "SciMet.net"),
    ("histcite-kohonen", "histcite-kohonen", "Kohonen.net"),
    ("histcite-lederberg", "histcite-lederberg", "Lederberg.net"),
    ("histcite-zewail", "histcite-zewail", "Zewail.net"),
]


def read_pajek(path):
    """(nodes, arcs) of a Pajek .net file, mirroring Sources/NetworkCore/IO/PajekReader.swift.

    Nodes are the vertex numbers "1".."n" in that order. Lines are split on LF, a UTF-8
    BOM is skipped, tokens are separated by space, tab or CR; empty lines and lines
    starting with '%' are skipped; section names are matched in any case. `*Arcs` /
    `*Edges` lines `u v [weight]` and `*Arcslist` / `*Edgeslist` lines `u v1 v2 ...`
    each give arcs u -> v in file order; an `*Edges` line is ONE arc u -> v (not
    doubled), as in the Swift reader. Duplicates and self-loops are kept. Only the first
    network is read (a second `*Network` / `*Vertices` ends it); `*Partition` / `*Vector`
    blocks are skipped. Weighted lines are refused: this script compares unweighted
    measures, and the HistCite files have no weights."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="replace")
    blank = re.compile(r"[ \t\r]+")

    def tokens(line):
        return [t for t in blank.split(line) if t]

    n = None
    arcs = []
    section = None
    network_done = False
    awaiting_block = False

    def vertex(token, number):
        t = token[1:] if token.startswith("+") else token
        if not (t.isascii() and t.isdigit()) or not 1 <= int(t) <= n:
            raise ValueError(f"{path}:{number}: expected a vertex number in 1..{n}, found {token!r}")
        return str(int(t))

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(" \t\r")
        if not line or line.startswith("%"):
            continue
        if line.startswith("*"):
            head = tokens(line[1:])
            keyword = head[0].lower() if head else ""
            if keyword == "vertices":
                if awaiting_block:  # header of a *Partition / *Vector block
                    awaiting_block = False
                    section = "block"
                elif n is not None:  # a second network
                    network_done = True
                    section = "skip"
                else:
                    n = int(head[1])
                    section = "vertices"
            elif keyword == "network":
                if n is not None:
                    network_done = True
                section = "skip" if network_done else None
            elif keyword in ("arcs", "edges", "arcslist", "edgeslist"):
                section = "skip" if network_done else keyword
            elif keyword in ("partition", "vector"):
                awaiting_block = True
                section = "skip"
            else:
                raise ValueError(f"{path}:{number}: unsupported Pajek section {line!r}")
            continue
        if section is None:
            raise ValueError(f"{path}:{number}: data before the first section header")
        if section in ("vertices", "skip", "block"):
            if section == "vertices":
                vertex(tokens(line)[0], number)
            continue
        t = tokens(line)
        u = vertex(t[0], number)
        if section in ("arcs", "edges"):
            if len(t) > 2:
                raise ValueError(f"{path}:{number}: weighted arcs are not handled by this script")
            arcs.append((u, vertex(t[1], number)))
        else:
            arcs.extend((u, vertex(b, number)) for b in t[1:])
    if n is None:
        raise ValueError(f"{path}: no *Vertices section")
    return [str(k) for k in range(1, n + 1)], arcs


def top20(nodes, values):
    """[[id, value], ...] of the 20 largest values, ties by id (code point order)."""
    top = sorted(nodes, key=lambda v: (-values[v], v))[:20]
    return [[v, values[v]] for v in top]


def histcite_network(name, folder, file):
    """A HistCite Pajek network read as written (arcs cited -> citing, not reversed):
    the counts, components and PageRank of `network_entry`, plus directed betweenness
    (unnormalised), incoming closeness (Wasserman-Faust), incoming harmonic centrality
    (top 20 each, on the simple digraph: no self-loops, each ordered pair once), the
    undirected core-number histogram and the condensation."""
    path = os.path.join(DATA, "networks", folder, file)
    nodes, arcs = read_pajek(path)
    g = multidigraph(nodes, arcs)
    entry = network_entry(name, path, False, nodes, arcs, g)
    d = simple_digraph(g)
    entry["betweennessDirectedTop20"] = top20(nodes, nx.betweenness_centrality(d, normalized=False))
    entry["closenessIncomingTop20"] = top20(nodes, nx.closeness_centrality(d))
    entry["harmonicIncomingTop20"] = top20(nodes, nx.harmonic_centrality(d))
    core = nx.core_number(simple_undirected(g))
    entry["coreUndirectedMax"] = max(core.values())
    entry["coreUndirectedHistogram"] = histogram(list(core.values()))
    c = nx.condensation(g)
    entry["condensationNodes"] = c.number_of_nodes()
    entry["condensationArcs"] = c.number_of_edges()
    entry["condensationLevels"] = nx.dag_longest_path_length(c) + 1
    return entry


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    versions = {"python": sys.version.split()[0], "networkx": nx.__version__,
                "igraph": igraph.__version__ if igraph else None}
    small = {"generator": "scripts/peers/expected_values.py", "versions": versions,
             "pagerankL1Change": PR_L1, "graphs": small_graphs(),
             "partitionAgreement": partition_agreement(), "communities": community_cases()}
    with open(os.path.join(FIXTURES, "small-graphs.json"), "w", encoding="utf-8") as f:
        json.dump(small, f, indent=1, sort_keys=True)
        f.write("\n")
    nets = os.path.join(DATA, "networks")
    if not os.path.isdir(nets):
        print(f"no shared data at {DATA}: real-networks.json not written", file=sys.stderr)
        return
    real = {"generator": "scripts/peers/expected_values.py", "versions": versions,
            "pagerankL1Change": PR_L1, "networks": [
                real_network("cora", os.path.join(nets, "cora", "cora.cites"), True,
                             labels_path=os.path.join(nets, "cora", "cora-labels-by-paper-id.tsv")),
                real_network("citeseer", os.path.join(nets, "citeseer", "citeseer.cites"), True,
                             labels_path=os.path.join(nets, "citeseer", "citeseer-labels-by-paper-id.tsv")),
                real_network("hep-th", os.path.join(nets, "hep-th", "hep-th-new-arcs.tsv"), False),
            ] + [histcite_network(*case) for case in HISTCITE
                 if os.path.exists(os.path.join(nets, case[1], case[2]))]}
    with open(os.path.join(FIXTURES, "real-networks.json"), "w", encoding="utf-8") as f:
        json.dump(real, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    # NetworkX's assortativity iterates a set of attribute values: fix string hashing so
    # the last digits (summation order) are the same on every run.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    main()
