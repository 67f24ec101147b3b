"""E-mail (.eml): subject, date, sender and the body, read once, with the standard ``email`` package.

multipart/alternative carries the same text twice: the plain part is preferred
and only an html-only mail goes through the web-page cleaning. In a forwarded
mail the forwarded message's own headers give title, date and publisher, and are
taken out of the text, as is a short covering note ("FYI, for the weekly file");
the forwarded content itself is kept whole. A trailing signature after the "-- "
line goes.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re

from .common import Loaded, Refused, clean_text, decode_text, squash_spaces
from .html_page import html_to_text
from .meta import find_dateline, guess_title, iso_date, parse_date

NOT_EMAIL = "not a valid e-mail message"
_FORWARD_MARK = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:Forwarded message|Original Message)\s*-{2,}|Begin forwarded message:"
    r"|-{2,}\s*Weitergeleitete Nachricht\s*-{2,}|-{2,}\s*Message transféré\s*-{2,})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINE = re.compile(r"^[ \t>]*(From|Date|Sent|Subject|To|Cc|Reply-To)\s*:\s*(.*)$", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:fwd?|fw|re|tr|wg|aw)\s*:\s*)+", re.IGNORECASE)
_QUOTE = re.compile(r"^(?:[ \t]?>)+[ \t]?", re.MULTILINE)
MAX_SIGNATURE_LINES = 12
# A forwarder's covering note up to this long is left out; a longer one may be analysis, and stays.
MAX_FORWARD_NOTE = 400


def _decode_part(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError, KeyError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace")
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    return content


def _unflow(text: str) -> str:
    """format=flowed: a line ending in a space continues on the next one (RFC 3676)."""
    text = text.replace("\r\n", "\n")
    return re.sub(r"(?<=[^ \n]) \n(?!-- \n)", " ", text)


def _body(message) -> str:
    """The plain part, or the html part when there is no (non-blank) plain one: never both."""
    for kind in ("plain", "html"):
        part = message.get_body(preferencelist=(kind,))
        if part is None:
            continue
        content = _decode_part(part)
        if kind == "html":
            content = html_to_text(content, page=False)
        elif (part.get_param("format") or "").lower() == "flowed":
            content = _unflow(content)
        if content.strip():
            return content
    return ""


def _attached_messages(message) -> list:
    return [p.get_content() for p in message.walk() if p.get_content_type() == "message/rfc822"]


def _attachment_names(message) -> list[str]:
    try:
        return [part.get_filename() or part.get_content_type() for part in message.iter_attachments()]
    except (AttributeError, TypeError, ValueError):  # not multipart, or odd headers
        return []


def _drop_signature(text: str) -> str:
    lines = text.rstrip().split("\n")
    for i in range(len(lines) - 1, max(-1, len(lines) - 1 - MAX_SIGNATURE_LINES), -1):
        if lines[i].rstrip() == "--":
            return "\n".join(lines[:i])
    return text


def _forwarded(text: str) -> tuple[dict[str, str], str]:
    """Headers of the first forwarded message, and the text with its marker and header block taken out."""
    m = _FORWARD_MARK.search(text)
    if not m:
        return {}, text
    before, after = text[: m.start()], text[m.end():]
    lines = after.lstrip("\n").split("\n")
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines):
        hm = _HEADER_LINE.match(lines[i])
        if not hm:
            break
        headers.setdefault(hm.group(1).lower(), hm.group(2).strip())
        i += 1
    if not headers:
        return {}, text
    forwarded = "\n".join(lines[i:])
    if len(before.strip()) <= MAX_FORWARD_NOTE and forwarded.strip():
        return headers, forwarded  # "FYI, for the weekly file. Karim" is not the source
    return headers, before.rstrip() + "\n\n" + forwarded


def _name_or_domain(address_header: str | None) -> str | None:
    if not address_header:
        return None
    name, address = email.utils.parseaddr(address_header)
    name = squash_spaces(name.strip("'\" "))
    if name:
        return name
    return address.rpartition("@")[2] or None


def _forwarded_date(value: str | None) -> str | None:
    """The date line of a forwarded header block: RFC 5322, Gmail's "Mon, 9 Sep 2024 at 16:05",
    Outlook's "Monday, September 9, 2024 4:05 PM", or another language through dateparser."""
    if not value:
        return None
    hit = parse_date(value)
    if hit:
        return hit[0]
    try:
        import dateparser

        when = dateparser.parse(re.sub(r"\bat\b", " ", value),
                                settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # an odd header is no reason to refuse the mail
        when = None
    return iso_date(when) if when else None


def _header(message, name: str) -> str:
    """A header as text; a malformed one reads as empty rather than failing the import."""
    try:
        return str(message.get(name) or "")
    except (ValueError, TypeError, AttributeError, IndexError, LookupError):
        return ""


def _sent_date(message) -> str | None:
    try:
        header = message.get("Date")
        return iso_date(header.datetime) if header is not None and header.datetime else None
    except (ValueError, TypeError, AttributeError, IndexError, OverflowError):
        return None


def load_eml(data: bytes) -> Loaded:
    decode_text(data[:65536])  # refuses binary files before the lenient mail parser reads them
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception:  # the parser is lenient; this is for truly broken input
        raise Refused(NOT_EMAIL) from None
    if not any(message.get(h) for h in ("From", "Subject", "Date", "Message-ID")):
        raise Refused(NOT_EMAIL)
    subject = squash_spaces(_header(message, "Subject"))
    sender = _header(message, "From")
    organisation = squash_spaces(_header(message, "Organization")) or None
    sent = _sent_date(message)
    body = _body(message)
    for attached in _attached_messages(message):
        inner_subject = squash_spaces(str(attached.get("Subject") or ""))
        inner_from = str(attached.get("From") or "")
        inner_date = str(attached.get("Date") or "")
        block = "\n".join(f"{k}: {v}" for k, v in (("From", inner_from), ("Date", inner_date),
                                                    ("Subject", inner_subject)) if v)
        body += "\n\n---------- Forwarded message ---------\n" + block + "\n\n" + _body(attached)
    body = _QUOTE.sub("", body.replace("\r\n", "\n"))
    headers, body = _forwarded(body)
    text = clean_text(_drop_signature(body))
    if not text:
        attached = _attachment_names(message)
        hint = f" (only attachments: {', '.join(attached)}; save them and import those)" if attached else ""
        raise Refused("no text in this e-mail" + hint)
    original_sender = headers.get("from")
    title = _SUBJECT_PREFIX.sub("", headers.get("subject") or subject).strip() or guess_title(text)
    date = _forwarded_date(headers.get("date") or headers.get("sent")) or sent or find_dateline(text)
    return Loaded(
        text=text,
        title=title,
        date=date,
        publisher=organisation or _name_or_domain(original_sender or sender),
        author=_name_or_domain(sender),
    )
