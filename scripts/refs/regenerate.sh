#!/bin/sh
# Regenerates Datasets/coproduction-reviews/{works,citations,references,matches}.csv from the
# seeds (../shared/seeds), citing.csv, venues.csv and the works.csv of coproduction-models and
# integrated-care-codelivery (known works),
# with the Swift builder ReferenceListDataset (the same code the test compares against).
# Usage (from the package root): scripts/refs/regenerate.sh
# SILOSCOPE_SEEDS and SILOSCOPE_MODELS_WORKS override the inputs' locations.
set -eu
cd "$(dirname "$0")/../.."
SILOSCOPE_REGENERATE=1 swift test --filter CoproductionReviewsDatasetTests
