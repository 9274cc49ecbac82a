"""Level 1 of the standard's checks: is this a well-formed, schema-valid message, and which one?"""

from __future__ import annotations

from lxml import etree

from gateway.messages.findings import XSD, Finding, Report
from gateway.messages.locations import element_path, local_name
from gateway.messages.parsing import SafeParser
from gateway.messages.registry import Registry
from gateway.messages.schemas import SchemaSet


class MessageChecker:
    """Parses, identifies and schema-validates messages; one per thread, reused for many messages."""

    def __init__(self, registry: Registry, schemas: SchemaSet, parser: SafeParser | None = None) -> None:
        self.registry = registry
        self.schemas = schemas
        self.parser = parser or SafeParser()

    def check(self, data: bytes) -> Report:
        parsed = self.parser.parse(data)
        if isinstance(parsed, Finding):
            return Report(message=None, findings=[parsed])
        message = self.registry.by_namespace(namespace_of(parsed))
        if message is None:
            return Report(message=None, findings=[self._unknown_type(parsed)], tree=parsed)
        findings = self.schemas.validate(message.schema, parsed)
        return Report(message=message, findings=findings, tree=parsed, schema_valid=not findings)

    def _unknown_type(self, root: etree._Element) -> Finding:
        namespace = namespace_of(root)
        detail = (
            f"root element '{local_name(root)}' in namespace '{namespace}' is not a message of "
            f"a supported release ({', '.join(r.release for r in self.registry.releases)})"
        )
        berichtcode = _berichtcode(root)
        if berichtcode:
            known = self.registry.by_berichtcode(berichtcode)
            if known:
                detail += (
                    f"; BerichtCode {berichtcode} is {known[0].code}, whose namespace is "
                    f"'{known[0].namespace}'"
                )
        return Finding(rule=XSD, retourcode=None, locations=(element_path(root),), detail=detail)


def namespace_of(element: etree._Element) -> str:
    """The element's namespace URI ('' for none), read straight off its Clark-notation tag."""
    tag = element.tag
    assert isinstance(tag, str)
    return tag[1 : tag.index("}")] if tag.startswith("{") else ""


def _berichtcode(root: etree._Element) -> str | None:
    for header in root.iterchildren(etree.Element):
        if local_name(header) != "Header":
            continue
        for child in header.iterchildren(etree.Element):
            if local_name(child) == "BerichtCode":
                return (child.text or "").strip()
    return None
