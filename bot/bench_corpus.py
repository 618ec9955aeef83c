"""The benchmark's generated archive and its questions (`python -m bot bench`).

Corpus: seeded and reproducible; news-like: a Zipf-Mandelbrot vocabulary whose head is real
English function words (so "the" ends up in most passages and gets rank-bm25's idf floor),
real news words, then generated words for the long tail; topics with their own words; quoted
people (first and last names, themselves Zipf-distributed) and "said". Passages are generated
directly as tokens (tokenizing 1,000,000 texts would dominate the run); every vocabulary word
is a fixed point of `bot.search.tokenizer.tokenize`, and a sample of passages is rendered as
text and checked to tokenize back to the same tokens. Queries are written as text (names,
name + topic, keywords, natural questions) and tokenized with `tokenize`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.search.tokenizer import tokenize

# Function words in rough frequency order (the head of a news Zipf curve).
_STOP = (
    "the of and to a in that is for on was with he it as said his at by from be have has "
    "but are not they this had who an were which their been would will its or we one more "
    "after also i about there new up when last first two than out year people all can other "
    "she into over her could some what if time no years just three only so because do them "
    "like percent before most government him many told our where those how since back while "
    "did against then during under between now made you may such any both week whether "
    "should these through well being very says even us through still however around own"
).split()
_NEWS = (
    "minister president election budget police court war ukraine russia china tax taxes "
    "economy inflation prices rates bank health hospital school teachers strike union "
    "energy climate emissions oil gas market shares company chief executive officials "
    "spokesperson statement report investigation security military troops ceasefire talks "
    "parliament vote campaign party leader opposition reform housing rent prices interest "
    "deficit spending council mayor city transport rail airport flights migrants border "
    "asylum crime prison judge trial verdict lawsuit regulators technology data privacy "
    "artificial intelligence football club season coach players match championship "
    "weather storm flooding wildfire drought farmers food exports tariffs trade deal "
    "sanctions embassy diplomats summit treaty nuclear vaccine virus patients doctors "
    "nurses wages jobs unemployment pensions welfare budgetary fiscal monetary growth "
    "recession investors stocks bonds currency dollar euro pound refugees protest protesters "
    "demonstration arrested charged accused alleged denied confirmed announced warned "
    "promised rejected criticised praised insisted admitted"
).split()
_FIRST = (
    "maria john anna james elena david sarah michael olga peter laura ahmed fatima li wei "
    "carlos sofia ivan natalia kenji yuki amara kwame priya raj emma lucas hannah omar "
    "leila marco giulia pierre claire hans ingrid jan eva tomas zofia mehmet ayse daniel "
    "rachel samuel grace victor irina oleksandr volodymyr rishi keir emmanuel olaf giorgia"
).split()
_SYLLABLES = (
    "ka lo mi ra ne to sa vi de po lu ma ri no be fa gu ha je ko la mo nu pe qu ro si ta "
    "ve wo xa yo ze an el in or us ar en il on ur"
).split()


@dataclass
class Corpus:
    docs: list[list[str]]
    topics: list[list[str]]  # words of each topic
    people: list[tuple[str, str]]  # (first, last)
    people_p: np.ndarray  # Zipf popularity of people
    tokens: int


def _fixed(words: Sequence[str]) -> list[str]:
    """Each word's token (its stem) where that token tokenizes to itself; order kept, no repeats."""
    out = []
    for word in words:
        token = tokenize(word)
        if len(token) == 1 and tokenize(token[0]) == token:
            out.append(token[0])
    return list(dict.fromkeys(out))


def _words(rng: np.random.Generator, count: int, lo: int, hi: int) -> list[str]:
    """`count` distinct generated words of lo..hi syllables, each a fixed point of `tokenize`."""
    out: set[str] = set()
    syl = np.array(_SYLLABLES)
    while len(out) < count:
        n = count - len(out)
        sizes = rng.integers(lo, hi + 1, size=n)
        picks = rng.integers(len(syl), size=(n, hi))
        for size, row in zip(sizes, picks, strict=True):
            word = "".join(syl[row[:size]])
            if tokenize(word) == [word]:  # stems of their own (not "ravies" -> "ravi")
                out.add(word)
    return sorted(out)


def generate_corpus(passages: int, seed: int = 20261127) -> Corpus:
    """A reproducible news-like corpus of `passages` token lists (see module docstring)."""
    rng = np.random.default_rng(seed)
    # Vocabulary grows with the corpus (Heaps' law), so the tail is sized to it.
    tail = int(min(600_000, 30_000 + passages * 0.6))
    generated = _words(rng, tail, 2, 5)
    stop = _fixed(_STOP)
    news = [w for w in _fixed(_NEWS) if w not in stop]
    known = set(stop) | set(news)
    vocab = stop + news + [w for w in generated if w not in known]
    ranks = np.arange(1, len(vocab) + 1, dtype=np.float64)
    weights = 1.0 / (ranks + 2.7) ** 1.07  # Zipf-Mandelbrot
    cdf = np.cumsum(weights)
    cdf /= cdf[-1]

    # Topics: 80, each with 40 words drawn from the news words and the mid-frequency range.
    n_topics = 80
    pool = np.arange(len(stop), min(len(vocab), 20_000))
    topic_words = np.stack([rng.choice(pool, size=40, replace=False) for _ in range(n_topics)])
    topic_p = 1.0 / np.arange(1, n_topics + 1) ** 0.8
    topic_p /= topic_p.sum()
    within = 1.0 / np.arange(1, 41) ** 0.9
    within /= within.sum()

    # People: first names x generated surnames; popularity is Zipf too.
    n_people = max(2_000, passages // 50)
    firsts = _fixed(_FIRST)
    surnames = _words(rng, n_people // 2 + 1000, 2, 4)
    people = [
        (firsts[int(rng.integers(len(firsts)))], surnames[int(rng.integers(len(surnames)))])
        for _ in range(n_people)
    ]
    people_p = 1.0 / np.arange(1, n_people + 1) ** 0.9
    people_p /= people_p.sum()
    base = len(vocab)
    vocab_index = {w: i for i, w in enumerate(vocab)}
    first_ids = {w: base + i for i, w in enumerate(firsts)}
    last_ids: dict[str, int] = {}
    for _, last in people:
        if last not in last_ids and last not in vocab_index:
            last_ids[last] = base + len(firsts) + len(last_ids)
    all_words = np.array(vocab + firsts + list(last_ids), dtype=object)
    person_first = np.array([first_ids[f] for f, _ in people])
    person_last = np.array([last_ids.get(s, vocab_index.get(s, 0)) for _, s in people])

    lengths = np.clip(rng.normal(38, 14, size=passages), 8, 120).astype(np.int64)
    total = int(lengths.sum())
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    doc_of = np.repeat(np.arange(passages), lengths)
    ids = np.searchsorted(cdf, rng.random(total))
    # A fifth of the words come from the passage's topic.
    topic = rng.choice(n_topics, size=passages, p=topic_p)
    mask = rng.random(total) < 0.2
    picks = rng.choice(40, size=int(mask.sum()), p=within)
    ids[mask] = topic_words[topic[doc_of[mask]], picks]
    # Most passages quote someone: "<first> <last> said".
    quoted = np.flatnonzero(rng.random(passages) < 0.6)
    who = rng.choice(n_people, size=len(quoted), p=people_p)
    at = starts[quoted] + (rng.random(len(quoted)) * (lengths[quoted] - 3)).astype(np.int64)
    ids[at] = person_first[who]
    ids[at + 1] = person_last[who]
    ids[at + 2] = vocab_index["said"]
    flat = all_words[ids].tolist()
    bounds = np.concatenate((starts, [total])).tolist()
    docs = [flat[bounds[i] : bounds[i + 1]] for i in range(passages)]
    topics = [[vocab[i] for i in row] for row in topic_words]
    return Corpus(docs, topics, people, people_p, total)


def check_tokenizer(corpus: Corpus, sample: int = 300) -> None:
    """Passages rendered as text must tokenize back to their tokens."""
    for doc in corpus.docs[:sample]:
        text = " ".join(doc).capitalize() + "."
        if tokenize(text) != doc:
            raise AssertionError(f"generated passage does not survive tokenize: {text[:80]}")


def generate_queries(corpus: Corpus, count: int, seed: int = 4) -> list[tuple[str, list[str]]]:
    """(kind, tokens): names, name + topic, keywords and natural questions, a quarter each."""
    return [(kind, tokenize(text)) for kind, text in generate_query_texts(corpus, count, seed)]


def generate_query_texts(corpus: Corpus, count: int, seed: int = 4) -> list[tuple[str, str]]:
    """(kind, text) of `generate_queries`, as typed."""
    rng = np.random.default_rng(seed)
    out: list[tuple[str, str]] = []
    questions = (
        "What did {name} say about {t1}?",
        "Who said the {t1} would {t2}?",
        "What has {last} said on {t1} and {t2}?",
        "who said that {t1} {t2} was a mistake",
        "Did {name} criticise the {t1}?",
        "What did the minister say about {t1} {t2}?",
    )
    kinds = ("name", "name+topic", "keywords", "question")
    for i in range(count):
        kind = kinds[i % 4]
        first, last = corpus.people[int(rng.choice(len(corpus.people), p=corpus.people_p))]
        words = corpus.topics[int(rng.integers(len(corpus.topics)))]
        t1, t2, t3 = (words[int(j)] for j in rng.choice(12, size=3, replace=False))
        name = f"{first.title()} {last.title()}"
        if kind == "name":
            text = name
        elif kind == "name+topic":
            text = f"{name} {t1}"
        elif kind == "keywords":
            text = " ".join((t1, t2, t3)[: int(rng.integers(2, 4))])
        else:
            template = questions[int(rng.integers(len(questions)))]
            text = template.format(name=name, last=last.title(), t1=t1, t2=t2)
        out.append((kind, text))
    return out


# ---------------------------------------------------------------------- measuring
