"""Read-side queries for the API: what a party may look up, as plain dataclasses, one module per resource.

They only read: each runs in the caller's unit of work and changes nothing. Who may read what is the
caller's to decide; every query takes the scope (a gemeente, an aanbieder, a client) it is limited to.
"""
