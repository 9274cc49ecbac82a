"""The initial schema: parties, messages, mailboxes, outbox, and the Wmo domain with its budgets.

Revision ID: 0001
Revises:
Create Date: 2025-01-01 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the model column types: a migration must not change when the models do.
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)
OMVANG_COMPLETE = (
    "(omvang_volume IS NULL AND omvang_eenheid IS NULL AND omvang_frequentie IS NULL) OR "
    "(omvang_volume IS NOT NULL AND omvang_eenheid IS NOT NULL AND omvang_frequentie IS NOT NULL)"
)


def _key(table: str) -> tuple[sa.Column[int], sa.PrimaryKeyConstraint]:
    return sa.Column("id", BIG_ID, nullable=False), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _ref(table: str, column: str, target: str, *, nullable: bool = False) -> sa.Column[int]:
    foreign_key = sa.ForeignKey(f"{target}.id", name=op.f(f"fk_{table}_{column}_{target}"))
    return sa.Column(column, BIG_ID, foreign_key, nullable=nullable)


def _omvang() -> list[sa.Column[object]]:
    return [
        sa.Column("omvang_volume", sa.Integer(), nullable=True),
        sa.Column("omvang_eenheid", sa.String(2), nullable=True),
        sa.Column("omvang_frequentie", sa.String(1), nullable=True),
        sa.Column("budget", sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "party",
        *_key("party"),
        sa.Column("kind", sa.String(9), nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.UniqueConstraint("kind", "code", name=op.f("uq_party_kind_code")),
        sa.CheckConstraint("kind IN ('gemeente', 'aanbieder', 'cak')", name=op.f("ck_party_kind")),
        sa.CheckConstraint(
            "(kind = 'gemeente' AND length(code) = 4) OR (kind = 'aanbieder' AND length(code) = 8) "
            "OR kind = 'cak'",
            name=op.f("ck_party_code_length"),
        ),
    )
    op.create_table(
        "api_token",
        *_key("api_token"),
        _ref("api_token", "party_id", "party"),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("revoked_at", TIMESTAMP, nullable=True),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    op.create_index(op.f("ix_api_token_party_id"), "api_token", ["party_id"])
    op.create_table(
        "client",
        *_key("client"),
        _ref("client", "gemeente_id", "party"),
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.UniqueConstraint("gemeente_id", "bsn", name=op.f("uq_client_gemeente_id_bsn")),
    )
    op.create_table(
        "message",
        *_key("message"),
        sa.Column("origin", sa.String(9), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("received_at", TIMESTAMP, nullable=False),
        sa.Column("message_type", sa.String(6), nullable=True),
        _ref("message", "sender_id", "party", nullable=True),
        _ref("message", "receiver_id", "party", nullable=True),
        sa.Column("identificatie", sa.String(12), nullable=True),
        sa.Column("dagtekening", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(8), nullable=False),
        sa.Column("findings", JSON_DOCUMENT, nullable=True),
        sa.Column("failure", sa.Text(), nullable=True),
        sa.Column("processed_at", TIMESTAMP, nullable=True),
        _ref("message", "answers_id", "message", nullable=True),
        _ref("message", "retour_id", "message", nullable=True),
        sa.CheckConstraint("origin IN ('received', 'generated')", name=op.f("ck_message_origin")),
        sa.CheckConstraint(
            "outcome IN ('pending', 'accepted', 'rejected', 'failed')", name=op.f("ck_message_outcome")
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_message_sha256"), "message", ["sha256"])
    op.create_index(op.f("ix_message_receiver_id"), "message", ["receiver_id"])
    op.create_index(op.f("ix_message_answers_id"), "message", ["answers_id"])
    op.create_index(
        op.f("ix_message_identificatie"), "message", ["sender_id", "message_type", "identificatie"]
    )
    op.create_table(
        "mailbox",
        _ref("mailbox", "party_id", "party"),
        sa.Column("last_sequence", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("party_id", name=op.f("pk_mailbox")),
    )
    op.create_table(
        "mailbox_entry",
        _ref("mailbox_entry", "party_id", "party"),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("party_id", "sequence", name=op.f("pk_mailbox_entry")),
        _ref("mailbox_entry", "message_id", "message"),
        sa.Column("delivered_at", TIMESTAMP, nullable=False),
        sa.UniqueConstraint("party_id", "message_id", name=op.f("uq_mailbox_entry_party_id_message_id")),
    )
    op.create_table(
        "outbox_event",
        *_key("outbox_event"),
        sa.Column("aggregate_key", sa.String(100), nullable=False),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("payload", JSON_DOCUMENT, nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("published_at", TIMESTAMP, nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_outbox_event_unpublished"),
        "outbox_event",
        ["id"],
        postgresql_where=sa.text("published_at IS NULL"),
        sqlite_where=sa.text("published_at IS NULL"),
    )
    op.create_table(
        "beschikking",
        *_key("beschikking"),
        _ref("beschikking", "gemeente_id", "party"),
        _ref("beschikking", "client_id", "client"),
        sa.Column("beschikking_nummer", sa.Integer(), nullable=False),
        sa.Column("leveringsvorm", sa.String(6), nullable=False),
        sa.Column("pgb_vorm", sa.String(14), nullable=True),
        sa.Column("product_categorie", sa.String(2), nullable=True),
        sa.Column("product_code", sa.String(5), nullable=True),
        sa.Column("afgiftedatum", sa.Date(), nullable=True),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.UniqueConstraint(
            "gemeente_id", "beschikking_nummer", name=op.f("uq_beschikking_gemeente_id_beschikking_nummer")
        ),
        sa.CheckConstraint(
            "(leveringsvorm = 'natura' AND pgb_vorm IS NULL) OR "
            "(leveringsvorm = 'pgb' AND pgb_vorm IS NOT NULL AND pgb_vorm IN ('trekkingsrecht', 'eenmalig'))",
            name=op.f("ck_beschikking_leveringsvorm"),
        ),
    )
    op.create_index(op.f("ix_beschikking_client_id"), "beschikking", ["client_id"])
    op.create_table(
        "toewijzing",
        *_key("toewijzing"),
        _ref("toewijzing", "gemeente_id", "party"),
        _ref("toewijzing", "aanbieder_id", "party"),
        _ref("toewijzing", "client_id", "client"),
        sa.Column("toewijzing_nummer", sa.Integer(), nullable=False),
        _ref("toewijzing", "beschikking_id", "beschikking", nullable=True),
        sa.UniqueConstraint(
            "gemeente_id", "toewijzing_nummer", name=op.f("uq_toewijzing_gemeente_id_toewijzing_nummer")
        ),
    )
    op.create_index(op.f("ix_toewijzing_client_aanbieder"), "toewijzing", ["client_id", "aanbieder_id"])
    op.create_index(op.f("ix_toewijzing_beschikking_id"), "toewijzing", ["beschikking_id"])
    op.create_table(
        "toewijzing_versie",
        *_key("toewijzing_versie"),
        _ref("toewijzing_versie", "toewijzing_id", "toewijzing"),
        sa.Column("versie", sa.Integer(), nullable=False),
        _ref("toewijzing_versie", "message_id", "message"),
        sa.Column("referentie_aanbieder", sa.String(36), nullable=True),
        sa.Column("product_categorie", sa.String(2), nullable=True),
        sa.Column("product_code", sa.String(5), nullable=True),
        sa.Column("toewijzingsdatum", sa.Date(), nullable=False),
        sa.Column("toewijzingstijd", sa.Time(), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("reden_wijziging", sa.String(2), nullable=True),
        *_omvang(),
        sa.UniqueConstraint(
            "toewijzing_id", "versie", name=op.f("uq_toewijzing_versie_toewijzing_id_versie")
        ),
        sa.CheckConstraint(OMVANG_COMPLETE, name=op.f("ck_toewijzing_versie_omvang_complete")),
    )
    op.create_index(op.f("ix_toewijzing_versie_message_id"), "toewijzing_versie", ["message_id"])
    op.create_index(
        op.f("ix_toewijzing_versie_referentie_aanbieder"), "toewijzing_versie", ["referentie_aanbieder"]
    )
    op.create_table(
        "levering",
        *_key("levering"),
        _ref("levering", "message_id", "message"),
        _ref("levering", "client_id", "client"),
        _ref("levering", "aanbieder_id", "party"),
        sa.Column("soort", sa.String(5), nullable=False),
        _ref("levering", "toewijzing_id", "toewijzing", nullable=True),
        sa.Column("toewijzing_nummer", sa.Integer(), nullable=True),
        sa.Column("product_categorie", sa.String(2), nullable=True),
        sa.Column("product_code", sa.String(5), nullable=True),
        sa.Column("toewijzing_ingangsdatum", sa.Date(), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("reden_beeindiging", sa.String(2), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("status_aanlevering", sa.String(1), nullable=False),
        _ref("levering", "deletes_levering_id", "levering", nullable=True),
        sa.CheckConstraint(
            "(soort = 'start' AND reden_beeindiging IS NULL AND einddatum IS NULL) OR "
            "(soort = 'stop' AND reden_beeindiging IS NOT NULL AND einddatum IS NOT NULL)",
            name=op.f("ck_levering_soort"),
        ),
    )
    op.create_index(op.f("ix_levering_message_id"), "levering", ["message_id"])
    op.create_index(op.f("ix_levering_toewijzing_id"), "levering", ["toewijzing_id"])
    op.create_index(
        op.f("ix_levering_key"), "levering", ["client_id", "soort", "toewijzing_nummer", "begindatum"]
    )
    op.create_table(
        "verzoek",
        *_key("verzoek"),
        _ref("verzoek", "message_id", "message"),
        _ref("verzoek", "gemeente_id", "party"),
        _ref("verzoek", "aanbieder_id", "party"),
        _ref("verzoek", "client_id", "client"),
        sa.Column("soort", sa.String(10), nullable=False),
        sa.Column("referentie_aanbieder", sa.String(36), nullable=False),
        sa.Column("reden_verzoek", sa.String(1), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.CheckConstraint("soort IN ('toewijzing', 'wijziging')", name=op.f("ck_verzoek_soort")),
        sa.CheckConstraint(
            "status IN ('ingediend', 'in_onderzoek', 'afgewezen', 'toegewezen')",
            name=op.f("ck_verzoek_status"),
        ),
    )
    op.create_index(op.f("ix_verzoek_message_id"), "verzoek", ["message_id"])
    op.create_index(op.f("ix_verzoek_referentie"), "verzoek", ["aanbieder_id", "referentie_aanbieder"])
    op.create_index(op.f("ix_verzoek_client_aanbieder"), "verzoek", ["client_id", "aanbieder_id"])
    op.create_table(
        "verzoek_product",
        *_key("verzoek_product"),
        _ref("verzoek_product", "verzoek_id", "verzoek"),
        sa.Column("soort", sa.String(11), nullable=False),
        sa.Column("toewijzing_nummer", sa.Integer(), nullable=True),
        sa.Column("beschikking_nummer", sa.Integer(), nullable=True),
        sa.Column("beschikking_ingangsdatum", sa.Date(), nullable=True),
        sa.Column("product_categorie", sa.String(2), nullable=True),
        sa.Column("product_code", sa.String(5), nullable=True),
        sa.Column("ingangsdatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        *_omvang(),
        sa.CheckConstraint(
            "soort IN ('aangevraagd', 'ongewijzigd', 'te_wijzigen', 'nieuw')",
            name=op.f("ck_verzoek_product_soort"),
        ),
        sa.CheckConstraint(OMVANG_COMPLETE, name=op.f("ck_verzoek_product_omvang_complete")),
    )
    op.create_index(op.f("ix_verzoek_product_verzoek_id"), "verzoek_product", ["verzoek_id"])
    op.create_table(
        "verzoek_antwoord",
        *_key("verzoek_antwoord"),
        _ref("verzoek_antwoord", "verzoek_id", "verzoek"),
        _ref("verzoek_antwoord", "message_id", "message"),
        sa.Column("verzoek_antwoord", sa.String(1), nullable=False),
        sa.Column("reden_afwijzing_verzoek", sa.String(2), nullable=True),
    )
    op.create_index(op.f("ix_verzoek_antwoord_verzoek_id"), "verzoek_antwoord", ["verzoek_id"])
    op.create_index(op.f("ix_verzoek_antwoord_message_id"), "verzoek_antwoord", ["message_id"])
    op.create_table(
        "declaratie",
        *_key("declaratie"),
        _ref("declaratie", "message_id", "message"),
        _ref("declaratie", "aanbieder_id", "party"),
        _ref("declaratie", "gemeente_id", "party"),
        sa.Column("declaratie_nummer", sa.String(12), nullable=False),
        sa.Column("periode_begindatum", sa.Date(), nullable=False),
        sa.Column("periode_einddatum", sa.Date(), nullable=False),
        sa.Column("declaratie_dagtekening", sa.Date(), nullable=False),
        sa.Column("totaal_ingediend_bedrag", sa.BigInteger(), nullable=False),
        sa.Column("totaal_ingediend_debet_credit", sa.String(1), nullable=False),
        sa.CheckConstraint(
            "totaal_ingediend_debet_credit IN ('D', 'C')", name=op.f("ck_declaratie_debet_credit")
        ),
    )
    op.create_index(op.f("ix_declaratie_message_id"), "declaratie", ["message_id"])
    op.create_index(op.f("ix_declaratie_nummer"), "declaratie", ["aanbieder_id", "declaratie_nummer"])
    op.create_index(op.f("ix_declaratie_periode"), "declaratie", ["aanbieder_id", "periode_begindatum"])
    op.create_table(
        "prestatie",
        *_key("prestatie"),
        _ref("prestatie", "declaratie_id", "declaratie"),
        _ref("prestatie", "aanbieder_id", "party"),
        _ref("prestatie", "client_id", "client"),
        _ref("prestatie", "toewijzing_id", "toewijzing", nullable=True),
        sa.Column("toewijzing_nummer", sa.Integer(), nullable=False),
        sa.Column("referentie_nummer", sa.String(20), nullable=False),
        sa.Column("vorig_referentie_nummer", sa.String(20), nullable=True),
        sa.Column("product_categorie", sa.String(2), nullable=False),
        sa.Column("product_code", sa.String(5), nullable=False),
        sa.Column("periode_begindatum", sa.Date(), nullable=False),
        sa.Column("periode_einddatum", sa.Date(), nullable=False),
        sa.Column("geleverd_volume", sa.Integer(), nullable=False),
        sa.Column("eenheid", sa.String(2), nullable=False),
        sa.Column("product_tarief", sa.Integer(), nullable=True),
        sa.Column("ingediend_bedrag", sa.Integer(), nullable=False),
        sa.Column("debet_credit", sa.String(1), nullable=False),
        sa.Column("status", sa.String(9), nullable=False),
        sa.Column("retourcodes", JSON_DOCUMENT, nullable=True),
        sa.CheckConstraint("debet_credit IN ('D', 'C')", name=op.f("ck_prestatie_debet_credit")),
        sa.CheckConstraint(
            "status IN ('ingediend', 'toegekend', 'afgewezen')", name=op.f("ck_prestatie_status")
        ),
    )
    op.create_index(op.f("ix_prestatie_declaratie_id"), "prestatie", ["declaratie_id"])
    op.create_index(op.f("ix_prestatie_client_id"), "prestatie", ["client_id"])
    op.create_index(op.f("ix_prestatie_toewijzing_id"), "prestatie", ["toewijzing_id"])
    op.create_index(op.f("ix_prestatie_referentie"), "prestatie", ["aanbieder_id", "referentie_nummer"])
    op.create_index(
        op.f("ix_prestatie_vorig_referentie"), "prestatie", ["aanbieder_id", "vorig_referentie_nummer"]
    )
    op.create_table(
        "beoordeling",
        *_key("beoordeling"),
        _ref("beoordeling", "declaratie_id", "declaratie"),
        _ref("beoordeling", "message_id", "message"),
        sa.Column("totaal_toegekend_bedrag", sa.BigInteger(), nullable=False),
        sa.Column("totaal_toegekend_debet_credit", sa.String(1), nullable=False),
        sa.Column("retourcodes", JSON_DOCUMENT, nullable=False),
        sa.UniqueConstraint("declaratie_id", name=op.f("uq_beoordeling_declaratie_id")),
        sa.CheckConstraint(
            "totaal_toegekend_debet_credit IN ('D', 'C')", name=op.f("ck_beoordeling_debet_credit")
        ),
    )
    op.create_index(op.f("ix_beoordeling_message_id"), "beoordeling", ["message_id"])
    op.create_table(
        "budget",
        *_key("budget"),
        _ref("budget", "toewijzing_id", "toewijzing", nullable=True),
        _ref("budget", "beschikking_id", "beschikking", nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("eenheid", sa.String(2), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint(
            "toewijzing_id", "period_start", name=op.f("uq_budget_toewijzing_id_period_start")
        ),
        sa.UniqueConstraint(
            "beschikking_id", "period_start", name=op.f("uq_budget_beschikking_id_period_start")
        ),
        sa.CheckConstraint(
            "(toewijzing_id IS NULL) <> (beschikking_id IS NULL)", name=op.f("ck_budget_one_owner")
        ),
    )
    op.create_table(
        "budget_booking",
        *_key("budget_booking"),
        _ref("budget_booking", "budget_id", "budget"),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        _ref("budget_booking", "prestatie_id", "prestatie", nullable=True),
        _ref("budget_booking", "message_id", "message", nullable=True),
        sa.Column("booked_at", TIMESTAMP, nullable=False),
        sa.CheckConstraint("kind IN ('declared', 'credited', 'paid')", name=op.f("ck_budget_booking_kind")),
    )
    op.create_index(op.f("ix_budget_booking_budget_id"), "budget_booking", ["budget_id"])
    op.create_index(op.f("ix_budget_booking_prestatie_id"), "budget_booking", ["prestatie_id"])
    op.create_table(
        "budget_overrun",
        *_key("budget_overrun"),
        _ref("budget_overrun", "budget_id", "budget"),
        sa.Column("requested", sa.BigInteger(), nullable=False),
        sa.Column("available", sa.BigInteger(), nullable=False),
        _ref("budget_overrun", "prestatie_id", "prestatie", nullable=True),
        _ref("budget_overrun", "message_id", "message", nullable=True),
        sa.Column("recorded_at", TIMESTAMP, nullable=False),
    )
    op.create_index(op.f("ix_budget_overrun_budget_id"), "budget_overrun", ["budget_id"])


def downgrade() -> None:
    # Dropping a table drops its indexes with it; children before parents.
    for table in (
        "budget_overrun",
        "budget_booking",
        "budget",
        "beoordeling",
        "prestatie",
        "declaratie",
        "verzoek_antwoord",
        "verzoek_product",
        "verzoek",
        "levering",
        "toewijzing_versie",
        "toewijzing",
        "beschikking",
        "outbox_event",
        "mailbox_entry",
        "mailbox",
        "message",
        "client",
        "api_token",
        "party",
    ):
        op.drop_table(table)
