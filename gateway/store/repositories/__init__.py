"""Repositories: the queries of one concern each, on the unit of work's session; none of them commits."""
