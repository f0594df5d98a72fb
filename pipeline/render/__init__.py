"""Render the documents we write from records: replies (復函), circulars (函轉) and division tables.

Flow: profile.py (who we are) → compose.py (record → drafts) → numbering.py
(發文字號) → wording.py (templates/<kind>.j2 → 主旨, 說明) → layout.py → formats/
(ODT, HTML, text) → output.py (safe names, atomic writes).
"""
