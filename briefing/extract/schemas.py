"""One schema per rule file in ``data/``: what each file must hold, checked when it is read.

The schemas are pydantic models (pydantic comes with spaCy). The vocabularies an entry may name
(event types, agreement kinds and statuses) are the program's own, from ``briefing.model``, so a
rule file can never produce a value the rest of the program does not know.

Files owned by other parts of the extraction allow keys beyond those listed here (``extra="allow"``)
while they are being reworked; the files this module's owner maintains forbid them, so a misspelt
key is reported instead of silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from briefing import model

Word = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Words = list[Word]
SomeWords = Annotated[list[Word], Field(min_length=1)]
Iso4217 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Iso3166 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Positive = Annotated[float, Field(gt=0)]

EventType = Literal[model.EVENT_TYPES]  # type: ignore[valid-type]
AgreementKind = Literal[model.AGREEMENT_KINDS]  # type: ignore[valid-type]
AgreementStatus = Literal[model.AGREEMENT_STATUSES]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# ---------------------------------------------------------------- countries.json, honorifics.json, titles.json


class CountryEntry(Strict):
    names: SomeWords
    demonyms: Words = []
    capitals: Words = []


class CountriesFile(Open):
    countries: Annotated[dict[Iso3166, CountryEntry], Field(min_length=1)]


class HonorificsFile(Open):
    prefixes: Words
    keep_if_single: Words
    postnominals: Words
    not_name_words: Words = []  # a candidate name holding one is an organisation, a place or furniture
    credit_cues: Words = []  # at a line's start before a name: a byline or credit ("By", "Photo:")
    inline_credit_cues: Words = []  # right before a name on its line: a photo credit ("VNA Photo")
    greetings: Words = []  # a letter's greeting ("Dear", "Salut"): the name after it is the correspondent
    abbreviated_given_names: Words = []  # "Ma." (Maria), "Mohd.": part of the name, kept whole by the tokenizer
    headline_words: Words = []  # "Pham Minh Chinh Visits Vientiane": cut from the end of a name in a headline
    given_name_links: Words = []  # "Sultan bin Saad", "Amir Khan X": after these a title word is a given name


class TitlesFile(Open):
    heads: Words
    leaders: Words
    modifiers: Words
    analysts: Words
    role_nouns: Words
    portfolio_words: Words = []  # words that continue a title after "of"/"for" ("Minister of Foreign Affairs")
    two_side_words: Words = []  # "co-chaired by A and B": a list that is the two sides, not one delegation
    office_nouns: Words = []  # words that end an office and never a name ("... Undersecretary")
    place_preps: Words = []  # "in Kota Kinabalu": a name only ever found after these is a place
    travel_verbs: Words = []  # "fly to X", "toured X": a name only ever found after these is a place
    abbreviations: dict[str, str] = {}  # "FM" -> "Foreign Minister": a short title before a name, written out
    post_modifiers: Words = []  # "High Commissioner Designate", "President Elect": after a head, part of the title


# ---------------------------------------------------------------- event_triggers.json, date_words.json


class EventTypeCodes(Open):
    plover: str
    mode: str
    cameo: str
    planned_cameo: str


class EventTriggersFile(Open):
    verbs: dict[Word, EventType]
    nouns: dict[Word, EventType]
    phrases: dict[Word, EventType]
    pair_verbs: Words
    host_verbs: Words
    travel_verbs: Words
    place_verbs: Words
    planned_cues: Words
    not_participants: Words
    whole_words: Words
    other_senses: Words = []
    types: dict[Word, EventTypeCodes]

    @field_validator("types")
    @classmethod
    def every_event_type(cls, types: dict[str, EventTypeCodes]) -> dict[str, EventTypeCodes]:
        missing = [t for t in model.EVENT_TYPES if t not in types]
        if missing:
            raise ValueError("must give the codes of every event type; missing: " + ", ".join(missing))
        return types


class VerbRule(Open):
    type_from_object: bool = False
    absorbs_object: bool = False
    needs_prep: Words = []
    refuses_deps: Words = []
    not_as: Words = []
    needs_word: Words = []
    needs_person_object: bool = False
    needs_object: Words = []
    as_: EventType | None = Field(default=None, alias="as")
    needs_place: bool = False
    place_or_visit_told: bool = False
    person_object_as: EventType | None = None
    object_preps: Words = []
    person_preps: Words = []
    refuses_words: Words = []
    refuses_objects: Words = []
    one_per_object: bool = False
    place_from_object: bool = False
    joins_told: bool = False
    object_next: bool = False


class EventVerbsFile(Open):
    verb_rules: dict[Word, VerbRule]
    joint_statement_verbs: Words = []
    person_nouns: Words = []
    business_titles: Words = []
    country_signs: Words = []
    type_priority: dict[Word, int] = {}
    visit_light_verbs: Words = []
    venue_words: Words = []
    pair_words: Words = []
    group_subjects: Words = []
    role_nouns: Words = []
    leader_titles: Words = []
    remote_words: Words = []
    remote_heads: Words = []
    remote_preps: Words = []
    led_groups: Words = []
    leading_verbs: Words = []
    reporting_verbs: Words = []
    sending_verbs: Words = []
    refusing_verbs: Words = []
    spouse_words: Words = []
    audience_nouns: Words = []
    guest_words: Words = []
    female_styles: Words = []
    male_styles: Words = []
    programme_verbs: Words = []
    message_nouns: Words = []
    country_sitting_verbs: Words = []
    bearer_verbs: Words = []
    attended_nouns: Words = []
    attending_verbs: Words = []


class TenseWordsFile(Open):
    future_aux: Words = []
    intent_verbs: Words = []
    planned_participles: Words = []
    planned_modifiers: Words = []
    planned_nouns: Words = []
    done_frames: Words = []


class DateWordsFile(Open):
    months: Annotated[dict[Word, Words], Field(min_length=12, max_length=12)]
    weekdays: Annotated[dict[Word, Words], Field(min_length=7, max_length=7)]
    number_words: dict[Word, Annotated[int, Field(ge=0)]]
    planned_cues: SomeWords
    relative_days: dict[Word, Annotated[int, Field(ge=-1, le=1)]] = {}
    seasons: dict[Word, Annotated[list[Annotated[int, Field(ge=1, le=12)]], Field(min_length=2, max_length=2)]] = {}


# ---------------------------------------------------------------- agreement_triggers.json


class AgreementTriggersFile(Strict):
    documents: dict[Word, AgreementKind]
    status_verbs: dict[Word, AgreementStatus]
    kind_words: dict[Word, AgreementKind]
    named_only: Words
    commitment_verbs: Words
    directive_verbs: Words
    proposal_verbs: Words
    continue_verbs: Words
    announce_verbs: Words
    look_through: Words
    planned_cues: Words
    negotiating_cues: Words
    in_force_cues: Words
    history_cues: Words
    not_commitment_verbs: Words = []  # a stance or a courtesy, not a commitment ("welcomed", "hosted")
    vague_verbs: Words = []  # a commitment only when their object is not one of the generic_objects
    generic_objects: Words = []  # "deepen ties", "strengthen cooperation": no commitment to anything
    empty_words: Words = []  # a title of only these says nothing ("full support")
    hospitality_nouns: Words = []  # an offered dinner is hospitality, not a proposal
    stance_verbs: Words = []  # supporting or reviewing a named partnership does not agree it
    subject_preps: Words = []  # "memoranda on A, B and C": what each of several documents is about
    area_nouns: Words = []  # "in the fields of A and B": the areas are A and B
    pending_nouns: Words = []  # "a free trade agreement under negotiation": still being negotiated
    headline_breaks: Words = []  # a headline's deals end at these words ("sign $5bn in deals as ...")
    stance_nouns: Words = []  # "agreed on the importance of X" commits to nothing; "on the need to X" to X
    furniture_words: Words = []  # page furniture a title stops at ("... Protocol Photo: Ministry")
    pair_subjects: Words = []  # "the two sides will set up X": both parties' plan is a commitment
    event_verbs: Words = []  # "the two sides will meet again" is an event, not a commitment
    goal_nouns: Words = []  # "set a target of doubling trade": a commitment to double it
    goal_verbs: Words = []  # the verbs that set or reaffirm such a goal
    work_nouns: Words = []  # "finalise the financing of the X Scheme": work on a document, still a commitment
    meeting_verbs: Words = []  # "convene the Joint Commission": a meeting of a body, not a new one
    example_openers: Words = []  # a title ends before "such as", "including" and their examples
    concluding_verbs: Words = []  # "concluded negotiations on an agreement": the agreement is agreed
    intent_verbs: Words = []  # "the two countries want to harmonise X": what both intend is a commitment
    name_stops: Words = []  # a document's name does not run on into these ("... Agreement President X said")
    reference_phrases: Words = []  # "in line with the X Convention": a document cited as a yardstick, not agreed
    readiness_heads: Words = []  # "poised to sign", "ready to sign": the signing is planned
    proposal_nouns: Words = []  # "a proposal to establish an MoU": the document is proposed
    venue_nouns: Words = []  # "signed on the sidelines of the summit": where, not what the document is about
    subject_words: Words = []  # "an MoU on X", "relating to X", "regarding X": what the document is about
    party_preps: Words = []  # "an MoU between A and B", "with the X Ministry": its parties, not its subject
    headline_verbs: Words = []  # "X and Y Sign MoU on Z": a title-case headline's verb ends a name
    enumerators: Words = []  # "the first MoU ..., the second ...": one of the documents counted before
    aside_nouns: Words = []  # "in the presence of", "on behalf of": no part of a document's title
    plain_modifiers: Words = []  # "the official agreement": a document told before, not a new one
    pointer_phrases: Words = []  # "an agreement to this effect": the document just told, not another
    business_nouns: Words = []  # "invited Polish firms to invest": an appeal to business, not a proposal to a side
    purpose_nouns: Words = []  # "signed an MoU with the view to enhancing cooperation in areas of X": its aim
    courtesy_nouns: Words = []  # "offered his gratitude / congratulations / condolences": a courtesy, nothing proposed


# ---------------------------------------------------------------- currencies.json, units.json


class CurrenciesFile(Strict):
    symbols: dict[Word, Iso4217]
    words: dict[Word, Iso4217]
    codes: Annotated[list[Iso4217], Field(min_length=1)]
    ambiguous: dict[Word, dict[Literal["default"] | Iso3166, Iso4217]]

    @field_validator("ambiguous")
    @classmethod
    def every_marker_has_a_default(cls, table: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for marker, by_country in table.items():
            if "default" not in by_country:
                raise ValueError(f"{marker!r} needs a 'default' currency")
        return table


class UnitEntry(Strict):
    spellings: SomeWords
    unit: Word | None = None
    factor: Positive = 1


class UnitsFile(Strict):
    units: dict[Word, UnitEntry]
    scales: dict[Word, Positive]
    money_scales: dict[Word, Positive]
    percent: SomeWords
    not_counted: Words
    number_words: dict[Word, Annotated[int, Field(ge=1)]] = {}  # counts written as words ("seven areas")


# ---------------------------------------------------------------- topics.json


class TopicsFile(Strict):
    topics: dict[Word, SomeWords]
    issues: dict[Word, SomeWords]
    bodies: dict[Word, SomeWords] = {}  # named frameworks and bodies, a topic without a trigger phrase
    third_countries: dict[Word, SomeWords] = {}  # a country as an issue, when it is not a party
    list_triggers: SomeWords
    head_words: SomeWords
    adjective_topics: dict[Word, Word]
    issue_triggers: SomeWords
    stop: SomeWords
    name_words: SomeWords
    instrument_words: SomeWords
    not_topics: Words = []  # fragments a parse leaves that name nothing ("way forward")
    named_lowercase_heads: Words = []  # "the Recognised Seasonal Employer scheme": a name ending in lower case
    named_places: Words = []  # "port of Walvis Bay", "Lake Titicaca": a named place as a topic
    multilateral_words: Words = []  # a tagged organisation naming one of these is shared between nations ("African")
    body_heads: Words = []  # ... and ending in one of these is a body or framework ("Fund", "Alliance")
    not_body_words: Words = []  # ... unless it names one of these: an agency, a building ("Ministry", "Centre")
    generic_heads: Words = []  # "maritime security environment", "sustainable approaches": a word about the talk
    quality_words: Words = []  # "strategic cooperation", "historic ties": how a relation is, not what it is about
    after_list_triggers: Words = []  # "Trade, energy and water on the agenda": words closing a list told before them
    other_sense_after: dict[Word, SomeWords] = {}  # "a climate of trust": words after a topic's spelling that give
    # it another sense
    relation_words: Words = []  # "cooperation", "bilateral": a source speaking of relations between countries


SCHEMAS: dict[str, type[BaseModel]] = {
    "countries.json": CountriesFile,
    "honorifics.json": HonorificsFile,
    "titles.json": TitlesFile,
    "event_triggers.json": EventTriggersFile,
    "event_verbs.json": EventVerbsFile,
    "tense_words.json": TenseWordsFile,
    "date_words.json": DateWordsFile,
    "agreement_triggers.json": AgreementTriggersFile,
    "currencies.json": CurrenciesFile,
    "units.json": UnitsFile,
    "topics.json": TopicsFile,
}
