"""Benchmarks of the site build at archive scale (`make bench`)."""
