"""The conversation core, with no Rasa import: understand a message into facts and a question, decide (ask for one
fact, or answer with which results), and word the reply. The rasa-sdk actions, the operator console and the
ledger all go through it; see docs/architecture.md."""
