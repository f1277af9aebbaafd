"""Reading a content file: its size, its encoding, its JSON and its format version, before
any item is looked at."""

import json
import os
from typing import BinaryIO

from phases.content.transfer.schema import (
    FORMAT,
    MAX_IMPORT_BYTES,
    SUPPORTED_FORMAT_VERSIONS,
    ContentProblems,
    shown,
    what_is,
)


def read_file(path: str, *, stdin: BinaryIO) -> bytes:
    """The bytes of `path` (`-`: standard input). A file over MAX_IMPORT_BYTES is refused
    before it is read into memory: by its size on disk, and never more than the limit and
    one byte is read (from standard input, or a file that grows)."""
    try:
        if path == "-":
            data = stdin.read(MAX_IMPORT_BYTES + 1)
        else:
            if (size := os.stat(path).st_size) > MAX_IMPORT_BYTES:
                raise ContentProblems([_too_big(f"{size / 1024 / 1024:,.1f} MB")])
            with open(path, "rb") as file:
                data = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ContentProblems([f"Cannot read {path}: {error.strerror or error}."]) from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ContentProblems([_too_big(f"more than {MAX_IMPORT_BYTES // 1024 // 1024} MB")])
    return data


def _too_big(size):
    return (
        f"The file is {size}; an import may be at most {MAX_IMPORT_BYTES // 1024 // 1024} MB "
        "(a full export is about 100 KB). Is it a file written by export_content?"
    )


class _RepeatedKey(ValueError):
    pass


def _no_repeated_keys(pairs):
    content = {}
    for key, value in pairs:
        if key in content:
            raise _RepeatedKey(key)  # JSON would silently keep the last one
        content[key] = value
    return content


def parsed(data):
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ContentProblems(
                [f"The file is not UTF-8 text (byte {error.start:,} is not UTF-8)."]
            ) from None
    try:
        content = json.loads(data, object_pairs_hook=_no_repeated_keys)
    except RecursionError:
        raise ContentProblems(
            ["The file is nested too deeply (lists or objects inside each other hundreds of "
             "times): it is not an export."]
        ) from None  # fmt: skip
    except _RepeatedKey as key:
        raise ContentProblems(
            [f"The file gives “{shown(str(key))}” twice in one object: which one is meant?"]
        ) from None
    except ValueError as error:  # JSONDecodeError, or a number with thousands of digits
        raise ContentProblems([f"The file is not valid JSON: {error}."]) from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise ContentProblems([f"The file is not an ALL Phase Portal export (format “{FORMAT}”)."])
    version = content.get("format_version")
    if type(version) is not int or version not in SUPPORTED_FORMAT_VERSIONS:
        readable = " and ".join(str(number) for number in sorted(SUPPORTED_FORMAT_VERSIONS))
        raise ContentProblems(
            [f"format_version: this site reads files of versions {readable}, not "
             f"{what_is(version)}. Export the content again from a site running this version."]
        )  # fmt: skip
    return content
