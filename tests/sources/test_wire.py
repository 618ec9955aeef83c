"""Wire folders: NewsML-G2 (NITF and XHTML bodies) and NITF files as agencies deliver them."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.corpus.articles import load_corpus
from bot.sources.config import SourceConfig
from bot.sources.ingest import pull_source

G2 = "http://iptc.org/std/nar/2006-10-01/"


def newsml(
    guid: str,
    version: int,
    paragraphs: list[str],
    *,
    status: str = "usable",
    embargo: str | None = None,
    headline: str = "Port strike ends",
    body: str = "nitf",
    correction: str | None = None,
) -> str:
    """A NewsML-G2 2.33 newsItem (power conformance) with an NITF or XHTML inline body."""
    paras = "".join(f"<p>{p}</p>" for p in paragraphs)
    if body == "nitf":
        inline = (
            '<inlineXML contenttype="application/nitf+xml">'
            '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>'
            f"{paras}<media media-type='image'><media-caption>Dock workers at dawn"
            "</media-caption></media></body.content></body></nitf></inlineXML>"
        )
    else:
        inline = (
            '<inlineXML contenttype="application/xhtml+xml">'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>'
            f"<body>{paras}</body></html></inlineXML>"
        )
    signal = '<signal qcode="sig:correction"/>' if correction else ""
    ednote = f"<edNote>{correction}</edNote>" if correction else ""
    embargoed = f"<embargoed>{embargo}</embargoed>" if embargo else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{G2}" guid="{guid}" version="{version}" standard="NewsML-G2"
  standardversion="2.33" conformance="power" xml:lang="en">
 <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
 <itemMeta>
  <itemClass qcode="ninat:text"/>
  <provider qcode="nprov:EXAMPLEWIRE"/>
  <versionCreated>2026-11-30T1{version}:00:00Z</versionCreated>
  <firstCreated>2026-11-30T09:00:00Z</firstCreated>
  {embargoed}
  <pubStatus qcode="stat:{status}"/>
  {ednote}{signal}
 </itemMeta>
 <contentMeta>
  <headline>{headline}</headline>
  <by>By Mara Quinn</by>
  <dateline>ROTTERDAM</dateline>
 </contentMeta>
 <contentSet>{inline}</contentSet>
</newsItem>
"""


def nitf(doc_id: str, version: int, paragraphs: list[str], status: str = "usable") -> str:
    """An NITF 3.6 document with docdata (management-status, du-key version, correction)."""
    paras = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN">
 <head>
  <title>Rail fares</title>
  <docdata management-status="{status}">
   <doc-id id-string="{doc_id}"/>
   <du-key version="{version}" key="rail-fares"/>
   <date.issue norm="20261201T081500Z"/>
   <correction info="Corrects the fare increase to 4 percent." id-string="{doc_id}"/>
  </docdata>
 </head>
 <body>
  <body.head>
   <hedline><hl1>Rail fares rise in January</hl1></hedline>
   <byline>By <person>Ines Varga</person></byline>
   <dateline><location><city>Vienna</city></location></dateline>
  </body.head>
  <body.content>{paras}</body.content>
 </body>
</nitf>
"""


def _config(folder: Path) -> SourceConfig:
    return SourceConfig(name="wire", type="wire", path=folder, outlet="Example Wire")


def _articles(corpus: Path) -> dict[str, str]:
    return {a.id: a.text for a in load_corpus(corpus).articles}


def test_newsml_and_nitf_items_land_with_metadata_and_without_captions(tmp_path: Path) -> None:
    inbox, corpus = tmp_path / "inbox", tmp_path / "corpus"
    inbox.mkdir()
    (inbox / "a.xml").write_text(
        newsml("urn:newsml:example.com:20261130:strike", 1, ["“We have a deal,” said Jo Park."])
    )
    (inbox / "b.xml").write_text(
        nitf("fares-1", 2, ["Fares rise 4 percent.", "“It is unavoidable,” said Uwe Berg."])
    )
    (inbox / "c.xml").write_text(
        newsml("urn:newsml:example.com:20261130:x", 1, ["XHTML body text."], body="xhtml")
    )
    changes = pull_source(_config(inbox), corpus)
    assert len(changes.added) == 3 and not changes.errors
    (strike,) = [a for a in load_corpus(corpus).articles if "deal" in a.text]
    assert strike.text == "“We have a deal,” said Jo Park."  # the caption is not text
    assert (strike.headline, strike.byline, strike.outlet) == (
        "Port strike ends",
        "Mara Quinn",
        "Example Wire",
    )
    assert strike.published and strike.published.isoformat() == "2026-11-30"
    (fares,) = [a for a in load_corpus(corpus).articles if "Fares" in a.text]
    assert fares.byline == "Ines Varga" and fares.headline == "Rail fares rise in January"
    assert fares.correction == "Corrects the fare increase to 4 percent."
    assert fares.paragraphs == ((0, 21), (23, 58))


def test_later_versions_replace_earlier_ones_and_an_older_one_arriving_late_does_not(
    tmp_path: Path,
) -> None:
    inbox, corpus = tmp_path / "inbox", tmp_path / "corpus"
    inbox.mkdir()
    guid = "urn:newsml:example.com:20261130:vote"
    (inbox / "v2.xml").write_text(newsml(guid, 2, ["Turnout was 61 percent."]))
    pull_source(_config(inbox), corpus)
    (inbox / "v3.xml").write_text(newsml(guid, 3, ["Turnout was 64 percent, officials said."]))
    changes = pull_source(_config(inbox), corpus)
    assert changes.updated == [guid]
    (inbox / "v1.xml").write_text(newsml(guid, 1, ["Turnout was high."]))
    assert pull_source(_config(inbox), corpus).updated == []
    assert list(_articles(corpus).values()) == ["Turnout was 64 percent, officials said."]


def test_embargoed_and_withheld_items_stay_out_until_released_and_canceled_ones_go(
    tmp_path: Path,
) -> None:
    inbox, corpus = tmp_path / "inbox", tmp_path / "corpus"
    inbox.mkdir()
    soon = (datetime.now(UTC) + timedelta(seconds=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    (inbox / "embargo.xml").write_text(
        newsml("urn:e", 1, ["Embargoed budget figures."], embargo=soon)
    )
    (inbox / "held.xml").write_text(newsml("urn:w", 1, ["Withheld report."], status="withheld"))
    (inbox / "nitf-embargo.xml").write_text(nitf("n-e", 1, ["Not yet."], status="embargoed"))
    pull_source(_config(inbox), corpus)
    assert _articles(corpus) == {}
    release = datetime.fromisoformat(soon.replace("Z", "+00:00"))
    time.sleep(max(0.0, (release - datetime.now(UTC)).total_seconds()) + 0.05)
    assert pull_source(_config(inbox), corpus).added == ["urn:e"]
    # A later version withholds it again; another cancels a story already out.
    (inbox / "out.xml").write_text(newsml("urn:c", 1, ["Story to be killed."]))
    pull_source(_config(inbox), corpus)
    (inbox / "embargo-2.xml").write_text(newsml("urn:e", 2, ["Held."], status="withheld"))
    (inbox / "kill.xml").write_text(newsml("urn:c", 2, ["Killed."], status="canceled"))
    (inbox / "nitf-release.xml").write_text(nitf("n-e", 2, ["Released now."]))
    changes = pull_source(_config(inbox), corpus)
    assert sorted(changes.removed) == ["urn:c", "urn:e"]
    assert list(_articles(corpus).values()) == ["Released now."]


def test_broken_files_are_skipped_entities_are_not_resolved_and_purged_files_stay(
    tmp_path: Path,
) -> None:
    inbox, corpus = tmp_path / "inbox", tmp_path / "corpus"
    inbox.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("PRIVATE-CONTENTS")
    (inbox / "good.xml").write_text(newsml("urn:g", 1, ["A good item."]))
    (inbox / "half.xml").write_text(newsml("urn:h", 1, ["Half written."])[:300])
    (inbox / "xxe.xml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file://{secret}">]>'
        + nitf("xxe", 1, ["Leak: &x;"]).split("?>", 1)[1]
    )
    changes = pull_source(_config(inbox), corpus)
    assert changes.added == ["urn:g", "xxe"] and changes.errors == ["half.xml: not readable XML"]
    assert "PRIVATE-CONTENTS" not in "".join(p.read_text() for p in corpus.rglob("*.md"))
    # The half-written file is complete now: it is read on the next pull.
    (inbox / "half.xml").write_text(newsml("urn:h", 1, ["Half written."]))
    assert pull_source(_config(inbox), corpus).added == ["urn:h"]
    # Wire folders are purged routinely: a file going away is no takedown.
    for path in inbox.iterdir():
        path.unlink()
    assert pull_source(_config(inbox), corpus).removed == []
    assert len(_articles(corpus)) == 3
