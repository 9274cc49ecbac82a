"""Schema validation against our XSDs, compiled once per process (and thread) and reused.

libxml2 (lxml `XMLSchema`) is the judge of validity; this module only turns what it says into findings.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from lxml import etree

from gateway.messages.findings import XSD, Finding
from gateway.messages.locations import element_path, resolve_libxml2_path

_ISTANDAARD = re.compile(
    r"\{http://www\.istandaarden\.nl/iwmo/[0-9_]+/(?:(wmo[0-9]{3})|basisschema)/schema\}"
)


class SchemaSet:
    """Compiled schemas by file, built on first use.

    lxml schema objects keep their last error log on themselves, so each thread gets its own.
    """

    def __init__(self) -> None:
        self._local = threading.local()

    def schema(self, path: Path) -> etree.XMLSchema:
        compiled: dict[Path, etree.XMLSchema] | None = getattr(self._local, "compiled", None)
        if compiled is None:
            compiled = self._local.compiled = {}
        schema = compiled.get(path)
        if schema is None:
            schema = compiled[path] = _compile(path)
        return schema

    def validate(self, path: Path, root: etree._Element) -> list[Finding]:
        """Every violation libxml2 reports, in its order, located on our element paths."""
        schema = self.schema(path)
        if schema.validate(root):
            return []
        return [_finding(root, entry) for entry in schema.error_log]


def _compile(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def _finding(root: etree._Element, entry: etree._LogEntry) -> Finding:
    element = resolve_libxml2_path(root, entry.path) if entry.path else None
    location = element_path(element) if element is not None else element_path(root)
    return Finding(rule=XSD, retourcode=None, locations=(location,), detail=readable(entry.message))


def readable(message: str) -> str:
    """libxml2's message with the standard's prefixes for its namespaces.

    `Element '{http://…/wmo301/schema}Volume'` reads `Element 'wmo301:Volume'`, and a Basisschema element
    `iwmo:Identificatie`, so a namespace mistake stays visible; other namespaces are left as they are.
    """
    return _ISTANDAARD.sub(lambda match: (match[1] or "iwmo") + ":", message).strip()
