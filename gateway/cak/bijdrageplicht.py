"""Whether, and from when, a provision carries the eigen bijdrage: the gemeente's policy mapping decides.

The catalogue records per voorziening whether the CAK levies it (`cak`), from which day (`vanaf`:
begeleiding from 2026-01-01), whether clients under 18 pay too (`minderjarigen`: only
woningaanpassingen) and why it is exempt (`vrijstelling`: rolstoelen, collectief vervoer, financiële
tegemoetkomingen, beschermd wonen). Nothing about exemptions is written in code.
"""

from __future__ import annotations

from datetime import date

from gateway.cak.model import Reden, Span
from gateway.domain.products import Product
from gateway.policy import Policy
from gateway.policy.models import EigenBijdrage

MEERDERJARIG = 18


def eigen_bijdrage(policy: Policy, product: Product | None) -> EigenBijdrage | None:
    """The policy's eigen-bijdrage terms for an iWmo product; None when the policy cannot tell.

    A product with a code is looked up as it is. Without a code (an aspecific toewijzing), or with one
    the catalogue does not hold, the category decides only if all its voorzieningen agree.
    """
    if product is None:
        return None
    if product.code is not None:
        voorziening = policy.find(product.categorie, product.code)
        if voorziening is not None:
            return voorziening.eigen_bijdrage
    terms = {v.eigen_bijdrage for v in policy.voorzieningen if v.productcategorie == product.categorie}
    return terms.pop() if len(terms) == 1 else None


def counting_span(span: Span, terms: EigenBijdrage, geboortedatum: date) -> Span | Reden:
    """The part of `span` in which the provision carries the eigen bijdrage, or why it has none.

    The start moves to the day the eigen bijdrage begins (`vanaf`) and, unless minors pay too, to the
    client's 18th birthday; a client who comes of age during a provision owes it from then on.
    """
    if not terms.cak:
        return Reden.VRIJGESTELD
    begin, end = span
    why = Reden.LEEG
    if terms.vanaf is not None and begin < terms.vanaf:
        begin, why = terms.vanaf, Reden.VOOR_INGANG
    adult = coming_of_age(geboortedatum)
    if not terms.minderjarigen and begin < adult:
        begin, why = adult, Reden.MINDERJARIG
    if end is not None and end < begin:
        return why
    return (begin, end)


def coming_of_age(geboortedatum: date) -> date:
    """The 18th birthday; for someone born on 29 February, 1 March in a year without one."""
    year = geboortedatum.year + MEERDERJARIG
    try:
        return geboortedatum.replace(year=year)
    except ValueError:
        return date(year, 3, 1)
