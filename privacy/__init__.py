"""De-identification of participants' free text (see privacy/README.md).

Import what you need from the submodules; importing this package loads nothing heavy:

    from privacy.pipeline import get_deidentifier, Deidentifier, Redaction, Span
    from privacy.scrub import main as scrub_main
"""
