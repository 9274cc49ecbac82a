"""The CAK feed in the store: provisions loaded, records refreshed, deliveries sent and answered.

`refresh_client` derives a client's eigen-bijdrage periods from what the store holds, reconciles them
with the stored records and queues the WMO405 deliveries that bring the CAK to the truth; `feed`
reads them back in order and marks them sent; `retour` attaches the CAK's WMO406 answers. Nothing
here commits: the caller's unit of work does.
"""

from __future__ import annotations

from gateway.store.eigenbijdrage.bronnen import load_bronnen, remember_geboortedatum
from gateway.store.eigenbijdrage.feed import FeedItem, Wmo405Fetch, feed_page, fetch_wmo405, overdue_records
from gateway.store.eigenbijdrage.refresh import Wijziging, refresh_client
from gateway.store.eigenbijdrage.retour import attach_retour

__all__ = [
    "FeedItem",
    "Wijziging",
    "Wmo405Fetch",
    "attach_retour",
    "feed_page",
    "fetch_wmo405",
    "load_bronnen",
    "overdue_records",
    "refresh_client",
    "remember_geboortedatum",
]
