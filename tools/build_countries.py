#!/usr/bin/env python3
"""Generate ``src/wirecoder/data/actors/countries.yaml``.

The committed YAML is what wirecoder reads at runtime; this script is only a
maintenance aid and is the one place that needs ``pycountry`` (used for the
ISO 3166 codes and the official long names).  Everything news-specific --
short forms, wire-copy abbreviations, adjectives, demonyms, capitals and
seats of power -- is curated in the tables below.

Usage::

    python tools/build_countries.py            # rewrite the YAML
    python tools/build_countries.py --check    # exit 1 if the YAML is stale

Conventions
-----------
* ``code``: ISO 3166-1 alpha-3.  Where ISO has no code the entry says which
  code it uses instead (Kosovo: ``XKX``, the user-assigned code used by the
  EU, the IMF and most data sets).  Where CAMEO's country list uses another
  code for the same country the YAML carries a comment (CAMEO ``ROM`` for
  Romania, ``TMP`` for East Timor, ``MTN`` for Montenegro).
* ``names``: every form that names the country as a noun phrase, exact case.
  Names written with letters outside ASCII also get an ASCII-folded twin
  (``Côte d'Ivoire`` -> ``Cote d'Ivoire``).  Apostrophes are ASCII ``'``;
  the matcher is expected to normalise typographic quotes.
* ``demonyms``: adjectives ending in -an/-ian/-ean/-i get their plural
  (``Kenyan`` -> ``Kenyans``) automatically; irregular forms are listed.
* No string may denote two different entries (checked below).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "wirecoder" / "data" / "actors" / "countries.yaml"

# --------------------------------------------------------------------------
# UN membership (193 member states; 2 observer states)
# --------------------------------------------------------------------------
UN_MEMBERS = set(
    """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX
MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
)
UN_OBSERVERS = {"VAT", "PSE"}

# --------------------------------------------------------------------------
# Curated table.  One line per entry:
#   CODE | short name | extra names | adjectives | demonyms | capitals
# Lists are separated by ';'.  Empty fields are allowed.
# --------------------------------------------------------------------------
TABLE = """
AFG|Afghanistan|Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan|Afghan||Kabul
ALB|Albania||Albanian||Tirana
DZA|Algeria||Algerian||Algiers
AND|Andorra||Andorran||Andorra la Vella
AGO|Angola||Angolan||Luanda
ATG|Antigua and Barbuda|Antigua & Barbuda;Antigua|Antiguan||
ARG|Argentina|Argentine Republic|Argentine;Argentinian|Argentines|Buenos Aires
ARM|Armenia||Armenian||Yerevan
AUS|Australia|Commonwealth of Australia|Australian||Canberra
AUT|Austria||Austrian||Vienna
AZE|Azerbaijan||Azerbaijani;Azeri||Baku
BHS|Bahamas|The Bahamas|Bahamian||Nassau
BHR|Bahrain|Kingdom of Bahrain|Bahraini||Manama
BGD|Bangladesh||Bangladeshi||Dhaka
BRB|Barbados||Barbadian;Bajan||Bridgetown
BLR|Belarus||Belarusian;Belarussian||Minsk
BEL|Belgium||Belgian||Brussels
BLZ|Belize||Belizean||Belmopan
BEN|Benin||Beninese||Porto-Novo;Cotonou
BTN|Bhutan||Bhutanese||Thimphu
BOL|Bolivia||Bolivian||La Paz;Sucre
BIH|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina;Bosnia & Herzegovina|Bosnian||Sarajevo
BWA|Botswana||Botswanan|Batswana|Gaborone
BRA|Brazil|Federative Republic of Brazil|Brazilian||Brasilia;Brasília
BRN|Brunei|Brunei Darussalam|Bruneian||Bandar Seri Begawan
BGR|Bulgaria||Bulgarian||Sofia
BFA|Burkina Faso|Burkina|Burkinabe;Burkinabè||Ouagadougou
BDI|Burundi||Burundian||Gitega;Bujumbura
CPV|Cape Verde|Cabo Verde|Cape Verdean||Praia
KHM|Cambodia|Kingdom of Cambodia|Cambodian||Phnom Penh
CMR|Cameroon||Cameroonian||Yaounde;Yaoundé
CAN|Canada||Canadian||Ottawa
CAF|Central African Republic|CAR|Central African||Bangui
TCD|Chad||Chadian||N'Djamena;Ndjamena
CHL|Chile||Chilean||Santiago
CHN|China|People's Republic of China;PRC;mainland China|Chinese||Beijing
COL|Colombia||Colombian||Bogota;Bogotá
COM|Comoros||Comorian||Moroni
COG|Republic of the Congo|Republic of Congo;Congo Republic;Congo-Brazzaville|||Brazzaville
COD|Democratic Republic of the Congo|Democratic Republic of Congo;DR Congo;D.R. Congo;DRC;Congo-Kinshasa;Congo|Congolese||Kinshasa
CRI|Costa Rica||Costa Rican||
CIV|Ivory Coast|Côte d'Ivoire|Ivorian||Yamoussoukro;Abidjan
HRV|Croatia||Croatian||Zagreb
CUB|Cuba||Cuban||Havana
CYP|Cyprus|Republic of Cyprus|Cypriot||Nicosia
CZE|Czech Republic|Czechia|Czech|Czechs|Prague
DNK|Denmark||Danish|Danes|Copenhagen
DJI|Djibouti||Djiboutian||
DMA|Dominica|Commonwealth of Dominica|||Roseau
DOM|Dominican Republic||Dominican||Santo Domingo
ECU|Ecuador||Ecuadorean;Ecuadorian||Quito
EGY|Egypt|Arab Republic of Egypt|Egyptian||Cairo
SLV|El Salvador||Salvadoran;Salvadorean||San Salvador
GNQ|Equatorial Guinea||Equatorial Guinean;Equatoguinean||Malabo
ERI|Eritrea||Eritrean||Asmara
EST|Estonia||Estonian||Tallinn
SWZ|Eswatini|Swaziland|Swazi||Mbabane;Lobamba
ETH|Ethiopia||Ethiopian||Addis Ababa
FJI|Fiji||Fijian||Suva
FIN|Finland||Finnish|Finns|Helsinki
FRA|France|French Republic|French||Paris
GAB|Gabon|Gabonese Republic|Gabonese||Libreville
GMB|Gambia|The Gambia|Gambian||Banjul
GEO|Georgia||Georgian||Tbilisi
DEU|Germany|Federal Republic of Germany|German||Berlin
GHA|Ghana||Ghanaian||Accra
GRC|Greece|Hellenic Republic|Greek|Greeks|Athens
GRD|Grenada||Grenadian||
GTM|Guatemala||Guatemalan||Guatemala City
GIN|Guinea|Republic of Guinea|Guinean||Conakry
GNB|Guinea-Bissau|Guinea Bissau|Bissau-Guinean||Bissau
GUY|Guyana||Guyanese||
HTI|Haiti||Haitian||Port-au-Prince
HND|Honduras||Honduran||Tegucigalpa
HUN|Hungary||Hungarian||Budapest
ISL|Iceland||Icelandic|Icelanders|Reykjavik;Reykjavík
IND|India|Republic of India|Indian||New Delhi
IDN|Indonesia|Republic of Indonesia|Indonesian||Jakarta
IRN|Iran|Islamic Republic|Iranian||Tehran;Teheran
IRQ|Iraq|Republic of Iraq|Iraqi||Baghdad
IRL|Ireland|Republic of Ireland|Irish||Dublin
ISR|Israel|State of Israel|Israeli||Jerusalem
ITA|Italy|Italian Republic|Italian||Rome
JAM|Jamaica||Jamaican||Kingston
JPN|Japan||Japanese||Tokyo
JOR|Jordan|Hashemite Kingdom|Jordanian||Amman
KAZ|Kazakhstan||Kazakh;Kazakhstani|Kazakhs|Astana;Nur-Sultan
KEN|Kenya||Kenyan||Nairobi
KIR|Kiribati||I-Kiribati||Tarawa;South Tarawa
KWT|Kuwait|State of Kuwait|Kuwaiti||Kuwait City
KGZ|Kyrgyzstan|Kyrgyz Republic|Kyrgyz;Kyrgyzstani||Bishkek
LAO|Laos|Lao PDR|Laotian;Lao||Vientiane
LVA|Latvia||Latvian||Riga
LBN|Lebanon|Lebanese Republic|Lebanese||Beirut
LSO|Lesotho||Basotho|Basotho|Maseru
LBR|Liberia||Liberian||Monrovia
LBY|Libya|State of Libya|Libyan||Tripoli
LIE|Liechtenstein||Liechtenstein|Liechtensteiners|Vaduz
LTU|Lithuania||Lithuanian||Vilnius
LUX|Luxembourg|Grand Duchy of Luxembourg|Luxembourgish|Luxembourgers|Luxembourg City
MDG|Madagascar||Malagasy||Antananarivo
MWI|Malawi||Malawian||Lilongwe
MYS|Malaysia||Malaysian||Kuala Lumpur;Putrajaya
MDV|Maldives|Republic of Maldives|Maldivian||Malé
MLI|Mali||Malian||Bamako
MLT|Malta||Maltese||Valletta
MHL|Marshall Islands|Republic of the Marshall Islands|Marshallese||Majuro
MRT|Mauritania|Islamic Republic of Mauritania|Mauritanian||Nouakchott
MUS|Mauritius||Mauritian||Port Louis
MEX|Mexico|United Mexican States|Mexican||Mexico City
FSM|Micronesia|Federated States of Micronesia|Micronesian||Palikir
MDA|Moldova|Republic of Moldova|Moldovan||Chisinau;Chișinău
MCO|Monaco|Principality of Monaco|Monegasque|Monegasques|
MNG|Mongolia||Mongolian||Ulaanbaatar;Ulan Bator
MNE|Montenegro||Montenegrin||Podgorica
MAR|Morocco|Kingdom of Morocco|Moroccan||Rabat
MOZ|Mozambique||Mozambican||Maputo
MMR|Myanmar|Burma|Burmese||Naypyitaw;Naypyidaw;Nay Pyi Taw
NAM|Namibia||Namibian||Windhoek
NRU|Nauru||Nauruan||Yaren
NPL|Nepal||Nepali;Nepalese||Kathmandu
NLD|Netherlands|Holland|Dutch||Amsterdam;The Hague
NZL|New Zealand|||New Zealanders|Wellington
NIC|Nicaragua||Nicaraguan||Managua
NER|Niger|Republic of Niger|Nigerien||Niamey
NGA|Nigeria|Federal Republic of Nigeria|Nigerian||Abuja
PRK|North Korea|DPRK;D.P.R.K.;N. Korea;N.Korea|North Korean||Pyongyang
MKD|North Macedonia|Macedonia;FYROM;Former Yugoslav Republic of Macedonia|North Macedonian;Macedonian||Skopje
NOR|Norway|Kingdom of Norway|Norwegian||Oslo
OMN|Oman|Sultanate of Oman|Omani||Muscat
PAK|Pakistan|Islamic Republic of Pakistan|Pakistani||Islamabad
PLW|Palau|Republic of Palau|Palauan||Ngerulmud
PAN|Panama||Panamanian||Panama City
PNG|Papua New Guinea|PNG|Papua New Guinean||Port Moresby
PRY|Paraguay||Paraguayan||Asuncion;Asunción
PER|Peru||Peruvian||Lima
PHL|Philippines|Republic of the Philippines|Filipino;Philippine|Filipinos|Manila
POL|Poland|Republic of Poland|Polish|Poles|Warsaw
PRT|Portugal|Portuguese Republic|Portuguese||Lisbon
QAT|Qatar|State of Qatar|Qatari||Doha
KOR|South Korea|Republic of Korea;ROK;S. Korea;S.Korea|South Korean||Seoul
ROU|Romania||Romanian||Bucharest
RUS|Russia|Russian Federation|Russian||Moscow
RWA|Rwanda||Rwandan||Kigali
KNA|Saint Kitts and Nevis|St. Kitts and Nevis;St Kitts and Nevis;St. Kitts & Nevis|Kittitian||Basseterre
LCA|Saint Lucia|St. Lucia;St Lucia|Saint Lucian;St. Lucian||Castries
VCT|Saint Vincent and the Grenadines|St. Vincent and the Grenadines;St Vincent and the Grenadines|Vincentian||Kingstown
WSM|Samoa|Independent State of Samoa|Samoan||Apia
SMR|San Marino|Republic of San Marino|Sammarinese||
STP|Sao Tome and Principe|São Tomé and Príncipe;Sao Tome & Principe|Sao Tomean;São Toméan||São Tomé
SAU|Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi;Saudi Arabian||Riyadh
SEN|Senegal||Senegalese||Dakar
SRB|Serbia||Serbian|Serbs|Belgrade
SYC|Seychelles||Seychellois||
SLE|Sierra Leone||Sierra Leonean||Freetown
SGP|Singapore|Republic of Singapore|Singaporean||
SVK|Slovakia|Slovak Republic|Slovak;Slovakian|Slovaks|Bratislava
SVN|Slovenia||Slovenian;Slovene|Slovenes|Ljubljana
SLB|Solomon Islands|||Solomon Islanders|Honiara
SOM|Somalia|Federal Republic of Somalia|Somali;Somalian||Mogadishu
ZAF|South Africa|Republic of South Africa|South African||Pretoria;Cape Town
SSD|South Sudan||South Sudanese||Juba
ESP|Spain|Kingdom of Spain|Spanish|Spaniards|Madrid
LKA|Sri Lanka||Sri Lankan||Colombo;Sri Jayawardenepura Kotte
SDN|Sudan|Republic of the Sudan|Sudanese||Khartoum;Port Sudan
SUR|Suriname|Surinam|Surinamese||Paramaribo
SWE|Sweden|Kingdom of Sweden|Swedish|Swedes|Stockholm
CHE|Switzerland|Swiss Confederation|Swiss||Bern;Berne
SYR|Syria|Syrian Arab Republic|Syrian||Damascus
TJK|Tajikistan||Tajik;Tajikistani|Tajiks|Dushanbe
TZA|Tanzania|United Republic of Tanzania|Tanzanian||Dodoma;Dar es Salaam
THA|Thailand|Kingdom of Thailand|Thai||Bangkok
TLS|East Timor|Timor-Leste;Timor Leste|East Timorese;Timorese||Dili
TGO|Togo|Togolese Republic|Togolese||Lome;Lomé
TON|Tonga|Kingdom of Tonga|Tongan||Nuku'alofa
TTO|Trinidad and Tobago|Trinidad & Tobago;Trinidad|Trinidadian;Tobagonian||Port of Spain
TUN|Tunisia|Tunisian Republic|Tunisian||Tunis
TUR|Turkey|Türkiye|Turkish|Turks|Ankara
TKM|Turkmenistan||Turkmen|Turkmens|Ashgabat
TUV|Tuvalu||Tuvaluan||Funafuti
UGA|Uganda|Republic of Uganda|Ugandan||Kampala
UKR|Ukraine||Ukrainian||Kyiv;Kiev
ARE|United Arab Emirates|UAE;U.A.E.|Emirati||Abu Dhabi
GBR|United Kingdom|UK;U.K.;Britain;Great Britain|British|Britons;Brits|London
USA|United States|US;U.S.;USA;U.S.A.;America|American||Washington
URY|Uruguay|Oriental Republic of Uruguay|Uruguayan||Montevideo
UZB|Uzbekistan||Uzbek;Uzbekistani|Uzbeks|Tashkent
VUT|Vanuatu||Ni-Vanuatu||Port Vila
VEN|Venezuela|Bolivarian Republic of Venezuela|Venezuelan||Caracas
VNM|Vietnam|Viet Nam|Vietnamese||Hanoi
YEM|Yemen|Republic of Yemen|Yemeni||Sanaa;Sana'a
ZMB|Zambia||Zambian||Lusaka
ZWE|Zimbabwe||Zimbabwean||Harare
VAT|Holy See|Vatican;Vatican City;Vatican City State|Vatican||
PSE|Palestine|State of Palestine;Palestinian territories;Palestinian Territories;occupied Palestinian territories;Occupied Palestinian Territory;West Bank;Gaza;Gaza Strip|Palestinian;Gazan|Gazans|Ramallah
TWN|Taiwan|Republic of China;ROC;Chinese Taipei|Taiwanese||Taipei
XKX|Kosovo|Republic of Kosovo|Kosovar;Kosovan|Kosovars|Pristina;Prishtina
ESH|Western Sahara|Sahrawi Arab Democratic Republic;SADR|Sahrawi;Saharawi||
HKG|Hong Kong|Hong Kong SAR||Hongkongers;Hong Kongers|
MAC|Macau|Macao;Macau SAR|Macanese||
PRI|Puerto Rico||Puerto Rican||
GRL|Greenland||Greenlandic|Greenlanders|Nuuk
GIB|Gibraltar||Gibraltarian||
FLK|Falkland Islands|Falklands|Falkland Islander|Falkland Islanders|
BMU|Bermuda||Bermudian||
CYM|Cayman Islands|Caymans|Caymanian||
VGB|British Virgin Islands|||
VIR|U.S. Virgin Islands|United States Virgin Islands;US Virgin Islands|||
GUM|Guam||Guamanian||
ASM|American Samoa||American Samoan||
MNP|Northern Mariana Islands|Northern Marianas|||
NCL|New Caledonia||New Caledonian||Noumea;Nouméa
PYF|French Polynesia||French Polynesian||Papeete
FRO|Faroe Islands|Faroes;Faeroe Islands|Faroese||
ABW|Aruba||Aruban||Oranjestad
CUW|Curaçao|||Willemstad
IMN|Isle of Man||Manx||
REU|Réunion|La Réunion|Reunionese||
COK|Cook Islands|||Cook Islanders|
"""

# Seats of power and institutional metonyms: name -> CAMEO role.
SEATS: dict[str, list[tuple[str, str]]] = {
    "USA": [
        ("White House", "GOV"),
        ("Oval Office", "GOV"),
        ("State Department", "GOV"),
        ("Foggy Bottom", "GOV"),
        ("Pentagon", "MIL"),
        ("Capitol Hill", "LEG"),
    ],
    "RUS": [
        ("Kremlin", "GOV"),
        ("State Duma", "LEG"),
        ("Duma", "LEG"),
        ("Federation Council", "LEG"),
    ],
    "GBR": [
        ("Downing Street", "GOV"),
        ("Number 10", "GOV"),
        ("No 10", "GOV"),
        ("No. 10", "GOV"),
        ("Whitehall", "GOV"),
        ("Foreign Office", "GOV"),
        ("Buckingham Palace", "GOV"),
        ("Westminster", "LEG"),
    ],
    "FRA": [
        ("Elysee", "GOV"),
        ("Élysée", "GOV"),
        ("Elysee Palace", "GOV"),
        ("Élysée Palace", "GOV"),
        ("Matignon", "GOV"),
        ("Hotel Matignon", "GOV"),
        ("Hôtel Matignon", "GOV"),
        ("Quai d'Orsay", "GOV"),
    ],
    "CHN": [("Zhongnanhai", "GOV")],
    "KOR": [("Blue House", "GOV"), ("Cheong Wa Dae", "GOV")],
    "ISR": [("Knesset", "LEG")],
    "DEU": [("Bundestag", "LEG")],
    "JPN": [("Kantei", "GOV"), ("Kasumigaseki", "GOV")],
    "UKR": [("Verkhovna Rada", "LEG"), ("Rada", "LEG"), ("Bankova", "GOV")],
    "IND": [("South Block", "GOV"), ("Lok Sabha", "LEG"), ("Rajya Sabha", "LEG")],
    "POL": [("Sejm", "LEG")],
    "ITA": [("Palazzo Chigi", "GOV"), ("Farnesina", "GOV"), ("Quirinale", "GOV"), ("Quirinal", "GOV")],
    "ESP": [("Moncloa", "GOV"), ("La Moncloa", "GOV")],
    "ARG": [("Casa Rosada", "GOV")],
    "BRA": [("Planalto", "GOV"), ("Planalto Palace", "GOV"), ("Itamaraty", "GOV")],
    "MEX": [("Los Pinos", "GOV")],
    "VEN": [("Miraflores", "GOV"), ("Miraflores Palace", "GOV")],
    "PHL": [("Malacañang", "GOV"), ("Malacanang", "GOV"), ("Malacañang Palace", "GOV"), ("Malacanang Palace", "GOV")],
    "ZAF": [("Union Buildings", "GOV")],
    "CAN": [("Parliament Hill", "LEG")],
    "TWN": [("Executive Yuan", "GOV"), ("Legislative Yuan", "LEG")],
    "HKG": [("Legislative Council", "LEG"), ("LegCo", "LEG")],
    "PSE": [("Palestinian Authority", "GOV")],
}

# Comments written above an entry in the YAML.
COMMENTS = {
    "XKX": "no ISO 3166 code: XKX is the user-assigned code used by the EU and IMF "
    "(some CAMEO dictionaries use KSV)",
    "ROU": "CAMEO country list: ROM",
    "TLS": "CAMEO country list: TMP",
    "MNE": "CAMEO country list: MTN",
    "SSD": "not in the (pre-2011) CAMEO country list; ISO code",
    "COD": "'Congo' alone is given to the DRC (Reuters/AP usage); "
    "'Congolese' likewise.  Brazzaville is COG.",
    "COG": "no adjective: 'Congolese' is given to the DRC",
    "DMA": "no adjective: 'Dominican' is given to the Dominican Republic",
    "PSE": "UN observer state. West Bank and Gaza are coded as PSE "
    "(CAMEO also has WSB and GZS region codes)",
    "VAT": "UN observer state",
    "TWN": "not a UN member; ISO code",
    "ESH": "disputed territory; ISO code",
    "HKG": "special administrative region of China; ISO code",
    "MAC": "special administrative region of China; ISO code",
    "IRN": "'Islamic Republic' alone is listed: in wire copy it denotes Iran",
    "JOR": "'Hashemite Kingdom' alone is listed: in wire copy it denotes Jordan",
    "USA": "'Washington' (the capital) is the standard metonym for the US government",
}

# pycountry names never to add (ambiguous or odd in news).
EXCLUDE = {
    "COG": {"Congo"},
    "VIR": {"Virgin Islands, U.S."},
}

SAFE = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F .'\-]*$")
YAML_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}


def fold(s: str) -> str:
    """ASCII-fold letters with diacritics (Côte -> Cote); keep other chars."""
    out = unicodedata.normalize("NFKD", s)
    out = "".join(ch for ch in out if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", out)


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def uniq(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out


def pycountry_names(code: str) -> list[str]:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - maintenance path only
        sys.exit("build_countries.py needs pycountry (pip install pycountry)")
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return []
    names = []
    for attr in ("name", "official_name", "common_name"):
        v = getattr(c, attr, None)
        if not v:
            continue
        if v.startswith("the "):
            v = v[4:]
        if "," in v or "(" in v or "Province of" in v or "Administrative Region" in v:
            continue
        if v in EXCLUDE.get(code, set()):
            continue
        names.append(v)
    return names


NO_PLURAL = {"I-Kiribati"}


def auto_plurals(adjectives: list[str]) -> list[str]:
    out = []
    for a in adjectives:
        if a.endswith(("an", "i")) and a not in NO_PLURAL:
            out.append(a + "s")
    return out


def build() -> list[dict]:
    entries = []
    for line in TABLE.strip().splitlines():
        parts = line.split("|")
        parts += [""] * (6 - len(parts))
        code, name, extra, adjs, dems, caps = (p.strip() for p in parts[:6])
        names = [name, *split(extra), *pycountry_names(code)]
        names = uniq([n for x in names for n in (x, fold(x))])
        adjectives = uniq([a for x in split(adjs) for a in (x, fold(x))])
        demonyms = uniq(auto_plurals(split(adjs)) + split(dems))
        demonyms = [d for d in demonyms if d not in adjectives]
        if code in UN_MEMBERS:
            un = "member"
        elif code in UN_OBSERVERS:
            un = "observer"
        else:
            un = "none"
        entries.append(
            {
                "code": code,
                "name": name,
                "names": names,
                "adjectives": adjectives,
                "demonyms": demonyms,
                "capitals": split(caps),
                "seats": [{"name": n, "role": r} for n, r in SEATS.get(code, [])],
                "un": un,
            }
        )
    return entries


def check(entries: list[dict]) -> list[str]:
    errors = []
    codes = [e["code"] for e in entries]
    if len(codes) != len(set(codes)):
        errors.append("duplicate codes")
    missing = UN_MEMBERS - set(codes)
    if missing:
        errors.append(f"UN members missing: {sorted(missing)}")
    if len(UN_MEMBERS) != 193:
        errors.append(f"UN_MEMBERS has {len(UN_MEMBERS)} codes, expected 193")
    owner: dict[str, str] = {}
    for e in entries:
        strings = e["names"] + e["adjectives"] + e["demonyms"] + e["capitals"]
        strings += [s["name"] for s in e["seats"]]
        for s in set(strings):
            if s in owner and owner[s] != e["code"]:
                errors.append(f"{s!r} used by {owner[s]} and {e['code']}")
            owner[s] = e["code"]
    return errors


def scalar(s: str) -> str:
    if SAFE.match(s) and s.lower() not in YAML_WORDS:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(x) for x in items) + "]"


HEADER = """\
# wirecoder actor knowledge base: countries and territories.
# GENERATED by tools/build_countries.py -- edit the tables there and re-run.
#
# One entry per UN member state (193), the two UN observer states (Holy See,
# Palestine) and the main disputed or dependent territories.
#   code        ISO 3166-1 alpha-3 (Kosovo: XKX, see its comment)
#   name        short canonical English name
#   names       every form naming the country in news (exact case)
#   adjectives  adjectival forms ("Russian troops")
#   demonyms    plural people nouns where they differ from the adjective
#   capitals    capitals; used as metonyms for the government ("Moscow said")
#   seats       institutional metonyms with the CAMEO role they imply
#   un          member | observer | none
# No string denotes two different entries.
"""


def render(entries: list[dict]) -> str:
    lines = [HEADER]
    for e in entries:
        if e["code"] in COMMENTS:
            lines.append(f"# {e['code']}: {COMMENTS[e['code']]}")
        lines.append(f"- code: {e['code']}")
        lines.append(f"  name: {scalar(e['name'])}")
        lines.append(f"  names: {flow(e['names'])}")
        lines.append(f"  adjectives: {flow(e['adjectives'])}")
        lines.append(f"  demonyms: {flow(e['demonyms'])}")
        lines.append(f"  capitals: {flow(e['capitals'])}")
        if e["seats"]:
            lines.append("  seats:")
            for s in e["seats"]:
                lines.append(f"    - {{name: {scalar(s['name'])}, role: {s['role']}}}")
        else:
            lines.append("  seats: []")
        lines.append(f"  un: {e['un']}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the YAML differs from a fresh build")
    args = ap.parse_args()
    entries = build()
    errors = check(entries)
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1
    text = render(entries)
    try:
        import yaml

        if yaml.safe_load(text) != entries:
            print("error: YAML round trip differs", file=sys.stderr)
            return 1
    except ImportError:  # pragma: no cover
        pass
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale; run tools/build_countries.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(entries)} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
