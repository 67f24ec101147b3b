"""Templates run under limits: a user template can loop for ever or build a gigabyte of text.

The sandbox stops a template from reaching Python's insides, not from spending time or memory: nested
``range(100000)`` loops ran past 90 s and ``'A' * 10**9`` wrote a 5.9 GB file. So every render runs in a
child process (``forkserver``: safe beside the window's threads, and quick after the first render because
the server keeps the rendering modules loaded) with a CPU-time and an address-space limit, under a
wall-clock deadline, and its output is refused past a maximum size. Past any of them the render stops with
a message that says which limit, and nothing is written.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefing.brief.errors import BriefError, TemplateError


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 30
    memory_bytes: int = 2 * 1024**3  # address space: Python, lxml and a large brief fit well under it
    output_bytes: int = 100 * 1024**2
    wall_seconds: float = 60.0


DEFAULT = Limits()
_PRELOAD = ["briefing.brief.docx", "briefing.brief.summary"]


class RenderLimitError(BriefError):
    """A render stopped at one of its limits."""


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _child(conn, limits: Limits, fn: Callable[..., Any], args: tuple) -> None:
    """In the child: limit itself, render, send back ("ok", result) or ("error", kind, details)."""
    from briefing.lifetime import die_with_parent

    die_with_parent()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    except (ImportError, ValueError, OSError):  # no such limits here: the wall-clock deadline still holds
        pass
    try:
        result = fn(*args)
        size = len(result.encode("utf-8")) if isinstance(result, str) else len(result)
        if size > limits.output_bytes:
            conn.send(("error", "output", size))
        else:
            conn.send(("ok", result))
    except MemoryError:
        conn.send(("error", "memory", None))
    except TemplateError as exc:
        conn.send(("error", "template", (exc.template, exc.tag, exc.message)))
    except BriefError as exc:
        conn.send(("error", "brief", str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported as the render's failure, in one line
        conn.send(("error", "other", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def run_limited(fn: Callable[..., Any], *args: Any, label: str, limits: Limits | None = None) -> Any:
    """``fn(*args)`` in a limited child process; its result, or RenderLimitError / TemplateError / BriefError.

    ``fn`` must be a module-level function and ``args`` picklable; ``label`` names the template in messages.
    """
    limits = limits or DEFAULT
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, limits, fn, args), name="briefing-render", daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(limits.wall_seconds):
            raise RenderLimitError(_stopped(label, child, limits, timed_out=True))
        try:
            message = receive.recv()
        except (EOFError, OSError):
            raise RenderLimitError(_stopped(label, child, limits)) from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if message[0] == "ok":
        return message[1]
    kind, details = message[1], message[2]
    if kind == "template":
        raise TemplateError(*details)
    if kind == "output":
        raise RenderLimitError(f"Template '{label}' made {details / 1024**2:.0f} MB of output, more than the "
                               f"{limits.output_bytes // 1024**2} MB limit; nothing was written")
    if kind == "memory":
        raise RenderLimitError(f"Template '{label}' needed more than the {limits.memory_bytes // 1024**2} MB "
                               f"memory limit; nothing was written")
    if kind == "brief":
        raise BriefError(details)
    raise TemplateError(label, None, f"cannot be rendered ({details})")


def _stopped(label: str, child, limits: Limits, *, timed_out: bool = False) -> str:
    """Why a child that sent nothing back ended: its CPU limit (SIGXCPU), memory, or the deadline."""
    child.join(0.5)
    code = child.exitcode
    import signal

    if timed_out or code is None:
        reason = f"ran longer than the {limits.wall_seconds:.0f} s limit"
    elif code in (-signal.SIGXCPU, -signal.SIGKILL) if sys.platform != "win32" else False:
        reason = f"used more than the {limits.cpu_seconds} s processor-time limit"
    else:
        reason = f"stopped unexpectedly (exit code {code}; memory limit {limits.memory_bytes // 1024**2} MB)"
    return f"Template '{label}' {reason}; nothing was written"

