"""Our code on the Rasa side: tokenizer, channels, console, CLI."""
