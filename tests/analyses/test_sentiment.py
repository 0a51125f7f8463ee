"""Sentiment scores and their aggregation per speaker, checked by hand.

VADER's compound score of a text whose only sentiment word has valence ``s``
is ``s / sqrt(s**2 + 15)`` (its normalisation, alpha = 15), rounded to four
decimals; a negation word in the three words before multiplies ``s`` by -0.74.
The valences below are those of ``vader_lexicon.txt`` in the vaderSentiment
package (good 1.9, peace 2.5).
"""

from __future__ import annotations

import math
import os
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection

import toolkit
from toolkit.analyses.sentiment import SCORE_COLUMNS, _t_quantile


def vader_compound(valence: float) -> float:
    return round(valence / math.sqrt(valence**2 + 15), 4)


def frame(*texts) -> pd.DataFrame:
    return pd.DataFrame({"text": list(texts)})


def quotes_table(rows: list[tuple]) -> pd.DataFrame:
    """Quotations as extract_quotes returns them, built by hand."""
    columns = ["doc_id", "quote_id", "text", "kind", "speaker", "role"]
    table = pd.DataFrame(rows, columns=columns)
    n = len(table)
    table["start"] = np.arange(n) * 100
    table["end"] = table["start"] + table["text"].fillna("").str.len()
    for col in ("speaker_mention", "cue"):
        table[col] = None
    table["speaker_start"] = table["speaker_end"] = -1
    table["confidence"] = 1.0
    return table


# ---------------------------------------------------------------- scoring


def test_import_of_vader_emits_no_warning():
    import importlib

    import vaderSentiment.vaderSentiment as module

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.reload(module)
        module.SentimentIntensityAnalyzer().polarity_scores("fine")


def test_single_word_values_follow_vaders_formula():
    scored = toolkit.score_sentiment(frame("good", "not good", "The peace held."))
    assert scored["compound"].tolist() == [
        vader_compound(1.9),
        vader_compound(-0.74 * 1.9),
        vader_compound(2.5),
    ]
    # "good" alone is all positive. VADER weighs a sentiment word by its valence
    # + 1 and a neutral word by 1: "The peace held." is 3.5 / 5.5 positive.
    assert scored.loc[0, ["pos", "neu", "neg"]].tolist() == [1.0, 0.0, 0.0]
    assert scored.loc[2, ["pos", "neu", "neg"]].tolist() == [
        round(3.5 / 5.5, 3),
        round(2 / 5.5, 3),
        0.0,
    ]


def test_clearly_positive_and_negative_sentences():
    scored = toolkit.score_sentiment(
        frame(
            "The ceasefire brought welcome relief and hope to the families.",
            "The bombing killed dozens and spread terror in the city.",
            "The meeting took place on Tuesday in Doha.",
        )
    )
    positive, negative, neutral = scored.itertuples()
    assert positive.compound >= 0.5 and positive.pos > positive.neg == 0
    assert negative.compound <= -0.5 and negative.neg > negative.pos == 0
    assert (neutral.compound, neutral.pos, neutral.neu, neutral.neg) == (0, 0, 1, 0)


def test_negation_flips_the_sign():
    pos, neg = toolkit.score_sentiment(
        frame("The talks were a success.", "The talks were not a success.")
    )["compound"]
    assert pos > 0.05
    assert neg < -0.05


def test_missing_and_blank_texts_have_no_score():
    table = pd.DataFrame({"text": ["", "   \n", None, np.nan, pd.NA, "Good."]})
    scored = toolkit.score_sentiment(table)
    assert scored.loc[:4, list(SCORE_COLUMNS)].isna().all().all()
    assert scored.loc[5, "compound"] == vader_compound(1.9)


def test_returns_a_new_table_and_keeps_everything():
    table = pd.DataFrame(
        {"doc_id": ["a", "b"], "quote": ["Good.", "Bad."], "compound": [9.0, 9.0]},
        index=[10, 20],
    )
    before = table.copy()
    scored = toolkit.score_sentiment(table, text_col="quote")
    pd.testing.assert_frame_equal(table, before)  # input untouched
    assert list(scored.index) == [10, 20]
    assert list(scored.columns) == ["doc_id", "quote", *SCORE_COLUMNS]
    assert scored["compound"].tolist()[0] > 0 > scored["compound"].tolist()[1]


def test_corpus_scores_its_documents(sample_corpus):
    scored = toolkit.score_sentiment(sample_corpus)
    assert len(scored) == len(sample_corpus.docs)
    assert scored["doc_id"].tolist() == sample_corpus.docs["doc_id"].tolist()
    assert -1 <= scored["compound"].iat[0] <= 1


def test_unknown_column_and_bad_values():
    with pytest.raises(ValueError, match=r"no text column 'body'.*columns are: text"):
        toolkit.score_sentiment(frame("x"), text_col="body")
    with pytest.raises(ValueError, match=r"row 1 .*holds a int"):
        toolkit.score_sentiment(pd.DataFrame({"text": ["fine", 3]}, dtype=object))
    with pytest.raises(TypeError, match="DataFrame"):
        toolkit.score_sentiment(["a list"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=5))
def test_scores_stay_within_bounds(texts):
    scored = toolkit.score_sentiment(frame(*texts))
    for text, row in zip(texts, scored.itertuples(), strict=True):
        values = [row.compound, row.pos, row.neu, row.neg]
        if not text.strip():
            assert all(math.isnan(v) for v in values)
            continue
        assert -1 <= row.compound <= 1
        assert all(0 <= v <= 1 for v in values[1:])
        assert abs(row.pos + row.neu + row.neg - 1) <= 0.002  # each rounded to 3 places


def test_sample_sentences_are_scored(sample_corpus):
    sents = toolkit.sentences(sample_corpus)
    scored = toolkit.score_sentiment(sents)
    assert scored["compound"].notna().all()
    by_text = scored.set_index("text")["compound"]
    # a prison break read as bad news (prisoners, prison twice, broke); a
    # sentence without any sentiment word scores exactly 0
    prison = "More than 200 prisoners in the central prison of the Badghis broke"
    assert by_text[by_text.index.str.contains(prison)].iat[0] < -0.5
    smoke = "Video footage obtained by Reuters news agency showed smoke over the city."
    assert by_text[smoke] == 0


# ----------------------------------------------------------- user lexicons


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_vader_format_lexicon_replaces_vaders(tmp_path):
    lex = write(tmp_path, "mine.txt", "peace\t2.0\t0.5\t[2, 2]\nwar\t-3\n\n")
    scored = toolkit.score_sentiment(frame("peace", "war", "good", "not peace"), lexicon=lex)
    assert scored["compound"].tolist() == [
        vader_compound(2.0),
        vader_compound(-3.0),
        0.0,  # "good" is not in this lexicon
        vader_compound(-0.74 * 2.0),  # VADER's negation rule still applies
    ]


def test_vaders_own_lexicon_as_a_file_gives_the_default_scores():
    import vaderSentiment

    lex = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    texts = frame("A great success!", "Not good at all.", "The attack killed 12.", "meh :)")
    assert toolkit.score_sentiment(texts, lexicon=lex).equals(toolkit.score_sentiment(texts))


LC3 = """+negative#AA0000
attack*
a lie
+positive#00AA00
peace*
+neg_positive
not peace*
+neg_negative
not attack*
"""


def test_lexicoder_dictionary_tone(tmp_path):
    lex = write(tmp_path, "tone.lc3", LC3)
    scored = toolkit.score_sentiment(
        frame(
            "The peace talks collapsed after an attack.",  # 7 words, 1 positive, 1 negative
            "This is not peaceful.",  # "not peace*" wins over "peace*": negative
            "Attacks, attacks and a lie.",  # 5 words, 3 negative (wildcard, case, phrase)
            "They did not attack.",  # negated negative counts as positive
            "Nothing to report.",
            "",
        ),
        lexicon=lex,
    )
    got = scored[list(SCORE_COLUMNS)].to_numpy()
    expected = [
        [0.0, 1 / 7, 5 / 7, 1 / 7],
        [-1.0, 0.0, 3 / 4, 1 / 4],
        [-1.0, 0.0, 2 / 5, 3 / 5],
        [1.0, 1 / 4, 3 / 4, 0.0],
        [0.0, 0.0, 1.0, 0.0],
    ]
    np.testing.assert_allclose(got[:5], expected)
    assert np.isnan(got[5]).all()


def test_lexicoder_ties_and_duplicates(tmp_path):
    lex = write(tmp_path, "dup.lc3", "+positive\ngood\ngood*\nGOOD\n+negative\nbad\n")
    scored = toolkit.score_sentiment(frame("good good bad"), lexicon=lex)
    # each token counts once, whatever number of entries match it
    np.testing.assert_allclose(
        scored[list(SCORE_COLUMNS)].to_numpy()[0], [1 / 3, 2 / 3, 0.0, 1 / 3]
    )


def test_entry_on_both_sides_counts_as_neither(tmp_path):
    lex = write(tmp_path, "both.lc3", "+positive\ngood\nenvious\n+negative\nbad\nEnvious\n")
    with pytest.warns(UserWarning, match=r"both\.lc3: 1 entries .*'envious' \(lines 3 and 6\)"):
        scored = toolkit.score_sentiment(frame("envious but good"), lexicon=lex)
    # three words, one positive; "envious" is neither
    np.testing.assert_allclose(scored[list(SCORE_COLUMNS)].to_numpy()[0], [1.0, 1 / 3, 2 / 3, 0])


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("no_tab.txt", "good\t1.9\npeace\n", r"no_tab\.txt, line 2: expected 'token<TAB>"),
        ("nan.txt", "good\t1.9\n\nbad\tvery\n", r"nan\.txt, line 3: the score 'very'"),
        ("inf.txt", "good\tinf\n", r"inf\.txt, line 1: .*not a finite number"),
        ("cat.lc3", "+positive\ngood\n+angry\nbad\n", r"cat\.lc3, line 3: unknown category"),
        ("star.lc3", "+positive\ngood\n*\n", r"star\.lc3, line 3: .*every token"),
        ("words.txt", "good 1.9\n", r"words\.txt, line 1: cannot tell the lexicon's format"),
        ("empty.txt", "\n  \n", r"empty\.txt: the lexicon file is empty"),
        ("cats.lc3", "+positive\n+negative\n", r"cats\.lc3: .*no positive or negative entries"),
    ],
)
def test_malformed_lexicons_name_file_and_line(tmp_path, name, text, message):
    lex = write(tmp_path, name, text)
    with pytest.raises(ValueError, match=message):
        toolkit.score_sentiment(frame("good"), lexicon=lex)


def test_undecodable_lexicon_names_the_line(tmp_path):
    lex = tmp_path / "latin1.txt"
    lex.write_bytes("good\t1.9\ncaf\u00e9\t1.0\n".encode("latin-1"))
    with pytest.raises(ValueError, match=r"latin1\.txt, line 2: .*not valid UTF-8"):
        toolkit.score_sentiment(frame("good"), lexicon=lex)


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nowhere\.txt' does not exist"):
        toolkit.score_sentiment(frame("good"), lexicon=tmp_path / "nowhere.txt")


def test_an_edited_lexicon_is_read_again(tmp_path):
    lex = write(tmp_path, "edit.txt", "peace\t2.0\n")
    assert toolkit.score_sentiment(frame("peace"), lexicon=lex)["compound"][0] > 0
    lex.write_text("peace\t-2.0\n", encoding="utf-8")
    stat = lex.stat()
    os.utime(lex, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert toolkit.score_sentiment(frame("peace"), lexicon=lex)["compound"][0] < 0


# ------------------------------------------------------------- per speaker

QUOTES = [
    ("d1", 1, "q1", "direct", "Zabihullah Mujahid", "Taliban spokesman"),
    ("d1", 2, "q2", "partial", "Zabihullah Mujahid", "Taliban spokesman"),
    ("d2", 3, "q3", "indirect", "Zabihullah Mujahid", None),
    ("d2", 4, "q4", "direct", "Fawad Aman", "defence ministry spokesman"),
    ("d2", 5, "q5", "indirect", None, None),
    ("d3", 6, "q6", "direct", "", None),
    ("d3", 7, "q7", "partial", "Fawad Aman", "ministry official"),
    ("d3", 8, "q8", "direct", "Fawad Aman", "defence ministry spokesman"),
]
COMPOUND = [0.5, 0.3, -0.2, -0.6, 0.0, 0.7, -0.4, np.nan]


@pytest.fixture
def quotes() -> pd.DataFrame:
    table = quotes_table(QUOTES)
    table["compound"] = COMPOUND
    return table


def test_by_speaker_counts_means_and_shares(quotes):
    out = toolkit.sentiment_by_speaker(quotes)
    assert out.columns[:9].tolist() == [
        "speaker",
        "role",
        "n_quotes",
        "n_scored",
        "mean_compound",
        "ci_low",
        "ci_high",
        "share_negative",
        "share_positive",
    ]
    rows = {r.speaker: r for r in out.itertuples()}
    assert set(rows) == {"Zabihullah Mujahid", "Fawad Aman", "(unattributed)"}
    m = rows["Zabihullah Mujahid"]
    assert (m.n_quotes, m.n_scored, m.n_documents) == (3, 3, 2)
    assert m.mean_compound == pytest.approx(0.2)
    assert (m.share_positive, m.share_negative) == (pytest.approx(2 / 3), pytest.approx(1 / 3))
    assert m.role == "Taliban spokesman"
    assert m.doc_ids == ["d1", "d2"] and m.quote_ids == [("d1", 1), ("d1", 2), ("d2", 3)]
    a = rows["Fawad Aman"]
    # the third quotation has no score (no text): counted, left out of the mean
    assert (a.n_quotes, a.n_scored) == (3, 2)
    assert a.mean_compound == pytest.approx(-0.5)
    assert (a.share_negative, a.share_positive) == (1.0, 0.0)
    assert a.role == "defence ministry spokesman"  # twice, against once
    u = rows["(unattributed)"]  # None and "" alike
    assert (u.n_quotes, u.quote_ids, u.mean_compound) == (
        2,
        [("d2", 5), ("d3", 6)],
        pytest.approx(0.35),
    )
    assert out["n_quotes"].tolist() == [3, 3, 2]  # most quotations first, ties by appearance
    assert out["speaker"].tolist()[:2] == ["Zabihullah Mujahid", "Fawad Aman"]


def test_t_interval_by_hand(quotes):
    out = toolkit.sentiment_by_speaker(quotes).set_index("speaker")
    # 0.5, 0.3, -0.2: mean 0.2, sd sqrt(0.13), t(0.975, 2 df) = 4.3027
    half = 4.302653 * math.sqrt(0.13) / math.sqrt(3)
    assert out.loc["Zabihullah Mujahid", "ci_low"] == pytest.approx(0.2 - half, abs=1e-5)
    assert out.loc["Zabihullah Mujahid", "ci_high"] == 1.0  # 1.096 clipped to the scale


@pytest.mark.parametrize(
    ("level", "df", "table_value"),
    [(0.95, 1, 12.706), (0.95, 2, 4.303), (0.95, 5, 2.571), (0.95, 30, 2.042), (0.99, 10, 3.169)],
)
def test_t_quantile_matches_printed_tables(level, df, table_value):
    assert _t_quantile(level, df) == pytest.approx(table_value, abs=5e-4)


def test_t_quantile_continuous_where_the_method_changes():
    assert _t_quantile(0.95, 1000) == pytest.approx(1.9623, abs=1e-4)
    assert 0 < _t_quantile(0.95, 1000) - _t_quantile(0.95, 1001) < 1e-5


def test_unattributed_label_can_be_chosen(quotes):
    out = toolkit.sentiment_by_speaker(quotes, unattributed="no speaker")
    assert "no speaker" in out["speaker"].tolist()
    assert out["n_quotes"].sum() == len(quotes)  # nothing dropped


def test_kinds_option_changes_counts(quotes):
    def counts(**kw):
        out = toolkit.sentiment_by_speaker(quotes, **kw)
        return dict(zip(out["speaker"], out["n_quotes"], strict=True))

    assert counts() == {"Zabihullah Mujahid": 3, "Fawad Aman": 3, "(unattributed)": 2}
    assert counts(kinds="direct") == {"Zabihullah Mujahid": 1, "Fawad Aman": 2, "(unattributed)": 1}
    assert counts(kinds=["direct", "partial"]) == {
        "Zabihullah Mujahid": 2,
        "Fawad Aman": 3,
        "(unattributed)": 1,
    }
    assert counts(kinds=["indirect"]) == {"Zabihullah Mujahid": 1, "(unattributed)": 1}


def test_kinds_errors(quotes):
    with pytest.raises(ValueError, match="accepted kinds are direct, partial, indirect"):
        toolkit.sentiment_by_speaker(quotes, kinds="mixed")
    with pytest.raises(ValueError, match="needs a 'kind' column"):
        toolkit.sentiment_by_speaker(quotes.drop(columns="kind"), kinds="direct")
    with pytest.raises(ValueError, match="no 'speaker' column"):
        toolkit.sentiment_by_speaker(quotes.drop(columns="speaker"))


@pytest.mark.parametrize("ci", ["t", "bootstrap"])
def test_interval_contains_the_mean_and_narrows_with_more_data(ci):
    values = [0.6, -0.3, 0.1, 0.4, -0.5, 0.2]
    rows = [("d1", i, "x", "direct", "A", None) for i in range(len(values))]
    small = quotes_table(rows).assign(compound=values)
    big = quotes_table(rows * 5).assign(compound=values * 5)
    a = toolkit.sentiment_by_speaker(small, ci=ci).iloc[0]
    b = toolkit.sentiment_by_speaker(big, ci=ci).iloc[0]
    for r in (a, b):
        assert r.ci_low < r.mean_compound < r.ci_high
    assert a.mean_compound == pytest.approx(b.mean_compound)
    assert b.ci_high - b.ci_low < 0.6 * (a.ci_high - a.ci_low)


def test_a_single_quotation_has_no_interval(quotes):
    one = quotes.iloc[[0]]
    for ci in ("t", "bootstrap"):
        r = toolkit.sentiment_by_speaker(one, ci=ci).iloc[0]
        assert r.mean_compound == 0.5
        assert math.isnan(r.ci_low) and math.isnan(r.ci_high)


def test_bootstrap_is_reproducible_and_seeded(quotes):
    values = [0.6, -0.3, 0.1, 0.4, -0.5, 0.2, 0.9, -0.8]
    rows = [("d1", i, "x", "direct", "A" if i < 5 else "B", None) for i in range(len(values))]
    table = quotes_table(rows).assign(compound=values)
    first = toolkit.sentiment_by_speaker(table, ci="bootstrap")
    again = toolkit.sentiment_by_speaker(table, ci="bootstrap")
    pd.testing.assert_frame_equal(first, again)
    other = toolkit.sentiment_by_speaker(table, ci="bootstrap", seed=7)
    assert not np.allclose(first[["ci_low", "ci_high"]], other[["ci_low", "ci_high"]])
    # a speaker's interval does not depend on which other speakers are in the table
    alone = toolkit.sentiment_by_speaker(table[table.speaker == "A"], ci="bootstrap")
    assert alone.iloc[0][["ci_low", "ci_high"]].tolist() == (
        first.set_index("speaker").loc["A", ["ci_low", "ci_high"]].tolist()
    )


def test_scores_are_computed_when_missing():
    table = quotes_table(
        [
            ("d1", 1, "This is a great victory and we are proud.", "direct", "A", None),
            ("d1", 2, "A wonderful, happy day.", "direct", "A", None),
            ("d2", 3, "The attack was a terrible disaster.", "direct", "B", None),
        ]
    )
    out = toolkit.sentiment_by_speaker(table).set_index("speaker")
    scored = toolkit.score_sentiment(table)
    assert out.loc["A", "mean_compound"] == pytest.approx(scored["compound"][:2].mean())
    assert out.loc["A", "share_positive"] == 1.0
    assert out.loc["B", "share_negative"] == 1.0
    assert "compound" not in table.columns  # the input is not changed


def test_empty_quotations_table():
    out = toolkit.sentiment_by_speaker(quotes_table([]))
    assert out.empty
    assert {"speaker", "n_quotes", "mean_compound", "quote_ids"} <= set(out.columns)


def test_option_validation(quotes):
    with pytest.raises(ValueError, match="ci='normal' is not one of t, bootstrap"):
        toolkit.sentiment_by_speaker(quotes, ci="normal")
    with pytest.raises(ValueError, match="level=95"):
        toolkit.sentiment_by_speaker(quotes, level=95)
    with pytest.raises(ValueError, match="seed=-1"):
        toolkit.sentiment_by_speaker(quotes, seed=-1)


def test_sentiment_by_matches_a_plain_group_mean(sample_corpus):
    sents = toolkit.score_sentiment(toolkit.sentences(sample_corpus))
    out = toolkit.sentiment_by(sents, "kind")
    expected = sents.groupby(sents["kind"].astype(str))["compound"].agg(["size", "mean"])
    got = out.set_index("kind")
    assert got["n"].to_dict() == expected["size"].to_dict()
    for kind, mean in expected["mean"].items():
        assert got.loc[kind, "mean_compound"] == pytest.approx(mean)
    assert (got["n_documents"] == 1).all()


def test_sentiment_by_several_columns_and_errors(quotes):
    out = toolkit.sentiment_by(quotes, ["speaker", "kind"], missing="?")
    assert out["n"].sum() == len(quotes)
    row = out[(out.speaker == "Fawad Aman") & (out.kind == "direct")].iloc[0]
    assert (row.n, row.n_scored, row.mean_compound) == (2, 1, -0.6)
    with pytest.raises(ValueError, match="no column 'actor' to group by"):
        toolkit.sentiment_by(quotes, "actor")


# -------------------------------------------------------------------- plot


def test_plot_one_point_per_speaker_sorted_with_n(quotes):
    table = toolkit.sentiment_by_speaker(quotes)
    ax = toolkit.plot_speaker_sentiment(table)
    assert isinstance(ax, Axes)
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(points) == 1
    offsets = points[0].get_offsets()
    assert len(offsets) == len(table)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # most positive on top: unattributed 0.35, Mujahid 0.2, Aman -0.5
    assert labels == ["(unattributed) (n=2)", "Zabihullah Mujahid (n=3)", "Fawad Aman (n=3)"]
    assert sorted(offsets[:, 0].tolist(), reverse=True) == [
        pytest.approx(v) for v in (0.35, 0.2, -0.5)
    ]


def test_plot_uses_given_axes_and_limits_rows(quotes):
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    table = toolkit.sentiment_by_speaker(quotes)
    assert toolkit.plot_speaker_sentiment(table, max_rows=2, ax=ax) is ax
    assert len(ax.get_yticklabels()) == 2
    assert "1 with fewer quotations not shown" in ax.get_title(loc="left")


def test_plot_skips_speakers_without_scores_and_says_so():
    table = quotes_table(
        [("d1", 1, "Good.", "direct", "A", None), ("d1", 2, "", "direct", "B", None)]
    )
    ax = toolkit.plot_speaker_sentiment(toolkit.sentiment_by_speaker(table))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (n=1)"]
    assert "1 without a score not shown" in ax.get_title(loc="left")


def test_plot_rejects_other_tables():
    with pytest.raises(ValueError, match="lacks mean_compound"):
        toolkit.plot_speaker_sentiment(pd.DataFrame({"speaker": ["A"], "n_quotes": [1]}))


def test_compact_dtypes_from_extract_quotes_are_handled(quotes):
    compact = quotes.astype(
        {"doc_id": "category", "kind": "category", "speaker": "category", "quote_id": "int32"}
    )
    plain = toolkit.sentiment_by_speaker(quotes, kinds=["direct", "partial"])
    got = toolkit.sentiment_by_speaker(compact, kinds=["direct", "partial"])
    pd.testing.assert_frame_equal(got, plain, check_dtype=False)
    ids = got.set_index("speaker")["quote_ids"]
    assert ids["Zabihullah Mujahid"] == [("d1", 1), ("d1", 2)]
    assert isinstance(ids["Fawad Aman"][0][1], int)


def test_partial_inside_a_counted_indirect_quotation_is_not_counted_twice():
    # quotation 2 is a fragment of indirect quotation 1 (part_of); quotation 3 of
    # indirect quotation 9, which is not in the table
    table = quotes_table(
        [
            ("d1", 1, "he said the war was a defeat", "indirect", "Zarif", None),
            ("d1", 2, '"defeat"', "partial", "Zarif", None),
            ("d1", 3, '"victory"', "partial", "Zarif", None),
        ]
    )
    table["part_of"] = pd.array([pd.NA, 1, 9], dtype="Int32")
    everything = toolkit.sentiment_by_speaker(table).iloc[0]
    assert everything.quote_ids == [("d1", 1), ("d1", 3)]
    fragments = toolkit.sentiment_by_speaker(table, kinds="partial").iloc[0]
    assert fragments.quote_ids == [("d1", 2), ("d1", 3)]


def test_sentiment_by_speaker_names_people_across_documents_and_can_leave_press_out():
    from ..conftest import BRIEFING

    follow_up = "MS. PSAKI: We are proud of them.\n\nQ Is it a disaster?\n\nMS. PSAKI: No, it is not.\n\nEND"
    quotes = toolkit.extract_quotes(toolkit.load_corpus([BRIEFING, follow_up], progress=False))
    assert "Psaki" in set(quotes["speaker"])  # the second document alone names her so
    table = toolkit.sentiment_by_speaker(quotes).set_index("speaker")
    # one row for her: her three turns, not her "I think" inside the first
    assert "Psaki" not in table.index and table.loc["Jen Psaki", "n_quotes"] == 3
    assert table.loc["reporter", "n_quotes"] == 2
    assert "reporter" not in set(toolkit.sentiment_by_speaker(quotes, press=False)["speaker"])
