"""Parsers: pure functions from text or blocks to the records of pipeline/records.py."""
