"""From cross-message findings to the retour's verdict, and which claim lines a verdict accepts."""

from __future__ import annotations

import pytest

from gateway.domain.crossrules import CrossFinding, line_codes, verdict_of
from gateway.messages.verdicts import Accepted, ClassRejection, HeaderRejection, TechnicalRejection

HEADER = "/Bericht/Header"
DECLARATIE = "/Bericht/Declaratie"
CLIENT = "/Bericht/Declaratie/Clienten/Client[1]"
LINE_1 = f"{CLIENT}/Prestaties/Prestatie[1]"
LINE_2 = f"{CLIENT}/Prestaties/Prestatie[2]"


def finding(rule: str, retourcode: str | None, location: str) -> CrossFinding:
    return CrossFinding(rule, retourcode, location, "detail")


def test_no_findings_accept_the_message() -> None:
    assert verdict_of([]) == Accepted()


def test_a_finding_on_the_header_rejects_there_and_leaves_the_classes_out() -> None:
    findings = [
        finding("TR307", "9307", LINE_1),
        finding("TR056", "9056", HEADER),
        finding("TR135", "8848", HEADER),
    ]
    assert verdict_of(findings) == HeaderRejection(("9056", "8848"))


def test_class_findings_give_each_class_its_codes_once_in_rule_order() -> None:
    findings = [
        finding("TR307", "9307", LINE_1),
        finding("TR321", "9321", LINE_2),
        finding("TR322", "9322", LINE_2),
        finding("TR322", "9322", LINE_2),
    ]
    assert verdict_of(findings) == ClassRejection({LINE_1: ("9307",), LINE_2: ("9321", "9322")})


def test_a_finding_on_the_declaratie_rejects_the_claim_and_drops_the_line_codes() -> None:
    findings = [finding("TR307", "9307", LINE_1), finding("TR333", "9333", DECLARATIE)]
    assert verdict_of(findings) == ClassRejection({DECLARATIE: ("9333",)})


def test_a_finding_without_retourcode_cannot_be_answered() -> None:
    with pytest.raises(ValueError, match="TR337 has no retourcode"):
        verdict_of([finding("TR337", None, HEADER)])


def test_an_accepted_claim_accepts_every_line() -> None:
    assert line_codes(Accepted(), 1, 2) == ()


def test_a_line_rejection_rejects_only_its_line() -> None:
    verdict = ClassRejection({LINE_2: ("9321",)})
    assert (line_codes(verdict, 1, 1), line_codes(verdict, 1, 2)) == ((), ("9321",))


def test_a_client_rejection_rejects_each_of_its_lines_with_the_clients_codes() -> None:
    verdict = ClassRejection({CLIENT: ("8187",), LINE_2: ("9321",)})
    assert (line_codes(verdict, 1, 1), line_codes(verdict, 1, 2), line_codes(verdict, 2, 1)) == (
        ("8187",),
        ("8187", "9321"),
        (),
    )


@pytest.mark.parametrize(
    "verdict", [HeaderRejection(("9056",)), TechnicalRejection(), ClassRejection({DECLARATIE: ("9333",)})]
)
def test_a_claim_rejected_as_a_whole_accepts_no_line(verdict: object) -> None:
    assert line_codes(verdict, 1, 1) is None  # type: ignore[arg-type]
