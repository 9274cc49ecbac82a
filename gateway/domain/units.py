"""Which Eenheid a claim line may have against an Omvang (TR341), and how volumes in them compare."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from gateway.domain.codes import Eenheid

_FINER: Mapping[str, tuple[str, int]] = MappingProxyType({Eenheid.UUR: (Eenheid.MINUUT, 60)})
"""An Eenheid that may also be claimed in a finer one (TR341), with how many of those make one."""


class UnitMismatchError(ValueError):
    """A volume in an Eenheid that the assignment may not be claimed in (TR341)."""


def counting_unit(assigned: str) -> str:
    """The finest Eenheid an Omvang in `assigned` may be claimed in: its counting unit.

    Volumes are compared in it (minutes for an Omvang in hours) so that every volume stays whole.
    """
    finer = _FINER.get(assigned)
    return assigned if finer is None else finer[0]


def fits(claimed: str, assigned: str) -> bool:
    """Whether a line in `claimed` may be booked on an Omvang in `assigned` (TR341)."""
    return claimed in (assigned, counting_unit(assigned))


def in_counting_unit(volume: int, eenheid: str, assigned: str) -> int:
    """`volume` in `eenheid`, expressed in the counting unit of an Omvang in `assigned`."""
    if not fits(eenheid, assigned):
        raise UnitMismatchError(f"a volume in Eenheid {eenheid} does not fit an Omvang in Eenheid {assigned}")
    finer = _FINER.get(assigned)
    return volume * finer[1] if finer is not None and eenheid == assigned else volume
