"""One turn said to the conversation core on a fixed day, and the cards it stated: the helpers of the tests that talk."""
import datetime as dt

from assistant.turn import policy_turn

TODAY = dt.date(2026, 12, 4)


def say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def card(turn, bid):
    return next(r for r in turn.decision.stated if r.benefit.id == bid)


def ids(turn):
    return [r.benefit.id for r in turn.decision.stated]


def said(turn):
    """All the words of a turn's replies."""
    return "\n".join(r.text for r in turn.replies)
