"""Benchmarks of the product against baselines measured in the same run (see RESULTS.md)."""
