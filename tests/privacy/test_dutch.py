"""deduce is used for Dutch names without taking over the process's logging."""

import logging
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_loading_deduce_leaves_logging_alone():
    code = (
        "import logging, warnings\n"
        "before = (list(logging.getLogger().handlers), logging.getLogger().level,"
        " list(warnings.filters))\n"
        "from privacy.steps.dutch import build_deidentifier\n"
        "build_deidentifier()\n"
        "after = (list(logging.getLogger().handlers), logging.getLogger().level,"
        " list(warnings.filters))\n"
        "print(before == after)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "True"


def test_statement_text_never_reaches_a_log(deidentifier, caplog):
    with caplog.at_level(logging.DEBUG):
        deidentifier.deidentify("Mijn collega Jan de Vries belde 06-41234567.", "nl")
        deidentifier.deidentify("Mijn collega Jan de Vries belde 06-41234567.", None, "expert")
    assert "Vries" not in caplog.text and "0641234567" not in caplog.text.replace("-", "")
