"""The `iwmo-gateway` command line; each sub-command imports only what it needs."""
