"""Writing what an accepted message changes, one concern per module; `gateway.store.recording` dispatches.

Like the repositories, nothing here commits: rows are added and flushed, and the caller's unit of work
commits them together with the message's outcome, or rolls all of it back.
"""
