"""Writes a retour message in its schema's element order, from its shape rather than per-message code.

What goes in is a description of content by local name; the writer puts each element where the retour
schema declares it, in the namespace the schema gives it (message namespace, or the Basisschema's for
children of its types) and rejects what the schema has no place for. A heen element given as content
is re-created in the retour: its children by name, in the retour's order, and where the retour gives
that element RetourCodes (always its last child) the codes the caller assigns to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeAlias

from lxml import etree

from gateway.messages.locations import local_name
from gateway.messages.registry import MessageType
from gateway.messages.retourclasses import RETOURCODES
from gateway.messages.shapes import MessageShape, Path_, message_shape
from gateway.messages.verdicts import Codes

Content: TypeAlias = "str | etree._Element | Mapping[str, Content | None] | list[Content]"
"""Text of a simple element; a heen element to re-create; the children of a complex element by local
name (None or left out: absent); or a list for an element that occurs several times."""

ROOT = "Bericht"
BASISSCHEMA_PREFIX = "iwmo"
"""The prefix the standard's examples use for the Basisschema namespace."""

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def retour_codes(codes: Codes) -> Mapping[str, Content | None]:
    """The content of a RetourCodes element."""
    return {"RetourCode": list(codes)}


class RetourWriter:
    """Builds one message of type `message`; `codes_of` gives the codes of each re-created class."""

    def __init__(
        self,
        message: MessageType,
        basisschema_namespace: str,
        codes_of: Callable[[etree._Element], Codes],
    ) -> None:
        self.shape: MessageShape = message_shape(message.schema)
        self.codes_of = codes_of
        self._children: dict[Path_, list[str]] = {}
        for path in self.shape.declarations:
            self._children.setdefault(path[:-1], []).append(path[-1])
        self._prefixes = {
            f"wmo{message.number}": self.shape.namespace,
            BASISSCHEMA_PREFIX: basisschema_namespace,
        }

    def write(self, contents: Mapping[str, Content | None]) -> bytes:
        """The whole message as UTF-8 bytes with an XML declaration."""
        root = etree.Element("{" + self.shape.namespace + "}" + ROOT, nsmap=self._prefixes)
        self._fill(root, (), contents)
        return DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=True)

    def _fill(self, parent: etree._Element, path: Path_, contents: Mapping[str, Content | None]) -> None:
        allowed = self._children.get(path, [])
        unknown = [name for name in contents if name not in allowed]
        if unknown:
            raise ValueError(f"the retour has no place for {unknown} under /{ROOT}/{'/'.join(path)}")
        for name in allowed:
            here = (*path, name)
            content = contents.get(name)
            if content is None:
                if self.shape.declarations[here].min_occurs > 0:
                    raise ValueError(f"/{ROOT}/{'/'.join(here)} is required in the retour")
                continue
            for item in content if isinstance(content, list) else [content]:
                self._add(parent, here, item)

    def _add(self, parent: etree._Element, path: Path_, item: Content) -> None:
        element = etree.SubElement(parent, self.shape.declarations[path].clark)
        if isinstance(item, str):
            element.text = item
        elif isinstance(item, Mapping):
            self._fill(element, path, item)
        elif isinstance(item, list):
            raise ValueError(f"/{ROOT}/{'/'.join(path)}: a list inside a list")
        else:
            self._recreate(element, path, item)

    def _recreate(self, element: etree._Element, path: Path_, source: etree._Element) -> None:
        if self.shape.declarations[path].base is not None:
            element.text = "".join(source.itertext())
            return
        children: dict[str, list[Content]] = {}
        for child in source.iterchildren(etree.Element):
            children.setdefault(local_name(child), []).append(child)
        contents: dict[str, Content | None] = dict(children)
        if (*path, RETOURCODES) in self.shape.declarations:
            contents[RETOURCODES] = retour_codes(self.codes_of(source))
        self._fill(element, path, contents)
