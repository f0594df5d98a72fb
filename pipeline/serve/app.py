"""The web catalogue's pages: search, letter, register, 檔案目錄 and the original files, read-only over the index."""
from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, Response, abort, render_template, request, send_file, url_for
from jinja2 import FileSystemLoader
from markupsafe import Markup, escape

from pipeline.index import browse
from pipeline.index.catalogue import HEADER as CATALOGUE_HEADER, catalogue_rows
from pipeline.index.engine import open_read_only
from pipeline.index.refs import LetterRef, cited_by, cites
from pipeline.index.search import record_of
from pipeline.render.templates import templates_dir
from pipeline.serve.exports import csv_bytes, xlsx_bytes
from pipeline.serve.graph import Node, chain_to_svg
from pipeline.serve.originals import original_name, safe_original

PER_PAGE = 20
SORTS = {"relevance": "相關度", "date": "日期（新→舊）", "date-asc": "日期（舊→新）"}
FACET_LABELS = {"issuer": "發文機關", "year": "年度", "doc_type": "文別", "speed": "速別", "secrecy": "密等",
                "has_attachments": "附件"}
HIDDEN_SUBJECT = "（密件：主旨不顯示）"
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'self'; "
       "form-action 'self'; base-uri 'none'")
INLINE_TYPES = {".pdf": "application/pdf"}  # shown in the page; every other original is a download
# header fields of a letter record (表頭) → their label; the letter page lists them in this order
HEADER_FIELDS = {"doc_type": "文別", "issuer": "發文機關", "issuer_code": "機關代碼", "address": "地址",
                 "recipient": "受文者", "date": "發文日期", "dispatch_no": "發文字號", "speed": "速別",
                 "secrecy": "密等及解密條件", "file_no": "檔號", "retention": "保存年限", "co_issuers": "會銜機關",
                 "contact": "承辦人", "received": "收文", "complete": "完整"}
# keys inside header fields (承辦人, 收文) → their label; others show as they are
SUBFIELD_LABELS = {"name": "姓名", "unit": "單位", "phone": "電話", "fax": "傳真", "email": "電子郵件",
                   "level": "密等", "condition": "解密條件", "date": "日期", "number": "收文號", "agency": "機關"}
BODY_FIELDS = {"schema", "source", "subject", "sections", "attachments", "cc_main", "cc_copy", "references",
               "signature", "periods", "warnings", "meeting"}


def highlight(snippet: str) -> Markup:
    """Given a snippet whose hits are marked \\x02…\\x03, return it escaped with the hits in <mark>."""
    return Markup(str(escape(snippet)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def field_text(value) -> str:
    """Given a record field's value (text, date, 發文字號, list, dict), return it as one line for a clerk."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict):
        if "roc" in value and "iso" in value:
            return f"{value['roc']}（{value['iso']}）"
        if "text" in value and "number" in value:
            return value["text"] or ""
        return "；".join(f"{SUBFIELD_LABELS.get(k, k)}：{field_text(v)}" for k, v in value.items() if field_text(v))
    if isinstance(value, list):
        return "、".join(field_text(v) for v in value if field_text(v))
    return str(value)


def create_app(index_path: str | Path, originals: str | Path | None = None, show_classified: bool = False) -> Flask:
    """Given an index path, an originals folder (or None) and whether letters with a 密等 show in full, return the
    Flask application; raise InputError when the index cannot be opened."""
    open_read_only(index_path).close()  # fail now, with one line, when it is no index
    folder = templates_dir() / "serve"
    app = Flask(__name__, static_folder=str(folder / "static"), static_url_path="/static")
    app.jinja_loader = FileSystemLoader(str(folder))
    app.jinja_env.autoescape = True
    app.jinja_env.filters.update(highlight=highlight, field_text=field_text)
    originals_dir = Path(originals) if originals else None
    local = threading.local()

    def conn():
        """Return this thread's read-only connection to the index."""
        if not hasattr(local, "conn"):
            local.conn = open_read_only(index_path)
        return local.conn

    def visible(row: browse.Row) -> bool:
        """Given a letter header, return whether its body may be shown."""
        return show_classified or not row.secrecy

    def subject_of(row: browse.Row) -> str:
        """Given a letter header, return its 主旨, or a notice for a letter with a 密等 that is not shown."""
        return (row.subject or "") if visible(row) else HIDDEN_SUBJECT

    def page_url(**changes) -> str:
        """Return the current search URL with some parameters changed (None removes one)."""
        args = {k: v for k, v in request.args.items() if v}
        args.update(changes)
        args = {k: v for k, v in args.items() if v not in (None, "")}
        return url_for("search") + ("?" + urlencode(args) if args else "")

    def blocked_names() -> set[str]:
        """Return the originals (letters and attachments) of letters with a 密等, which are not served."""
        if show_classified or originals_dir is None:
            return set()
        names = set()
        for (doc_id,) in conn().execute("SELECT id FROM letters WHERE secrecy IS NOT NULL AND secrecy != ''"):
            source = browse.document_source(conn(), doc_id)[0]
            name = original_name(originals_dir, source)
            if name:
                names.add(name)
                parent = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
                record = record_of(conn(), doc_id)
                names.update(parent + a["file"] for a in record.get("attachments") or [] if a.get("file"))
        return names

    app.jinja_env.globals.update(subject_of=subject_of, visible=visible, page_url=page_url,
                                 FACET_LABELS=FACET_LABELS, SORTS=SORTS)

    @app.after_request
    def headers(response: Response) -> Response:
        """Forbid every resource that is not from this server, and framing by others."""
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.route("/")
    def search():
        """The search page: one box, facets, sort, pages; everything in the URL."""
        query = request.args.get("q", "").strip()
        sort = request.args.get("sort", "relevance")
        sort = sort if sort in SORTS else "relevance"
        page_no = max(1, request.args.get("page", 1, type=int) or 1)
        filters = {name: request.args[name] for name in browse.FACETS if request.args.get(name)}
        page = browse.search_page(conn(), query, filters, sort, page_no, PER_PAGE, show_classified)
        pages = max(1, -(-page.total // PER_PAGE))
        return render_template("search.html", query=query, sort=sort, page=page, page_no=page_no, pages=pages,
                               filters=filters)

    def ref_node(ref: LetterRef) -> Node:
        """Given an indexed letter, return its graph box."""
        return Node(ref.issuer or "", ref.dispatch_no or ref.date or "", url_for("letter", letter_id=ref.id))

    @app.route("/letter/<int:letter_id>")
    def letter(letter_id: int):
        """A letter's page: header, and unless it has a 密等 (without --show-classified) its body, recipients,
        attachments, original, references and their graph."""
        row = browse.letter_header(conn(), letter_id)
        if row is None:
            abort(404)
        record = record_of(conn(), letter_id)
        header = [(label, field_text(record.get(key))) for key, label in HEADER_FIELDS.items()
                  if field_text(record.get(key))]
        extra = [(key, field_text(value)) for key, value in record.items()
                 if key not in HEADER_FIELDS and key not in BODY_FIELDS and field_text(value)]
        context = dict(row=row, record=record, header=header, extra=extra, shown=visible(row))
        if visible(row):
            citations = cites(conn(), letter_id)
            me = LetterRef(row.id, row.issuer, row.date_iso, row.dispatch_no, row.subject)
            citing = cited_by(conn(), me)
            graph = chain_to_svg(
                [Node(c.issuer or c.kind or "", c.dispatch_no or c.text,
                      url_for("letter", letter_id=c.resolved.id) if c.resolved else None) for c in citations],
                Node(row.issuer or "", row.dispatch_no or "", ""), [ref_node(r) for r in citing])
            source = browse.document_source(conn(), letter_id)[0]
            name = original_name(originals_dir, source) if originals_dir else None
            parent = name.rsplit("/", 1)[0] + "/" if name and "/" in name else ""
            files = {a.get("file"): parent + a["file"] for a in record.get("attachments") or [] if a.get("file")
                     and originals_dir and safe_original(originals_dir, parent + a["file"])}
            context.update(citations=citations, citing=citing, graph=graph, original=name, attachment_files=files,
                           inline=bool(name) and Path(name).suffix.lower() in INLINE_TYPES)
        return render_template("letter.html", **context)

    @app.route("/files/<path:name>")
    def original(name: str):
        """An original file from --originals: PDF inline, anything else as a download; 404 outside the folder."""
        if originals_dir is None or name in blocked_names():
            abort(404)
        path = safe_original(originals_dir, name)
        if path is None:
            abort(404)
        mimetype = INLINE_TYPES.get(path.suffix.lower())
        return send_file(path, mimetype=mimetype or "application/octet-stream", as_attachment=mimetype is None,
                         download_name=path.name)

    def register_filters() -> dict[str, str]:
        """Return the register's filters from the URL: issuer, since, until (ISO dates)."""
        return {key: request.args.get(key, "").strip() for key in ("issuer", "since", "until")}

    @app.route("/register")
    def register():
        """The 收文登記簿: letters by date, filtered by 發文機關 and a date range."""
        filters = register_filters()
        rows = browse.register_rows(conn(), **filters)
        return render_template("register.html", rows=rows, filters=filters)

    def catalogue_table() -> list[list[str]]:
        """Return the 檔案目錄 rows, 主旨 hidden for letters with a 密等 unless --show-classified."""
        secret = set() if show_classified else {
            row[0] for row in conn().execute("SELECT dispatch_no FROM letters WHERE secrecy IS NOT NULL AND secrecy != ''")}
        subject = CATALOGUE_HEADER.index("案由/主旨")
        number = CATALOGUE_HEADER.index("字號")
        return [[HIDDEN_SUBJECT if i == subject and row[number] in secret else cell for i, cell in enumerate(row)]
                for row in catalogue_rows(conn())]

    @app.route("/catalogue")
    def catalogue():
        """The 檔案目錄 as a printable page."""
        return render_template("catalogue.html", header=CATALOGUE_HEADER, rows=catalogue_table())

    @app.route("/catalogue.csv")
    def catalogue_csv():
        """The 檔案目錄 as a CSV download."""
        return Response(csv_bytes(CATALOGUE_HEADER, catalogue_table()), mimetype="text/csv",
                        headers={"Content-Disposition": "attachment; filename=catalogue.csv"})

    @app.route("/catalogue.xlsx")
    def catalogue_xlsx():
        """The 檔案目錄 as an XLSX download."""
        return Response(xlsx_bytes(CATALOGUE_HEADER, catalogue_table()),
                        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": "attachment; filename=catalogue.xlsx"})

    return app
