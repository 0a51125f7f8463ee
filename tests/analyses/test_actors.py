"""Actor mentions and counts: hand-counted on the sample article, normalisation,
voice, groupings, co-occurrence and name suggestions."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit.analyses.actors import ACTOR_COLUMNS

from .._sample_quotes import sample_quotes
from ..conftest import nltk_data_available, shared_path

# Counted by reading the cleaned sample article paragraph by paragraph (the
# duplicate photo caption, the READ MORE links and the Source line are removed
# by cleaning, so they are not counted) and applying the default lexicon's
# documented rules: the longest alias wins ("Taliban fighters" is one Taliban
# mention, "US troops" the US military, "Afghan security forces" not generic
# "security forces"); "government forces", "Afghan forces" and "Afghan security
# personnel" are the Afghan security forces; unqualified "special forces" the
# Afghan special forces; a title names the institution ("Iran's Foreign
# Minister", "the Iranian foreign minister", "Iranian Foreign Ministry" are the
# Iranian government; "Afghan Defence Minister", "Afghan Defence Ministry" and
# "Ministry of Defence" the Afghan ministry); "Kabul government" is the Afghan
# government; capitals other than Washington (Tehran, Kabul) and nationality
# adjectives alone ("Afghan personalities") are not actors; "National
# Directorate of Security (NDS)" is one mention, the later "NDS offices" another.
# Subheadings ("Iran talks", "US and NATO exit", 'Advancing and driving the enemy
# out') and the photo caption that remains are counted like body text.
SAMPLE_ACTORS = {
    # paragraphs 0,1,2,3,4,11,13,16,17,18,20,21,23,25,27,28,33 (twice),34,37
    "Taliban": 20,
    # "Government forces" (lead), caption: "Afghan security personnel" and
    # "government forces", "Afghan security forces were fighting them back",
    # "said government forces had managed", "Afghan forces began air strikes"
    "Afghan security forces": 6,
    # "the enemy was faced" (Shams), the subheading, three times in Nezami's words
    "the enemy": 5,
    # "Talks between Afghan government", "an Afghan government delegation",
    # "any Afghan government delegation", "the Kabul government"
    "Afghan government": 4,
    # "Afghan Defence Ministry says", "A Ministry of Defence official",
    # "Deputy Spokesman for the Ministry of Defence", "Afghan Defence Minister"
    "Afghan Ministry of Defence": 4,
    # "the United States pulled out", "departure of the US", "US and NATO exit",
    # "The United States, which toppled"
    "United States": 4,
    # "northern Afghanistan", "defending Afghanistan", "leaders of Afghanistan"
    "Afghanistan": 3,
    "Sher Mohammad Abbas Stanikzai": 3,  # full name, "Stanikzai's visit", "that Stanikzai"
    "Afghan special forces": 3,  # "special forces had been deployed", "a special forces
    # commander", "before special forces pushed them back"
    "Iranian government": 3,  # "Iranian Foreign Ministry", "Iran's Foreign Minister",
    # "the Iranian foreign minister"
    "troops": 3,  # "its last troops", "troops had 'cleared'", "pull out its troops"
    "security forces": 3,  # in Bek's words, "as security forces evacuated",
    # "security forces were 'defending'"
    "Zabihullah Mujahid": 2,  # "Zabihullah Mujahid confirmed", "Mujahid added"
    "Husamuddin Shams": 2,  # "Provincial governor Husamuddin Shams", "Shams said"
    "National Directorate of Security": 2,
    "Donald Trump": 2,  # "then-president Donald Trump", "Trump's successor"
    "US military": 2,  # "defeat of US troops", "US troops pulled out"
    "civilians": 2,  # "panic among residents", "civilians to flee"
    "Reuters": 2,  # "told Reuters news agency", "obtained by Reuters news agency"
    "insurgents": 2,  # "the insurgents had taken control", "The insurgents have been"
    "foreign forces": 2,  # "As foreign forces withdraw", "withdrawal of foreign forces"
    "Younus Qanooni": 1,
    "Abdul Aziz Bek": 1,
    "Bismillah Mohammadi": 1,
    "Fawad Aman": 1,
    "Sayed Nezami": 1,
    "US government": 1,  # "as Washington pulls out"
    "Joe Biden": 1,
    "Pentagon": 1,
    "NATO": 1,
    "Iran": 1,  # the subheading "Iran talks" ("Iran's Foreign Minister" is the government)
    "Mohammad Javad Zarif": 1,
    "Qatar": 1,
    "Osama bin Laden": 1,
    "Afghan people": 1,  # "urban Afghans"
    "women and girls": 1,
    "militants": 1,  # "the militants were waiting"
    "fighters": 1,  # "dramatic advance by fighters surging"
    "soldiers": 1,  # "forcing soldiers to surrender"
}


@pytest.fixture(scope="module")
def quotes(sample_corpus):
    return sample_quotes(sample_corpus)


@pytest.fixture(scope="module")
def mentions(sample_corpus, quotes):
    return toolkit.find_actors(sample_corpus, quotes=quotes)


def _word_tokens(corpus) -> pd.DataFrame:
    tokens = toolkit.tokenize(corpus)
    return tokens[~tokens["is_punct"]]


def test_mentions_trace_back_to_the_text(sample_corpus, mentions):
    assert list(mentions.columns) == ACTOR_COLUMNS
    text = sample_corpus.docs["text"].iat[0]
    assert all(
        text[a:b] == t
        for a, b, t in zip(mentions["start"], mentions["end"], mentions["text"], strict=True)
    )
    assert mentions["start"].is_monotonic_increasing
    assert (mentions["start"].to_numpy()[1:] >= mentions["end"].to_numpy()[:-1]).all()
    sents = toolkit.sentences(sample_corpus).set_index("sent_id")
    for s, a in zip(mentions["sent_id"], mentions["start"], strict=True):
        assert sents.loc[s, "start"] <= a < sents.loc[s, "end"]
    one = mentions[mentions["text"] == "Zabihullah Mujahid"].iloc[0]
    assert (one["actor"], one["type"], one["parent"], one["alias"]) == (
        "Zabihullah Mujahid",
        "person",
        "Taliban",
        "Zabihullah Mujahid",
    )
    nds = mentions[mentions["actor"] == "National Directorate of Security"]
    assert nds["text"].tolist() == ["National Directorate of Security (NDS)", "NDS"]


def test_hand_counted_sample(sample_corpus, quotes):
    table = toolkit.count_actors(sample_corpus, quotes=quotes)
    counted = dict(zip(table["actor"].astype(str), table["mentions"], strict=True))
    assert counted == SAMPLE_ACTORS
    assert (table["documents"] == 1).all()
    assert table["type"].astype(str).tolist()[:3] == ["group", "military", "group"]


def test_normalisation_arithmetic(sample_corpus, quotes):
    words = len(_word_tokens(sample_corpus))
    assert words == 926  # word tokens: tokens with a letter or digit
    table = toolkit.count_actors(sample_corpus, quotes=quotes).set_index("actor")
    assert (table["tokens"] == words).all()
    assert table.loc["Taliban", "per_1k_tokens"] == pytest.approx(20 / 926 * 1000)
    assert table.loc["Qatar", "per_1k_tokens"] == pytest.approx(1000 / 926)
    np.testing.assert_allclose(table["per_1k_tokens"], table["mentions"] / words * 1000)


def test_rollup_into_parents(sample_corpus, quotes):
    table = toolkit.count_actors(sample_corpus, quotes=quotes, rollup=True)
    rolled = dict(zip(table["actor"].astype(str), table["mentions"], strict=True))
    # Taliban 20 + Mujahid 2 + Stanikzai 3
    assert rolled["Taliban"] == 25
    # government 4, security forces 6, ministry 4, special forces 3, NDS 2, Shams 2,
    # Bek, Mohammadi, Aman, Nezami, Qanooni 1 each
    assert rolled["Afghan government"] == 26
    # country 4, Washington 1, Biden 1, Trump 2, Pentagon 1, US troops 2
    assert rolled["United States"] == 11
    assert rolled["Iran"] == 5  # Iran 1, its government 3, Zarif 1
    assert rolled["al-Qaeda"] == 1  # Osama bin Laden
    assert "Zabihullah Mujahid" not in rolled and "Pentagon" not in rolled
    assert sum(rolled.values()) == sum(SAMPLE_ACTORS.values())
    assert table.set_index("actor").loc["United States", "type"] == "country"


def test_voice_and_speaker(sample_corpus, quotes, mentions):
    enemy = mentions[mentions["actor"] == "the enemy"]
    assert enemy["voice"].tolist() == ["quoted", "narrator", "quoted", "quoted", "quoted"]
    assert enemy["speaker"].fillna("-").tolist()[:3] == ["Husamuddin Shams", "-", "Sayed Nezami"]
    reported = mentions[mentions["voice"] == "reported"]
    assert reported["text"].tolist() == ["Taliban", "security forces"]
    assert set(reported["speaker"]) == {"Husamuddin Shams"}
    # "defending Afghanistan" and "leaders of Afghanistan" are quoted words
    afg = mentions[mentions["actor"] == "Afghanistan"]
    assert afg["speaker"].fillna("-").tolist() == [
        "-",
        "Bismillah Mohammadi",
        "Mohammad Javad Zarif",
    ]

    table = toolkit.count_actors(sample_corpus, by="voice", quotes=quotes)
    enemy_rows = table[table["actor"] == "the enemy"].set_index("voice")
    assert enemy_rows["mentions"].to_dict() == {"narrator": 1, "quoted": 4, "reported": 0}
    # the denominator by voice is the word tokens in that voice
    words = _word_tokens(sample_corpus)
    inside = np.zeros(len(words), dtype=object)
    inside[:] = "narrator"
    starts = words["start"].to_numpy()
    for q in quotes.itertuples():  # quoted spans win over the indirect one
        if q.kind == "indirect":
            inside[(starts >= q.start) & (starts < q.end)] = "reported"
    for q in quotes.itertuples():
        if q.kind != "indirect":
            inside[(starts >= q.start) & (starts < q.end)] = "quoted"
    expected = pd.Series(inside).value_counts().to_dict()
    assert enemy_rows["tokens"].to_dict() == expected
    assert sum(expected.values()) == 926
    assert enemy_rows.loc["quoted", "per_1k_tokens"] == pytest.approx(4 / expected["quoted"] * 1000)


def test_by_speaker_and_mention_columns(sample_corpus, quotes, mentions):
    table = toolkit.count_actors(sample_corpus, by="speaker", quotes=quotes, mentions=mentions)
    nezami = table[(table["speaker"] == "Sayed Nezami") & (table["mentions"] > 0)]
    assert nezami[["actor", "mentions"]].to_numpy().tolist() == [["the enemy", 3]]
    by_type = toolkit.count_actors(sample_corpus, by="type", quotes=quotes, mentions=mentions)
    totals = by_type.groupby("type", observed=True)["mentions"].sum().to_dict()
    types = toolkit.load_lexicon("afghanistan-2021-actors").entries.set_index("actor")["type"]
    assert totals["person"] == sum(n for a, n in SAMPLE_ACTORS.items() if types[a] == "person")
    assert totals["media"] == 2
    assert (by_type["tokens"] == 926).all()  # type does not divide the text


def test_filtered_mentions_are_counted_as_given(sample_corpus, quotes, mentions):
    quoted = mentions[mentions["voice"] == "quoted"]
    table = toolkit.count_actors(sample_corpus, mentions=quoted, quotes=quotes)
    assert table["mentions"].sum() == len(quoted)
    assert quoted.equals(mentions[mentions["voice"] == "quoted"])  # not mutated


@pytest.fixture(scope="module")
def small_corpus():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "date": ["2021-07-01", "2021-07-20", "2021-08-15", "2021-09-01"],
            "source": ["X", "Y", "X", "X"],
            "text": [
                "The Taliban advanced. Taliban fighters took the city.",  # 8 words
                "Biden said the troops would leave.",  # 6 words
                "The Taliban entered Kabul. Ghani fled. The Taliban won.",  # 9 words
                "Nothing about anyone here.",  # 4 words
            ],
        }
    )
    return toolkit.load_corpus(docs, progress=False)


def _no_quotes():
    return pd.DataFrame({"doc_id": [], "start": [], "end": [], "kind": [], "speaker": []})


def test_counts_by_month_and_source_with_zero_rows(small_corpus):
    table = toolkit.count_actors(small_corpus, by="month", quotes=_no_quotes())
    taliban = table[table["actor"] == "Taliban"]
    assert taliban["month"].astype(str).tolist() == ["2021-07", "2021-08", "2021-09"]
    assert taliban["mentions"].tolist() == [2, 2, 0]
    assert taliban["documents"].tolist() == [1, 1, 0]
    assert taliban["tokens"].tolist() == [8 + 6, 9, 4]
    np.testing.assert_allclose(taliban["per_1k_tokens"], [2000 / 14, 2000 / 9, 0])
    by_source = toolkit.count_actors(small_corpus, by="source", quotes=_no_quotes())
    rows = by_source.set_index(["source", "actor"])
    assert rows.loc[("X", "Taliban"), "mentions"] == 4
    assert rows.loc[("X", "Taliban"), "tokens"] == 8 + 9 + 4
    assert rows.loc[("Y", "Joe Biden"), "per_1k_tokens"] == pytest.approx(1000 / 6)
    assert rows.loc[("X", "Joe Biden"), "mentions"] == 0
    by_doc = toolkit.count_actors(small_corpus, by=["doc_id"], quotes=_no_quotes())
    assert by_doc.groupby("doc_id", observed=True)["tokens"].first().tolist() == [8, 6, 9, 4]


def test_grouping_errors(small_corpus, sample_corpus):
    with pytest.raises(ValueError, match=r"cannot group by 'colour'; choose from: .*source"):
        toolkit.count_actors(small_corpus, by="colour", quotes=_no_quotes())
    undated = toolkit.load_corpus(["The Taliban advanced."], progress=False)
    with pytest.raises(ValueError, match="needs document dates"):
        toolkit.count_actors(undated, by="month", quotes=_no_quotes())
    with pytest.raises(ValueError, match="counts are always per actor"):
        toolkit.count_actors(small_corpus, by="actor", quotes=_no_quotes())
    with pytest.raises(ValueError, match="not in the lexicon"):
        toolkit.count_actors(
            small_corpus,
            mentions=pd.DataFrame({"doc_id": ["a"], "actor": ["Nobody"]}),
            quotes=_no_quotes(),
        )


def test_no_mentions_gives_an_empty_table():
    corpus = toolkit.load_corpus(["Nothing to see."], progress=False)
    found = toolkit.find_actors(corpus, quotes=_no_quotes())
    assert found.empty and list(found.columns) == ACTOR_COLUMNS
    assert toolkit.count_actors(corpus, quotes=_no_quotes()).empty


def test_user_lexicon_file(tmp_path, small_corpus):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  Taliban:\n    type: group\n    aliases: [Taliban*]\n"
        "  Ashraf Ghani:\n    type: person\n    aliases: [Ghani]\n",
        encoding="utf-8",
    )
    table = toolkit.count_actors(small_corpus, path, quotes=_no_quotes())
    assert dict(zip(table["actor"].astype(str), table["mentions"], strict=True)) == {
        "Taliban": 4,  # "Taliban fighters" is Taliban + "fighters" here: no longer alias
        "Ashraf Ghani": 1,
    }


# --------------------------------------------------------------- co-occurrence


def test_cooccurrence_counts_sentences(small_corpus):
    pairs = toolkit.actor_cooccurrence(small_corpus)
    # sentences: a0 Taliban; a1 Taliban; b0 Biden + troops; c0 Taliban; c1 Ghani;
    # c2 Taliban
    table = {(a, b): n for a, b, n in pairs[["actor_a", "actor_b", "sentences"]].to_numpy()}
    assert table[("Taliban", "Taliban")] == 4
    assert table[("Joe Biden", "troops")] == 1
    assert table[("Ashraf Ghani", "Ashraf Ghani")] == 1
    assert ("Ashraf Ghani", "Taliban") not in table
    row = pairs[(pairs["actor_a"] == "Joe Biden") & (pairs["actor_b"] == "troops")].iloc[0]
    text = small_corpus.docs.set_index("doc_id").loc[row["doc_id"], "text"]
    assert text[row["start"] : row["end"]] == "Biden said the troops would leave."


def test_cooccurrence_in_the_sample(sample_corpus):
    pairs = toolkit.actor_cooccurrence(sample_corpus, rollup=True)
    table = {(a, b): n for a, b, n in pairs[["actor_a", "actor_b", "sentences"]].to_numpy()}
    # sentences (by reading) naming both a Taliban actor and an Afghan government
    # actor: the lead, the caption, "special forces ... Taliban fighters", Shams
    # "told Reuters ... Taliban ... Afghan security forces", Aman's sentence, Bek's
    # sentence, "Talks between Afghan government and Taliban", "an Afghan government
    # delegation met with Taliban", "Stanikzai headed ... Younus Qanooni", "Afghan
    # government delegation, saying only that Stanikzai", "Shams said ... Taliban",
    # and "propped up the Kabul government ... Taliban"
    assert table[("Afghan government", "Taliban")] == 12
    assert table[("Taliban", "Taliban")] == 21  # sentences naming a Taliban actor


# ----------------------------------------------------------------- suggestions


def test_suggestions_on_the_sample(sample_corpus):
    names = toolkit.suggest_actors(sample_corpus, min_count=1)
    # Capitalised names the default lexicon leaves out, by reading: places
    # (Badghis 5 times, Qala-e-Naw 4 times, Tehran 3, Bagram, Kabul) and the
    # caption's broken "Qala-e- Naw"; "Deputy Spokesman" (a title); the
    # adjective "Afghan" in "some Afghan personalities". Sentence-initial words
    # ("Regional", "Video", "Speaking", "Leading", "Talks") and weekday and month
    # names are not suggested.
    assert dict(zip(names["name"], names["count"], strict=True)) == {
        "Badghis": 5,
        "Qala-e-Naw": 4,
        "Tehran": 3,
        "Qala-e": 1,
        "Naw": 1,
        "Deputy Spokesman": 1,
        "Afghan": 1,
        "Bagram": 1,
        "Kabul": 1,
    }
    top = names.iloc[0]
    text = sample_corpus.docs["text"].iat[0]
    assert text[top["start"] : top["end"]] == "Badghis" and "Badghis" in top["example"]
    assert toolkit.suggest_actors(sample_corpus)["name"].tolist() == [
        "Badghis",
        "Qala-e-Naw",
        "Tehran",
    ]


def test_suggestion_rules():
    corpus = toolkit.load_corpus(
        [
            "Officials met Mullah Omar Akhund in Kandahar. Kandahar fell. Talks failed and "
            'talks resumed. Meanwhile the Ministry of Hajj said: "Pilgrims need help." '
            "Speaking on Monday, Mullah Omar Akhund warned the Taliban. Mullah Omar Akhund "
            "left on Friday in July."
        ],
        progress=False,
    )
    names = toolkit.suggest_actors(corpus, min_count=1)
    assert dict(zip(names["name"], names["count"], strict=True)) == {
        "Mullah Omar Akhund": 3,  # also at the start of a sentence: a run of capitals
        "Kandahar": 2,  # sentence-initial too, but also seen inside a sentence
        "Ministry of Hajj": 1,  # joined by "of"; "Pilgrims" opens a quotation
    }


def test_transcript_labels_and_lone_titles_are_no_suggestions():
    text = (
        "MS. JEAN-PIERRE: Good afternoon. Ambassador Tom West is here.\n\n"
        "Q And will Ambassador Tom West travel? And when?\n\n"
        "MS. JEAN-PIERRE: Yes. Mr. Haqqani was not invited.\n\n"
        "THE PRESIDENT: Tom West will go. Mr. Haqqani will not."
    )
    names = toolkit.suggest_actors(toolkit.load_corpus(text, progress=False), min_count=1)
    # "MS.", "JEAN-PIERRE", "Q And" and "PRESIDENT" are labels; "Mr." alone is a title
    assert dict(zip(names["name"], names["count"], strict=True)) == {
        "Ambassador Tom West": 2,
        "Haqqani": 2,
        "Tom West": 1,
    }


def test_suggestions_on_a_store_judge_words_across_partitions(tmp_path, monkeypatch):
    # "Talks" starts a sentence in one document and is in lower case only in
    # another; "Kandahar" is inside a sentence only in a third: each partition
    # alone would decide otherwise
    texts = [
        "Talks failed. Kandahar fell. Mullah Omar Akhund left.",
        "The talks resumed on Monday.",
        "Officials met in Kandahar with Mullah Omar Akhund.",
    ]
    memory = toolkit.suggest_actors(toolkit.load_corpus(texts, progress=False), min_count=1)
    assert "Talks" not in set(memory["name"]) and "Kandahar" in set(memory["name"])
    with toolkit.set_executor("serial"):
        stored = toolkit.save_corpus(texts, tmp_path / "store", partition_size=1, progress=False)
        stored.progress = False
        assert len(stored.parts) == 3
        # partition by partition: the documents are never read all at once
        monkeypatch.setattr(
            type(stored), "docs", property(lambda self: pytest.fail("read every document"))
        )
        pd.testing.assert_frame_equal(toolkit.suggest_actors(stored, min_count=1), memory)


def test_suggestion_errors(monkeypatch, tmp_path):
    with pytest.raises(ValueError, match="min_count=0"):
        toolkit.suggest_actors(["x"], min_count=0)
    with pytest.raises(ValueError, match="method='spacy'"):
        toolkit.suggest_actors(["x"], method="spacy")
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    with pytest.raises(LookupError) as err:
        toolkit.suggest_actors(["The Taliban met Mullah Omar."], method="nltk")
    assert "python -m nltk.downloader averaged_perceptron_tagger_eng" in str(err.value)
    assert "maxent_ne_chunker_tab" in str(err.value)


@pytest.mark.nltk_data
@pytest.mark.skipif(
    not (
        nltk_data_available("chunkers/maxent_ne_chunker_tab/english_ace_binary")
        and nltk_data_available("taggers/averaged_perceptron_tagger_eng")
        and nltk_data_available("corpora/words")
    ),
    reason="needs NLTK_DATA with the tagger, the binary NE chunker and words",
)
def test_suggestions_with_nltk_chunks(sample_corpus):
    names = toolkit.suggest_actors(sample_corpus, min_count=1, method="nltk")
    assert {"Badghis", "Tehran"} <= set(names["name"])
    covered = set(toolkit.load_lexicon("afghanistan-2021-actors").patterns["pattern"])
    assert not {"Taliban", "Reuters", "Pentagon"} & set(names["name"])
    assert "Taliban" in covered
    text = sample_corpus.docs["text"].iat[0]
    assert all(
        " ".join(text[a:b].split()) == n
        for n, a, b in zip(names["name"], names["start"], names["end"], strict=True)
    )


# ------------------------------------------------------------ many documents


@pytest.mark.shared
def test_white_house_counts_by_month():
    path = shared_path("corpus", "whitehouse-afghanistan-2021", "wh_afghanistan_2021_2022.jsonl")
    corpus = toolkit.load_corpus(path, progress=False)
    no_quotes = _no_quotes()
    table = toolkit.count_actors(corpus, by="month", quotes=no_quotes)
    months = pd.to_datetime(corpus.docs["date"]).dt.to_period("M")
    assert set(table["month"].dropna()) == set(months.dropna())
    # the denominator of each month is the word tokens of its documents
    words = _word_tokens(corpus)
    doc_month = dict(zip(corpus.docs["doc_id"], months, strict=True))
    expected_tokens = words["doc_id"].astype(str).map(doc_month).value_counts()
    got_tokens = table.groupby("month")["tokens"].first()
    for month, n in expected_tokens.items():
        assert got_tokens[month] == n
    # Taliban mentions per month, counted independently with a regular expression
    # over the aliases (case-insensitive; "Taliban-led" is one token and counts,
    # "anti-Taliban" and "U.S.-Taliban" are other tokens and do not)
    rx = re.compile(
        r"(?<![\w-])(?:taliban(?:-[\w-]+)?|taleban|talibs|islamic emirate)(?![\w-])",
        re.IGNORECASE,
    )
    per_doc = corpus.docs["text"].map(lambda t: len(rx.findall(t)))
    expected = per_doc.groupby(months.to_numpy()).sum()
    taliban = table[table["actor"] == "Taliban"].set_index("month")["mentions"]
    for month, n in expected.items():
        assert taliban.get(month, 0) == n, month
    # August 2021, the fall of Kabul, has the most
    assert taliban.idxmax() == pd.Period("2021-08", "M")
    mentions = toolkit.find_actors(corpus, quotes=no_quotes)
    assert table["mentions"].sum() == len(mentions)


# ------------------------------------------------------------ transcripts

_BRIEFING_ACTORS = {
    "name": "briefing",
    "actors": {
        "Jen Psaki": {"type": "person", "aliases": ["Jen Psaki", "Psaki"]},
        "Jake Sullivan": {"type": "person", "aliases": ["Jake Sullivan", "Sullivan"]},
        "Taliban": {"type": "group", "aliases": ["Taliban"]},
    },
}


def _briefings():
    from ..conftest import BRIEFING

    follow_up = "MS. PSAKI: The Taliban must keep their word.\n\nQ And the Taliban?\n\nEND"
    return toolkit.load_corpus([BRIEFING, follow_up], progress=False)


def test_cooccurrence_leaves_out_transcript_labels():
    pairs = toolkit.actor_cooccurrence(_briefings(), _BRIEFING_ACTORS)
    table = {(a, b): n for a, b, n in pairs[["actor_a", "actor_b", "sentences"]].to_numpy()}
    # only the narrated first line names Psaki; her "MS. PSAKI:" labels do not
    assert table[("Jen Psaki", "Jen Psaki")] == 1 and table[("Jake Sullivan", "Jen Psaki")] == 1
    assert ("Jen Psaki", "Taliban") not in table and table[("Taliban", "Taliban")] == 2


def test_counts_by_speaker_name_the_person_across_documents():
    corpus = _briefings()
    quotes = toolkit.extract_quotes(corpus)
    assert "Psaki" in set(quotes["speaker"])  # the second document alone names her so
    counts = toolkit.count_actors(corpus, _BRIEFING_ACTORS, by="speaker", quotes=quotes)
    taliban = counts[counts["actor"] == "Taliban"].set_index("speaker")["mentions"]
    assert "Psaki" not in taliban.index
    assert taliban["Jen Psaki"] == 1 and taliban["reporter"] == 1
