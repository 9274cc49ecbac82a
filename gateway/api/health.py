"""`GET /health`: whether the service can reach its database, for load balancers and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter, status
from fastapi.responses import JSONResponse

from gateway.api.deps import ServiceDep
from gateway.api.schemas import Health, Problem
from gateway.pipeline.database import reachable

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    summary="Is the database reachable",
    response_model=Health,
    responses={503: {"model": Problem, "description": "the database cannot be reached"}},
)
async def health(service: ServiceDep) -> Health | JSONResponse:
    if await reachable(service.engine):
        return Health(status="ok")
    return JSONResponse({"detail": "the database cannot be reached"}, status.HTTP_503_SERVICE_UNAVAILABLE)
