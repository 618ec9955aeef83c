"""Writing a world set's gold.jsonl from its annotations (each set's make_gold.py).

Offsets are found from the quotation strings, each searched after the previous one in its
article, never from the extractor; each must sit inside quotation marks.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.corpus.articles import load_file  # noqa: E402

# article -> [(quote, speaker, source_span, unresolved, cue)]
Gold = dict[str, list[tuple[str, str, str, bool, str]]]
U = True  # unresolved: a described source with no name
R = False  # resolved


def write_gold(folder: Path, gold: Gold) -> int:
    """Write folder/gold.jsonl, checking each quotation is text[start:end], in reading order."""
    rows = []
    for article_id, quotes in gold.items():
        (article,) = load_file(folder / "articles" / f"{article_id}.txt")
        assert article.id == article_id, (article.id, article_id)
        pos = 0
        for quote, speaker, source, unresolved, cue in quotes:
            start = article.text.find(quote, pos)
            assert start >= 0, (article_id, quote)
            assert article.text[start - 1] in "\"“'‘", (article_id, quote)
            end = start + len(quote)
            pos = end
            rows.append({"article": article_id, "quote": quote, "start": start, "end": end,
                         "speaker": speaker, "source_span": source, "unresolved": unresolved,
                         "cue": cue})
    with (folder / "gold.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
