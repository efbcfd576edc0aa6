"""Build marsad/resources/places/common_words.txt: English words too common to be read as a town.

A capitalised word the entity recogniser did not call a place, matching a small town or a division
("Homeland", "Bear", "Marine", "Central", "Kelly"), is far more often the word than the town. The
list holds the ASCII alphabetic words at or above a Zipf frequency of 3.7 (about one in 200,000
words) in wordfreq's large English list: every conflict town tried stays below (Benghazi 3.6,
Aleppo 3.56, Mosul 3.27, Raqqa 2.71), while "home", "camp", "marine", "harvest" and "homeland" are
above.

Data: wordfreq 3.1.1 (Apache-2.0 code; word lists CC BY-SA 4.0, https://github.com/rspeer/wordfreq),
so the file written is under CC BY-SA 4.0 too. wordfreq is no dependency of Marsad; run:

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/build_common_words.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import iter_wordlist, zipf_frequency

OUTPUT = Path(__file__).resolve().parent.parent / "marsad" / "resources" / "places" / "common_words.txt"
MIN_ZIPF = 3.7
HEADER = (
    "# English words too common to be read as a town without a frame (Zipf >= {zipf}).\n"
    "# From wordfreq 3.1.1 (https://github.com/rspeer/wordfreq), CC BY-SA 4.0; this file is under\n"
    "# CC BY-SA 4.0. Built by scripts/build_common_words.py.\n"
)


def main() -> None:
    words = sorted(
        word
        for word in iter_wordlist("en", "large")
        if word.isascii() and word.isalpha() and zipf_frequency(word, "en") >= MIN_ZIPF
    )
    OUTPUT.write_text(HEADER.format(zipf=MIN_ZIPF) + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUTPUT}")


if __name__ == "__main__":
    main()
