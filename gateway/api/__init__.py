"""The HTTP API: FastAPI routes over the pipeline and the store, built per app by `create_app`."""
