"""The floor `bench.ingest` measures the gateway against: parse, schema-validate and store the raw bytes.

One endpoint, `POST /messages` (beside `GET /health`), does the least any gateway must do with a
message: check the bearer token as the gateway does (its SHA-256 looked up in the database, so a
revocation holds at once), read the body, parse and XSD-validate it with the gateway's own parser and
schema set (on a worker thread, as the pipeline does) and keep it with one INSERT in the same kind of
database, through the gateway's engine settings. 202 when stored, 422 when not a schema-valid message,
401 without the token, whose SHA-256 comes from `IWMO_BASELINE_TOKEN_SHA256`.
Run: `.venv/bin/python -m bench.baseline_app --database-url URL --port PORT`.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import uvicorn
from fastapi import FastAPI, Request, Response
from sqlalchemy import Column, DateTime, Integer, LargeBinary, MetaData, String, Table, insert, select

from gateway.messages.check import MessageChecker
from gateway.messages.parsing import SafeParser
from gateway.messages.registry import default_registry
from gateway.messages.schemas import SchemaSet
from gateway.store.engine import create_engine

TOKEN_VARIABLE = "IWMO_BASELINE_TOKEN_SHA256"

metadata = MetaData()
received = Table(
    "baseline_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
tokens = Table("baseline_tokens", metadata, Column("token_hash", String(64), primary_key=True))


class Checkers:
    """A parser and schema set per worker thread, as the gateway keeps its validators."""

    def __init__(self) -> None:
        self._registry = default_registry()
        self._local = threading.local()

    def schema_valid(self, content: bytes) -> bool:
        checker: MessageChecker | None = getattr(self._local, "checker", None)
        if checker is None:
            checker = self._local.checker = MessageChecker(self._registry, SchemaSet(), SafeParser())
        return checker.check(content).schema_valid


def create_baseline_app(database_url: str, token_sha256: str) -> FastAPI:
    checkers = Checkers()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(database_url)
        async with engine.begin() as connection:
            await connection.run_sync(metadata.create_all)
            await connection.execute(insert(tokens).values(token_hash=token_sha256))
        app.state.engine = engine
        try:
            yield
        finally:
            await engine.dispose()

    app = FastAPI(lifespan=lifespan)

    @app.get("/health")
    async def health() -> Response:
        return Response(status_code=200)

    @app.post("/messages")
    async def store(request: Request) -> Response:
        presented = request.headers.get("authorization", "").removeprefix("Bearer ")
        presented_hash = hashlib.sha256(presented.encode()).hexdigest()
        async with app.state.engine.connect() as connection:
            known = await connection.scalar(
                select(tokens.c.token_hash).where(tokens.c.token_hash == presented_hash)
            )
        if known is None:
            return Response(status_code=401)
        content = await request.body()
        if not await asyncio.to_thread(checkers.schema_valid, content):
            return Response(status_code=422)
        async with app.state.engine.begin() as connection:
            result = await connection.execute(
                insert(received)
                .values(
                    content=content,
                    sha256=hashlib.sha256(content).hexdigest(),
                    received_at=datetime.now(UTC),
                )
                .returning(received.c.id)
            )
            stored = result.scalar_one()
        return Response(f'{{"id": {stored}}}', status_code=202, media_type="application/json")

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    app = create_baseline_app(args.database_url, os.environ[TOKEN_VARIABLE])
    uvicorn.run(app, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
