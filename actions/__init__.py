"""rasa-sdk actions: thin wrappers that move slots to the dialogue core (actions/dialogue.py) and back."""
