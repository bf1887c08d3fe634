"""The concept lexicon: every concept has words, inflected too, in every language."""

from analysis.concepts import default_lexicon, tokens
from analysis.languages import SUPPORTED


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
