"""Fixed wording of the documents, one YAML file per document language."""
