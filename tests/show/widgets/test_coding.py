"""The coding explorer driven headlessly: buttons, keys, notes, saving and resuming."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.widgets import coding_explorer


@pytest.fixture(scope="module")
def units(sample_corpus):
    hits = toolkit.find_frames(sample_corpus)
    return toolkit.sample_for_coding(hits, n=6, seed=7, corpus=sample_corpus)


def test_one_unit_at_a_time_in_its_sentence(units):
    e = coding_explorer(units, coder="ann")
    first = units.iloc[0]
    assert e.position == 0 and e.progress.value == "<b>0 of 6 coded</b>"
    assert f"unit 1 (1 of 6) \u00b7 {first.doc_id}" in e.where.value
    assert f"frame: <b>{first.frame}</b>" in e.decision.value
    assert "<mark" in e.context.value and e.context.value.count("<mark") == 1
    assert [b.description for b in e.buttons] == ["correct (1)", "wrong (2)", "unsure (3)"]
    assert e.back_button.disabled and not e.next_button.disabled
    assert "not saved to a file" in e.help.value


def test_a_yes_or_no_decision_reads_as_a_word(units):
    flagged = units.assign(press=[True, False, True, False, True, False])
    e = coding_explorer(flagged, coder="ann")
    assert "press: <b>yes</b>" in e.decision.value and "True" not in e.decision.value
    e.press("ArrowRight")
    assert "press: <b>no</b>" in e.decision.value


def test_buttons_and_keys_code_and_move_on(units):
    e = coding_explorer(units, coder="ann")
    e.buttons[0].click()
    assert e.result["ann"].tolist()[0] == "correct" and e.position == 1
    e.press("2")
    e.press("ArrowLeft")
    assert e.position == 1 and e.buttons[1].button_style == "info"
    e.press("3")  # recode unit 2
    e.press("x")  # not a shortcut: nothing happens
    e.press("9")  # beyond the codes: nothing happens
    assert e.result["ann"].tolist()[:3] == ["correct", "unsure", None]
    assert e.progress.value == "<b>2 of 6 coded</b>"
    e.press("ArrowRight")
    assert e.position == 3
    e.next_uncoded()
    assert e.position == 4
    e.go(5)
    e.press("1")  # the last unit: stays there
    assert e.position == 5 and e.next_button.disabled


def test_article_text_is_escaped(tmp_path):
    corpus = toolkit.load_corpus(
        ["Troops <script>alert(1)</script> withdraw today."], progress=False
    )
    units = toolkit.sample_for_coding(toolkit.find_frames(corpus), n=1, corpus=corpus)
    e = coding_explorer(units, coder="ann")
    assert "<script>" not in e.context.value and "&lt;script&gt;" in e.context.value


def test_every_decision_is_saved_at_once_and_reopening_resumes(units, tmp_path):
    path = tmp_path / "coding.xlsx"
    e = coding_explorer(units, coder="ann", path=path)
    assert path.exists()  # written before the first decision
    assert "coding.xlsx" in e.help.value
    e.press("1")
    assert toolkit.read_coding_sheet(path)["ann"].tolist()[0] == "correct"
    e.press("2")
    e.notes.value = "sarcasm?"  # a note on unit 3
    e.press("3")
    saved = toolkit.read_coding_sheet(path)
    assert saved["ann"].tolist()[:4] == ["correct", "wrong", "unsure", None]
    assert saved["notes"].tolist()[2] == "sarcasm?"
    del e  # the kernel dies; the sheet is all that is left
    again = coding_explorer(units, coder="ann", path=path)
    assert again.position == 3 and again.progress.value == "<b>3 of 6 coded</b>"
    again.back()
    assert again.notes.value == "sarcasm?" and again.buttons[2].button_style == "info"
    # a second coder on the same sheet gets a column of their own
    bob = coding_explorer(units, coder="bob", path=path)
    assert bob.position == 0
    bob.press("2")
    both = toolkit.read_coding_sheet(path)
    assert both.attrs["coding"]["coders"] == ["ann", "bob"]
    assert both["bob"].tolist()[0] == "wrong" and both["ann"].tolist()[0] == "correct"


def test_a_finished_sheet_says_so(units, tmp_path):
    path = tmp_path / "done.xlsx"
    toolkit.write_coding_sheet(units.assign(ann="correct"), path, coders=["ann"])
    e = coding_explorer(units, coder="ann", path=path)
    assert "6 of 6 coded" in e.progress.value and "all done" in e.progress.value


def test_a_sheet_of_another_sample_or_other_codes_is_refused(units, tmp_path):
    path = toolkit.write_coding_sheet(units.head(3), tmp_path / "other.xlsx", coders=["ann"])
    with pytest.raises(ValueError, match="another sample"):
        coding_explorer(units, coder="ann", path=path)
    path = toolkit.write_coding_sheet(units, tmp_path / "codes.xlsx", codes=("yes", "no"))
    with pytest.raises(ValueError, match=r"pass codes=\('yes', 'no'\)"):
        coding_explorer(units, coder="ann", path=path)
    e = coding_explorer(units, coder="ann", path=path, codes=("yes", "no"))
    assert [b.description for b in e.buttons] == ["yes (1)", "no (2)"]


def test_bad_arguments(units):
    with pytest.raises(ValueError, match="name the coder"):
        coding_explorer(units, coder="")
    with pytest.raises(ValueError, match="between one and nine"):
        coding_explorer(units, coder="ann", codes=[str(i) for i in range(10)])
    with pytest.raises(ValueError, match="lacks the column"):
        coding_explorer(units.drop(columns="text"), coder="ann")


def test_the_keys_come_from_the_browser_through_ipyevents(units):
    e = coding_explorer(units, coder="ann")
    assert e.key_events.source is e.unit and "keydown" in e.key_events.watched_events
    # what ipyevents hands the explorer when a key is pressed over the unit
    e.key_events._handle_mouse_msg(
        e.key_events, {"event": "keydown", "type": "keydown", "key": "2"}, []
    )
    assert e.result["ann"].tolist()[0] == "wrong"
