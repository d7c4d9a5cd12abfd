"""rasa-sdk actions: thin wrappers that move slots to the conversation core (assistant/) and back, and the audit log."""
