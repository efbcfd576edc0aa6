"""Language identification, so that non-English reports are stored and flagged rather than mis-analysed."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

UNDETERMINED = "und"
# Identification reads the opening of the text: 1,000 characters (about 150 words) decide reliably
# among the languages below and keep the cost (about 0.7 ms) independent of document length.
SAMPLE_CHARS = 1000
MIN_LETTERS = 20
# The languages conflict reporting in our regions arrives in; a closed set keeps the detector's
# memory and load time small and its accuracy high. Anything else is reported as its nearest match.
LANGUAGES = (
    Language.ENGLISH, Language.ARABIC, Language.FRENCH, Language.GERMAN, Language.SPANISH,
    Language.RUSSIAN, Language.UKRAINIAN, Language.TURKISH, Language.PERSIAN, Language.HEBREW,
    Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.CHINESE,
    Language.JAPANESE, Language.KOREAN, Language.URDU, Language.HINDI, Language.INDONESIAN,
    Language.SOMALI, Language.SWAHILI, Language.ARMENIAN, Language.GEORGIAN, Language.AZERBAIJANI,
)  # fmt: skip


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def identify(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return UNDETERMINED
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else UNDETERMINED
