"""就业帮扶政策规则: the five policy documents as cited data, a gazetteer, and a three-valued evaluator.

Plain Python, no Rasa import. Usable on its own: `python -m policies --help`.
"""
from .evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN, Evaluation, Profile, evaluate  # noqa: F401
from .gazetteer import default_gazetteer  # noqa: F401
from .model import default_policies, load_all  # noqa: F401
