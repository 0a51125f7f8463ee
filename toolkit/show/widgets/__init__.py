"""Interactive explorers (ipywidgets) over the toolkit's functions.

Each ``*_explorer(corpus, ...)`` builds its controls, wires them to one analysis
function and shows that function's table and plot. The explorer keeps the last
result in ``.result`` (a DataFrame), so what is on screen can always be taken
further in code. No analysis happens inside the callbacks themselves.

Errors a researcher can cause (an invalid regular expression, say) are shown in
the explorer's status line instead of raising.

One explorer a module: :mod:`.kwic`, :mod:`.counts` (actors and frames),
:mod:`.speakers`, :mod:`.coding` (hand coding a sample), :mod:`.terms` (word frequencies),
:mod:`.dashboard`; :mod:`.base` holds what they share. This
package's namespace is the public ``toolkit.widgets``.
"""

from ..html import hits_html
from .base import figure_png
from .coding import CodingExplorer, coding_explorer
from .counts import ActorExplorer, FrameExplorer, actor_explorer, frame_explorer
from .dashboard import ExplorerDashboard, explorer_dashboard
from .kwic import KwicExplorer, kwic_explorer
from .speakers import SpeakerExplorer, select_quotes, speaker_explorer
from .terms import TermExplorer, terms_explorer

__all__ = [
    "ActorExplorer",
    "CodingExplorer",
    "ExplorerDashboard",
    "FrameExplorer",
    "KwicExplorer",
    "SpeakerExplorer",
    "TermExplorer",
    "actor_explorer",
    "coding_explorer",
    "explorer_dashboard",
    "figure_png",
    "frame_explorer",
    "hits_html",
    "kwic_explorer",
    "select_quotes",
    "speaker_explorer",
    "terms_explorer",
]
