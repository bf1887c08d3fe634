import pytest

from privacy.pipeline import Deidentifier, get_deidentifier


@pytest.fixture(scope="session")
def deidentifier() -> Deidentifier:
    """The pipeline, loaded once for the whole test session."""
    return get_deidentifier()


@pytest.fixture(scope="session")
def scrub(deidentifier):
    """Run one text; return the anonymised text."""

    def run(text: str, lang: str | None = None, profile: str = "stakeholder") -> str:
        return deidentifier.deidentify(text, lang, profile).text

    return run
