"""Which model embeds the quotations: the static table, or the question encoder itself.

The static table (bot.search.semantic) embeds a million quotations in about a minute, but it
only approximates all-MiniLM-L6-v2; the question encoder (bot.search.encoder) is the model,
at a few milliseconds a quotation. A newsroom's archive of a few thousand articles holds tens
of thousands of quotations: the model embeds those in minutes, once (the vectors are saved
with the index, and a merge embeds only the added quotations). SEMANTIC_QUOTATIONS chooses:

- `static`: the table, always;
- `transformer`: the model, always (however many quotations a build has to embed);
- `auto` (default): the model when a build or merge embeds at most `TRANSFORMER_MAX`
  quotations, the table above that (the 1,000,000-passage archive's first build).

The model's vectors are those of the questions (projected to the table's 256 dimensions,
unit length) with no common direction removed: centre.npy corrects means of static vectors,
which lean one way; the model's embeddings do not, and questions are not corrected either.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from bot.search.encoder import query_encoder
from bot.search.semantic import embedder, quantize

# A build embeds this many quotations at most with the model under `auto`: measured at about
# 10 ms a quotation on the shared two-core machine (README, "Quotations embedded by the
# model"), so 20,000 cost three to five minutes, once.
TRANSFORMER_MAX = 20_000
SOURCES = ("auto", "static", "transformer")


def quotations_setting() -> str:
    """The SEMANTIC_QUOTATIONS setting (default auto); read from the environment so the
    re-index process the worker starts follows the worker's choice."""
    value = os.environ.get("SEMANTIC_QUOTATIONS", "auto").strip().lower()
    return value if value in SOURCES else "auto"


def quotation_source(count: int) -> str:
    """What embeds `count` quotations in one build or merge: "transformer" or "static"."""
    setting = quotations_setting()
    if setting == "static" or setting == "auto" and count > TRANSFORMER_MAX:
        return "static"
    encoder = query_encoder()
    # Without the model's weights, or with a table of another width, the table it is.
    if encoder is None or encoder.dims != embedder().dims:
        return "static"
    return "transformer"


def embed_quotations(texts: Sequence[str]) -> np.ndarray:
    """Unit float32 rows, one per quotation text, from the source `quotation_source` picks."""
    if quotation_source(len(texts)) == "transformer":
        encoder = query_encoder()
        assert encoder is not None
        return encoder.encode_many(texts)
    return embedder().embed(texts)


def embed_quotations_quantized(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """`embed_quotations` as int8 rows and their scales."""
    if quotation_source(len(texts)) == "transformer":
        return quantize(embed_quotations(texts))
    # The table's own path quantises a batch at a time (a million float rows are a gigabyte).
    return embedder().embed_quantized(texts)
