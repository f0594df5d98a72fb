"""Render the documents we write from records: replies (復函), circulars (函轉) and division tables.

Flow: profile.py (who we are) → compose.py (record → drafts) → numbering.py
(發文字號 register) → wording.py (templates/<kind>.j2 → 主旨, 說明) → layout.py →
formats/ (ODT, HTML, text, DI) → output.py (safe names, atomic writes); produce.py
runs that chain for one record. templates.py finds templates/ and builds the Jinja
environments; libreoffice.py converts ODT to PDF for checks and pictures.
"""
