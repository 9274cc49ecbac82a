# The gateway: `iwmo-gateway serve` by default; the same image runs `iwmo-gateway relay`.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/iwmo-gateway
WORKDIR /src
COPY pyproject.toml README.md ./
COPY gateway ./gateway
COPY xsd ./xsd
COPY migrations ./migrations
RUN /opt/iwmo-gateway/bin/pip install .

FROM python:3.11-slim
ENV PATH=/opt/iwmo-gateway/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN useradd --system --create-home --home-dir /var/lib/iwmo-gateway --uid 10001 gateway
COPY --from=build /opt/iwmo-gateway /opt/iwmo-gateway
COPY mappings /opt/iwmo-gateway/mappings
# The working directory holds the embedded database (iwmo-gateway.db) when DATABASE_URL is not set.
WORKDIR /var/lib/iwmo-gateway
USER gateway
EXPOSE 8080
CMD ["sh", "-c", "iwmo-gateway migrate && exec iwmo-gateway serve --host 0.0.0.0 --port 8080"]
