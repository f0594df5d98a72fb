"""Validate DI and .sw files against the packaged 104 DTD while parsing (lxml), offline."""
from __future__ import annotations

from lxml import etree

from pipeline.exchange.conventions import dtd_folder

DTD_FILES = ("104_2_utf8.dtd", "104_5_utf8.dtd", "104_roster_utf8.dtd", "104_basic_utf8.ent", "104_exchange_utf8.ent")


class PackagedDtdResolver(etree.Resolver):
    """Resolve the 104 DTD files to the packaged copies; resolve anything else to nothing."""

    def resolve(self, system_url, public_id, context):
        name = (system_url or "").replace("\\", "/").rsplit("/", 1)[-1]
        if name in DTD_FILES:
            return self.resolve_filename(str(dtd_folder() / name), context)
        return self.resolve_empty(context)


def validating_parser() -> etree.XMLParser:
    """Return an lxml parser that validates against the DTD while parsing, with no network and no entity expansion."""
    parser = etree.XMLParser(dtd_validation=True, load_dtd=True, no_network=True, resolve_entities=False,
                             huge_tree=False)
    parser.resolvers.add(PackagedDtdResolver())
    return parser


def dtd_errors(data: bytes) -> list[str]:
    """Given a DI or .sw file's bytes, return its validity errors against the 104 DTD ([] when valid)."""
    try:
        etree.fromstring(data, validating_parser())
    except etree.XMLSyntaxError as exc:
        return [str(error.message) + f" (line {error.line})" for error in exc.error_log] or [str(exc)]
    return []
