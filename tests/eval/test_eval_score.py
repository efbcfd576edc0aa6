import pytest

from marsad.eval.score import score

GOLD = [("PER", (0, 0, 2)), ("LOC", (0, 3, 4)), ("LOC", (1, 0, 1))]


def test_two_of_three_right() -> None:
    predicted = [("PER", (0, 0, 2)), ("LOC", (0, 3, 4)), ("ORG", (1, 0, 1))]
    scores = score(GOLD, predicted)
    # PER: 1 of 1 predicted right, 1 of 1 found. LOC: 1 of 1 right, 1 of 2 found. ORG: 0 of 1 right.
    per, loc, org = scores.labels["PER"], scores.labels["LOC"], scores.labels["ORG"]
    assert (per.precision, per.recall, per.f1) == (1.0, 1.0, 1.0)
    assert (loc.precision, loc.recall) == (1.0, 0.5)
    assert loc.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert (org.gold, org.predicted, org.correct, org.f1) == (0, 1, 0, 0.0)
    # Pooled: 2 right of 3 predicted and 3 gold.
    micro = scores.micro
    assert (micro.gold, micro.predicted, micro.correct) == (3, 3, 2)
    assert micro.precision == micro.recall == micro.f1 == pytest.approx(2 / 3)
    assert scores.macro_f1 == pytest.approx((1 + 2 / 3 + 0) / 3)


def test_wrong_label_or_boundary_is_an_error_both_ways() -> None:
    predicted = [("ORG", (0, 0, 2)), ("LOC", (0, 3, 5)), ("LOC", (1, 0, 1))]
    scores = score(GOLD, predicted)
    assert (scores.micro.correct, scores.micro.precision, scores.micro.recall) == (1, 1 / 3, 1 / 3)


def test_no_predictions_scores_zero_without_dividing_by_zero() -> None:
    scores = score(GOLD, [])
    assert scores.micro.f1 == 0.0
    assert scores.labels["PER"].precision == 0.0
