"""Ingestion, the first stage: newsroom sources (CMS, feeds, wire) -> corpus files.

One module per source type (wordpress, feed, arc, wire, sitemap), each turning what its
source publishes into `Story` objects; `store` writes them into CORPUS_DIR atomically and
keeps each source's state; `ingest` pulls every configured source once or on a timer.
"""
