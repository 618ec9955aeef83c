#!/usr/bin/env python
"""Score the quotation attribution extractor.

    python scripts/eval_attribution.py                       # our annotated set
    python scripts/eval_attribution.py ../shared/polnear/dev # plus a PolNeAR split
    python scripts/eval_attribution.py --json ...            # one JSON object per data set

A data set is a folder with `articles/` (corpus-format files) and `gold.jsonl` (one quotation
a line: article, start, end, speaker, unresolved; optionally when_date). Our own set lives in
eval/attribution/.

Metrics (the issue's and PolNeAR's README's definitions):
- span precision / recall / F1: a predicted span matches a gold span of the same article
  when they overlap by at least half of the longer one (one-to-one, greedy by overlap);
- speaker accuracy: on matched spans whose gold speaker is resolved, the predicted
  speaker's last word equals the gold's, case-insensitively (an unresolved prediction is
  wrong);
- end-to-end F1: span and speaker both right, over the gold quotations whose speaker is
  resolved; predictions matched to an unresolved gold quotation are left out of the
  precision (they can be neither right nor wrong), every other prediction counts;
- when accuracy (where gold gives `when_date`): on matched spans;
- per category of gold speaker (as the hidden set of unseen news is scored), from the gold's
  `source_span` and `unresolved`: `named` person, `pronoun` (the source span is a pronoun
  the annotators resolved), `described` (an unresolved description such as "the company" or
  "a senior official": right when the predicted speaker's name or role holds the
  description's head noun), `organisation` (a resolved organisation or group). Each row
  gives the gold count, span recall, speaker accuracy on matched spans and end-to-end
  recall (span and speaker right over the category's gold quotations).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bot.attribution import Quotation, extract_quotations  # noqa: E402
from bot.corpus.articles import Article, load_file  # noqa: E402

OWN_SET = ROOT / "eval" / "attribution"
CATEGORIES = ("named", "pronoun", "described", "organisation")
PRONOUNS = frozenset("he she they i we it you him her them me us his their our".split())
# Words of organisations and the groups that speak as one; a speaker holding one (and no
# given name) is an organisation: "The Washington Post", "the State Department", "CNN".
ORG_TOKENS = frozenset((
    "department ministry agency commission committee council court party union office "
    "campaign bureau service institute university college school foundation association "
    "corporation corp inc co ltd llc plc company group bank fund post times journal news "
    "network press reuters tribune herald guardian telegraph sun gazette magazine daily "
    "nato un eu cia fbi f.b.i nsa irs epa cdc imf opec gop dnc rnc bbc cnn msnbc fox nbc abc "
    "cbs npr pbs ap afp army navy police military embassy cabinet pac center centre "
    "coalition alliance administration government kremlin pentagon congress senate "
    "parliament house board federation league organization organisation authority trust "
    "watch newspaper website outlet"
).split())
GROUP_WORD = re.compile(r"^(democrats|republicans|gopers|conservatives|liberals|"
                        r"progressives|officials|.*(ians|ese|ists|ites))$")
RELATIVES = frozenset("who that which whom".split())


@dataclass
class Scores:
    name: str
    articles: int = 0
    gold: int = 0
    gold_resolved: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_judged: int = 0
    speaker_right: int = 0
    e2e_right: int = 0
    e2e_predicted: int = 0
    when_judged: int = 0
    when_right: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)
    # category → [gold, matched, speaker right]
    by_category: dict[str, list[int]] = field(
        default_factory=lambda: {c: [0, 0, 0] for c in CATEGORIES})

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def table(self) -> dict[str, float | int | str]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        ep = self.e2e_right / self.e2e_predicted if self.e2e_predicted else 0.0
        er = self.e2e_right / self.gold_resolved if self.gold_resolved else 0.0
        row: dict[str, float | int | str] = {
            "set": self.name,
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "span_p": round(p, 4),
            "span_r": round(r, 4),
            "span_f1": round(self._f1(p, r), 4),
            "speaker_acc": round(self.speaker_right / self.speaker_judged, 4)
            if self.speaker_judged else 0.0,
            "e2e_p": round(ep, 4),
            "e2e_r": round(er, 4),
            "e2e_f1": round(self._f1(ep, er), 4),
        }
        if self.when_judged:
            row["when_acc"] = round(self.when_right / self.when_judged, 4)
        for cat, (n, matched, right) in self.by_category.items():
            if n:
                row[cat] = {"gold": n, "span_r": round(matched / n, 4),
                            "speaker_acc": round(right / matched, 4) if matched else 0.0,
                            "e2e_r": round(right / n, 4)}
        return row


def last_word(name: str | None) -> str:
    if not name:
        return ""
    words = re.findall(r"[\w’'\-.]+", name)
    if not words:
        return ""
    word = words[-1].lower().strip(".")
    return re.sub(r"[’']s$", "", word)


def match(preds: list[Quotation], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) overlapping by ≥ half the longer span."""
    candidates: list[tuple[int, int, int]] = []
    for i, q in enumerate(preds):
        for j, g in enumerate(gold):
            overlap = min(q.end, g["end"]) - max(q.start, g["start"])
            longer = max(q.end - q.start, g["end"] - g["start"])
            if overlap > 0 and overlap * 2 >= longer:
                candidates.append((overlap, i, j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def load_set(folder: Path) -> tuple[dict[str, Article], dict[str, list[dict]]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    with (folder / "gold.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                gold[record["article"]].append(record)
    articles: dict[str, Article] = {}
    for path in sorted((folder / "articles").glob("*.txt")):
        for article in load_file(path):
            articles[article.id] = article
    return articles, gold


SEED_ID = "000_8756f83ca74b7bfe"


def _words(text: str) -> list[str]:
    return [w.strip(".,’'").lower() for w in re.findall(r"[\w.’'\-]+", text)]


def head_noun(source: str) -> str:
    """The head noun of a description: "a spokesperson for the port" → "spokesperson"."""
    cut = re.split(r",|\(|\b(?:of|for|at|from|in|with|who|which|that|on|to|and|familiar|"
                   r"close)\b", source, maxsplit=1)[0]
    words = re.findall(r"[\w’'\-]+", cut)
    return words[-1] if words else ""


def category(g: dict) -> str | None:
    """The gold speaker's category (see the module docstring); None when none applies."""
    from bot.attribution.given_names import is_given_name, is_shared_given_name

    source = (g.get("source_span") or "").strip()
    words = _words(source)
    if not words:
        return None
    if len(words) == 1 and words[0] in PRONOUNS:
        return None if g.get("unresolved") else "pronoun"
    if g.get("unresolved"):
        head = head_noun(source)
        # A description's head is a common noun ("the judge", "White House officials");
        # relative pronouns and capitalised single words are not descriptions.
        if not head or head.lower() in RELATIVES or not head[0].islower():
            return None
        return "described"
    speaker = g.get("speaker") or ""
    names = speaker.split()
    if not names:
        return None
    person = any(is_given_name(w) or is_shared_given_name(w) for w in names[:-1]) or (
        len(names) == 1 and (is_given_name(names[0]) or is_shared_given_name(names[0])))
    sw = _words(speaker)
    if not person and (any(w in ORG_TOKENS for w in sw) or speaker[:1].islower()
                       or (len(sw) == 1 and GROUP_WORD.match(sw[0]))):
        return "organisation"
    return "named"


def described_right(q: Quotation, g: dict) -> bool:
    """A described source is right when the shown name or role holds the head noun."""
    head = head_noun(g.get("source_span") or "").lower()
    shown = " ".join(x for x in (q.speaker.name, q.speaker.role) if x).lower()
    stems = {head, head.rstrip("s"), head + "s"}
    return q.speaker.resolved and any(w.strip(".,’'") in stems for w in shown.split())


def score(
    folder: Path, name: str, keep_errors: bool = False, only: str | None = None
) -> Scores:
    articles, gold = load_set(folder)
    scores = Scores(name)
    for article_id, article in articles.items():
        if only is not None and article_id != only:
            continue
        scores.articles += 1
        golds = gold.get(article_id, [])
        for g in golds:
            # Offsets are into Article.text; a mismatch means the gold is stale.
            if "quote" in g and article.text[g["start"] : g["end"]] != g["quote"]:
                raise SystemExit(f"{name}: gold offsets do not match {article_id}: {g}")
        preds = extract_quotations(article)
        pairs = match(preds, golds)
        scores.gold += len(golds)
        scores.gold_resolved += sum(1 for g in golds if not g.get("unresolved"))
        scores.predicted += len(preds)
        scores.matched += len(pairs)
        matched_to_unresolved = 0
        paired_gold = {j for _, j in pairs}
        gold_to_pred = {j: i for i, j in pairs}
        for j, g in enumerate(golds):
            cat = category(g)
            if cat is None:
                continue
            counts = scores.by_category[cat]
            counts[0] += 1
            if j in gold_to_pred:
                q = preds[gold_to_pred[j]]
                counts[1] += 1
                if cat == "described":
                    right_described = described_right(q, g)
                    counts[2] += right_described
                    if keep_errors and not right_described:
                        scores.errors.append({"article": article_id, "kind": "described",
                                              "quote": g.get("quote", "")[:60],
                                              "gold": g.get("source_span"),
                                              "got": q.speaker.name, "role": q.speaker.role,
                                              "cue": q.cue, "category": cat})
                else:
                    counts[2] += q.speaker.resolved and last_word(q.speaker.name) == last_word(
                        g["speaker"])
        for i, j in pairs:
            q, g = preds[i], golds[j]
            if g.get("unresolved"):
                matched_to_unresolved += 1
                continue
            scores.speaker_judged += 1
            right = q.speaker.resolved and last_word(q.speaker.name) == last_word(g["speaker"])
            scores.speaker_right += right
            scores.e2e_right += right
            if g.get("when_date"):
                scores.when_judged += 1
                got = q.when.date if q.when else None
                scores.when_right += got == g["when_date"]
                if got != g["when_date"] and keep_errors:
                    scores.errors.append({"article": article_id, "kind": "when", "quote":
                                          g["quote"][:60], "gold": g["when_date"], "got": got})
            if not right and keep_errors:
                scores.errors.append({"article": article_id, "kind": "speaker",
                                      "quote": g.get("quote", "")[:60], "gold": g["speaker"],
                                      "got": q.speaker.name, "cue": q.cue,
                                      "category": category(g)})
        scores.e2e_predicted += len(preds) - matched_to_unresolved
        if keep_errors:
            paired_pred = {i for i, _ in pairs}
            for i, q in enumerate(preds):
                if i not in paired_pred:
                    scores.errors.append({"article": article_id, "kind": "extra",
                                          "quote": q.text[:60], "got": q.speaker.name})
            for j, g in enumerate(golds):
                if j not in paired_gold:
                    scores.errors.append({"article": article_id, "kind": "missed",
                                          "quote": g.get("quote", "")[:60],
                                          "gold": g["speaker"],
                                          "unresolved": g.get("unresolved", False),
                                      "category": category(g)})
    return scores


def namesakes(articles: int = 100) -> dict[str, float | int | str]:
    """Questions over invented articles in which people share surnames, through the real
    answer path (bot.service.Whosaid, as `python -m bot ask` uses it):
    who said “<six words>” (right speaker first), what did <surname> say about <topic>
    (the quotation in the top three), and what did <full name> say about <topic> (the
    quotation in the top three, and none of a namesake's above it)."""
    import tempfile

    from namesake_corpus import build

    from bot.service import Whosaid

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        quoted = build(corpus, articles)
        whosaid = Whosaid.load(corpus, 3, Path(tmp) / "cache")
        who = about = full = 0
        misses: list[str] = []
        for q in quoted:
            answer = whosaid.ask(f"who said “{q.probe}”")
            first = answer.results[0].quotation if answer.results else None
            if first is not None and q.probe in first.text and first.speaker.name == q.speaker:
                who += 1
            else:
                got = first.speaker.name if first else None
                misses.append(f"who said “{q.probe}”: {got!r}, not {q.speaker!r}")
            shown = [r.quotation for r in whosaid.ask(
                f"what did {q.surname} say about the {q.topic}").results[:3] if r.quotation]
            about += any(s.text == q.text for s in shown)
            shown = [r.quotation for r in whosaid.ask(
                f"what did {q.speaker} say about the {q.topic}").results[:3] if r.quotation]
            rank = next((k for k, s in enumerate(shown) if s.text == q.text), None)
            full += rank is not None and all(s.speaker.name == q.speaker for s in shown[:rank])
    n = len(quoted)
    for miss in misses[:5]:
        print("  miss:", miss, file=sys.stderr)
    return {"set": "namesakes", "articles": articles, "questions": n,
            "who_said_first": round(who / n, 4), "surname_about_top3": round(about / n, 4),
            "full_name_about_top3": round(full / n, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        help="PolNeAR-style folders (articles/ + gold.jsonl)")
    parser.add_argument("--no-own", action="store_true", help="skip our own annotated set")
    parser.add_argument("--json", action="store_true", help="one JSON object per set")
    parser.add_argument("--errors", type=Path, help="write every error as JSON lines here")
    parser.add_argument("--namesakes", type=int, metavar="N", nargs="?", const=100,
                        help="also ask the shared-surname questions over N invented "
                        "articles (default 100)")
    args = parser.parse_args(argv)
    sets: list[tuple[Path, str, str | None]] = []
    if not args.no_own:
        # The seed article alone as well: its targets are its own (issue 3).
        sets += [(OWN_SET, "own", None), (OWN_SET, "own/seed", SEED_ID)]
    sets += [(folder, folder.resolve().parent.name + "/" + folder.name, None) for folder in
             args.folders]
    rows = []
    errors: list[dict[str, object]] = []
    for folder, name, only in sets:
        started = time.perf_counter()
        scores = score(folder, name, keep_errors=args.errors is not None, only=only)
        row = scores.table()
        row["seconds"] = round(time.perf_counter() - started, 2)
        rows.append(row)
        errors += [{"set": name, **e} for e in scores.errors]
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    extra = namesakes(args.namesakes) if args.namesakes else None
    if args.json:
        for row in rows:
            print(json.dumps(row))
        if extra:
            print(json.dumps(extra))
        return 0
    columns = ["set", "articles", "gold", "predicted", "span_p", "span_r", "span_f1",
               "speaker_acc", "e2e_p", "e2e_r", "e2e_f1", "when_acc", "seconds"]
    print("  ".join(f"{c:>11}" for c in columns))
    for row in rows:
        print("  ".join(f"{row.get(c, '-')!s:>11}" for c in columns))
    print("\nby gold speaker category: gold / span recall / speaker accuracy on matched / "
          "end-to-end recall")
    for row in rows:
        cells = [f"{c} {row[c]['gold']}/{row[c]['span_r']}/{row[c]['speaker_acc']}/"
                 f"{row[c]['e2e_r']}" for c in CATEGORIES if isinstance(row.get(c), dict)]
        print(f"{row['set']:>18}  " + "   ".join(cells))
    if extra:
        print(f"\nnamesakes ({extra['articles']} invented articles, {extra['questions']} "
              f"quotations): who said “…” right speaker first {extra['who_said_first']} "
              f"(target 0.97); what did <surname> say about <topic>, in the top three "
              f"{extra['surname_about_top3']} (target 0.95); what did <full name> say "
              f"about <topic>, in the top three with no namesake above "
              f"{extra['full_name_about_top3']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
