"""HTML bodies -> the outlet's own paragraphs, with real-shaped CMS markup."""

from __future__ import annotations

from bot.sources.html import html_body
from bot.sources.store import Story, render


def test_one_paragraph_per_block_with_tags_gone_and_entities_decoded() -> None:
    body = html_body(
        "<h2>Budget &amp; taxes</h2><p>The &#8220;plan&#8221; passed <em>narrowly</em>,"
        "&nbsp;41&ndash;39.</p><ul><li>Schools: up</li><li>Roads: flat</li></ul>"
        "<div>Loose text<br>on two lines</div><blockquote><p>A letter the council read.</p>"
        "</blockquote>"
    )
    assert body.paragraphs == (
        "Budget & taxes",
        "The “plan” passed narrowly, 41–39.",
        "Schools: up",
        "Roads: flat",
        "Loose text on two lines",
        "A letter the council read.",
    )


def test_embeds_of_other_parties_never_count_as_the_outlets_text() -> None:
    body = html_body(
        "<p>Lead paragraph.</p>"
        '<blockquote class="twitter-tweet" data-width="550"><p lang="en" dir="ltr">We are '
        'closing the bridge</p>&mdash; City (@city) <a href="https://twitter.com/x">Nov 30'
        "</a></blockquote><script async src='https://platform.twitter.com/widgets.js'></script>"
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/'
        'p/x/"><div><p>A post shared by someone</p></div></blockquote>'
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/abc" title="YouTube">'
        "</iframe>"
        '<figure class="wp-block-embed is-type-video is-provider-youtube"><div class='
        '"wp-block-embed__wrapper">https://www.youtube.com/watch?v=abc</div></figure>'
        "<p>https://www.instagram.com/p/xyz/</p>"
        "<p>Closing paragraph.</p>"
    )
    assert body.paragraphs == ("Lead paragraph.", "Closing paragraph.")


def test_captions_pullquotes_related_boxes_and_ads_are_left_out() -> None:
    body = html_body(
        '<div id="attachment_9" class="wp-caption aligncenter"><img src="a.jpg">'
        '<p class="wp-caption-text">The mayor at the pier.</p></div>'
        "<p>“We will rebuild the pier by summer,” the mayor said.</p>"
        '<aside class="pullquote">We will rebuild the pier by summer</aside>'
        "<blockquote><p>“We will rebuild the pier by summer,”</p></blockquote>"
        '<div class="jp-relatedposts"><h3>Related</h3><p>Pier history</p></div>'
        "<p>READ MORE: Pier closed after storm</p><p>Related: Storm costs</p>"
        '<div class="ad-slot">Sponsored</div><p>Advertisement</p>'
        "<p>Story continues below advertisement</p>"
        "<p>Work begins in April.</p>"
    )
    assert body.paragraphs == (
        "“We will rebuild the pier by summer,” the mayor said.",
        "Work begins in April.",
    )


def test_correction_notes_are_kept_apart_from_the_text() -> None:
    body = html_body(
        "<p>The vote was 5-4.</p><p><em>Correction: An earlier version of this article gave "
        "the wrong vote count.</em></p>"
    )
    assert body.paragraphs == ("The vote was 5-4.",)
    assert body.correction == (
        "Correction: An earlier version of this article gave the wrong vote count."
    )


def test_rendered_files_cannot_be_cut_short_or_given_extra_metadata() -> None:
    story = Story(
        key="k",
        paragraphs=("First.", "- - -", "Last.\nstill last"),
        headline="Two\nlines: and a colon",
    )
    text = render(story, "src-k")
    assert (
        text
        == "---\nid: src-k\nheadline: Two lines: and a colon\n---\nFirst.\n\nLast. still last\n"
    )
