"""GUI tests: QSettings go to a temporary folder, never the user's real ones."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QCoreApplication.setOrganizationName("BriefingBuilderTests")
    QCoreApplication.setApplicationName("BriefingBuilderTests")
    yield


# --- a library made by hand (no language model) and the window on it -------------------------------------

SAMPLE = (
    "Foreign Minister Anna Lindqvist of Sweden met her Vietnamese counterpart Bùi Thanh Sơn in Hà Nội on "
    "12 March 2024. The two ministers signed a Memorandum of Understanding on green energy cooperation. "
    "Bilateral trade reached USD 1.9 billion in 2023. They discussed a visit to Zürich later this year."
)


SUBJECTS = ("green energy cooperation", "maritime safety", "higher education", "digital trade", "health research",
            "customs procedures", "cultural exchange", "climate finance")


def hand_made_source(n: int, *, text: str | None = None, date: str = "2024-03-12"):
    """A Source and its Extraction written by hand: what the extraction would find in SAMPLE."""
    import hashlib

    from briefing.model import Agreement, Event, Evidence, Extraction, Figure, Person, Source

    subject = SUBJECTS[n % len(SUBJECTS)] + ("" if n < len(SUBJECTS) else f" {n}")
    # a tail of words of this readout's own, so that the library does not take the readouts for copies
    # of one story (copies share their items); no test reads it
    text = text or f"{SAMPLE} (Readout {n}.)\n\n" + " ".join(f"ref{n}x{k}" for k in range(80))
    source = Source(path=f"/sources/readout-{n:03d}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    title=f"Readout {n}: Sweden and Viet Nam", date=date, publisher="Ministry for Foreign Affairs")

    def ev(fragment: str) -> Evidence:
        start = text.index(fragment)
        return Evidence.of(text, start, start + len(fragment))

    extraction = Extraction(
        countries=["SE", "VN"],
        people=[Person(name=f"Anna Lindqvist {n}", title="Foreign Minister", country="SE",
                       evidence=[ev("Foreign Minister Anna Lindqvist")]),
                Person(name=f"Bùi Thanh Sơn {n}", title="Foreign Minister", country="VN", evidence=[ev("Bùi Thanh Sơn")])],
        events=[Event(type="meeting", status="held", date=date, location="Hà Nội",
                      participants=[f"Anna Lindqvist {n}", f"Bùi Thanh Sơn {n}"], summary=f"Ministers met ({n})",
                      evidence=[ev("met her Vietnamese counterpart")])],
        agreements=[Agreement(title=f"MoU on {subject}", kind="mou", status="signed", date=date,
                              parties=["SE", "VN"], topics=["energy"],
                              evidence=[ev("signed a Memorandum of Understanding on green energy cooperation")])],
        figures=[Figure(value=1.9e9, unit="USD", what="bilateral trade", period="2023",
                        evidence=[ev("Bilateral trade reached USD 1.9 billion in 2023")])],
    )
    return source, extraction


@pytest.fixture
def library_path(tmp_path):
    return tmp_path / "library.sqlite3"


@pytest.fixture
def make_library(library_path):
    """make_library(n) -> an open Library at library_path holding n hand-made sources."""
    from briefing.library import Library

    opened = []

    def make(n: int = 3):
        lib = Library.open(library_path, seed=False)
        for i in range(n):
            lib.add_source(*hand_made_source(i, date=f"2024-03-{i % 28 + 1:02d}"))
        opened.append(lib)
        return lib

    yield make
    for lib in opened:
        lib.close()


@pytest.fixture
def settings():
    from briefing.settings import Settings

    s = Settings(own_country="SE")
    s.save()
    return s


@pytest.fixture
def open_window(qtbot, settings):
    """open_window(library) -> a shown MainWindow; closed (and its library with it) after the test."""
    from ui.main_window import MainWindow

    windows = []

    def open_(library):
        window = MainWindow(library, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        if window.isVisible() or window.worker is not None:
            window.close()


# --- a virtual screen for the tests that open the real (xcb) window ----------------------------------------

XVFB_MISSING = ("Xvfb is not installed, and scripts/system-deps.sh could not install it here (it needs apt-get "
                "and root or sudo): the real-window tests need a virtual screen")


@pytest.fixture(scope="session")
def xvfb_display():
    """':N' of an Xvfb started for this session on a display it picks itself (free by construction)."""
    import os
    import shutil
    import subprocess

    if shutil.which("Xvfb") is None:
        pytest.skip(XVFB_MISSING)
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24",
                               "-nolisten", "tcp"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write_end)
    number = b""
    while not number.endswith(b"\n"):  # Xvfb writes the display number once it accepts clients
        chunk = os.read(read_end, 16)
        if not chunk:
            break
        number += chunk
    os.close(read_end)
    if not number.strip():
        server.kill()
        pytest.fail(f"Xvfb did not start: {server.communicate()[1].decode(errors='replace')[-400:]}")
    yield f":{number.decode().strip()}"
    server.terminate()
    server.wait(timeout=10)
