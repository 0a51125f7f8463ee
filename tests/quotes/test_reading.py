"""Reading a document in order: transcript labels."""

from __future__ import annotations

from ..conftest import quotes_of, row_starting


def test_transcript_labels():
    text = (
        "Press secretary Jen Psaki spoke to reporters on Monday.\n\n"
        "MS. PSAKI: We have been clear about the withdrawal.\n\n"
        "Q: Will the embassy stay open?"
    )
    table = quotes_of(text)
    psaki = row_starting(table, "We have been clear")
    assert psaki.speaker == "Jen Psaki" and psaki.evidence.startswith("transcript label")
    question = row_starting(table, "Will the embassy")
    assert (question.speaker, question.role, question.press) == ("reporter", "press", True)
    assert not psaki.press and psaki.cue_type == "turn"
