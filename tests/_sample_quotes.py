"""A quotation table for the sample article, made by hand.

Each quotation below was read off the article: its words, its kind and who
says it. Offsets are found by searching the cleaned text for those words, so
the table does not depend on any extraction code. It stands in for
``toolkit.extract_quotes`` where a test must know exactly which quotation a
hit lies in.
"""

from __future__ import annotations

import pandas as pd

# (text as printed, kind, speaker). Direct and partial quotations include their
# marks; the indirect one is the reported content after "Shams said".
SAMPLE_QUOTES = [
    (
        '"They entered some parts of the city, but later on the enemy was faced with a '
        'strong reaction,"',
        "direct",
        "Husamuddin Shams",
    ),
    (
        '"cleared the area of the enemy. The enemy suffered heavy casualties and now we are '
        'advancing and driving the enemy out of the city."',
        "partial",
        "Sayed Nezami",
    ),
    ('"They were inside the city and the city briefly collapsed,"', "direct", "the official"),
    (
        '"Qala-e-Naw was in a state of disarray as security forces and people do not know what '
        'to do now,"',
        "direct",
        "Abdul Aziz Bek",
    ),
    (
        '"More than 200 prisoners in the central prison of the Badghis broke the prison gate '
        'and escaped."',
        "direct",
        "Abdul Aziz Bek",
    ),
    (
        "other districts of Badghis outside the capital were in the hands of the Taliban as "
        "security forces evacuated",
        "indirect",
        "Husamuddin Shams",
    ),
    ('"difficult"', "partial", "Bismillah Mohammadi"),
    (
        '"defending Afghanistan and our compatriots with all their might and resources under '
        'all circumstances"',
        "partial",
        "Bismillah Mohammadi",
    ),
    (
        '"Today the people and political leaders of Afghanistan must make difficult decisions '
        'for the future of their country"',
        "direct",
        "Mohammad Javad Zarif",
    ),
    ('"discuss issues of mutual interest"', "partial", "Zabihullah Mujahid"),
    ('"some Afghan personalities"', "partial", "Zabihullah Mujahid"),
    (
        '"They will discuss and exchange opinions on the current situation of the country and '
        'finding a solution through talks,"',
        "direct",
        "Zabihullah Mujahid",
    ),
    ('"defeat"', "partial", "Mohammad Javad Zarif"),
    ('"extensive damage"', "partial", "Mohammad Javad Zarif"),
    ('"unfavourable results of continuing the conflict"', "partial", "Mohammad Javad Zarif"),
]


def sample_quotes(corpus) -> pd.DataFrame:
    """The hand-made quotation table, with offsets into the corpus text."""
    doc_id = corpus.docs["doc_id"].iat[0]
    text = corpus.docs["text"].iat[0]
    rows = []
    for i, (words, kind, speaker) in enumerate(SAMPLE_QUOTES):
        start = text.find(words)
        assert start >= 0 and text.find(words, start + 1) < 0, words
        rows.append(
            {
                "doc_id": doc_id,
                "quote_id": i,
                "start": start,
                "end": start + len(words),
                "text": words,
                "kind": kind,
                "speaker": speaker,
            }
        )
    return pd.DataFrame(rows)
