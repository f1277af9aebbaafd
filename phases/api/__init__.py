"""The JSON API: content (phase pages, glossary), the checker's endpoint, the problems it
answers with, and the Infobutton (HL7 context-aware knowledge retrieval) for clinical systems."""
