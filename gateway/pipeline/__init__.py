"""Handling a message from bytes to answer: store, validate, authorise, judge, answer or pass on, deliver.

Framework-free, so the HTTP API is one way in and tests drive it without a server. The domain's say in
it is the `Processor` (see `processing`): everything else here is the standard's and the gateway's.
"""
