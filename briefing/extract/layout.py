"""Layout of a source's text: where sentences must break, and which lines are not content.

Runs before the parser. Sentences break at blank lines, bullets, numbered points
and headings (a heading or list item never runs into the next). Bylines, credit
lines ("Reporting by ...; Editing by ..."), photo credits, e-mail headers and
signatures, media-contact footers and "ENDS" markers are recorded in
``doc._.bb_skip`` so no person, event or agreement is taken from them.
"""

from __future__ import annotations

import re
from typing import Any

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_BULLET = re.compile(r"^\s*(?:[-*•·–—]\s+|\d{1,2}[.)]\s+|#{1,6}\s+)")
_CREDIT = re.compile(r"(?i)\b(?:additional\s+)?(?:reporting|editing|writing|written|compiled|produced|edited|photos?|"
                     r"photograph(?:s|y)?|images?|video|graphics?)\s+by\b|\((?:photo|image|source|credit)s?\s*:")
_BYLINE = re.compile(r"^\s*(?:by|from)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:,.*)?$")
_FOOTER = re.compile(r"(?i)^\s*(?:for\s+(?:media|press|more)\s+(?:enquiries|inquiries|information)|media\s+(?:contact|enquiries|"
                     r"inquiries|relations)|press\s+(?:contact|office)|contacts?\s*:?\s*$|follow\s+us|further\s+information|"
                     r"authori[sz]ed\s+by|related\s+(?:stories|articles|news|links)|read\s+more|share\s+this|subscribe|"
                     r"all\s+rights\s+reserved|copyright|©|cookies?\b|trending\b|breaking\b|"
                     # page furniture: links to other stories, advertising, share buttons
                     r"related\s*:|(?:also|read)\s+(?:read|also)\b|see\s+(?:also|more)\b|more\s+from\b|"
                     r"-*\s*advertisement\s*-*\s*$|sponsored\s+(?:content|links?|stories)|you\s+may\s+also\s+like|recommended\s+(?:for\s+you|stories)|"
                     r"most\s+(?:read|popular|viewed)\b|click\s+here\b|share\s+(?:on|via)\b|"
                     r"(?:tweet|whatsapp|facebook|linkedin|email|print)(?:\s*[|·•]\s*(?:tweet|whatsapp|facebook|linkedin|"
                     r"email|print|share))+\s*$|leave\s+a\s+comment|comments?\s*\(\d+\)|tags?\s*:)")
# a caption describing a picture, often a file picture of another day ("A handout picture provided by the
# Palace shows X chairing the summit on December 14, 2021. (AFP)"; "X and Y at the summit. (File photo)")
_PICTURE = re.compile(r"(?i)^(?:a|an|this|the)\s+(?:(?:handout|file|undated|pool|official)\s+)*(?:picture|photo(?:graph)?|"
                      r"image|screenshot)\s+(?:\w+\s+){0,6}?(?:shows|showing)\b|\((?:file\s+)?(?:photo|picture|image)"
                      r"(?:\s*[:/][^)]*)?\)\s*$|^file\s+(?:photo|picture)\s*[:.-]")
_END_MARK = re.compile(r"^\s*(?:-?\s*ends\s*-?|end|###|-\s*30\s*-|--|-- )\s*$", re.IGNORECASE)
_MAIL_HEADER = re.compile(r"(?i)^\s*(?:from|to|cc|bcc|sent|date|subject|reply-to)\s*:\s|^-{3,}\s*forwarded message|"
                          r"^\s*on .{5,80} wrote:\s*$|\S+@\S+\.\w+")
_CLOSING = re.compile(r"(?i)^\s*(?:fyi\b|fwd?:|best(?:\s+regards)?,?\s*$|regards,?\s*$|thanks,?\s*$|cheers,?\s*$|"
                      r"this (?:message|e-?mail) and any attachments)")


def skip_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that are not content (see the module doc)."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group(0)
        if not line:
            break
        start, end = m.start(), m.end()
        stripped = line.strip()
        if _END_MARK.match(stripped) and stripped:
            out.append((start, len(text)))
            break
        if stripped and (_FOOTER.match(stripped) or _mail_header(stripped) or _CLOSING.match(stripped)
                         or _BYLINE.match(stripped) or _PICTURE.search(stripped)):
            out.append((start, end))
        elif "(" in line or "by" in line.lower():  # what every credit holds: the pattern is tried only then
            for credit in _CREDIT.finditer(line):
                # a credit runs to the end of its bracket, or of the line
                close = line.find(")", credit.end())
                stop = close + 1 if close != -1 else len(line)
                open_ = line.rfind("(", 0, credit.start())
                first = open_ if open_ != -1 else credit.start()
                out.append((start + first, start + stop))
    return _merged(out)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching ranges as one: a sentence running over two furniture lines ("Related: ...\nRelated: ...") lies
    wholly inside the pair."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _mail_header(line: str) -> bool:
    # an address is searched for only where there is an "@": "\S+@" is otherwise tried at every character
    return bool(_MAIL_HEADER.search(line)) if "@" in line else bool(_MAIL_HEADER.match(line))


def in_ranges(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def set_layout(doc: Any) -> Any:
    """Sentence starts at blank lines, bullets and headings; ``doc._.bb_skip`` ranges."""
    text = doc_text(doc)
    for i in _after_newlines(doc, text):
        token, prev = doc[i], doc[i - 1]
        if token.is_space:
            continue
        gap = prev.whitespace_ + (prev.text if prev.is_space else "")
        if "\n" not in gap:
            continue
        line_start = text.rfind("\n", 0, token.idx) + 1
        line = text[line_start:text.find("\n", token.idx) if "\n" in text[token.idx:] else len(text)]
        if gap.count("\n") >= 2 or _BULLET.match(line) or _is_heading_line(text, line_start):
            token.is_sent_start = True
            bullet = _BULLET.match(line)
            # no one-word sentence opens a paragraph ("Meeting Prime Minister X, ...") and a bullet stays with its item
            marker_end = line_start + (bullet.end() if bullet else 0)
            k = i + 1
            while k < len(doc) and doc[k].idx < marker_end and "\n" not in doc[k - 1].whitespace_:
                doc[k].is_sent_start = False
                k += 1
            if k < len(doc) and "\n" not in doc[k - 1].whitespace_ and not doc[k].is_space \
                    and (bullet or not doc[k].is_punct):
                doc[k].is_sent_start = False
            continue
        # a line that ends without punctuation and begins the next with a capital is a heading or a table cell
        before = text[:line_start].rstrip(" \t\n")
        if before and before[-1] not in ".,;:!?\"”’)" and token.is_title and _short_line_before(text, line_start):
            token.is_sent_start = True
    _split_datelines(doc)
    doc._.bb_skip = skip_ranges(text)
    return doc


def _after_newlines(doc: Any, text: str) -> list[int]:
    """The tokens with a line break between them and the token before (in its trailing space, or in a
    space token just before): the only ones ``set_layout`` may start a sentence at. Found from the
    text's line breaks, not by building every Token."""
    if len(doc) < 2 or "\n" not in text:
        return []
    import bisect

    starts = doc.to_array("IDX").tolist()
    found = {bisect.bisect_right(starts, m.start()) for m in re.finditer("\n", text)}
    return sorted(i for i in found if 0 < i < len(starts))


# "VIENTIANE, Laos – ", "BOGOR, Indonesia, Jan 11 (Meridian Wire) - ", "Nairobi – " at the start of a paragraph
_DATELINE = re.compile(r"(?m)^[ \t]*(?:[A-Z][A-Za-z'.-]+(?:[ ][A-Z][A-Za-z'.-]+){0,3})(?:,[ ][A-Z][A-Za-z0-9 .]{1,30}){0,2}"
                       r"(?:[ ]\([^)\n]{1,40}\))?[ ]+(?:[–—-]|--)[ ]+(?=[A-Z])")


# "Port Louis, Mar 12 (IANS) India and ...": an agency's bracket ends it; "ISLAMABAD: Pakistan and ...": a colon
_DATELINE_BRACKET = re.compile(r"(?m)^[ \t]*(?!(?:The|A|An)[ ])(?:[A-Z][A-Za-z'.-]+(?:[ ][A-Z][A-Za-z'.-]+){0,3})"
                               r"(?:,[ ][A-Z][A-Za-z0-9 .]{1,30}){0,2}[ ]\((?:[A-Z][A-Za-z.&]*)(?:[ ][A-Z][A-Za-z.&]*){0,3}\)"
                               r"[ ]*:?[ ]*(?=[A-Z])"
                               r"|^[ \t]*[A-Z][A-Z'.-]{2,}(?:[ ][A-Z][A-Z'.-]+){0,2}:[ ]+(?=[A-Z])")


def _split_datelines(doc: Any) -> None:
    """A dateline is not part of the first sentence's subject: start the sentence after it."""
    text = doc_text(doc)[:20000]
    for m in [*_DATELINE.finditer(text), *_DATELINE_BRACKET.finditer(text)]:
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True


_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "as", "by", "from", "vs"}


def _unwrapped(text: str, line_start: int) -> bool:
    """The line starting here runs on as a paragraph (over 100 characters): the text is not hard-wrapped."""
    end = text.find("\n", line_start)
    return (end if end >= 0 else len(text)) - line_start > 100


def _short_line_before(text: str, line_start: int) -> bool:
    """The line before is a heading: short, or written as a title ("Fiji's Leaders Unite: Strategic Talks at
    Pacific Islands Forum"), which a hard-wrapped line of running text is not."""
    prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    words = text[prev_start:line_start].split()
    if len(words) <= 8 or (prev_start == 0 and len(words) <= 20 and _unwrapped(text, line_start)
                           and words[-1].lower() not in _SMALL_WORDS):
        return True  # short, or the text's first line above a paragraph: its title, however it is capitalised
    content = [w for w in words if w.lower().strip(":,'’\"") not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return len(words) <= 18 and bool(content) and capitalised >= 0.8 * len(content)


def _is_heading_line(text: str, line_start: int) -> bool:
    return text.startswith("#", line_start)


def sentence_of(doc: Any, i: int) -> Any:
    """The sentence holding token ``i`` (Token.sent walks every sentence each time; this looks it up)."""
    import bisect

    cache = doc.user_data.get("bb_sents")
    if cache is None:
        sents = list(doc.sents)
        cache = doc.user_data["bb_sents"] = (sents, [s.start for s in sents])
    sents, starts = cache
    return sents[bisect.bisect_right(starts, i) - 1]


def doc_text(doc: Any) -> str:
    """``doc.text``, built once (the property joins every token each time it is read)."""
    text = doc.user_data.get("bb_text")
    if text is None:
        text = doc.user_data["bb_text"] = doc.text
    return text


def span_text(span: Any) -> str:
    """``span.text``, cut from the Doc's text built once (the property joins the span's tokens each time)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def is_headline(doc: Any, sent: Any) -> bool:
    """The source's own title at its top: it repeats what the body reports."""
    title = (doc._.source_title or "").strip()
    if not title or sent.start_char > 300:
        return False
    text = span_text(sent).strip()
    if len(text) < 10 or text.rstrip("\"”’')").endswith((".", "!", "?")):
        return False  # a headline has no full stop; a lead sentence (often the stored title) does
    return title.startswith(text[:60]) or text.startswith(title[:60])


def token_lowers(doc: Any) -> list[str]:
    """Every token's lower-case text, computed once per Doc: scanning strings spares building a Token
    object per word and per rule."""
    lowers = doc.user_data.get("bb_lowers")
    if lowers is None:  # spaCy's LOWER is str.lower() of the text
        lowers = doc.user_data["bb_lowers"] = [text.lower() for text in token_texts(doc)]
    return lowers


def token_lemmas(doc: Any) -> list[str]:
    """Every token's lemma, computed once per Doc (read from the Doc's arrays, not a Token per word)."""
    lemmas = doc.user_data.get("bb_lemmas")
    if lemmas is None:
        from spacy.attrs import LEMMA

        strings = doc.vocab.strings
        lemmas = doc.user_data["bb_lemmas"] = [strings[h] for h in doc.to_array(LEMMA).tolist()]
    return lemmas


def token_texts(doc: Any) -> list[str]:
    """Every token's text, computed once per Doc (cheap string tests before a Token is built)."""
    texts = doc.user_data.get("bb_texts")
    if texts is None:
        texts = doc.user_data["bb_texts"] = [t.text for t in doc]
    return texts


def passed_over(doc: Any, sent: Any) -> bool:
    """A sentence the event and agreement components leave alone: a byline, credit or footer (``bb_skip``),
    an all-capitals line, or the source's own headline. Decided once per sentence."""
    decided = doc.user_data.setdefault("bb_passed_over", {})
    if sent.start not in decided:
        end = sent.start_char + len(sent.text.rstrip())  # the blank lines after a "READ ALSO: ..." line are not in it
        decided[sent.start] = in_ranges(doc._.bb_skip or [], sent.start_char, end) or shouting(sent) \
            or is_headline(doc, sent)
    return decided[sent.start]


def shouting(sent: Any) -> bool:
    """An all-capitals sentence (a press-release headline) parses badly: the components leave it alone."""
    text = span_text(sent)
    letters = sum(map(str.isalpha, text))
    return letters > 12 and sum(map(str.isupper, text)) > 0.8 * letters
