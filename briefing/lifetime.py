"""Child processes that end with their parent, however the parent ends.

A worker pool's processes outlive a parent killed with SIGKILL (or crashing): they hold the language model
(about 260 MB each) and wait for work for ever, adopted by init. On Linux the kernel can send a signal to a
process when the thread that started it dies (``prctl(PR_SET_PDEATHSIG)``); each worker asks for SIGKILL
as the first thing it does. Elsewhere the call does nothing, and the pool's own shutdown is all there is.
"""

from __future__ import annotations

import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None) -> bool:
    """Have this process killed when its parent dies; True where the platform can promise it.

    ``parent_pid``: the parent as it was when this process was started. If it is already gone (it died
    before this call could be made), this process ends at once rather than run orphaned.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)
    return True
