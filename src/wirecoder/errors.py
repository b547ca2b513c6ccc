"""Errors wirecoder raises.

Exception tree::

    WirecoderError
     ├── ConfigError            a bad setting, file or command-line override
     ├── InputError(source)     an input that cannot be read at all (the batch stops only in --strict)
     │    ├── UnsupportedFormat
     │    ├── DecodeError
     │    └── MalformedRecord
     ├── DictionaryError(path, line)   a bad row in an actor or verb dictionary
     ├── GoldFormatError(path, line)   a bad line in a gold file (wirecoder eval)
     ├── ModelError             the spaCy model cannot be loaded
     └── StoreError             the store cannot be opened or written
          └── SchemaVersionMismatch

Documents that are merely bad (empty, binary, undecodable) are not exceptions: they become
``records.Rejected`` values with a stable reason code and are stored like any other record.
"""

from __future__ import annotations


class WirecoderError(Exception):
    """Base class of every error wirecoder raises on purpose."""


class ConfigError(WirecoderError):
    pass


class InputError(WirecoderError):
    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class UnsupportedFormat(InputError):
    pass


class DecodeError(InputError):
    pass


class MalformedRecord(InputError):
    pass


class _FileLineError(WirecoderError):
    """A problem at a place in a file: the message starts with ``path:line``."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class DictionaryError(_FileLineError):
    pass


class GoldFormatError(_FileLineError):
    pass


class ModelError(WirecoderError):
    pass


class StoreError(WirecoderError):
    pass


class SchemaVersionMismatch(StoreError):
    pass
