"""Who an event is between: the people a token, a noun phrase, a pronoun or a role noun names, from the people
the people component found (``doc._.bb_people``)."""

from __future__ import annotations

import re
from typing import Any

from briefing.extract.countries import code_of
from briefing.extract.events.lexicon import verb_words
from briefing.extract.layout import sentence_of


class Cast:
    """Token -> person lookups over the people found in a doc, with pronoun and role resolution."""

    def __init__(self, doc: Any, people: list[Any]) -> None:
        self.doc = doc
        self.people = [p for p in people if not p.analyst]
        self.at: dict[int, Any] = {}
        self.mentions: list[tuple[int, Any]] = []
        for p in self.people:
            for m in p.mentions:
                for i in range(m.start, m.end):
                    self.at[i] = p
                for i in range(m.context[0], m.context[1]):
                    self.at.setdefault(i, p)
                self.mentions.append((m.start, p))
        self.mentions.sort(key=lambda x: x[0])
        self.by_word = _name_words(self.people)
        self.last_pair: list[Any] = []
        self._principal: list[Any] | None = None
        self.center: Any = None
        self.last_told: str | None = None  # the type of the last event found ("It was attended by ..." joins it)
        self.visitors: list[Any] = []  # who the visits found so far were made by ("the visiting Minister")
        self.visit_told = False  # whether a visit was found before: "the visit" then points back at it  # who the story is following: the last event's actor named as its subject

    def is_spouse(self, person: Any) -> bool:
        """A leader's spouse: "Madam Peng Liyuan", "First Lady Jill Biden", a title naming a spouse."""
        words = verb_words()["spouse_words"]
        if person.title and any(w.strip(".,") in words for w in person.title.casefold().split()):
            return True
        return any(m.start > 0 and self.doc[m.start - 1].lower_ in words for m in person.mentions)

    def _sex(self, person: Any) -> str | None:
        """ "f" or "m" when a style before one of the person's mentions says so ("Mrs", "Mr", "Sheikha")."""
        words = verb_words()
        for m in person.mentions:
            for k in (m.start - 1, m.start):
                style = self.doc[k].lower_.rstrip(".") if 0 <= k < len(self.doc) else ""
                if style in words["female_styles"]:
                    return "f"
                if style in words["male_styles"]:
                    return "m"
        return None

    def _of_the_sex(self, pronoun: Any, person: Any) -> Any:
        """ "... received Mrs A. The meeting was attended by B. In her statement, she said ...": a pronoun goes
        back to the last person a style shows of its sex, rather than to one of the other sex or unknown."""
        said = {"she": "f", "her": "f", "hers": "f", "he": "m", "him": "m", "his": "m"}.get(pronoun.lower_)
        if person is None or said is None or self._sex(person) == said:
            return person
        if said == "m":  # most people the news names are men, unstyled: only a woman's style rules one out
            return person if self._sex(person) is None else next(
                (q for s, q in reversed(self.mentions) if s < pronoun.i and self._sex(q) is None), None)
        styled = [q for s, q in reversed(self.mentions) if s < pronoun.i and self._sex(q) == "f"]
        return styled[0] if styled else (person if self._sex(person) is None else None)

    def principals(self, persons: list[Any]) -> tuple[list[Any], list[Any]]:
        """(those received or met in their own right, the spouses beside them); all are principals when
        only spouses are named."""
        spouses = [p for p in persons if self.is_spouse(p)]
        rest = [p for p in persons if p not in spouses]
        return (rest, spouses) if rest else (persons, [])

    def before(self, i: int, sent_start: int | None = None) -> Any:
        cands = [p for s, p in self.mentions if s < i and (sent_start is None or s >= sent_start)]
        return cands[-1] if cands else None

    def subject_before(self, i: int) -> Any:
        """The person last named as a subject before token ``i``, in its sentence or the one before."""
        doc = self.doc
        sent = sentence_of(doc, i)
        floor = sentence_of(doc, sent.start - 1).start if sent.start > 0 else 0
        for s, p in reversed(self.mentions):
            if s >= i:
                continue
            if s < floor:
                break
            m = next((m for m in p.mentions if m.start == s), None)
            if m is not None and any(doc[k].dep_ in {"nsubj", "nsubjpass"} for k in range(m.start, m.end)):
                return p
        return None

    def sentence_subject(self, sent: Any) -> Any:
        for t in sent:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT":
                persons = self.in_phrase(t, follow_conj=False)
                if not persons and t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "GPE":  # "the President of India
                    # visited ..., where she met": described; a country is no one's "she"
                    persons = self.by_description(t)
                if persons:
                    return persons[0]
        return None

    def in_phrase(self, token: Any, follow_conj: bool = True) -> list[Any]:
        """People a noun phrase names: itself, an apposition or compound, its conjuncts ("A, B and C")."""
        found: dict[int, Any] = {}
        stack = [token]
        while stack:
            t = stack.pop()
            if t.i in self.at:
                found.setdefault(t.i, self.at[t.i])
            elif t.pos_ in {"PROPN", "NOUN"} and t.text[:1].isupper() and t.text.casefold() in self.by_word:
                # a name the people reader found elsewhere but not as a mention here ("**Ayman Safadi**")
                found.setdefault(t.i, self.by_word[t.text.casefold()])
            else:
                for c in t.children:
                    if c.dep_ in {"appos", "compound", "npadvmod", "nmod"} and c.i in self.at and not _past_verb(t, c):
                        found.setdefault(c.i, self.at[c.i])
                        break
            for c in t.children:
                if (c.dep_ == "appos" and not _past_verb(t, c)) or (follow_conj and c.dep_ == "conj"):
                    stack.append(c)
                if follow_conj and t.i in self.at and c.dep_ == "prep" and c.lower_ in {"of", "from"}:
                    # "Mauricio Macri of Argentina and Michel Temer of Brazil": the parser joins Temer to Argentina
                    stack += [x for g in c.children if g.dep_ == "pobj" for x in g.conjuncts if x.i in self.at]
                if c.dep_ == "prep" and c.lower_ in {"among", "including"}:  # "leaders, among them A and B"
                    stack += [g for g in c.children if g.dep_ in {"pobj", "appos"} and g.lower_ != "them"]
                    stack += [h for g in c.children if g.lower_ == "them" for h in g.children if h.dep_ in {"appos", "conj"}]
        out: list[Any] = []
        for _i, p in sorted(found.items()):
            if p not in out:
                out.append(p)
        return out

    def resolve(self, token: Any) -> list[Any]:
        """People meant by a subject/object token, pronouns and role nouns included."""
        low = token.lower_
        if low in {"him", "her"} and token.dep_ in {"dobj", "dative", "pobj"}:
            other = self._object_pronoun(token)
            if other is not None:
                return [other]
        if low in {"he", "she", "him", "his", "her", "hers"}:
            # the subject of the sentence, when it is a person other than a phrase containing the pronoun;
            # otherwise the person last named before
            subj = self.sentence_subject(sentence_of(token.doc, token.i))
            if subj is not None:
                own = [m for m in subj.mentions if m.sent == sentence_of(token.doc, token.i).start]
                if not own or not any(m.start <= token.i < m.end for m in own):
                    return [subj]  # named in the sentence, or described there ("the President of Angola ..., she")
            p = self._carried_over(token) or self.subject_before(token.i) or self.center or self.before(token.i)
            return [p] if (p := self._of_the_sex(token, p)) else []
        if low in {"i", "my", "me", "we", "our"} and not _quoted(token):
            # a readout in the first person ("During a work visit to Berlin, I held a working session with my
            # counterpart"): the person the story names first; "we" are they and the one they met
            author = self.first_named()
            if author is None:
                return []
            if low in {"we", "our"}:
                return [author] + [p for p in self.last_pair if p is not author][:1]
            return [author]
        if low in {"who", "that"} and token.head.dep_ == "relcl":
            before = token.doc[token.i - 2] if token.i >= 2 and token.doc[token.i - 1].text == "," else None
            if low == "who" and before is not None and before.i in self.at:
                return [self.at[before.i]]  # "A and B, who arrived on Tuesday": B, however the parser hangs it
            return self.resolve(token.head.head)
        guests = self.guests_before(token)
        if guests:
            return guests
        if token.lemma_.lower() in _PEERS and token.tag_ in {"NNS", "NNPS"}:
            listed = self._listed_after(token)  # "hosted their Australian counterparts, A and B, for talks"
            if len(listed) >= 2:
                return listed
        persons = self.in_phrase(token)
        if persons:
            for member in _members(token):  # "A and his counterparts from B and C": the counterparts too
                if member.lemma_.lower() in _PEERS and member.i != token.i:
                    persons += [p for p in self.counterparts_from(member) if p not in persons]
                elif member.i != token.i and member.dep_ in {"conj", "appos"} and member.i not in self.at:
                    # "Trump and Saudi Arabia's new crown prince discussed ...": named elsewhere in the story (the
                    # parser may hang the second on the first as an apposition: then of another country)
                    persons += [p for p in self.by_country_title(member) if p not in persons and (
                        member.dep_ == "conj" or all(q.country != p.country for q in persons))]
            return persons
        if token.tag_ in {"NNS", "NNPS"} and low.endswith("s") and low[:-1] in _PEERS | set(verb_words()["role_nouns"]):
            listed = self.counterparts_from(token)  # "the Presidents of Peru, X, and Canada, Y"
            if listed:
                return listed
        led = self.group_leader(token)
        if led:
            return led
        titled = self.titled_pair(token)
        if titled:
            return titled
        if low in {"they", "their", "them", "both"} or (low in verb_words()["pair_words"] and _is_pair_np(token)):
            sent_pair = self._conj_subject_pair(sentence_of(token.doc, token.i))
            if sent_pair and low in {"their", "they"}:
                return sent_pair
            pair = self._pair_before(token) or list(self.last_pair or self.principal_pair())
            if _heads_of_state(token) and not all(_heads_an_office(p) for p in pair):
                return []  # "The Heads of State of A and B are to attend": leaders the story does not name
            return pair
        out: list[Any] = []
        for member in _members(token):  # "His Royal Highness the Crown Prince and the Prime Minister of X"
            out += [p for p in self.by_description(member) if p not in out]
        return out

    def first_named(self) -> Any:
        """The person the story names first (a first-person readout's author; a programme's owner)."""
        return self.mentions[0][1] if self.mentions else None

    def group_leader(self, token: Any) -> list[Any]:
        """ "received a delegation led by X", "met the team headed by X": the group stands for its leader."""
        words = verb_words()
        if token.lemma_.lower() not in words["led_groups"]:
            return []
        for c in token.children:
            if c.dep_ == "acl" and c.lemma_.lower() in words["leading_verbs"]:
                for agent in c.children:
                    if agent.dep_ == "agent":
                        return [p for g in agent.children if g.dep_ == "pobj" for p in self.in_phrase(g)]
        return []

    def _listed_after(self, token: Any) -> list[Any]:
        """The people named right after a plural noun and a comma, with their conjuncts, however the parser hung
        them ("their counterparts, A and B,")."""
        doc = self.doc
        j = token.right_edge.i + 1
        if j >= len(doc) or doc[j].text != ",":
            return []
        first = next((t for t in doc[j + 1:j + 6] if t.i in self.at), None)
        if first is None:
            return []
        head = first
        while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
            head = head.head
        out: list[Any] = []
        for t in [head, *head.conjuncts]:
            p = self.at.get(t.i)
            if p is not None and p not in out:
                out.append(p)
        return out

    def named_right_after(self, i: int) -> list[Any]:
        """The person whose name starts within a bracket or a style of token ``i`` ("... (CARICOM) Dr X")."""
        doc = self.doc
        j = i + 1
        while j < len(doc) and j <= i + 3 and (doc[j].is_punct and doc[j].text in {")", "]"} or j not in self.at):
            j += 1
        person = self.at.get(j)
        return [person] if person is not None else []

    def _object_pronoun(self, token: Any) -> Any:
        """ "Lourenço called to congratulate Nandi-Ndaitwah and to invite her to visit": an object pronoun is
        not its own clause's subject (that would be "herself"), so it is the last other person named before."""
        subj = None
        for verb in token.ancestors:  # the nearest clause with a subject: "X called to ... and to invite her"
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                break
        doers = set(map(id, self.resolve(subj))) if subj is not None else set()
        if not doers:
            return None
        sent = sentence_of(token.doc, token.i)
        main = next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"), None)
        if main is not None and main.i < token.i and main is not subj and token.head.dep_ == "relcl":
            # "He will meet X, who will receive him at the airport": the one the sentence is about
            told = [p for p in self.resolve(main) if id(p) not in doers]
            if len(told) == 1:
                return told[0]
        floor = sentence_of(token.doc, sent.start - 1).start if sent.start > 0 else 0
        for start, person in reversed(self.mentions):  # in its sentence, else the one before ("X arrived on
            if start >= token.i:  # Sunday. Officials welcomed him.")
                continue
            if start < floor:
                break
            if id(person) not in doers:
                return person
        return None

    def _carried_over(self, token: Any) -> Any:
        """ "Officials welcomed him. He will then leave for the capital": a subject pronoun opening a sentence
        goes on with the person the sentence before spoke of by a pronoun of the same kind, not with its subject."""
        sent = sentence_of(token.doc, token.i)
        if token.dep_ not in {"nsubj", "nsubjpass"} or sent.start == 0 or token.i - sent.start > 3:
            return None
        before = sentence_of(token.doc, sent.start - 1)
        kind = {"he": "him", "she": "her"}.get(token.lower_)
        told = [t for t in before if t.lower_ == kind and t.dep_ in {"dobj", "dative", "pobj"}]
        return self._object_pronoun(told[-1]) if told else None

    def guests_before(self, token: Any) -> list[Any]:
        """ "X held talks with A and B. Both foreign leaders arrived ...": the ones the sentence before had its
        subject meet, not the subject."""
        if token.tag_ not in {"NNS", "NNPS"} or not any(c.lower_ in verb_words()["guest_words"] for c in token.children):
            return []
        sent = sentence_of(token.doc, token.i)
        if sent.start == 0:
            return []
        before = sentence_of(token.doc, sent.start - 1)
        host = self.sentence_subject(before)
        named = [p for s, p in self.mentions if before.start <= s < before.end and p is not host]
        named = [p for k, p in enumerate(named) if p not in named[:k]]
        return named if host is not None and len(named) >= 2 else []

    def _pair_before(self, token: Any) -> list[Any]:
        """ "The Head of State welcomed the Colombian President ..., after which both dignitaries held a
        meeting", "the two leaders met in November, and they had a call last month": the two people of
        different sides the sentence named before the pair word, by name or by description."""
        sent = sentence_of(token.doc, token.i)
        seen: list[Any] = []
        for t in sent:
            if t.i >= token.i:
                break
            if t.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}:
                continue
            got = [self.at[t.i]] if t.i in self.at else (self.titled_pair(t) or self.by_description(t))
            if not got and t.lower_ in {"he", "she"}:  # "He then held talks with X, where the two signed ..."
                got = self.resolve(t)
            seen += [p for p in got if p not in seen]
        return seen[:2] if len(seen) == 2 and different_sides(seen) else []

    def by_description(self, token: Any) -> list[Any]:
        """People a noun names by what they are: a role ("the President"), a kind ("the Romanian official"),
        a title's initials ("EAM") or a whole title ("the Crown Prince")."""
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ in verb_words()["role_nouns"]:
            return self.by_role(token)
        if token.lemma_.lower() in _PEERS and self.counterparts_from(token):
            return self.counterparts_from(token)
        if token.lemma_.lower() in _PEERS:
            peer = self.counterpart_of_country(token)
            if peer:
                return peer
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ in verb_words()["person_nouns"]:
            return self.by_kind(token)
        return self.by_title_initials(token) or self.by_whole_title(token) or self.by_country_title(token) \
            or self.for_country(token)

    def by_country_title(self, token: Any) -> list[Any]:
        """ "Saudi Arabia's new crown prince", "Nigeria's president": the one person of that country whose
        title ends in that word, wherever the story names them."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return []
        owners = [c for c in token.children if c.dep_ == "poss"]
        country = next((code_of(t.text) or code_of(span_of(t)) for t in owners), None) if owners else None
        if country is None:
            return []
        head = token.lemma_.lower()
        holders = [p for p in self.people if p.country == country and p.title
                   and p.title.casefold().split()[-1:] == [head]]
        return holders if len(holders) == 1 else []

    def counterparts_from(self, token: Any) -> list[Any]:
        """ "his counterparts from Namibia and Mali": for each country named, its person the story names most
        (the story names them elsewhere: "the presidents of Namibia, X, and Mali, Y")."""
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}]
        preps += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "from"
                  and c.i == token.right_edge.i + 1]  # "met his peers from A and B": hung on the verb
        heads = [g for c in preps for g in c.children if g.dep_ == "pobj"]
        named = [self.at[x.i] for g in heads for x in (g, *g.conjuncts) if x.i in self.at]
        if len(named) >= 2:
            return list({id(p): p for p in named}.values())  # "... from A and B, X and Y": the names listed
        codes = [code for g in heads for x in (g, *g.conjuncts) for code in [country_word(x)] if code]
        out = []
        kind = token.lemma_.lower()
        heads_of = _heads_of_state(token)  # "the Heads of State of A and B"
        wanted = verb_words()["leader_titles"] if kind == "leader" or heads_of else [kind] if kind not in _PEERS else []
        for code in dict.fromkeys(codes):
            first = self._of_country(code, wanted)  # "the leaders of A, B and C": each one's leader before its minister
            if first is not None and (_holds(first, wanted) or not heads_of):  # heads of state the story does not
                out.append(first)  # name: no one
        return out

    def _of_country(self, code: str, wanted: Any) -> Any:
        """The person of a country the story names, one holding a title with a ``wanted`` word first, then the one
        named most; None when it names none."""
        cands = sorted((p for p in self.people if p.country == code), key=lambda p: (not _holds(p, wanted),
                                                                                    -len(p.mentions)))
        return cands[0] if cands else None

    def counterpart_of_country(self, token: Any) -> list[Any]:
        """ "with his Laotian counterpart": the person of that country holding the title of the one whose
        counterpart they are (else the one of that country the story names most)."""
        country = next((code for c in token.children if c.dep_ in {"amod", "compound"} for code in [country_word(c)] if code),
                       None)
        if country is None:
            return []
        cands = sorted((p for p in self.people if p.country == country), key=lambda p: -len(p.mentions))
        owner = next((p for c in token.children if c.dep_ == "poss" for p in self.resolve(c)), None)
        if owner is not None and owner.title:
            same = [p for p in cands if p.title and _title_parts(owner.title) & _title_parts(p.title)]
            cands = same or cands
        return [p for p in cands if p is not owner][:1]

    def met_country(self, token: Any) -> list[Any]:
        """ "held bilaterals with Australia, Spain and Turkey": for each country met, its person the story names
        (its leader first), when the story names one."""
        out = []
        for x in (token, *token.conjuncts):
            code = country_word(x) if x.ent_type_ == "GPE" else None
            first = self._of_country(code, verb_words()["leader_titles"]) if code else None
            if first is not None and first not in out:
                out.append(first)
        return out

    def for_country(self, token: Any) -> list[Any]:
        """ "Spain and France signed today a treaty": a country that acts is its person the story names
        most (the one it follows, when of that country)."""
        if token.dep_ not in {"nsubj", "nsubjpass", "conj"} or (token.ent_type_ != "GPE" and country_word(token) is None):
            return []
        verb = token.head.head if token.dep_ == "conj" else token.head
        signs = verb_words()["country_signs"]  # "India and Mauritius upgraded their ties and exchanged eight MoUs"
        if verb.lemma_.lower() not in signs and not any(c.dep_ == "conj" and c.lemma_.lower() in signs
                                                        for c in verb.children):
            return []  # "Spain and Morocco agreed to ...": no sitting of anyone; a signing has signatories
        country = country_word(token)
        if country is None:
            return []
        cands = [p for p in self.people if p.country == country and p.country_sure]
        if self.center is not None and self.center in cands:
            return [self.center]
        cands.sort(key=lambda p: -len(p.mentions))
        return cands[:1]

    def by_whole_title(self, token: Any) -> list[Any]:
        """ "The Chief Adviser arrived", "the Foreign Secretary said": a definite phrase that is a found
        person's whole title names them (a title no one else in the story holds)."""
        if token.pos_ not in {"NOUN", "PROPN"} or not any(c.lower_ == "the" for c in token.children):
            return []
        words = [t.lower_ for t in token.subtree if t.i <= token.i and t.dep_ in {"compound", "amod"} or t is token]
        if len(words) < 2:
            return []  # "the President" alone is a role noun's work (by_role), with its own care
        phrase = " ".join(words)
        holders = [p for p in self.people if p.title and phrase in _title_parts(p.title)]
        return holders if len(holders) == 1 else []

    def by_kind(self, token: Any) -> list[Any]:
        """ "The Romanian official was received by ...", "the Mozambican statesman": the person of that
        country the story names most; "the guest" with no country: the person the story follows."""
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) and token.lower_ in {"counterpart", "guest", "host"}:
            return []  # "his counterpart", "his guest": someone other than the one the pronoun names
        if not any(c.lower_ in {"the", "this", "our"} for c in token.children):
            return []  # "an official said": anybody
        country = next((code for t in token.subtree if t.i < token.i for code in [country_word(t)] if code), None)
        visiting = self._visiting(token, self.people if country is None else
                                  [p for p in self.people if p.country == country])
        if visiting:
            return visiting
        if country is None:
            return [self.center] if self.center is not None else []
        cands = [p for p in self.people if p.country == country]
        if self.center is not None and self.center in cands:
            return [self.center]
        cands.sort(key=lambda p: -len(p.mentions))
        return cands[:1]

    def _visiting(self, token: Any, cands: list[Any]) -> list[Any]:
        """ "the visiting Minister", "the visiting dignitary": the last of ``cands`` the story had visiting, not
        its host (nor whoever it follows at that point)."""
        if not any(c.lower_ == "visiting" for c in token.children):
            return []
        return [p for p in reversed(self.visitors) if p in cands][:1]

    def by_title_initials(self, token: Any) -> list[Any]:
        """ "EAM held a bilateral meeting", "the PM said": the person whose title those capitals abbreviate
        (External Affairs Minister, Prime Minister), the most named when several hold it."""
        text = token.text
        if not (2 <= len(text) <= 5 and text.isalpha() and text.isupper()):
            return []
        country = next((code for t in token.lefts for code in [country_word(t)] if code), None)  # "Thai PM"
        deputy = next((t.text[0].upper() for t in token.lefts if t.lower_ in {"deputy", "vice"}), "")
        text = deputy + text  # "Pakistan Deputy PM": the DPM, not the PM
        cands = [p for p in self.people if p.title and (country is None or p.country == country) and (
            _initials(p.title) == text or text in {_initials(part) for part in _title_parts(p.title)})]
        cands.sort(key=lambda p: -len(p.mentions))
        return cands[:1]

    def titled_pair(self, token: Any) -> list[Any]:
        """ "the Prime Ministers", "the two Presidents": the two people of different countries holding that title
        (the pair last named, when they hold it)."""
        low = token.lower_
        if token.tag_ not in {"NNS", "NNPS", "NNP"} or not low.endswith("s") \
                or (low[:-1] not in verb_words()["role_nouns"] and low != "heads") \
                or not _is_pair_np(token) or any(c.dep_ == "nummod" and c.lower_ not in {"two", "2"} for c in token.children):
            return []  # "the two Presidents", "the Prime Ministers"; not "five fellow leaders"
        words = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod"}} | {low[:-1]}
        prime = "prime" in words
        if low in {"leaders", "heads"}:  # "the two leaders", "the two Heads of State": heads of state or government
            leaders = verb_words()["leader_titles"]
            holders = [p for p in self.people if p.title and any(w in p.title.lower() for w in leaders)
                       and "deputy" not in p.title.lower() and "vice" not in p.title.lower()]
        else:
            holders = [p for p in self.people if p.title and any(
                low[:-1] in part.split(" of ")[0] and (not prime or "prime" in part)  # not "President of the
                and (low[:-1] != "minister" or prime or "prime" not in part)  # Council of Ministers"
                for part in p.title.lower().split(","))]  # "Deputy Prime Minister, Minister of Foreign Affairs"
        if len(self.last_pair) == 2 and different_sides(self.last_pair) and all(p in holders for p in self.last_pair):
            return list(self.last_pair)  # not a minister and her own deputy: "the two ministers" are two sides
        holders.sort(key=lambda p: -len(p.mentions))
        pair = holders[:1] + [p for p in holders[1:] if holders and p.country != holders[0].country][:1]
        return pair if len(pair) == 2 else []

    def principal_pair(self) -> list[Any]:
        """The two people the story is about ("the two leaders" before any pair was named): the most named
        person and the most named one of another country."""
        if self._principal is None:
            ranked = sorted(self.people, key=lambda p: -len(p.mentions))
            first = ranked[0] if ranked else None
            second = next((p for p in ranked[1:] if first is not None and p.country and p.country != first.country),
                          None)
            self._principal = [first, second] if first is not None and second is not None else []
        return self._principal

    def _conj_subject_pair(self, sent: Any) -> list[Any]:
        for t in sent:
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.i < t.head.i:  # not a list after a colon
                # nor a name after the verb that the parser hung on the subject ("A, who ..., observed that ...:
                # B of X and C of Y")
                persons = [p for p in self.in_np(t) if any(t.left_edge.i <= m.start < t.head.i for m in p.mentions)]
                if len(persons) >= 2:
                    return persons
        return []

    def in_np(self, token: Any) -> list[Any]:
        """Everyone named in a subject phrase: "X, Minister of ..., and Y, Minister of ..."."""
        out: list[Any] = []
        stack = [token]
        while stack:
            t = stack.pop()
            if t.i in self.at and self.at[t.i] not in out:
                out.append(self.at[t.i])
            stack += [c for c in t.children if c.dep_ not in {"relcl", "acl", "advcl", "punct"} and not _clause_phrase(c)]
        return sorted(out, key=lambda p: min((m.start for m in p.mentions if m.start >= token.left_edge.i), default=0))

    def by_role(self, token: Any) -> list[Any]:
        """ "the President", "the Prime Minister", "the Vietnamese Prime Minister" -> the person with that title."""
        words = {t.lower_ for t in token.subtree if t.i <= token.i}
        country = next((code for t in token.subtree if t.i < token.i for code in [country_word(t)] if code), None)
        if country is None:  # "the Prime Minister of Pakistan"
            country = next((code for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj" for code in [country_word(g)] if code), None)
        leaders = verb_words()["leader_titles"]
        cands = [p for p in self.people if p.title and (token.lower_ in p.title.lower() or (
            token.lower_ == "leader" and any(w in p.title.lower() for w in leaders)) or (
            token.lower_ == "premier" and "prime minister" in p.title.lower()))  # "the Cuban Premier"
                 and (token.lower_ != "minister" or "prime" not in words or "prime" in p.title.lower())
                 and (token.lower_ != "minister" or "prime" in words or any(  # "the Minister" is no Prime Minister
                     "minister" in part and "prime" not in part for part in _title_parts(p.title)))
                 and (country is None or p.country == country)]
        if not cands:
            return []
        phrase = " ".join(t.lower_ for t in token.subtree if t.lower_ != "the" and not t.is_punct)
        exact = [p for p in cands if " of " in phrase and p.title.casefold().removeprefix("the ") == phrase]
        if len(exact) == 1:  # "the President of the Republic" is the one with that whole title, not the President of
            return exact  # the Italian Republic the story may follow at that point
        visiting = self._visiting(token, cands)
        if visiting:
            return visiting
        if self.center is not None and self.center in cands:
            return [self.center]  # "the President" is the president the story follows
        first = next((p for _s, p in self.mentions if p in cands), None)
        if first is not None and country is None and any(c.lower_ in {"hon", "hon.", "honourable", "honorable"}
                                                          for c in token.subtree):
            return [first]  # "the Hon. Minister" of a ministry's release is its own, the one it names first
        cands.sort(key=lambda p: -len(p.mentions))
        return [cands[0]]


_SMALL_WORDS = frozenset({"of", "for", "and", "the", "&"})


_PEERS = {"counterpart", "peer", "homologue", "homolog"}  # "his Colombian homologue" (copy translated from Spanish)


def country_word(token: Any) -> str | None:
    """The country a word names with the words written with it: "Sierra Leonean" and "Sri Lankan" are two tokens,
    of which neither alone names a country ("the Sierra Leonean minister", "the presidents of Sierra Leone")."""
    code = code_of(token.text)
    if code or not token.text[:1].isupper():
        return code
    doc = token.doc
    for start in (token.i - 1, token.i - 2):
        if start >= 0 and all(w.text[:1].isupper() for w in doc[start:token.i]):
            code = code_of(doc[start:token.i + 1].text)
            if code:
                return code
    return None


def span_of(token: Any) -> str:
    """A possessor's words without the "'s" ("Saudi Arabia" of "Saudi Arabia's")."""
    return " ".join(t.text for t in token.subtree if t.dep_ != "case" and t.text not in {"'s", "’s"})


def _holds(person: Any, wanted: Any) -> bool:
    """Whether the person's title holds one of the ``wanted`` words ("President", "Prime Minister")."""
    return bool(person.title) and any(w in person.title.lower() for w in wanted)


def _heads_of_state(token: Any) -> bool:
    """ "the Heads of State", "Heads of Government": a pair named by the office, which the pair last named
    (ministers, say) need not hold."""
    return token.lower_ == "heads" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.lower_ in {"state", "government"} for g in c.children) for c in token.children)


def _heads_an_office(person: Any) -> bool:
    """Whether the person's title is a leader's ("President of the Republic", "Prime Minister"; not "Vice
    President", "Deputy Prime Minister")."""
    title = (person.title or "").casefold()
    return _holds(person, verb_words()["leader_titles"]) and not any(w in title for w in ("vice", "deputy"))


def _past_verb(token: Any, child: Any) -> bool:
    """ "The President of the Republic was received by the President of X, Mr Y": the parser hangs Y on the
    subject as its apposition, across the verb; a subject's apposition never lies past its verb."""
    return token.dep_ in {"nsubj", "nsubjpass"} and token.i < token.head.i < child.i


def _quoted(token: Any) -> bool:
    """Whether the token's sentence quotes someone (a quotation mark in it): "I" there is the speaker's."""
    sent = sentence_of(token.doc, token.i)
    return any(t.text in {'"', "“", "”", "'", "‘", "’"} and t.is_quote for t in sent)


def _clause_phrase(token: Any) -> bool:
    """ "after meeting with X" inside a subject phrase: a clause of its own, whose people are not the subject's."""
    return token.dep_ == "prep" and any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in token.children)


def _members(token: Any) -> list[Any]:
    """A noun phrase's heads: itself, its appositions and their conjuncts."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ in {"appos", "conj"}]
    return sorted(out, key=lambda t: t.i)


def _title_parts(title: str) -> set[str]:
    """ "Crown Prince and Prime Minister" -> {the whole, "crown prince", "prime minister"}."""
    low = title.lower()
    return {low} | {part.strip() for part in re.split(r",| and ", low) if part.strip()}


def _initials(title: str) -> str:
    """ "External Affairs Minister" -> "EAM"; "Minister of Foreign Affairs" -> "MFA"."""
    return "".join(w[0] for w in title.split() if w.lower() not in _SMALL_WORDS and w[:1].isalpha()).upper()


def _is_pair_np(token: Any) -> bool:
    kids = {c.lower_ for c in token.children}
    return bool(kids & {"two", "both", "the"}) or token.lower_ in {"both"}


def different_sides(pair: list[Any]) -> bool:
    """Not two people of one delegation (when both their countries are stated)."""
    a, b = pair[0], pair[1]
    if a is b:
        return False
    return not (a.country_sure and b.country_sure and a.country == b.country)


def _name_words(people: list[Any]) -> dict[str, Any]:
    """Each word of a person's name that no other person's name shares (case folded) -> that person."""
    owners: dict[str, list[Any]] = {}
    for p in people:
        for word in p.name.split():
            if len(word) > 2 and word[:1].isupper():
                owners.setdefault(word.casefold(), [])
                if p not in owners[word.casefold()]:
                    owners[word.casefold()].append(p)
    return {w: ps[0] for w, ps in owners.items() if len(ps) == 1}
