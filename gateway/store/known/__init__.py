"""Loading what is known: stored rows turned into the domain's `History` parts, one concern per module.

Every query is limited to what one message refers to (its ToewijzingNummers, its client, its
references), never a whole table; long lists of keys are asked for in batches.
"""
