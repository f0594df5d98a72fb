"""ODT writer: templates/odt/<layout>.xml and styles.xml, zipped as an OpenDocument text file."""
from __future__ import annotations

import io
import re
import zipfile
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from markupsafe import Markup, escape

from pipeline.errors import InputError
from pipeline.render.templates import environment, render_template

EXTENSION = "odt"
MIMETYPE = "application/vnd.oasis.opendocument.text"
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SPACE_RUN = re.compile(r"(^|\n)( +)| {2,}")

MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def _spaces(match: re.Match) -> str:
    """Given a run of spaces (after a line start or inside text), return its ODF markup."""
    if match.group(2) is not None:  # leading spaces are all dropped by ODF unless written as text:s
        return f'{match.group(1)}<text:s text:c="{len(match.group(2))}"/>'
    return f' <text:s text:c="{len(match.group(0)) - 1}"/>'


def odf_text(value) -> Markup:
    """Given a value, return it escaped as ODF paragraph content (line breaks, tabs and space runs kept)."""
    text = XML_INVALID.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    text = SPACE_RUN.sub(_spaces, str(escape(text)))
    return Markup(text.replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>"))


def check_xml(text: str, template: str) -> bytes:
    """Given rendered XML and its template name, return it as UTF-8; raise InputError when ill-formed."""
    data = text.encode("utf-8")
    try:
        SafeET.fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException) as exc:
        raise InputError(template, f"template produced invalid XML: {exc}") from None
    return data


def render(layout: str, context: dict) -> bytes:
    """Given a layout name (letter / table) and its context, return the ODT file's bytes."""
    env = environment("odt", autoescape=True, odf_text=odf_text)
    content = check_xml(render_template(env, f"{layout}.xml", context), f"odt/{layout}.xml")
    styles = check_xml(render_template(env, "styles.xml", context), "odt/styles.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        odt.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        odt.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
        odt.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
