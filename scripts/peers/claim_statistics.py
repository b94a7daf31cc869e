#!/usr/bin/env python3
"""Expected values for the claim statistics (Sources/NetworkAlgorithms/Statistics) from
scipy and statsmodels: Fisher's exact test, Wilson intervals, Newcombe's hybrid score
interval for a difference of proportions, Woolf's odds-ratio interval.

    pip install scipy statsmodels
    python3 scripts/peers/claim_statistics.py > Tests/NetworkAlgorithmsTests/Fixtures/claim-statistics.json

Tables are [[a, b], [c, d]] (rows: claimed group, comparison group; columns: draws on
the target yes, no). The first tables are the coproduction-models claims and their
sensitivity scenarios; the rest exercise edge cases (zeros, ties, large counts).
"""
import json
import sys

import scipy
import statsmodels
from scipy.stats import fisher_exact
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint
from statsmodels.stats.contingency_tables import Table2x2

TABLES = [
    (0, 12, 15, 46),   # coproduction-models, practice HSR/QI vs the rest
    (0, 13, 15, 45),
    (0, 11, 15, 47),
    (0, 10, 15, 48),
    (0, 12, 5, 18),    # vs outside PAM and Sociology
    (0, 22, 5, 46),    # SDL/PSDL
    (3, 1, 1, 3),      # Fisher's tea tasting
    (56, 14, 48, 32),  # Newcombe (1998) example: 56/70 vs 48/80
    (9, 1, 2, 8),
    (7, 0, 0, 7),
    (0, 5, 0, 5),      # nobody draws on the target
    (5, 0, 5, 0),      # everybody does
    (1, 9, 10, 0),
    (120, 380, 95, 405),
    (2, 3, 3, 2),      # two-sided ties
]


def main():
    out = {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "tables": []}
    for a, b, c, d in TABLES:
        row = {"table": [a, b, c, d]}
        for alt in ("two-sided", "less", "greater"):
            row["fisher_" + alt.replace("-", "_")] = float(fisher_exact([[a, b], [c, d]], alternative=alt).pvalue)
        for name, x, n in (("share1", a, a + b), ("share2", c, c + d)):
            lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
            row[name] = [float(lo), float(hi)]
        lo, hi = confint_proportions_2indep(a, a + b, c, c + d, method="newcomb", compare="diff", alpha=0.05)
        row["risk_difference"] = [a / (a + b) - c / (c + d), float(lo), float(hi)]
        corrected = 0 in (a, b, c, d)
        # Haldane's correction: 0.5 added to every cell when one is zero (done here, not
        # by Table2x2's shift_zeros, whose handling differs between statsmodels versions).
        s = 0.5 if corrected else 0.0
        t = Table2x2([[a + s, b + s], [c + s, d + s]], shift_zeros=False)
        lo, hi = t.oddsratio_confint(alpha=0.05, method="normal")
        row["odds_ratio"] = [float(t.oddsratio), float(lo), float(hi)]
        row["odds_ratio_corrected"] = corrected
        out["tables"].append(row)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
