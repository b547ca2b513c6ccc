"""Readers: real files under tests/data/ingest plus small files written into tmp_path."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from wirecoder.ingest import ReadOptions, Undecodable, decode_bytes, read_inputs
from wirecoder.records import RawDocument, Rejected

DATA = Path(__file__).parent / "data" / "ingest"


def by_origin(records: Iterator[RawDocument | Rejected]) -> dict[str, RawDocument | Rejected]:
    return {record.origin: record for record in records}


def rejected(record: RawDocument | Rejected, reason: str) -> Rejected:
    assert isinstance(record, Rejected), record
    assert record.reason == reason, record
    assert record.stage == "ingest"
    assert record.detail, "every rejection says what was wrong"
    return record


def document(record: RawDocument | Rejected) -> RawDocument:
    assert isinstance(record, RawDocument), record
    return record


# --- the test data folder, read as one batch -------------------------------------------------------


def test_folder_is_walked_sorted_recursively_without_hidden_files() -> None:
    origins = [record.origin for record in read_inputs([DATA])]
    names = [origin.removeprefix(f"{DATA}/") for origin in origins]
    assert names[0] == "article.txt"
    assert names[-1] == "sub/nested.text"
    assert ".hidden.txt" not in names
    files = [name.split(":")[0] for name in names]
    assert files == sorted(files), "entries come in name order"


def test_one_batch_keeps_good_files_next_to_bad_ones() -> None:
    records = by_origin(read_inputs([DATA]))
    rejected(records[f"{DATA}/empty.txt"], "empty")
    rejected(records[f"{DATA}/blank.txt"], "empty")
    rejected(records[f"{DATA}/image.png"], "binary")
    rejected(records[f"{DATA}/garbage.txt"], "undecodable")
    rejected(records[f"{DATA}/feed.jsonl:3"], "malformed_json")
    rejected(records[f"{DATA}/feed.jsonl:4"], "missing_text")
    rejected(records[f"{DATA}/feed.jsonl:6"], "malformed_json")
    # ... and the good documents of the same batch still come through
    assert document(records[f"{DATA}/article.txt"]).kind == "text"
    assert document(records[f"{DATA}/page.html"]).kind == "html"
    assert document(records[f"{DATA}/broken.html"]).kind == "html"
    assert document(records[f"{DATA}/latin1.txt"]).kind == "text"
    assert document(records[f"{DATA}/sub/nested.text"]).kind == "text"
    assert document(records[f"{DATA}/feed.jsonl:1"]).id == "feed-1"
    assert document(records[f"{DATA}/feed.jsonl:7"]).id == "feed.jsonl#7"


def test_file_ids_are_file_names_and_origins_the_paths_given() -> None:
    record = document(next(read_inputs([DATA / "article.txt"])))
    assert record.id == "article.txt"
    assert record.origin == str(DATA / "article.txt")
    assert record.content.startswith("• Home\n")
    nested = document(next(read_inputs([str(DATA / "sub")])))
    assert nested.id == "nested.text"
    assert nested.origin == str(DATA / "sub" / "nested.text")


def test_a_single_path_is_not_read_as_characters() -> None:
    record = document(next(read_inputs(str(DATA / "notes"))))
    assert record.id == "notes"


def test_hidden_file_is_read_when_named_explicitly() -> None:
    record = document(next(read_inputs([DATA / ".hidden.txt"])))
    assert record.id == ".hidden.txt"


# --- decoding --------------------------------------------------------------------------------------


def test_latin1_file_is_decoded() -> None:
    record = document(next(read_inputs([DATA / "latin1.txt"])))
    assert "café owners of Zürich" in record.content
    assert "Señor Núñez" in record.content
    assert "façades" in record.content


def test_invalid_utf8_garbage_is_undecodable() -> None:
    record = rejected(next(read_inputs([DATA / "garbage.txt"])), "undecodable")
    assert record.doc_id == "garbage.txt"
    assert "UTF-8" in record.detail


def test_png_is_binary() -> None:
    record = rejected(next(read_inputs([DATA / "image.png"])), "binary")
    assert "binary" in record.detail


def test_empty_and_whitespace_files_are_empty() -> None:
    assert "0 bytes" in rejected(next(read_inputs([DATA / "empty.txt"])), "empty").detail
    assert "whitespace" in rejected(next(read_inputs([DATA / "blank.txt"])), "empty").detail


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffA UTF-8 file with a byte-order mark.".encode(), "A UTF-8 file with a byte-order mark."),
        ("A UTF-16 file, announced by its mark.".encode("utf-16"), "A UTF-16 file, announced by its mark."),
        (
            "He said “yes” – and left… The €5 fee was waived.".encode("cp1252"),
            "He said “yes” – and left… The €5 fee was waived.",
        ),
        (
            "Президент России встретился с премьер-министром Китая в Сингапуре.".encode("cp1251"),
            "Президент России встретился с премьер-министром Китая в Сингапуре.",
        ),
    ],
)
def test_decode_bytes_reads_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_utf8_with_one_broken_byte_stays_utf8() -> None:
    data = "Café in Zürich, naïve façade — “quoted”. ".encode() * 5 + b"\xe9 and a stray byte."
    result = decode_bytes(data)
    assert isinstance(result, str)
    assert result.startswith("Café in Zürich, naïve façade — “quoted”.")
    assert result.endswith("\ufffd and a stray byte.")


@pytest.mark.parametrize(
    ("page", "encoding"),
    [
        ('<html><head><meta charset="windows-1251"></head><body>Привет, мир</body></html>', "cp1251"),
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "</head><body>“Café”</body></html>",
            "cp1252",  # pages labelled Latin-1 are read as windows-1252, as browsers do
        ),
    ],
)
def test_html_meta_charset_is_used(page: str, encoding: str) -> None:
    assert decode_bytes(page.encode(encoding)) == page


def test_text_full_of_replacement_marks_is_undecodable() -> None:
    result = decode_bytes(("damaged \ufffd\ufffd text " * 5).encode())
    assert isinstance(result, Undecodable)
    assert result.reason == "undecodable"
    assert "U+FFFD" in result.detail


def test_control_characters_make_a_file_binary(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x01\x02\x03\x04header" * 20)
    rejected(next(read_inputs([tmp_path / "blob.txt"])), "binary")


# --- paths that are not there, cannot be read, or are too large -----------------------------------


def test_missing_path_is_not_found_and_others_still_come(tmp_path: Path) -> None:
    records = list(read_inputs([tmp_path / "nope.txt", DATA / "article.txt"]))
    assert rejected(records[0], "not_found").origin == str(tmp_path / "nope.txt")
    assert document(records[1]).id == "article.txt"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission_is_unreadable(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text that nobody may read because its permissions forbid it.\n")
    locked.chmod(0)
    try:
        records = list(read_inputs([locked, DATA / "notes"]))
    finally:
        locked.chmod(0o600)
    rejected(records[0], "unreadable")
    assert document(records[1]).id == "notes"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_socket_in_a_folder_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A readable article that sits next to a socket in the same folder.\n")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(tmp_path / "b.sock"))
        records = list(read_inputs([tmp_path]))
    finally:
        server.close()
    assert document(records[0]).id == "a.txt"
    record = rejected(records[1], "unreadable")
    assert record.doc_id == "b.sock"
    assert "not a regular file" in record.detail


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_rejected_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "z.txt").write_text("The file after the pipe is still read.\n")
    records = list(read_inputs([tmp_path]))
    rejected(records[0], "unreadable")
    assert document(records[1]).id == "z.txt"


def test_symbolic_link_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The only article in a folder that links back to itself.\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [document(record).id for record in read_inputs([tmp_path])] == ["a.txt"]


def test_too_large_is_checked_before_reading(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 100)
    (tmp_path / "small.txt").write_text("tiny\n")
    records = list(read_inputs([tmp_path], options=ReadOptions(max_bytes=100)))
    assert "500 bytes" in rejected(records[0], "too_large").detail
    assert document(records[1]).content == "tiny\n"


def test_reading_is_lazy_one_file_at_a_time(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Contents of {name}.\n")
    records = read_inputs([tmp_path])
    assert document(next(records)).id == "a.txt"
    (tmp_path / "b.txt").unlink()  # removed after the walk began: found missing only when reached
    rejected(next(records), "not_found")
    assert document(next(records)).id == "c.txt"


# --- kinds by extension and by sniffing -----------------------------------------------------------


def test_kinds_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a.TXT").write_text("Upper-case extensions count too.\n")
    (tmp_path / "b.htm").write_text("<p>An HTML fragment in an .htm file.</p>\n")
    (tmp_path / "c.text").write_text("Plain text in a .text file.\n")
    kinds = [document(record).kind for record in read_inputs([tmp_path])]
    assert kinds == ["text", "html", "text"]


def test_sniffing_files_without_known_extension(tmp_path: Path) -> None:
    (tmp_path / "a.dump").write_text(
        json.dumps({"id": "x1", "text": "First record of a JSONL export without the usual extension."})
        + "\n"
        + json.dumps({"id": "x2", "html": "<p>Second record.</p>"})
        + "\n"
    )
    (tmp_path / "b.out").write_text("{curly} braces at the start of plain prose do not make it JSON.\n")
    records = list(read_inputs([tmp_path, DATA / "notes", DATA / "saved_page"]))
    assert [(document(r).id, document(r).kind) for r in records] == [
        ("x1", "text"),
        ("x2", "html"),
        ("b.out", "text"),
        ("notes", "text"),
        ("saved_page", "html"),
    ]
    assert records[0].origin == f"{tmp_path / 'a.dump'}:1"


# --- JSON Lines ------------------------------------------------------------------------------------


def test_jsonl_records_and_their_fields() -> None:
    records = list(read_inputs([DATA / "feed.jsonl"]))
    assert [record.origin.rsplit(":", 1)[1] for record in records] == ["1", "2", "3", "4", "6", "7"]
    first = document(records[0])
    assert first.id == "feed-1"
    assert first.kind == "text"
    assert first.published == date(2024, 5, 4)  # from an ISO datetime with an offset
    assert first.title == "Fishing Fleet Returns to Port"
    assert first.url == "https://example.org/fleet"
    assert first.source == "Coastal Wire"
    second = document(records[1])
    assert second.kind == "html"
    assert second.published == date(2024, 5, 5)
    assert second.title is None


def test_jsonl_bad_lines_are_rejected_with_line_origins() -> None:
    records = by_origin(read_inputs([DATA / "feed.jsonl"]))
    malformed = rejected(records[f"{DATA}/feed.jsonl:3"], "malformed_json")
    assert "line 3 is not valid JSON" in malformed.detail
    missing = rejected(records[f"{DATA}/feed.jsonl:4"], "missing_text")
    assert missing.doc_id == "feed-4"
    assert "neither" in missing.detail
    assert "array" in rejected(records[f"{DATA}/feed.jsonl:6"], "malformed_json").detail


def test_jsonl_field_renames(tmp_path: Path) -> None:
    path = tmp_path / "renamed.ndjson"
    path.write_text(
        json.dumps({"doc_id": 17, "content": "Text under another field name.", "date": "2023-03-03"}) + "\n"
    )
    options = ReadOptions(jsonl_fields={"id": "doc_id", "text": "content", "published": "date"})
    record = document(next(read_inputs([path], options=options)))
    assert record.id == "17"
    assert record.content == "Text under another field name."
    assert record.published == date(2023, 3, 3)
    rejected(next(read_inputs([path])), "missing_text")  # without the renames there is no text field


def test_jsonl_line_problems_do_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": ["not", "a", "string"]}).encode(),
        json.dumps({"id": "b", "text": "   "}).encode(),
        b'{"id": "c", "text": "caf\xe9 in Latin-1, not UTF-8"}',
        json.dumps({"id": "d", "text": "x" * 300}).encode(),
        json.dumps({"id": "e", "text": "The last line is fine.", "published": "not a date"}).encode(),
    ]
    path.write_bytes(b"\n".join(lines))
    records = list(read_inputs([path], options=ReadOptions(max_bytes=200)))
    assert "expected a string" in rejected(records[0], "malformed_json").detail
    assert rejected(records[1], "empty").doc_id == "b"
    assert rejected(records[2], "undecodable").origin == f"{path}:3"
    assert rejected(records[3], "too_large").origin == f"{path}:4"
    last = document(records[4])
    assert last.id == "e"
    assert last.published is None  # never guessed


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\n\n  \n", "empty"), (b"\x00\x01{}" * 10, "binary")],
)
def test_jsonl_file_level_rejections(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(content)
    records = list(read_inputs([path]))
    assert len(records) == 1
    assert rejected(records[0], reason).origin == str(path)
