"""Translation step: honest English for the bilingual briefing from a TM, a termbase and optional MT.

Sources, in order: the translation memory of official English (``tm``), machine translation when
asked for (``mt``), the termbase (``terms``); otherwise the text stays Chinese-only (``none``).
"""

from __future__ import annotations

from reportgen.translate.mt import MachineTranslator, MTError, make_mt
from reportgen.translate.pipeline import (
    STATUSES,
    Englisher,
    Translation,
    build_englisher,
    split_sentences,
)
from reportgen.translate.termbase import Term, Termbase, TermbaseError
from reportgen.translate.tm import (
    ImportReport,
    TMError,
    TMMatch,
    TranslationMemory,
    default_tm_path,
    import_files,
    lookup_text,
)

__all__ = [
    "STATUSES",
    "Englisher",
    "ImportReport",
    "MTError",
    "MachineTranslator",
    "TMError",
    "TMMatch",
    "Term",
    "Termbase",
    "TermbaseError",
    "Translation",
    "TranslationMemory",
    "build_englisher",
    "default_tm_path",
    "import_files",
    "lookup_text",
    "make_mt",
    "split_sentences",
]
