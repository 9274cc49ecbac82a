"""Safe parsing of untrusted XML: no entities, no DTDs, no network, bounded size and depth.

Every refusal is a `Finding` with rule `XML`, never an exception: a bad message is data, not a failure.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from gateway.messages.findings import XML, Finding

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
"""The standard's limit on a message file (OP179), also the GGk exchange limit."""

PARSER_MAX_DEPTH = 256
"""libxml2 refuses deeper nesting unless told to parse 'huge' trees, which we never do."""


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """How much input one message may cost."""

    max_bytes: int = DEFAULT_MAX_BYTES


class ExternalResourceRefusedError(Exception):
    """A document asked for something outside itself (a DTD, an entity); we never fetch those."""


class _RefuseEverything(etree.Resolver):
    """Defence in depth: should libxml2 ever ask for an outside resource, it gets none."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        raise ExternalResourceRefusedError(system_url)


def _new_parser() -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        collect_ids=False,
        remove_blank_text=False,
    )
    parser.resolvers.add(_RefuseEverything())
    return parser


class SafeParser:
    """Parses bytes into an element tree, refusing anything a message has no business carrying.

    One instance per thread: lxml parsers keep state between documents.
    """

    def __init__(self, limits: ParseLimits | None = None) -> None:
        self.limits = limits or ParseLimits()
        self._parser = _new_parser()

    def parse(self, data: bytes) -> etree._Element | Finding:
        """The document's root element, or the one finding that explains why there is none."""
        if len(data) > self.limits.max_bytes:
            return _refusal(
                f"message of {len(data)} bytes exceeds the limit of {self.limits.max_bytes} bytes"
            )
        if not data:
            return _refusal("empty input: no XML document")
        try:
            root = etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError as exc:
            return _refusal(_syntax_detail(exc))
        except ExternalResourceRefusedError as exc:
            return _refusal(f"a reference to an outside resource ({exc}) is not allowed in an iWmo message")
        except (ValueError, LookupError) as exc:
            return _refusal(f"not readable as XML: {exc}")
        if root is None:
            return _refusal("no root element")
        docinfo = root.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
            return _refusal("a DOCTYPE declaration is not allowed in an iWmo message")
        return root


def _syntax_detail(exc: etree.XMLSyntaxError) -> str:
    message = exc.msg or str(exc)
    if "Excessive depth" in message or "Maximum nesting depth" in message:
        return f"elements nested deeper than {PARSER_MAX_DEPTH} levels"
    line, column = exc.position
    return f"not well-formed XML (line {line}, column {column}): {message}"


def _refusal(detail: str) -> Finding:
    return Finding(rule=XML, retourcode=None, locations=(), detail=detail)
