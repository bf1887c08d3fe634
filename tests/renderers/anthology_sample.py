"""A small invented anthology for the renderer tests (no real participant's words)."""

from __future__ import annotations

from dataclasses import replace

from renderers.model import Anthology, Cluster, Part, Participation, Question, Quote

QUESTIONS = (
    Question(1, "Welke ontwikkelingen en trends ziet u met betrekking tot mensenhandel?"),
    Question(2, "Wat gaat er nu goed op het gebied van mensenhandel?"),
    Question(
        3,
        "Wat zijn volgens u in de huidige situatie de problemen en mogelijke "
        "onderliggende oorzaken?",
    ),
    Question(
        4,
        "Wat zouden wij volgens u per se moeten bereiken en wat betekent dat voor wat "
        "het ambitieniveau moet zijn?",
    ),
    Question(5, "Wat zou jij of je organisatie kunnen bijdragen?"),
)

POLISH = Quote("s000007000001", "Coraz więcej ofiar pracuje w magazynach bez umowy.", "pl")
ARABIC = Quote("s000009000002", "نحتاج إلى مترجمين في كل مركز استقبال.", "ar")
BULLETS = Quote("s000003000004", "Wat nodig is:\n- een vast aanspreekpunt\n- korte lijnen", "nl")
HIGHLIGHT = Quote(
    "s000002000001", "Zonder vertrouwen doet niemand aangifte, hoe goed de wet ook is.", "nl", True
)


def _cluster(number: str, title: str, *texts: str | Quote) -> Cluster:
    quotes = tuple(
        t if isinstance(t, Quote) else Quote(f"a{number.replace('.', '')}-s{i}", t, "nl")
        for i, t in enumerate(texts, start=1)
    )
    return Cluster(number=number, title=title, quotes=quotes, source_number=number)


PARTS = (
    Part(
        "1",
        "Trends en ontwikkelingen",
        1,
        QUESTIONS[0].text,
        (
            _cluster(
                "1.1",
                "Kwetsbare groepen",
                "Steeds jongere slachtoffers melden zich bij de opvang.",
                POLISH,
            ),
            _cluster(
                "1.2",
                "Digitalisering",
                "Werving verloopt vaker via sociale media en berichtenapps.",
                "Advertenties verdwijnen binnen een uur weer van het platform.",
            ),
        ),
    ),
    Part(
        "2",
        "Problemen en oorzaken",
        3,
        QUESTIONS[2].text,
        (
            _cluster(
                "2.1",
                "Aangiftebereidheid",
                HIGHLIGHT,
                "Slachtoffers zien zichzelf vaak niet als slachtoffer.",
            ),
            _cluster(
                "2.2",
                "Beperkte mogelijkheid gegevensuitwisseling",
                "Gemeenten mogen signalen niet met de [organisatie] delen.",
                BULLETS,
                "De regels <privacy> & *uitzonderingen* zijn voor niemand helder.",
            ),
        ),
    ),
    Part(
        "3",
        "Wat gaat er goed?",
        2,
        QUESTIONS[1].text,
        (
            _cluster(
                "3.1",
                "Meer samenwerking",
                "De samenwerking tussen zorg en politie is het afgelopen jaar gegroeid.",
                ARABIC,
            ),
        ),
    ),
    Part(
        "4",
        "Ambities",
        4,
        QUESTIONS[3].text,
        (
            _cluster(
                "4.1",
                "Slachtoffer centraal",
                Quote(
                    "s000005000001",
                    "Elk slachtoffer krijgt binnen een week een vaste begeleider.",
                    "nl",
                    True,
                ),
                "Opvangplekken moeten er zijn voordat ze nodig zijn.",
            ),
        ),
    ),
)


def sample_anthology(**changes: object) -> Anthology:
    anthology = Anthology(
        programme="Samen tegen mensenhandel",
        title="Een bloemlezing van citaten over trends, problemen en ambities",
        subtitle="Uit de consultatie van de programmagroep",
        date="5 oktober 2022",
        locale="nl",
        questions=QUESTIONS,
        participation=Participation(invited=120, submitted_stakeholders=64, submitted_experts=1),
        parts=PARTS,
        organisations=(
            "Zorgnetwerk Oost",
            "Gemeente Utrecht",
            "Ádám Stichting",
            "CoMensha",
            "politie",
        ),
        contributions=(
            Quote(
                "s000014000001",
                "Wij kunnen twee keer per jaar een training voor wijkteams geven.",
                "nl",
            ),
            Quote("s000015000001", "Możemy tłumaczyć ulotki na język polski.", "pl"),
        ),
        language_names={"pl": "Pools"},
    )
    return replace(anthology, **changes)
