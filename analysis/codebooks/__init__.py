"""Codebooks shipped with Rondetafel (data only): ``default.yaml`` and its examples."""
