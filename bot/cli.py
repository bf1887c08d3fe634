"""The ``rondetafel`` command line: the entry point, the only place that reads settings.

Every command has --help, exits non-zero with a one-line reason on bad input, and never
leaves a half-written file.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from bot import facilitation, operations, review, rounds, running
from bot.errors import StartupError, UsageError
from bot.settings import SettingsError, from_environment
from consultation.errors import Refused
from consultation.questions import ROLES
from locales.texts import Texts
from privacy.keys import KeyFileError
from renderers.formats import FORMATS
from storage.database import StorageError


class _Parser(argparse.ArgumentParser):
    """Bad arguments get one line, like every other refusal, and where to read more."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rondetafel",
        description="Consultations on Telegram, exported as a bloemlezing.",
        epilog=(
            "example: rondetafel consultation create --title 'Ronde 1' --date 2026-12-01; "
            "rondetafel invite --consultation ID --role expert --uses 15 --expires 30d; "
            "rondetafel export --consultation ID --format docx --out bloemlezing.docx"
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="start the bot (long polling, or a webhook)",
        epilog="settings come from the environment: see the README's table",
    )
    run.add_argument(
        "--runtime",
        choices=("aiogram", "ptb"),
        default="aiogram",
        help="the Telegram framework (default aiogram; both behave the same)",
    )
    run.add_argument(
        "--webhook",
        metavar="URL",
        help="receive updates at this public https URL (behind a reverse proxy that holds the"
        " certificate) instead of long polling",
    )
    run.add_argument(
        "--listen",
        default="127.0.0.1:8080",
        metavar="HOST:PORT",
        help="where the webhook server listens (default 127.0.0.1:8080)",
    )
    run.set_defaults(handler=running.run)

    demo = sub.add_parser("demo", help="a complete local consultation: no token, no internet")
    demo.add_argument("--out", default="demo-output", help="folder for the database and exports")
    demo.add_argument(
        "--runtime",
        choices=("aiogram", "ptb"),
        default="aiogram",
        help="the Telegram framework the demo bot runs on",
    )
    demo.set_defaults(handler=_demo)

    consultation = sub.add_parser("consultation", help="create, list or close consultations")
    csub = consultation.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = csub.add_parser("create", help="create a consultation; prints its id")
    create.add_argument("--title", required=True, help="shown to participants and on the cover")
    create.add_argument("--date", help="date of the consultation, YYYY-MM-DD (default today)")
    create.add_argument(
        "--programme", default="Samen tegen mensenhandel", help="for the cover and footer"
    )
    create.add_argument(
        "--questions",
        metavar="FILE",
        help="a question set (YAML) instead of the default five; see `questions export`",
    )
    create.add_argument(
        "--copy-questions-from",
        metavar="ID",
        help="ask the questions an earlier consultation asked",
    )
    create.add_argument(
        "--closes",
        metavar="YYYY-MM-DD",
        help="the last day people can answer; it closes by itself after that day",
    )
    create.set_defaults(handler=facilitation.create)
    listing = csub.add_parser("list", help="list consultations")
    listing.set_defaults(handler=facilitation.listing)
    close = csub.add_parser("close", help="close a consultation to new answers")
    close.add_argument("id", help="the consultation id (see `consultation list`)")
    close.set_defaults(handler=facilitation.close)
    reopen = csub.add_parser("reopen", help="open a closed consultation again")
    reopen.add_argument("id", help="the consultation id (see `consultation list`)")
    reopen.set_defaults(handler=facilitation.reopen)

    questions = sub.add_parser("questions", help="the question set a consultation asks")
    qsub = questions.add_subparsers(dest="action", required=True, metavar="ACTION")
    q_export = qsub.add_parser(
        "export", help="write the default question set as a YAML file to start from"
    )
    q_export.add_argument("--out", required=True, help="a .yaml file")
    q_export.set_defaults(handler=facilitation.export_questions)

    invite = sub.add_parser("invite", help="make an invite link for one role")
    invite.add_argument("--consultation", required=True, help="consultation id")
    invite.add_argument(
        "--role",
        required=True,
        metavar="|".join(ROLES),
        help="stakeholder, or expert (experience expert: asked nothing about themselves)",
    )
    invite.add_argument("--uses", help="how many people may use the link")
    invite.add_argument("--expires", help="YYYY-MM-DD, or a number of days like 14d")
    invite.add_argument(
        "--bot",
        help="the bot's username (default: as seen by `run`, or asked with TELEGRAM_BOT_TOKEN)",
    )
    invite.add_argument("--session", help="the session number (default: the newest)")
    invite.add_argument("--qr", metavar="FILE.png", help="also write the link as a QR code")
    invite.set_defaults(handler=facilitation.invite)

    status = sub.add_parser("status", help="progress of a consultation")
    status.add_argument("--consultation", required=True, help="consultation id")
    status.add_argument("--json", action="store_true", help="the counts as JSON, for scripts")
    status.add_argument("--chart", metavar="FILE.png", help="also draw the progress chart")
    status.set_defaults(handler=facilitation.status)

    export = sub.add_parser("export", help="write the bloemlezing or the coding sheet")
    export.add_argument("--consultation", required=True, help="consultation id")
    export.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="md",
        help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()),
    )
    export.add_argument("--out", required=True, help="file to write")
    export.set_defaults(handler=facilitation.export_files)

    coding = sub.add_parser("import-coding", help="read back the work group's coding sheet")
    coding.add_argument("file", help="the .xlsx or .csv coding sheet")
    coding.add_argument("--consultation", required=True, help="consultation id")
    coding.add_argument(
        "--only-untouched",
        action="store_true",
        help="a sheet made before later decisions: apply only the rows of statements nobody "
        "decided on since (default: refuse it and say what changed)",
    )
    coding.set_defaults(handler=review.import_coding)

    agreement = sub.add_parser(
        "agreement",
        help="agreement between coders of the same coding sheet, and of the machine with the "
        "final sheet",
    )
    agreement.add_argument("sheets", nargs="+", metavar="SHEET", help=".xlsx or .csv sheets")
    agreement.add_argument(
        "--final", metavar="SHEET", help="the work group's final sheet (default: the last SHEET)"
    )
    agreement.set_defaults(handler=review.agreement)

    codebook = sub.add_parser("codebook", help="export or import a consultation's codebook")
    cbsub = codebook.add_subparsers(dest="action", required=True, metavar="ACTION")
    cb_export = cbsub.add_parser("export", help="write the codebook as YAML or CSV")
    cb_export.add_argument("--consultation", help="default: the default codebook")
    cb_export.add_argument("--out", required=True, help="a .yaml or .csv file")
    cb_export.set_defaults(handler=review.export_codebook)
    cb_import = cbsub.add_parser("import", help="use an edited codebook for a consultation")
    cb_import.add_argument("file", help="a .yaml or .csv file")
    cb_import.add_argument("--consultation", required=True, help="consultation id")
    cb_import.set_defaults(handler=review.import_codebook)

    assign = sub.add_parser(
        "assign", help="assign JSON-lines statements to clusters (stdin to stdout)"
    )
    assign.add_argument("--codebook", help="a .yaml or .csv codebook (default: 2022's)")
    assign.set_defaults(handler=review.assign)

    scrub = sub.add_parser("scrub", help="de-identify JSON-lines texts (stdin to stdout)")
    scrub.add_argument("--profile", choices=ROLES, default="stakeholder")
    scrub.add_argument("--lang", help="language code; detected when not given")
    scrub.set_defaults(handler=review.scrub)

    languages = sub.add_parser(
        "languages", help="which languages the chat, de-identification and clustering cover"
    )
    languages.set_defaults(handler=facilitation.languages)

    forget = sub.add_parser("forget", help="erase a respondent's answers by withdrawal code")
    forget.add_argument("--code", required=True, help="the code the expert received")
    forget.set_defaults(handler=facilitation.forget)

    purge = sub.add_parser("purge", help="erase unsubmitted answers past the retention period")
    purge.add_argument("--days", type=int, help="retention in days (default from settings)")
    purge.set_defaults(handler=facilitation.purge)

    rounds.add_parsers(sub)
    operations.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.command == "run" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)  # a line per update is noise
    # httpx (python-telegram-bot) logs request URLs, and those carry the bot token
    logging.getLogger("httpx").setLevel(logging.WARNING)
    handler: Callable[..., int] = args.handler
    try:
        return handler(args, from_environment()) or 0
    except (UsageError, SettingsError) as error:
        print(f"rondetafel: {error}", file=sys.stderr)
        return 2
    except Refused as refusal:
        print(
            f"rondetafel: {Texts().with_numbers('en', refusal.key, refusal.values)}",
            file=sys.stderr,
        )
        return 2
    except (StorageError, StartupError, KeyFileError) as error:
        print(f"rondetafel: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _demo(args: argparse.Namespace, settings) -> int:
    from demo.runner import run_demo

    return run_demo(args.out, args.runtime)


if __name__ == "__main__":
    sys.exit(main())
