"""Both backends are the whole store: every operation of ``store.Store``, and ``supports`` says so."""

from __future__ import annotations

from briefing.library.store import (
    BriefStore,
    ChangeFeed,
    CoreStore,
    ItemEditor,
    ItemReader,
    SourceStore,
    Store,
    UndoHistory,
    supports,
)

PROTOCOLS = (SourceStore, ItemReader, ItemEditor, UndoHistory, BriefStore, ChangeFeed, CoreStore, Store)


def _operations(protocol: type) -> list[str]:
    return sorted(name for klass in protocol.__mro__ if klass is not object
                  for name in vars(klass) if not name.startswith("_") and callable(vars(klass)[name]))


def test_each_backend_offers_every_operation_of_the_store(store):
    for protocol in PROTOCOLS:
        assert isinstance(store, protocol), protocol.__name__
        assert supports(store, *_operations(protocol)), protocol.__name__
    assert "set_current_brief" in _operations(Store) and "subscribe" in _operations(Store)


def test_supports_answers_no_for_an_operation_the_store_lacks(store):
    assert not supports(store, "groups", "no_such_operation")
    assert supports(store)  # asking for nothing: offered
