"""The errors brief rendering reports to the user: each carries a one-line message, never a traceback."""

from __future__ import annotations


class BriefError(Exception):
    """Anything the user caused and can fix (a missing brief, a bad template, a marking too low)."""


class TemplateError(BriefError):
    """A template that cannot be rendered; names the template and the offending tag."""

    def __init__(self, template: str, tag: str | None, message: str) -> None:
        self.template = template
        self.tag = tag
        self.message = message
        where = f" at tag {tag}" if tag else ""
        super().__init__(f"Template '{template}'{where}: {message}")


class MarkingError(BriefError):
    """The brief's security marking is lower than that of a source it cites."""

    def __init__(self, brief_marking: str, required: str, sources: list[str] | None = None) -> None:
        self.brief_marking = brief_marking
        self.required = required
        self.sources = list(sources or [])
        cited = f" (cited: {', '.join(self.sources[:3])}{'…' if len(self.sources) > 3 else ''})" if self.sources else ""
        super().__init__(
            f"The brief is marked {brief_marking} but cites sources marked {required}{cited}; "
            f"mark it {required} or confirm the lower marking"
        )
