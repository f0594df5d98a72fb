"""The archival catalogue (檔案目錄) rows for the 檔案管理 system, from the index."""
from __future__ import annotations

import sqlite3

HEADER = ["檔號", "保存年限", "案由/主旨", "發文機關", "日期", "字號", "附件", "來源檔案"]


def catalogue_rows(conn: sqlite3.Connection) -> list[list[str]]:
    """Return one row a letter (HEADER's columns), by date then 發文字號; 附件 titles joined with 、; 來源檔案 the file it
    was read from (the one column a partial letter without 主旨, issuer, date or number is still found by)."""
    rows = conn.execute(
        """
        SELECT l.file_no, l.retention, l.subject, l.issuer, l.date_roc, l.dispatch_no,
               (SELECT group_concat(coalesce(a.title, a.file, ''), '、')
                  FROM (SELECT title, file FROM attachments WHERE document_id = l.id ORDER BY position) a),
               (SELECT d.source_path FROM documents d WHERE d.id = l.id)
        FROM letters l ORDER BY l.date_iso NULLS FIRST, l.dispatch_no NULLS FIRST, l.id
        """)
    return [[value or "" for value in row] for row in rows]
