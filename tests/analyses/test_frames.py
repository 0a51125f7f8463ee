"""Frame cues: hand-counted on the sample article, voice and speaker, the join."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.analyses.frames import FRAME_HIT_COLUMNS
from toolkit.analyses.voice import attach_voice

from .._sample_quotes import sample_quotes

# Counted by reading the cleaned sample article against the default frame
# lexicon (the READ MORE links, with "US troop pullout", are removed by cleaning).
SAMPLE_FRAMES = {
    # "pulls out its last troops", "As foreign forces withdraw", "the United States
    # pulled out", "the departure of the US", "US and NATO exit", "to pull out its
    # troops", "US troops pulled out", "their pullout", "the complete withdrawal"
    "withdrawal": 9,
    # "the city briefly collapsed" (a quoted official), "forcing soldiers to
    # surrender", the "defeat" of US troops (quoted)
    "defeat": 3,
    # "taken back control" (lead), "recaptured", "stormed", "taking over",
    # "dramatic advance", the subheading's "Advancing", Nezami's "advancing",
    # "taken control", "take over the governor's office", "take back control",
    # "a Taliban victory", "gaining ground", "have been advancing", "an
    # offensive", "Taliban gains", "an onslaught" ("surrounding" is left out on
    # purpose: mostly an adjective)
    "victory/advance": 16,
    # "sparking panic", "he described panic", "disarray", "civilians to flee",
    # "a possible civil war"
    "chaos/panic": 5,
    # "Talks between", "Taliban negotiators", the subheading "Iran talks", "the
    # Tehran talks", "Leading negotiator", "holding talks", "through talks",
    # "a political deal"
    "negotiation/peace talks": 8,
    "evacuation": 1,  # "as security forces evacuated"
    "security threat": 0,
}

# Whose words, with the hand-made quotation table (tests/_sample_quotes.py).
SAMPLE_FRAME_VOICES = {
    ("withdrawal", "narrator"): 9,
    ("defeat", "narrator"): 1,  # "forcing soldiers to surrender"
    ("defeat", "quoted"): 2,  # "collapsed" (the official), "defeat" (Zarif)
    ("victory/advance", "narrator"): 15,
    ("victory/advance", "quoted"): 1,  # Nezami: "now we are advancing"
    ("chaos/panic", "narrator"): 4,
    ("chaos/panic", "quoted"): 1,  # Bek: "a state of disarray"
    ("negotiation/peace talks", "narrator"): 7,
    ("negotiation/peace talks", "quoted"): 1,  # Mujahid: "through talks"
    ("evacuation", "reported"): 1,  # Shams said ... security forces evacuated
}


@pytest.fixture(scope="module")
def quotes(sample_corpus):
    return sample_quotes(sample_corpus)


@pytest.fixture(scope="module")
def hits(sample_corpus, quotes):
    return toolkit.find_frames(sample_corpus, quotes=quotes)


def test_hits_trace_back_to_the_text(sample_corpus, hits):
    assert list(hits.columns) == FRAME_HIT_COLUMNS
    text = sample_corpus.docs["text"].iat[0]
    assert all(
        text[a:b] == t for a, b, t in zip(hits["start"], hits["end"], hits["text"], strict=True)
    )
    pull = hits[hits["cue"] == "pull* out"]
    assert pull["text"].tolist() == ["pulls out", "pulled out", "pull out", "pulled out"]
    assert set(pull["frame"]) == {"withdrawal"}


def test_hand_counted_sample(sample_corpus, quotes):
    table = toolkit.count_frames(sample_corpus, quotes=quotes)
    counted = dict(zip(table["frame"].astype(str), table["mentions"], strict=True))
    assert counted == SAMPLE_FRAMES
    rows = table.set_index("frame")
    assert rows.loc["withdrawal", "per_1k_tokens"] == pytest.approx(9 / 926 * 1000)
    assert rows.loc["security threat", "per_1k_tokens"] == 0
    assert rows.loc["security threat", "documents"] == 0


def test_frame_by_voice_shows_who_calls_it_a_defeat(sample_corpus, quotes, hits):
    table = toolkit.count_frames(sample_corpus, by="voice", quotes=quotes)
    got = {
        (f, v): n for f, v, n in table[["frame", "voice", "mentions"]].itertuples(index=False) if n
    }
    assert got == SAMPLE_FRAME_VOICES
    # the word "defeat" itself: only in the Iranian foreign minister's quoted words
    defeat = hits[hits["text"].str.lower() == "defeat"]
    assert defeat[["voice", "speaker"]].to_numpy().tolist() == [["quoted", "Mohammad Javad Zarif"]]
    # withdrawal language: all the narrator's
    assert set(hits.loc[hits["frame"] == "withdrawal", "voice"]) == {"narrator"}
    by_speaker = toolkit.count_frames(sample_corpus, by="speaker", quotes=quotes, hits=hits)
    zarif = by_speaker[(by_speaker["speaker"] == "Mohammad Javad Zarif") & by_speaker["mentions"]]
    assert zarif[["frame", "mentions"]].to_numpy().tolist() == [["defeat", 1]]
    # Zarif's words: "Today the people ... their country" and the
    # partial quotations "defeat", "extensive damage", "unfavourable results of
    # continuing the conflict" (18 + 1 + 2 + 6 word tokens)
    assert zarif["tokens"].iat[0] == 18 + 1 + 2 + 6
    assert zarif["per_1k_tokens"].iat[0] == pytest.approx(1000 / 27)


def test_by_cue_and_with_given_hits(sample_corpus, quotes, hits):
    table = toolkit.count_frames(sample_corpus, by="cue", hits=hits)
    rows = table.set_index(["cue", "frame"])
    assert rows.loc[("pull* out", "withdrawal"), "mentions"] == 4
    assert rows.loc[("talks", "negotiation/peace talks"), "mentions"] == 5
    assert (table["mentions"] > 0).all()  # by cue: only the cues found
    narrator = hits[hits["voice"] == "narrator"]
    sub = toolkit.count_frames(sample_corpus, hits=narrator)
    assert sub.set_index("frame").loc["defeat", "mentions"] == 1


def test_a_user_frame_lexicon(tmp_path, sample_corpus, quotes):
    path = tmp_path / "frames.yaml"
    path.write_text(
        "frames:\n  leaving:\n    cues: [withdraw*, 'pull* out', pullout]\n"
        "  losing:\n    cues: [defeat*]\n",
        encoding="utf-8",
    )
    table = toolkit.count_frames(sample_corpus, path, by="voice", quotes=quotes)
    got = {(f, v): n for f, v, n in table[["frame", "voice", "mentions"]].itertuples(index=False)}
    assert got[("leaving", "narrator")] == 2 + 4 + 1  # withdraw, withdrawal; pull out x4; pullout
    assert got[("losing", "quoted")] == 1 and got[("losing", "narrator")] == 0


# ------------------------------------------------------ with extract_quotes


def test_end_to_end_with_the_quotation_extractor(sample_corpus):
    hits = toolkit.find_frames(sample_corpus)  # quotations extracted by the toolkit
    defeat_word = hits[hits["text"] == "defeat"]
    assert defeat_word[["voice", "speaker"]].to_numpy().tolist() == [
        ["quoted", "Mohammad Javad Zarif"]
    ]
    collapsed = hits[hits["text"] == "collapsed"]
    assert collapsed["voice"].tolist() == ["quoted"]
    assert "official" in collapsed["speaker"].iat[0].lower()
    # the narrator's own withdrawal language, by reading: sentences with no
    # attribution ("As foreign forces withdraw", "the United States pulled out of
    # its main base", "US and NATO exit", "US troops pulled out", "the complete
    # withdrawal")
    withdrawal = hits[hits["frame"] == "withdrawal"]
    narrator = withdrawal[withdrawal["voice"] == "narrator"]
    assert narrator["text"].tolist() == [
        "withdraw",
        "pulled out",
        "exit",
        "pulled out",
        "withdrawal",
    ]
    # and inside reported speech: "Officials said ... as Washington pulls out",
    # Zarif "welcomed the departure of the US", the United States "agreed ... to
    # pull out its troops", the Pentagon "confirmed that their pullout ..."
    reported = withdrawal[withdrawal["voice"] == "reported"]
    assert reported["text"].tolist() == ["pulls out", "departure", "pull out", "pullout"]
    assert "quoted" not in set(withdrawal["voice"])
    assert reported["speaker"].iat[1] == "Mohammad Javad Zarif"
    assert reported["speaker"].iat[3] == "Pentagon"

    mentions = toolkit.find_actors(sample_corpus)
    enemy = mentions[mentions["actor"] == "the enemy"]
    assert enemy["voice"].tolist() == ["quoted", "narrator", "quoted", "quoted", "quoted"]
    assert enemy["speaker"].fillna("-").tolist() == [
        "Husamuddin Shams",
        "-",
        "Sayed Nezami",
        "Sayed Nezami",
        "Sayed Nezami",
    ]


# ------------------------------------------------------------------- the join


def test_attach_voice_rules():
    quotes = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d1", "d2", "d2"],
            "start": [10, 20, 50, 0, 5],
            "end": [40, 30, 60, 100, 15],
            "kind": ["indirect", "partial", "direct", "direct", "direct"],
            "speaker": ["A", "B", None, "C", "D"],
            "quote_id": [7, 8, 9, 10, 11],
        }
    )
    hits = pd.DataFrame(
        {
            "doc_id": pd.Categorical(["d1", "d1", "d1", "d1", "d1", "d2", "d2", "d3"]),
            "start": [0, 12, 25, 55, 60, 7, 50, 12],
        }
    )
    out = attach_voice(hits, quotes)
    assert out["voice"].tolist() == [
        "narrator",  # before any quotation
        "reported",  # inside the indirect quotation only
        "quoted",  # the partial quotation inside the indirect one wins
        "quoted",  # an unattributed direct quotation
        "narrator",  # end offsets are exclusive
        "quoted",  # nested direct quotations: the innermost
        "quoted",  # the long quotation holds it though a later one started nearer
        "narrator",  # another document with the same offsets
    ]
    assert out["speaker"].fillna("-").tolist() == ["-", "A", "B", "-", "-", "D", "C", "-"]
    assert out["quote_id"].tolist() == [pd.NA, 7, 8, 9, pd.NA, 11, 10, pd.NA]
    assert "voice" not in hits.columns  # the input is not changed
    empty = attach_voice(hits, quotes.iloc[:0])
    assert set(empty["voice"]) == {"narrator"} and empty["speaker"].isna().all()


def test_attach_voice_errors():
    hits = pd.DataFrame({"doc_id": ["d"], "start": [0]})
    with pytest.raises(ValueError, match="lacks the column kind"):
        attach_voice(hits, pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [5]}))
    with pytest.raises(ValueError, match=r"unknown kinds \['mixed'\]"):
        attach_voice(
            hits,
            pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [5], "kind": ["mixed"]}),
        )
    with pytest.raises(ValueError, match="hits lacks the column start"):
        attach_voice(pd.DataFrame({"doc_id": ["d"]}), pd.DataFrame(columns=["doc_id"]))


def test_attach_voice_on_kwic_hits(sample_corpus, quotes):
    kw = toolkit.kwic(sample_corpus, "enemy")
    out = attach_voice(kw, quotes)
    assert out["voice"].tolist() == ["quoted", "narrator", "quoted", "quoted", "quoted"]
    assert list(out.columns[: len(kw.columns)]) == list(kw.columns)


def test_unattributed_quotations_group_as_missing_speaker(sample_corpus, quotes):
    # every quotation without a speaker: the speaker groups are all missing
    anonymous = quotes.assign(speaker=None)
    table = toolkit.count_frames(sample_corpus, by=["speaker", "voice"], quotes=anonymous)
    assert table["speaker"].isna().all()
    rows = table.set_index(["voice", "frame"])
    assert rows.loc[("quoted", "defeat"), "mentions"] == 2
    assert rows.loc[("narrator", "withdrawal"), "mentions"] == 9
    assert rows.groupby("voice", observed=True)["tokens"].first().sum() == 926


# ------------------------------------------------------------ many documents


@pytest.mark.shared
def test_white_house_frames_by_month_and_keyness_of_august():
    from ..conftest import shared_path

    path = shared_path("corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl")
    corpus = toolkit.load_corpus(path, progress=False)
    no_quotes = pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": [], "speaker": []})
    table = toolkit.count_frames(corpus, by="month", quotes=no_quotes)
    months = pd.to_datetime(corpus.docs["date"]).dt.to_period("M")
    assert set(table["month"]) == set(months)
    assert len(table) == months.nunique() * len(toolkit.load_lexicon("afghanistan-2021-frames"))
    hits = toolkit.find_frames(corpus, quotes=no_quotes)
    assert table["mentions"].sum() == len(hits)
    # the word tokens of each month, counted independently
    tokens = toolkit.tokenize(corpus)
    words = tokens[~tokens["is_punct"]]
    doc_month = dict(zip(corpus.docs["doc_id"], months, strict=True))
    per_month = words["doc_id"].astype(str).map(doc_month).value_counts()
    got = table.groupby("month")["tokens"].first()
    assert all(got[m] == n for m, n in per_month.items())
    # evacuation language peaks in August 2021, the month of the airlift
    evac = table[table["frame"] == "evacuation"].set_index("month")["per_1k_tokens"]
    assert evac.idxmax() == pd.Period("2021-08", "M")

    # keyness of August 2021 against the rest of the corpus
    key = toolkit.keyness(corpus, {"date": "2021-08"})
    august = (months == pd.Period("2021-08", "M")).to_numpy()
    in_august = words["doc_id"].astype(str).isin(set(corpus.docs["doc_id"][august]))
    c, d = int(in_august.sum()), int((~in_august).sum())
    assert (key.attrs["target_words"], key.attrs["reference_words"]) == (c, d)
    assert key.attrs["target_docs"] == int(august.sum())
    rows = key.set_index("term")
    for term in ("evacuation", "airport", "withdrawal"):
        a = int((words["lower"][in_august] == term).sum())
        b = int((words["lower"][~in_august] == term).sum())
        assert (rows.loc[term, "target_count"], rows.loc[term, "reference_count"]) == (a, b)
        assert (rows.loc[term, "g2"] > 0) == (a / c > b / d)
    # the airlift's words are key to August; "withdrawal" is not significantly so
    assert rows.loc["evacuation", "p"] < 1e-6 and rows.loc["airport", "p"] < 1e-6
    assert rows.loc["withdrawal", "p"] > 0.01


@settings(max_examples=80, deadline=None)
@given(
    spans=st.lists(
        st.tuples(
            st.sampled_from(["a", "b"]),
            st.integers(0, 60),
            st.integers(1, 30),
            st.sampled_from(["direct", "partial", "indirect"]),
        ),
        max_size=12,
    ),
    hits=st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(0, 95)), max_size=30),
)
def test_attach_voice_matches_a_brute_force_join(spans, hits):
    quotes = pd.DataFrame(
        {
            "doc_id": [d for d, *_ in spans],
            "start": [s for _, s, _, _ in spans],
            "end": [s + n for _, s, n, _ in spans],
            "kind": [k for *_, k in spans],
            "speaker": [f"s{i}" for i in range(len(spans))],
        }
    )
    table = pd.DataFrame({"doc_id": [d for d, _ in hits], "start": [s for _, s in hits]})
    out = attach_voice(table, quotes)
    for (doc, pos), voice, speaker in zip(hits, out["voice"], out["speaker"], strict=True):
        holding = [
            (kind in ("direct", "partial"), start, i)
            for i, (d, start, n, kind) in enumerate(spans)
            if d == doc and start <= pos < start + n
        ]
        if not holding:
            assert voice == "narrator" and pd.isna(speaker)
            continue
        quoted, _, i = max(holding)  # quoted first, then the innermost (latest start)
        assert voice == ("quoted" if quoted else "reported")
        assert speaker == f"s{i}"


@pytest.mark.parametrize("source", ["header-only csv", [""]])
def test_count_frames_on_an_empty_corpus(tmp_path, source):
    if source == "header-only csv":
        (tmp_path / "a.csv").write_text("doc_id,text\n", "utf-8")
        source = tmp_path / "a.csv"
    corpus = toolkit.load_corpus(source)
    assert len(corpus) == 0
    counts = toolkit.count_frames(corpus)
    assert (counts.mentions == 0).all() and len(counts) == len(
        toolkit.load_lexicon("afghanistan-2021-frames", kind="frames").names
    )
    assert toolkit.find_frames(corpus).empty
