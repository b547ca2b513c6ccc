"""A generated news corpus with known stories, for the story-grouping tests and benchmark.

Each story is one event between two real countries on one day, told by 3-8 outlets. Every
outlet rewrites it: its own headline and lede, paragraphs dropped, reordered and lightly edited,
a sentence or two of its own, its boilerplate, sometimes an updated version a few hours later.
Beside each story the corpus holds stories that must NOT merge with it: the same two countries
doing the same kind of thing about a week later (new text, the same background paragraph), and
the same two countries doing something else on the same day.

All text is produced here from word lists and sentence frames written for this module.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

COUNTRIES = [
    ("Russia", "Russian", "Moscow"), ("China", "Chinese", "Beijing"), ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"), ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasilia"), ("Turkey", "Turkish", "Ankara"), ("Iran", "Iranian", "Tehran"),
    ("Egypt", "Egyptian", "Cairo"), ("Kenya", "Kenyan", "Nairobi"), ("Nigeria", "Nigerian", "Abuja"),
    ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"), ("Poland", "Polish", "Warsaw"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("Israel", "Israeli", "Jerusalem"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Indonesia", "Indonesian", "Jakarta"), ("Italy", "Italian", "Rome"),
    ("Spain", "Spanish", "Madrid"), ("Qatar", "Qatari", "Doha"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Argentina", "Argentine", "Buenos Aires"), ("Australia", "Australian", "Canberra"),
    ("South Korea", "South Korean", "Seoul"), ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Hungary", "Hungarian", "Budapest"), ("Serbia", "Serbian", "Belgrade"),
]  # fmt: skip

EVENTS = {
    "meeting": [
        "{A_adj} and {B_adj} leaders met in {city} on {weekday} to discuss {topic} and {topic2}.",
        "The leaders of {A} and {B} held talks in {city} on {weekday}, focusing on {topic}.",
        "{A}'s president hosted his {B_adj} counterpart in {city} on {weekday} for talks on {topic}.",
        "Top officials from {A} and {B} sat down in {city} on {weekday} for a round of talks on {topic}.",
    ],
    "agreement": [
        "{A} and {B} signed an agreement on {topic} in {city} on {weekday}.",
        "Officials from {A} and {B} put their names to a deal on {topic} on {weekday} in {city}.",
        "{A_adj} and {B_adj} ministers signed a pact covering {topic} and {topic2} in {city} on {weekday}.",
        "A new accord on {topic} between {A} and {B} was signed in {city} on {weekday}.",
    ],
    "sanctions": [
        "{A} imposed sanctions on {B} on {weekday} over {topic}.",
        "{A} announced new sanctions against {B_adj} firms on {weekday}, citing {topic}.",
        "The government of {A} on {weekday} slapped penalties on {B} in a dispute over {topic}.",
        "{A_adj} authorities unveiled a package of sanctions targeting {B} on {weekday} over {topic}.",
    ],
    "aid": [
        "{A} pledged {amount} million dollars in aid to {B} on {weekday} to help with {topic}.",
        "{A} promised {B} assistance worth {amount} million dollars on {weekday} for {topic}.",
        "A {A_adj} aid package of {amount} million dollars for {B} was announced on {weekday}, aimed at {topic}.",
        "{B} will receive {amount} million dollars from {A}, officials said on {weekday}, to support {topic}.",
    ],
    "criticism": [
        "{A} criticised {B} on {weekday} over its handling of {topic}.",
        "{A_adj} officials sharply condemned {B} on {weekday}, accusing it of mishandling {topic}.",
        "The {A_adj} foreign ministry lashed out at {B} on {weekday} over {topic}.",
        "{A} on {weekday} denounced what it called {B_adj} failures on {topic}.",
    ],
    "exercise": [
        "{A_adj} and {B_adj} forces began joint military exercises near {city} on {weekday}.",
        "Troops from {A} and {B} launched joint drills on {weekday} close to {city}.",
        "{A} and {B} started a week of military manoeuvres near {city} on {weekday}, focused on {topic}.",
        "Joint exercises involving {A_adj} and {B_adj} units got under way near {city} on {weekday}.",
    ],
}  # fmt: skip

TOPICS = [
    "energy supplies", "grain exports", "border security", "nuclear power", "fishing rights", "debt relief",
    "refugee flows", "rail links", "port access", "climate finance", "cyber attacks", "drug trafficking",
    "water sharing", "arms sales", "visa rules", "pipeline routes", "rare earth mining", "vaccine production",
    "satellite launches", "wheat prices", "shipping lanes", "a disputed island", "election monitoring",
    "customs duties", "a detained journalist", "counterterrorism", "student exchanges", "telecom networks",
    "fertiliser shipments", "airspace violations", "electricity grids", "steel tariffs", "migrant workers",
    "oil output", "peacekeeping troops", "a hydropower dam", "cross-border trade", "food security",
]  # fmt: skip

FIRST = [
    "Amir", "Lena", "Tomas", "Priya", "Kwame", "Sofia", "Dmitri", "Mei", "Carlos", "Aylin", "Jonas", "Fatima",
    "Haruto", "Ines", "Oleg", "Nadia", "Pedro", "Zara", "Viktor", "Amara", "Luca", "Yusuf", "Elena", "Ravi",
]  # fmt: skip
LAST = [
    "Petrov", "Nakamura", "Okafor", "Silva", "Kowalski", "Haddad", "Novak", "Fischer", "Moreau", "Tanaka",
    "Mensah", "Ivanova", "Rossi", "Demir", "Costa", "Sharma", "Lindqvist", "Abebe", "Horvat", "Castillo",
]  # fmt: skip
ROLES = [
    "foreign minister", "trade minister", "deputy prime minister", "ambassador", "energy minister",
    "defence minister", "senior adviser", "government spokesman", "finance minister", "envoy",
]  # fmt: skip
NOUNS = [
    "investors", "farmers", "shipping companies", "diplomats", "analysts", "exporters", "lawmakers", "banks",
    "regional governors", "importers", "insurers", "unions", "business groups", "aid agencies", "carriers",
]  # fmt: skip
VERBS = [
    "welcomed", "questioned", "cautiously backed", "criticised", "closely watched", "sought details of",
    "raised concerns about", "praised", "warned against", "called for clarity on",
]  # fmt: skip

DETAIL_FRAMES = [
    "{person}, {A}'s {role}, told reporters that {topic} would remain a priority for both governments.",
    "Trade between the two countries reached {amount} billion dollars last year, up {pct} percent.",
    "{nouns} in {city} {verb} the move, saying it could affect {topic} for years.",
    "The talks also touched on {topic2}, according to a statement released after the meeting.",
    "{person}, who serves as {role}, said a follow-up meeting was planned for {month}.",
    "Officials said {count} working groups would be set up to handle {topic2}.",
    "Some {nouns} said the timing was linked to {topic2}, a charge officials denied.",
    "\"We expect concrete results on {topic} within {count} months,\" {person} said.",
    "\"This is a matter of {topic2}, nothing more,\" said {person}, the {role}.",
    "The {B_adj} side is expected to respond by {month}, a spokesman in {capital_b} said.",
    "{nouns} expect {topic2} to come up again when ministers meet in {month}.",
    "The announcement sent {nouns} in {capital_b} scrambling, with {count} firms reporting delays.",
    "Critics in {capital_a} said the government had moved too fast on {topic}.",
    "{person} said {count} previous rounds had failed over {topic2}.",
    "A joint statement listed {count} points, including {topic} and {topic2}.",
    "Observers noted that {topic} had strained ties between {A} and {B} since {year}.",
    "Markets in {capital_a} barely moved after the news, with the main index closing {pct} points higher.",
    "{person} declined to say whether {topic2} had been raised directly with {B_adj} officials.",
    "Opposition parties in {capital_b} demanded a debate on {topic} before {month}.",
    "A delegation of {count} {nouns} travelled with the ministers, a spokesman confirmed.",
    "Satellite images published in {year} had already shown work linked to {topic2}.",
    "The {A_adj} parliament is due to review the plans on {topic} in {month}.",
    "Police in {city} closed several streets as motorcades passed through the centre.",
    "{person} described the atmosphere as constructive but said gaps remained on {topic2}.",
    "Neighbouring states were briefed on the outcome, the {role} added.",
    "Polls published in {month} showed most voters in {B} favour closer ties on {topic}.",
    "Rights groups urged both sides to put {topic2} at the centre of future talks.",
    "The move follows {count} years of negotiations that stalled over {topic2}.",
    "{nouns} estimated the cost at {amount} million dollars over {count} years.",
    "Neither side gave a timetable, and {person} said talks on {topic2} would continue.",
    "Local newspapers in {capital_b} gave the story {count} pages on {weekday}.",
    "The last comparable step came in {year}, when {topic2} dominated the agenda.",
    "{person}, the {role}, flew back to {capital_a} shortly after the talks ended.",
    "Economists warned that {topic} could cost {B} up to {pct} percent of its exports.",
    "Several {nouns} said they had not been consulted on {topic2}.",
    "The {B_adj} embassy in {capital_a} did not respond to a request for comment.",
]  # fmt: skip

BACKGROUND = [
    "Relations between {A} and {B} have swung between cooperation and rivalry for decades, and the two "
    "governments have long disagreed over {bg_topic}.",
    "{A} and {B} established diplomatic ties in {bg_year} and have since signed more than {bg_count} "
    "bilateral agreements, though {bg_topic} remains a sore point.",
]  # fmt: skip

OUTLETS = [
    ("Global Wire", "Reporting by {person}; editing by {person2}."),
    ("Daily Courier", "Copyright Daily Courier. All rights reserved."),
    ("World Bulletin", "Follow World Bulletin for live updates on this story."),
    ("Metro Herald", "This story has been updated with additional reporting."),
    ("The Observer Post", "Sign up for The Observer Post morning briefing."),
    ("Capital Times", "Additional reporting by {person2}."),
    ("Asia Desk", "Asia Desk staff contributed to this report."),
    ("Continental News", "Continental News. Distribution without permission is prohibited."),
    ("Evening Ledger", "Read more world news at Evening Ledger."),
    ("Harbour Gazette", "Our journalists verify every report before publication."),
    ("Frontline Daily", "Frontline Daily is an independent newspaper."),
    ("Sunrise Report", "Subscribe to Sunrise Report for more coverage."),
]  # fmt: skip

HEADLINES = {
    "meeting": ["{A} and {B} leaders meet in {city}", "{A}, {B} hold talks on {topic}", "Talks in {city}: {A}, {B}"],
    "agreement": ["{A} and {B} sign {topic} deal", "{A}, {B} agree pact on {topic}", "New {A}-{B} accord on {topic}"],
    "sanctions": ["{A} sanctions {B} over {topic}", "{A} hits {B} with penalties", "New sanctions on {B} from {A}"],
    "aid": ["{A} pledges aid to {B}", "{A} to give {B} {amount} million dollars", "{B} gets {A_adj} aid for {topic}"],
    "criticism": ["{A} criticises {B} over {topic}", "{A} condemns {B}", "{A}-{B} row over {topic} deepens"],
    "exercise": ["{A}, {B} start joint drills", "{A_adj}-{B_adj} exercises near {city}", "{A} and {B} troops drill"],
}  # fmt: skip

SYNONYMS = {
    "said": "stated", "officials": "authorities", "meeting": "session", "countries": "nations",
    "government": "administration", "expected": "likely", "also": "additionally", "both": "the two",
    "statement": "communique", "reporters": "journalists", "planned": "scheduled", "concerns": "worries",
}  # fmt: skip

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "June", "September", "October", "November", "December"]


@dataclass(frozen=True, slots=True)
class GenArticle:
    """One generated article and the story it truly belongs to."""

    id: str
    story: str  # the true story key
    published: date
    source: str
    url: str
    title: str
    body: str


def _fill(frame: str, slots: dict[str, str]) -> str:
    return frame.format(**slots)


def _edit(text: str, rng: random.Random, rate: float) -> str:
    """Light copy-editing: synonyms and the odd dropped word, at about ``rate`` of the words."""
    out = []
    for word in text.split(" "):
        bare = word.strip(".,\"'")
        roll = rng.random()
        if bare in SYNONYMS and roll < 0.5:
            out.append(word.replace(bare, SYNONYMS[bare]))
        elif roll < rate and len(out) > 2 and bare.islower():
            continue
        else:
            out.append(word)
    return " ".join(out)


class _Story:
    def __init__(self, key: str, kind: str, a: int, b: int, day: date, rng: random.Random, bg: dict[str, str]):
        self.key, self.kind, self.day = key, kind, day
        ca, cb = COUNTRIES[a], COUNTRIES[b]
        topic, topic2 = rng.sample(TOPICS, 2)
        self.slots = {
            "A": ca[0], "A_adj": ca[1], "capital_a": ca[2], "B": cb[0], "B_adj": cb[1], "capital_b": cb[2],
            "city": rng.choice([ca[2], cb[2]]), "weekday": WEEKDAYS[day.weekday()], "topic": topic,
            "topic2": topic2, "amount": str(rng.randint(20, 900)), **bg,
        }  # fmt: skip
        self.ledes = [_fill(f, self.slots) for f in EVENTS[kind]]
        self.headlines = [_fill(f, self.slots) for f in HEADLINES[kind]]
        frames = rng.sample(DETAIL_FRAMES, rng.randint(8, 12))
        self.details = [_fill(f, self._detail_slots(rng)) for f in frames]
        self.background = _fill(rng.choice(BACKGROUND), self.slots)

    def _detail_slots(self, rng: random.Random) -> dict[str, str]:
        return {
            **self.slots,
            "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": rng.choice(ROLES),
            "nouns": rng.choice(NOUNS).capitalize(), "verb": rng.choice(VERBS), "pct": str(rng.randint(2, 60)),
            "month": rng.choice(MONTHS), "count": str(rng.randint(2, 12)), "year": str(rng.randint(1995, 2021)),
        }  # fmt: skip

    def versions(self, rng: random.Random, serial: list[int]) -> list[GenArticle]:
        out: list[GenArticle] = []
        outlets = rng.sample(OUTLETS, rng.randint(3, 8))
        for name, footer in outlets:
            if rng.random() < 0.5:  # a syndicated copy: light edits, maybe cut short at the end
                paragraphs = [_edit(p, rng, 0.01) for p in self.details]
                paragraphs = paragraphs[: len(paragraphs) - rng.choice((0, 0, 1, 2))]
                lede = _edit(self.ledes[0], rng, 0.01)
            else:  # a rewrite: paragraphs dropped, swapped and edited, the outlet's own lede and sentences
                paragraphs = [p for p in self.details if rng.random() > 0.2] or self.details[:2]
                for i in range(len(paragraphs) - 1):
                    if rng.random() < 0.25:
                        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
                paragraphs = [_edit(p, rng, 0.03) for p in paragraphs]
                for _ in range(rng.randint(0, 2)):
                    own = _fill(rng.choice(DETAIL_FRAMES), self._detail_slots(rng))
                    paragraphs.insert(rng.randint(0, len(paragraphs)), own)
                lede = _edit(rng.choice(self.ledes), rng, 0.02)
            if rng.random() < 0.6:
                paragraphs.insert(rng.randint(1, len(paragraphs)), self.background)
            names = {"person": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "person2": rng.choice(LAST)}
            body = [lede, *paragraphs, _fill(footer, names)]
            published = self.day + timedelta(days=rng.choice((0, 0, 0, 1)))
            out.append(self._article(name, rng.choice(self.headlines), body, published, serial))
            if rng.random() < 0.2:  # an updated version: new lede sentence, one more paragraph
                update = _fill(rng.choice(DETAIL_FRAMES), self._detail_slots(rng))
                body2 = [rng.choice(self.ledes), update, *body[1:]]
                out.append(self._article(name, "UPDATE: " + out[-1].title, body2, published, serial))
        return out

    def _article(self, outlet: str, title: str, body: list[str], published: date, serial: list[int]) -> GenArticle:
        serial[0] += 1
        slug = outlet.lower().replace(" ", "-")
        return GenArticle(
            id=f"{slug}-{serial[0]:07d}",
            story=self.key,
            published=published,
            source=outlet,
            url=f"https://{slug}.example/world/{serial[0]}",
            title=title,
            body="\n\n".join(body),
        )


def generate(stories: int, *, seed: int = 5, start: date = date(2023, 1, 2), span_days: int = 720) -> list[GenArticle]:
    """About ``stories`` stories (each main story brings two same-actor distractors) and their articles.

    The articles come out in publication order, as a feed would deliver them.
    """
    rng = random.Random(seed)
    serial = [0]
    articles: list[GenArticle] = []
    made = 0
    while made < stories:
        a, b = rng.sample(range(len(COUNTRIES)), 2)
        kind = rng.choice(sorted(EVENTS))
        day = start + timedelta(days=rng.randrange(span_days))
        bg = {
            "bg_topic": rng.choice(TOPICS), "bg_year": str(rng.randint(1950, 1995)),
            "bg_count": str(rng.randint(10, 90)),
        }  # fmt: skip
        plan = [(kind, day)]
        if made + 1 < stories:  # the same two countries, the same kind of event, a week or so later
            plan.append((kind, day + timedelta(days=rng.randint(6, 10))))
        if made + 2 < stories:  # the same two countries, another kind of event, the same day
            plan.append((rng.choice([k for k in sorted(EVENTS) if k != kind]), day))
        for kind_i, day_i in plan:
            made += 1
            story = _Story(f"story-{made:06d}", kind_i, a, b, day_i, rng, bg)
            articles.extend(story.versions(rng, serial))
    articles.sort(key=lambda x: (x.published, x.id))
    return articles


def pairwise_scores(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping (article id -> group) against the truth."""
    from collections import Counter

    def pairs(counter: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter((truth[a], predicted[a]) for a in truth))
    true_pairs = pairs(Counter(truth.values()))
    predicted_pairs = pairs(Counter(predicted[a] for a in truth))
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return precision, recall
