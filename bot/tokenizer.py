"""Jieba tokenizer that uses our dictionary folder and drops whitespace tokens.

WeChat voice-to-text and typed messages often contain spaces ("俺是汉阴的 签了两年合同"); Rasa's JiebaTokenizer keeps
them as tokens, which adds noise features and breaks entity spans. Jieba's prefix-dictionary cache is kept inside the
repo (var/cache) rather than the system temp folder.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

ROOT = Path(__file__).resolve().parent.parent


def _configure_jieba_cache() -> None:
    import jieba

    cache_dir = Path(os.environ.get("JIEBA_CACHE_DIR", ROOT / "var" / "cache"))
    cache_dir.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(cache_dir)
    jieba.setLogLevel(40)


_configure_jieba_cache()

# Every model load and every server names this tokenizer in its pipeline, so this is where our measured speed-ups to
# Rasa (faster DIET load, action validation, SQLite WAL) are switched on, before the model loads. See bot/speedups.py.
from . import speedups  # noqa: E402

speedups.apply()


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class CleanJiebaTokenizer(JiebaTokenizer):
    """JiebaTokenizer without whitespace tokens."""

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        import jieba

        text = message.get(attribute) or ""
        tokens = [Token(word, start) for (word, start, _end) in jieba.tokenize(text) if word.strip()]
        if not tokens:  # an all-whitespace message still needs one token downstream
            tokens = [Token(text or " ", 0)]
        return self._apply_token_pattern(tokens)
