"""Batch runs: find every file in an inbox, parse in parallel, write records, register, manifest and index."""
