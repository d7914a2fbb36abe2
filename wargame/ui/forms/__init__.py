"""One modal form per engine action; each converts to and from the action's payload."""

from wargame.ui.forms.base import ActionForm, FormInvalid
from wargame.ui.forms.cell import AdHocForm, HoldForm, RetimeForm, SummaryForm, UpdateForm
from wargame.ui.forms.control import NoteForm, ReleaseInjectForm, RetractForm
from wargame.ui.forms.evaluation import HotwashForm, ImproveForm, LessonForm, RateForm
from wargame.ui.forms.hotline import AckForm, ChannelForm, RelayForm, SendMessageForm
from wargame.ui.forms.moves import AdjudicateForm, MoveForm, PerceiveForm
from wargame.ui.forms.pauses import AnswerPauseForm, ProposePauseForm

__all__ = [
    "AckForm", "ActionForm", "AdjudicateForm", "AnswerPauseForm", "ProposePauseForm", "ChannelForm", "FormInvalid", "HotwashForm",
    "ImproveForm", "LessonForm", "MoveForm", "NoteForm", "PerceiveForm", "RateForm",
    "RelayForm", "ReleaseInjectForm", "RetractForm", "SendMessageForm", "AdHocForm", "HoldForm",
    "RetimeForm", "SummaryForm", "UpdateForm",
]
