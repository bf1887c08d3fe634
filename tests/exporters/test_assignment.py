import io
import json

import pytest

from exporters.assign_cli import main as assign_main
from exporters.assignment import Assigner, Assignment
from exporters.codebook import load_default_codebook
from exporters.concepts import default_lexicon, tokens
from exporters.languages import SUPPORTED, guess_language
from exporters.proposals import propose_clusters

DATA_SHARING = {
    "nl": "Door de AVG durven organisaties geen gegevens over slachtoffers met elkaar te delen.",
    "en": "Because of the GDPR, organisations do not dare to share data about victims.",
    "pl": "Z powodu RODO organizacje boją się wymieniać danymi o ofiarach.",
    "ro": "Din cauza GDPR, organizațiile nu îndrăznesc să facă schimb de date despre victime.",
    "bg": "Заради GDPR организациите не смеят да споделят данни за жертвите.",
    "hu": "A GDPR miatt a szervezetek nem merik megosztani az áldozatok adatait.",
    "uk": "Через GDPR організації не наважуються обмінюватися даними про жертв.",
    "ar": "بسبب قوانين الخصوصية لا تجرؤ المنظمات على تبادل البيانات حول الضحايا.",
}


@pytest.fixture(scope="module")
def codebook():
    return load_default_codebook()


@pytest.fixture(scope="module")
def assigner(codebook):
    return Assigner(codebook)


def test_a_statement_gets_three_clusters_of_its_own_part(assigner):
    result = assigner.assign("Er is te weinig opvang voor mannelijke slachtoffers.", "2")
    assert isinstance(result, Assignment)
    assert len(result.clusters) == 3 == len(set(result.clusters))
    assert all(number.startswith("2.") for number in result.clusters)
    assert result.scores == sorted(result.scores, reverse=True)


def test_same_input_same_output(codebook, assigner):
    text = "Ketenpartners werken langs elkaar heen en delen geen informatie."
    first = assigner.assign(text, "2")
    assert Assigner(codebook).assign(text, "2") == first
    assert assigner.assign_many([(text, "2"), {"text": text, "chapter": "2"}]) == [first, first]


@pytest.mark.parametrize("lang", sorted(DATA_SHARING))
def test_data_sharing_lands_in_the_same_cluster_in_every_language(assigner, lang):
    result = assigner.assign(DATA_SHARING[lang], "2")
    assert result.clusters[0] == "2.11", result
    assert result.fits


def test_the_language_is_recognised_or_taken_as_given(assigner):
    assert guess_language(DATA_SHARING["pl"]) == "pl"
    assert guess_language(DATA_SHARING["uk"]) == "uk"
    assert guess_language(DATA_SHARING["bg"]) == "bg"
    given = assigner.assign(DATA_SHARING["pl"], "2", lang="pl")
    assert given == assigner.assign(DATA_SHARING["pl"], "2")


@pytest.mark.parametrize(
    "text", ["Het weer is mooi vandaag.", "Ik weet het niet.", "asdf qwerty", ""]
)
def test_a_statement_that_fits_no_cluster_says_so(assigner, text):
    assert not assigner.assign(text, "2").fits


def test_corrections_steer_later_assignments(codebook):
    text = "Webcamchantage van tieners groeit snel."
    before = Assigner(codebook).assign(text, "1")
    target = next(c.number for c in codebook.clusters("1") if c.number not in before.clusters)
    corrected = Assigner(codebook, [("Webcamchantage van tieners neemt toe.", target)])
    after = corrected.assign(text, "1")
    assert after.clusters[0] == target
    assert corrected.assign("Meer aandacht voor jongens als slachtoffer.", "3").clusters == (
        Assigner(codebook).assign("Meer aandacht voor jongens als slachtoffer.", "3").clusters
    )


def test_a_correction_in_one_language_helps_another(codebook):
    text = "Loverboys gebruiken Snapchat-filters om meisjes te lokken."
    assert Assigner(codebook).assign(text, "1").clusters[0] != "1.8"
    corrected = Assigner(codebook, [("Loverboys use Snapchat filters to lure girls.", "1.8")])
    assert corrected.assign(text, "1").clusters[0] == "1.8"


def test_unknown_part_is_an_error(assigner):
    with pytest.raises(KeyError):
        assigner.assign("Iets", "9")


def test_every_language_has_words_for_every_concept():
    lexicon = default_lexicon()
    assert set(lexicon.languages) >= {"nl", "en", "pl", "ro", "bg", "hu", "uk", "ar"}
    for lang in lexicon.languages:
        assert lexicon.concepts(lang) == lexicon.concepts("nl"), lang
    victim = {"nl": "slachtoffers", "pl": "ofiarami", "bg": "жертвите", "ar": "الضحايا"}
    for lang, word in victim.items():
        assert "victim" in lexicon.of_word(word, lang)


# Per concept, one inflected word in each language (nl en pl ro, then bg hu uk ar), as statements
# use them (plurals, case endings, article suffixes, Arabic clitics): each must map to it.
INFLECTED = """
trafficking: mensenhandelzaken trafficking handlu traficul
    трафика emberkereskedelem торгівлі الاتجار
trafficker: mensenhandelaren traffickers handlarze traficanții
    трафикантите emberkereskedők торговці المتاجرين
exploitation: uitbuiting exploitation wyzysku exploatarea
    експлоатация kizsákmányolás експлуатації استغلال
coercion: gedwongen forced przymusu constrângere
    принуда kényszer примусу الإكراه
labour: arbeidsuitbuiting workers pracy muncă
    труда munkaerő праці العمل
sexual: seksuele sexual seksualnego sexuală
    сексуална szexuális сексуальної الجنسي
sexwork: sekswerkers prostitution prostytucji prostituție
    проституция prostitúció проституції الدعارة
criminal: criminele criminal przestępczej infracțională
    престъпна bűnözés кримінальної الجريمة
victim: slachtoffers victims ofiarami victimele
    жертвите áldozatok жертвам الضحايا
perpetrator: daders perpetrators sprawców făptașii
    извършителите elkövetők злочинців الجناة
youth: jongeren young młodzieży tinerii
    младежите fiatalok молоді الشباب
male: jongens boys chłopców băieții
    момчетата fiúk хлопців الفتيان
female: vrouwen women kobiet femeile
    жените lányok жінок النساء
family: gezinnen families rodziny familiile
    семействата családok родини الأسر
migrant: migranten migrants migrantów migranții
    мигрантите migránsok мігрантів المهاجرين
vulnerable: kwetsbare vulnerable wrażliwych vulnerabile
    уязвимите kiszolgáltatott вразливих الضعيفة
poverty: armoede poverty biedy sărăcia
    бедността szegénység бідності الفقر
money: financiering funding finansowania finanțare
    финансиране finanszírozás фінансування التمويل
group: groepen groups grupy grupurile
    групите csoportok групи المجموعات
police: politie police policja poliția
    полицията rendőrség поліції الشرطة
prosecution: vervolging prosecution prokuratury procurorii
    прокуратурата ügyészség прокуратури النيابة
investigation: opsporing investigation śledztwa investigații
    разследване nyomozás розслідування التحقيق
punishment: straffen punishment kary pedepse
    наказания büntetés покарання العقوبات
municipality: gemeenten municipalities gminy primăriile
    общините önkormányzatok муніципалітети البلديات
region: regionale regional regionalne regiunea
    региона regionális регіоні الإقليمية
local: lokale local lokalne locale
    местните helyi місцеві المحلية
national: landelijke national krajowy național
    национално országos національному الوطنية
netherlands: nederlandse dutch holenderskie olandeze
    нидерландските holland нідерландах هولندا
government: overheid government rządu guvernul
    правителството kormány уряду الحكومة
international: internationale international międzynarodowej internaționale
    международни nemzetközi міжнародних الدولية
care: zorgverlening care opieki îngrijire
    грижа ellátás допомоги الرعاية
shelter: opvang shelter schroniska adăpost
    приюти szállás притулку الإيواء
coordinator: zorgcoördinatoren coordinators koordynatorzy coordonatorii
    координаторите koordinátorok координаторів المنسقين
rapporteur: rapporteur rapporteur sprawozdawca raportorul
    докладчик jelentéstevő доповідач المقرر
organisation: organisaties organisations organizacje organizațiile
    организациите szervezetek організацій المنظمات
professional: professionals professionals specjaliści specialiștii
    специалистите szakemberek фахівців المهنيين
community: gemeenschap communities społeczności comunitățile
    общността közösség громади الجاليات
society: samenleving society społeczeństwa societatea
    обществото társadalom суспільства المجتمع
business: bedrijven companies firmy companiile
    фирмите cégek компанії الشركات
inspection: inspectie inspection inspekcji inspecția
    инспекцията ellenőrzés інспекції التفتيش
administrative: bestuurlijke administrative administracyjne administrative
    административни közigazgatási адміністративні الإدارية
immigration: verblijfsvergunning immigration pobytu ședere
    пребиваване tartózkodási перебування الإقامة
health: gezondheid health zdrowia sănătate
    здравето egészség здоров'я الصحة
education: onderwijs schools szkołach școlile
    училищата iskolák школах المدارس
cooperation: samenwerking cooperation współpracy cooperarea
    сътрудничество együttműködés співпраці التعاون
network: netwerken networks sieci rețelele
    мрежите hálózat мережі الشبكات
fragmentation: versnippering fragmentation rozproszenie fragmentarea
    разпокъсаност szétaprózott розпорошеність التشتت
difference: verschillende different różnych diferite
    различни különböző різних مختلفة
information: informatie information informacji informațiile
    информацията információ інформації المعلومات
privacy: privacy privacy prywatności confidențialitatea
    поверителност adatvédelem конфіденційності الخصوصية
registration: registratie registration rejestracji înregistrarea
    регистрация nyilvántartás реєстрації التسجيل
steering: regie steering koordynacji coordonarea
    управление irányítás координації التوجيه
role: rol role roli rolul
    ролята szerepe роль دور
agreement: afspraken agreements porozumienia acordurile
    споразумения megállapodás домовленості الاتفاق
law: wetgeving legislation przepisy legislația
    законодателството törvény законодавства القانون
policy: beleid policy polityki politica
    политиката szakpolitika політики السياسة
priority: prioriteit priority priorytet prioritate
    приоритет prioritás пріоритет الأولوية
attention: aandacht attention uwagi atenție
    внимание figyelem уваги الاهتمام
deploy: inzetten deploy stosowanie utilizarea
    използване alkalmazás використання استخدام
approach: aanpak approach podejście abordare
    подход fellépés підхід مكافحة
ambition: ambitie ambition ambicje ambiția
    амбиция ambíció амбіції الطموح
improve: verbeteren improve poprawa îmbunătățire
    подобряване javítás покращення تحسين
lack: onvoldoende insufficient brak lipsa
    липса hiány брак نقص
problem: problemen problems problemy problemele
    проблемите problémák проблеми المشكلة
cause: oorzaken causes przyczyny cauzele
    причините okai причини أسباب
consequence: gevolgen consequences konsekwencje consecințele
    последиците következmények наслідки عواقب
available: beschikbaar available dostępne disponibile
    достъпни elérhető доступні متاحة
knowledge: kennis knowledge wiedzy cunoștințe
    знания tudás знань المعرفة
training: trainingen training szkolenia instruire
    обучение képzés навчання التدريب
awareness: bewustwording awareness świadomości conștientizare
    осведоменост tudatosság обізнаності الوعي
prevention: preventie prevention profilaktyki prevenire
    превенция megelőzés профілактики الوقاية
signal: signalen signals sygnały semnalele
    сигналите jelzések сигнали علامات
visibility: zichtbaar visible widoczne vizibil
    видими látható видимість رؤية
hidden: verborgen hidden ukryte ascunse
    скрити rejtett прихована خفية
reporting: meldingen reports zgłoszenia raportare
    докладване bejelentés повідомлення الإبلاغ
crimereport: aangifte complaint zawiadomienie plângere
    оплакване feljelentés заяви شكوى
trust: vertrouwen trust zaufania încredere
    доверие bizalom довіри الثقة
fear: angst fear strach frica
    страх félelem страх الخوف
safety: veiligheid safety bezpieczeństwa siguranță
    безопасност biztonság безпеки الأمان
protection: bescherming protection ochrony protecția
    защита védelem захисту الحماية
stigma: stigma stigma stygmatyzacja stigmatizare
    стигма megbélyegzés стигматизація الوصم
definition: definitie definition definicji definiția
    дефиниция definíció визначення تعريف
clarity: duidelijkheid clarity jasności claritate
    яснота világos чіткості الوضوح
complexity: complex complex złożone complexă
    сложна összetett складні معقدة
online: online online internecie online
    онлайн online онлайн الإنترنت
recruitment: werving recruitment werbowanie recrutare
    вербуване toborzás вербування التجنيد
increase: toename increase wzrost creștere
    увеличение növekedés зростання تزايد
decrease: afname decrease spadek scădere
    намаляване csökkenés зменшення انخفاض
forms: vormen forms formy forme
    форми formák форми أشكال
speed: snel quickly szybko rapid
    бързо gyorsan швидко سريع
experience: ervaringsdeskundigen experience doświadczenie experiență
    опит tapasztalat досвід تجربة
perspective: perspectief perspective perspektywy perspectivă
    перспектива szempont перспективи منظور
tailor: maatwerk tailored dostosowane personalizată
    индивидуален szabott індивідуальний مخصصة
measurement: resultaten results wyniki rezultatele
    резултатите eredmények результати النتائج
continuity: structurele structural strukturalne structurale
    структурни strukturális структурні هيكلية
followup: opvolging follow kontynuacja urmărirea
    проследяване utánkövetés подальші المتابعة
capacity: capaciteit capacity zdolności capacitate
    капацитет kapacitás спроможності القدرة
procedure: procedure procedure procedury procedura
    процедура eljárás процедури الإجراءات
detention: gesloten detention areszt detenție
    задържане fogva ув'язнення الاحتجاز
cases: zaken cases sprawy cazurile
    случаите ügyek справи القضايا
future: toekomst future przyszłości viitorul
    бъдещето jövő майбутнього المستقبل
relapse: recidive relapse recydywa recidiva
    рецидив visszaesés рецидив العود
communication: communicatie communication komunikacji comunicarea
    комуникация kommunikáció комунікації التواصل
innovation: innovatieve innovative innowacyjne inovatoare
    иновативни innovatív інноваційні مبتكرة
adulthood: volwassenen adults dorosłych adulți
    пълнолетие felnőttek дорослих البالغين
organised: georganiseerde organised zorganizowana organizată
    организирана szervezett організована عصابات
mobility: mobiliteit mobility mobilność mobilitate
    мобилност mobilitás мобільність التنقل
fraud: fraude fraud oszustwa fraudă
    измама csalás шахрайство الاحتيال
culture: cultuur culture kultury cultura
    културата kultúra культури الثقافة
corona: corona covid pandemii pandemia
    пандемията járvány пандемії كورونا
treatment: bejegening treatment traktowanie tratamentul
    отношение bánásmód поводження معاملة
rights: rechten rights prawa drepturile
    правата jogok права الحقوق
few: weinig few mało puține
    малко kevés мало قليل
story: verhaal story historię povestea
    историята történet історію قصة
"""


def test_every_concept_is_found_in_inflected_words_of_every_language():
    lexicon = default_lexicon()
    rows: dict[str, list[str]] = {}
    concept = ""
    for line in INFLECTED.strip().splitlines():
        if line.startswith(" "):
            rows[concept] += line.split()
        else:
            concept, words = line.split(":")
            rows[concept] = words.split()
    assert set(rows) == set(lexicon.concepts("nl"))
    missed = []
    for concept, words in rows.items():
        for lang, word in zip(SUPPORTED, words, strict=True):
            found = {c for token in tokens(word) for c in lexicon.of_word(token, lang)}
            if concept not in found:
                missed.append((concept, lang, word, sorted(found)))
    assert missed == []


def test_a_statement_gets_the_same_result_alone_or_among_others(assigner):
    texts = [
        ("Er is te weinig opvang voor mannelijke slachtoffers.", "2"),
        ("Meer samenwerking tussen gemeenten en politie.", "3"),
        ("Coraz więcej werbunku przez media społecznościowe.", "1"),
        ("Потрібно більше навчання для фахівців.", "4"),
    ]
    together = assigner.assign_many(texts * 3)
    assert together == [assigner.assign(text, chapter) for text, chapter in texts * 3]


def test_bulgarian_without_its_own_letters_is_not_taken_for_ukrainian():
    assert guess_language("Бях на петнадесет години, когато ме доведоха тук.") == "bg"
    assert guess_language("Мені було п'ятнадцять років, коли мене привезли сюди.") == "uk"


def test_unfit_statements_are_grouped_and_named_by_their_words():
    texts = [
        "Webcams worden gebruikt voor chantage van jongeren.",
        "De huurprijzen van woningen stijgen enorm.",
        "Chantage met naaktbeelden via webcams neemt toe.",
        "Woningen zijn onbetaalbaar, de huurprijzen te hoog.",
        "Sextortion via webcams en chantage.",
    ]
    proposals = propose_clusters(texts)
    assert [p.members for p in proposals] == [(0, 2, 4), (1, 3)]
    assert set(proposals[0].keywords) >= {"webcams", "chantage"}
    assert "huurprijzen" in proposals[1].title.lower()
    assert propose_clusters(texts) == proposals
    assert propose_clusters([]) == []


def run_cli(lines, *args):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    code = assign_main(list(args), stdin, out, err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_cli_writes_top_three_per_statement():
    code, rows, _ = run_cli(
        [
            {"id": "a1", "text": DATA_SHARING["nl"], "chapter": "2"},
            {"id": 7, "text": DATA_SHARING["pl"], "chapter": 2},
        ]
    )
    assert code == 0
    assert [r["id"] for r in rows] == ["a1", 7]
    assert rows[0]["clusters"][0] == rows[1]["clusters"][0] == "2.11"
    assert set(rows[0]) == {"id", "clusters", "scores"} and len(rows[0]["scores"]) == 3


def test_cli_uses_the_codebook_and_corrections_given(tmp_path, codebook):
    path = tmp_path / "codebook.yaml"
    codebook.renamed("2.11", "Privacy").merged("2.23", into="2.11").write(path)
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text(
        json.dumps({"text": "Geen prioriteit bij de gemeente.", "cluster": "2.19"}) + "\n",
        encoding="utf-8",
    )
    code, rows, _ = run_cli(
        [{"id": 1, "text": "Ketenpartners werken niet samen.", "chapter": "2"}],
        "--codebook",
        str(path),
        "--examples",
        str(corrections),
    )
    assert code == 0 and "2.23" not in rows[0]["clusters"]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], "line 1, column 2"),
        ([json.dumps({"id": 1, "text": "x"})], "line 1: missing 'chapter'"),
        (
            [
                json.dumps({"id": 1, "text": "x", "chapter": "2"}),
                json.dumps({"id": 2, "text": "y", "chapter": "5"}),
            ],
            "line 2: chapter '5'",
        ),
    ],
)
def test_cli_refuses_bad_input_before_writing_anything(lines, message):
    out, err = io.StringIO(), io.StringIO()
    code = assign_main([], io.StringIO("\n".join(lines) + "\n"), out, err)
    assert code == 2 and out.getvalue() == "" and message in err.getvalue()


def test_cli_reports_a_damaged_codebook(tmp_path):
    path = tmp_path / "codebook.csv"
    path.write_text("part;number;title_nl\n1;1.x;Oeps\n", encoding="utf-8")
    code, rows, err = run_cli([], "--codebook", str(path))
    assert code == 2 and rows == [] and "line 2" in err
